package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;

/** A stack light: one output per element (Red, Yellow, Green, Buzzer, ...), recorded. */
public record StackLightDefinition(
    String name, String description, SourceLocation location, List<String> elements)
    implements ComponentDefinition {

  public static final String TYPE = "stack-light";

  public StackLightDefinition {
    elements = List.copyOf(elements);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals = SignalsOf.component(this);
    for (String element : elements) {
      signals.output(element, SignalType.BOOLEAN, element + " element");
    }
    return signals.list();
  }
}
