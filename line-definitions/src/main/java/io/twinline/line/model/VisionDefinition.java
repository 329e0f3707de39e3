package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A camera (a vision check) or a code reader at a position on a conveyor. It looks at every part
 * whose leading edge reaches its position, without stopping it: the part fails if it has the
 * inspected attribute ({@code inspect: defective}) or, independently, with the seeded probability
 * {@code failRate} (the camera's false rejects, or a defect the source does not mark). A code
 * reader ({@code read: <attribute>}) shows the value of that attribute, or the part's type for
 * {@code read: type}, in {@code Code}.
 *
 * <p>The result ({@code Pass} or {@code Fail}, and {@code Code}) is shown for {@code hold} (empty:
 * one I/O cycle, so a PLC always sees it); a part read earlier ends the previous result first.
 * {@code Checked} and {@code Failed} count the parts.
 *
 * @param inspect the attribute that fails a part, if any
 * @param failRate the chance, 0..1, that a part fails anyway
 * @param read the attribute (or {@code type}) a code reader shows in {@code Code}
 * @param hold how long a result is shown; empty: one I/O cycle
 */
public record VisionDefinition(
    String name,
    String description,
    SourceLocation location,
    String conveyor,
    double position,
    Optional<String> inspect,
    double failRate,
    Optional<String> read,
    Optional<Duration> hold)
    implements ComponentDefinition, MountedDefinition {

  public static final String TYPE = "vision";
  public static final String PASS = "Pass";
  public static final String FAIL = "Fail";
  public static final String CHECKED = "Checked";
  public static final String FAILED = "Failed";
  public static final String CODE = "Code";
  /** {@code read: type} shows the part's type rather than an attribute. */
  public static final String READ_TYPE = "type";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals =
        SignalsOf.component(this)
            .input(PASS, SignalType.BOOLEAN, "The part just seen passed")
            .input(FAIL, SignalType.BOOLEAN, "The part just seen failed")
            .input(CHECKED, SignalType.INT32, "Parts seen so far")
            .input(FAILED, SignalType.INT32, "Parts failed so far");
    read.ifPresent(
        attribute ->
            signals.input(CODE, SignalType.STRING, "The " + attribute + " read from the part"));
    return signals.list();
  }

  @Override
  public Set<FaultKind> faults() {
    return Set.of();
  }
}
