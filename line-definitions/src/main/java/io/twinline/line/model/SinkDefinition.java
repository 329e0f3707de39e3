package io.twinline.line.model;

import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;

/** Takes every part that reaches it and counts them. */
public record SinkDefinition(String name, String description, SourceLocation location)
    implements ComponentDefinition {

  public static final String TYPE = "sink";
  public static final String COUNT = "Count";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return List.of(
        new SignalDefinition(
            new SignalPath(name, COUNT),
            SignalType.INT32,
            Direction.INPUT,
            "Parts received so far",
            location));
  }
}
