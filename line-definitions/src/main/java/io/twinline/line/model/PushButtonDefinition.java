package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.List;
import java.util.Set;

/**
 * A push button. Its {@code Contact} is what the PLC reads: a normally open contact closes
 * (true) while the button is actuated, a normally closed one opens (false). A latching button
 * stays actuated until pressed again. An illuminated one has a {@code Lamp} output.
 */
public record PushButtonDefinition(
    String name,
    String description,
    SourceLocation location,
    boolean normallyClosed,
    boolean latching,
    boolean illuminated)
    implements ComponentDefinition {

  public static final String TYPE = "push-button";
  public static final String CONTACT = "Contact";
  public static final String LAMP = "Lamp";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    SignalsOf signals =
        SignalsOf.component(this)
            .add(
                new SignalDefinition(
                        new io.twinline.line.SignalPath(name, CONTACT),
                        SignalType.BOOLEAN,
                        io.twinline.line.Direction.INPUT,
                        (normallyClosed ? "NC" : "NO") + " contact"
                            + (latching ? ", latching" : ", momentary"),
                        location)
                    .withInitial(normallyClosed));
    if (illuminated) {
      signals.output(LAMP, SignalType.BOOLEAN, "Lamp in the button");
    }
    return signals.list();
  }

  @Override
  public Set<String> operatorActions() {
    return Set.of("press", "release");
  }
}
