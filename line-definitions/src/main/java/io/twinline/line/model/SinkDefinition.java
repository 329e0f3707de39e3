package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;

/** Takes every part that reaches it and counts them, in all and per listed part type. */
public record SinkDefinition(
    String name,
    String description,
    SourceLocation location,
    List<String> countTypes,
    List<String> countAttributes)
    implements ComponentDefinition {

  /** A sink counting parts per listed type. */
  public SinkDefinition(
      String name, String description, SourceLocation location, List<String> countTypes) {
    this(name, description, location, countTypes, List.of());
  }

  public static final String TYPE = "sink";
  public static final String COUNT = "Count";

  public SinkDefinition {
    countTypes = List.copyOf(countTypes);
    countAttributes = List.copyOf(countAttributes);
  }

  public SinkDefinition(String name, String description, SourceLocation location) {
    this(name, description, location, List.of());
  }

  /** The signal counting parts of {@code partType}: {@code Count_<type>}. */
  public static String countOf(String partType) {
    return COUNT + "_" + partType;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals = SignalsOf.component(this).input(COUNT, SignalType.INT32,
        "Parts received so far");
    for (String partType : countTypes) {
      signals.input(countOf(partType), SignalType.INT32, "Parts of type " + partType + " received");
    }
    for (String attribute : countAttributes) {
      signals.input(countOf(attribute), SignalType.INT32,
          "Parts received that are " + attribute + " (a case: that hold such a part)");
    }
    return signals.list();
  }
}
