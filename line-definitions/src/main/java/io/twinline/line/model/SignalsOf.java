package io.twinline.line.model;

import io.twinline.line.Analog;
import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import io.twinline.line.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** Builds the signal list of one component: {@code SignalsOf.component(this).input(...)}. */
final class SignalsOf {

  private final String component;
  private final SourceLocation location;
  private final List<SignalDefinition> signals = new ArrayList<>();

  private SignalsOf(String component, SourceLocation location) {
    this.component = component;
    this.location = location;
  }

  static SignalsOf component(ComponentDefinition definition) {
    return new SignalsOf(definition.name(), definition.location());
  }

  SignalsOf input(String name, SignalType type, String description) {
    signals.add(
        new SignalDefinition(
            new SignalPath(component, name), type, Direction.INPUT, description, location));
    return this;
  }

  SignalsOf output(String name, SignalType type, String description) {
    signals.add(
        new SignalDefinition(
            new SignalPath(component, name), type, Direction.OUTPUT, description, location));
    return this;
  }

  SignalsOf analogInput(String name, Analog analog, String description) {
    signals.add(
        SignalDefinition.analog(
            new SignalPath(component, name), Direction.INPUT, description, location, analog));
    return this;
  }

  SignalsOf analogOutput(String name, Analog analog, String description) {
    signals.add(
        SignalDefinition.analog(
            new SignalPath(component, name), Direction.OUTPUT, description, location, analog));
    return this;
  }

  SignalsOf add(SignalDefinition signal) {
    signals.add(signal);
    return this;
  }

  List<SignalDefinition> list() {
    return List.copyOf(signals);
  }
}
