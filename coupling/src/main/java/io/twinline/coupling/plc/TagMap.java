package io.twinline.coupling.plc;

import io.twinline.coupling.modbus.RegisterCodec;
import io.twinline.line.Direction;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problem;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which signal lives at which PLC tag: read once, at load, from a CSV an engineer exports from the
 * PLC's tag table ({@code signal,address} per line; {@code #} starts a comment; a first line
 * {@code signal,address} is a header). Every problem of the file is listed with
 * file:line:column and a hint before anything connects.
 *
 * <p>Inputs of the line (sensors: plant to PLC) are written into the PLC, so they need a coil or
 * holding register: a PLC's own input image (discrete inputs, input registers) cannot be written
 * over Modbus; map them to markers or data words the program reads instead. Outputs are read
 * from any area.
 *
 * @param bindings the bindings, in file order
 */
public record TagMap(List<TagBinding> bindings) {

  public TagMap {
    bindings = List.copyOf(bindings);
  }

  private static final Map<SignalType, Set<String>> TYPES = Map.ofEntries(
      Map.entry(SignalType.BOOLEAN, Set.of("BOOL")),
      Map.entry(SignalType.SBYTE, Set.of("SINT")),
      Map.entry(SignalType.BYTE, Set.of("USINT", "BYTE")),
      Map.entry(SignalType.INT16, Set.of("INT", "WORD")),
      Map.entry(SignalType.UINT16, Set.of("UINT", "WORD")),
      Map.entry(SignalType.INT32, Set.of("DINT")),
      Map.entry(SignalType.UINT32, Set.of("UDINT", "DWORD")),
      Map.entry(SignalType.FLOAT, Set.of("REAL")),
      Map.entry(SignalType.INT64, Set.of("LINT")),
      Map.entry(SignalType.DOUBLE, Set.of("LREAL")));

  /**
   * Reads a tag map file.
   *
   * @param signals every signal of the plant, in id order
   * @throws InvalidDefinitionException with every problem of the file
   */
  public static TagMap read(Path file, List<SignalDefinition> signals)
      throws InvalidDefinitionException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidDefinitionException(List.of(new Problem(
          new SourceLocation(file.toString(), 1, 1), "", "cannot read the tag map: " + e,
          "give a CSV file of 'signal,address' lines")));
    }
    return parse(file.toString(), text, signals);
  }

  /** As {@link #read}, from text. */
  public static TagMap parse(String fileName, String text, List<SignalDefinition> signals)
      throws InvalidDefinitionException {
    Map<String, Integer> ids = new HashMap<>();
    for (int id = 0; id < signals.size(); id++) {
      ids.put(signals.get(id).path().toString(), id);
    }
    List<Problem> problems = new ArrayList<>();
    List<TagBinding> bindings = new ArrayList<>();
    Map<String, TagBinding> bySignal = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      int hash = line.indexOf('#');
      String content = hash < 0 ? line : line.substring(0, hash);
      if (content.isBlank()) {
        continue;
      }
      String[] fields = content.split(",", -1);
      int lineNo = n + 1;
      int signalColumn = 1 + leading(content);
      if (fields.length != 2) {
        problems.add(new Problem(new SourceLocation(fileName, lineNo, signalColumn), "",
            "expected two fields, signal and address, found " + fields.length,
            "write e.g. 'Infeed/PartPresent,coil:1'"));
        continue;
      }
      String signalText = fields[0].strip();
      String addressText = fields[1].strip();
      int addressColumn = fields[0].length() + 2 + leading(fields[1]);
      if (bindings.isEmpty() && problems.isEmpty()
          && signalText.equalsIgnoreCase("signal") && addressText.equalsIgnoreCase("address")) {
        continue; // the header
      }
      SourceLocation at = new SourceLocation(fileName, lineNo, signalColumn);
      SourceLocation addressAt = new SourceLocation(fileName, lineNo, addressColumn);
      Integer id = ids.get(signalText);
      if (id == null) {
        problems.add(new Problem(at, signalText, "the line has no signal " + signalText,
            suggestion(signalText, ids.keySet())));
      }
      ModbusTag tag = null;
      try {
        tag = ModbusTag.parse(addressText);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(addressAt, signalText, e.getMessage(),
            "write " + ModbusTag.FORMS));
      }
      if (id == null || tag == null) {
        continue;
      }
      SignalDefinition signal = signals.get(id);
      Problem problem = fit(signal, tag, addressAt);
      if (problem != null) {
        problems.add(problem);
        continue;
      }
      TagBinding binding = new TagBinding(id, signal, tag, addressAt);
      TagBinding twice = bySignal.putIfAbsent(signalText, binding);
      if (twice != null) {
        problems.add(new Problem(at, signalText, signalText + " is bound twice (first at line "
            + twice.location().line() + ")", "bind each signal to one tag"));
        continue;
      }
      for (TagBinding other : bindings) {
        if (other.tag().area() == tag.area() && other.tag().address() < binding.end()
            && binding.tag().address() < other.end()) {
          problems.add(new Problem(addressAt, signalText, tag + " overlaps " + other.tag()
              + " of " + other.signal().path() + " (line " + other.location().line() + ")",
              "a " + RegisterCodec.form(signal.type()) + " takes " + binding.width()
                  + (tag.area().bits() ? " bit" : " registers") + "; move one of them"));
        }
      }
      bindings.add(binding);
    }
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(problems);
    }
    return new TagMap(bindings);
  }

  private static Problem fit(SignalDefinition signal, ModbusTag tag, SourceLocation at) {
    String path = signal.path().toString();
    if (signal.type() == SignalType.STRING) {
      return new Problem(at, path, path + " is a String, which has no Modbus form",
          "leave it out of the tag map");
    }
    boolean bit = signal.type() == SignalType.BOOLEAN;
    if (bit != tag.area().bits()) {
      return new Problem(at, path, path + " is a " + signal.type().displayName()
          + " but " + tag + " holds " + (tag.area().bits() ? "bits" : "16-bit registers"),
          bit ? "bind Booleans to coil:N or discrete-input:N"
              : "bind numbers to holding-register:N or input-register:N");
    }
    if (signal.direction() == Direction.INPUT && !tag.area().writable()) {
      return new Problem(at, path, path + " is an input (the plant drives it) and is written"
          + " into the PLC, but a PLC's " + tag.area().keyword() + "s cannot be written over"
          + " Modbus", "map it to a " + (bit ? "coil" : "holding register") + " (a marker or"
          + " data word) that the PLC program reads as its input");
    }
    if (tag.type().isPresent() && !TYPES.get(signal.type()).contains(tag.type().get())) {
      return new Problem(at, path, tag.type().get() + " does not fit " + path + ", a "
          + signal.type().displayName(), "write :" + String.join(" or :",
              TYPES.get(signal.type()).stream().sorted().toList()) + ", or no type");
    }
    return null;
  }

  private static String suggestion(String name, Set<String> known) {
    String lower = name.toLowerCase(Locale.ROOT);
    List<String> close = known.stream().filter(k -> {
      String candidate = k.toLowerCase(Locale.ROOT);
      return candidate.startsWith(lower) || distance(candidate, lower) <= 2;
    }).sorted().limit(3).toList();
    return close.isEmpty() ? "signals are Component/Signal; 'twinline modbus-map LINE' lists them"
        : "did you mean " + String.join(" or ", close) + "?";
  }

  /** Edit distance, for suggestions. */
  private static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
            diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length()];
  }

  private static int leading(String text) {
    int k = 0;
    while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
      k++;
    }
    return k;
  }
}
