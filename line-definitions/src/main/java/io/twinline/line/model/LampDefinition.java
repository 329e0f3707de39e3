package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;

/** An indicator lamp driven by the PLC; its state is recorded for reports. */
public record LampDefinition(String name, String description, SourceLocation location)
    implements ComponentDefinition {

  public static final String TYPE = "lamp";
  public static final String ON = "On";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return SignalsOf.component(this).output(ON, SignalType.BOOLEAN, "Lamp on").list();
  }
}
