package io.twinline.line.model;

import io.twinline.line.SignalPath;
import io.twinline.line.SourceLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A line file's {@code coupling:} section: the PLC4X coupling the line is served with when
 * {@code serve} is given no {@code --plc} (the flags override it). Checked when the file is read;
 * the tag map's content is checked by the coupling when it loads the file.
 *
 * @param plc the PLC4X connection string ({@code modbus-tcp://HOST:PORT})
 * @param tags the tag map (CSV), resolved against the line file's directory
 * @param cycle the exchange period, if not the line's I/O cycle
 * @param pauseWhileDown pause the simulation while the PLC is unreachable
 * @param status the signal that shows the link's state, if any
 * @param wordOrder ABCD or CDAB, if given
 * @param location where the section starts
 */
public record CouplingSection(String plc, Path tags, Optional<Duration> cycle,
    boolean pauseWhileDown, Optional<SignalPath> status, Optional<String> wordOrder,
    SourceLocation location) {}
