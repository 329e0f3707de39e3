package io.twinline.sim.plant;

import io.twinline.line.SignalPath;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.PhotoEyeDefinition;
import io.twinline.line.model.SinkDefinition;
import io.twinline.line.model.SourceDefinition;
import io.twinline.sim.flow.Conveyor;
import io.twinline.sim.flow.PartIds;
import io.twinline.sim.flow.PartReceiver;
import io.twinline.sim.flow.PhotoEye;
import io.twinline.sim.flow.Sink;
import io.twinline.sim.flow.Source;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.random.RandomStreams;
import io.twinline.sim.signal.SignalRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a checked {@link LineDefinition} into a running {@link Plant}: creates the signals, then
 * every component, then connects them (part flow, mounted sensors), then starts them in file
 * order.
 */
final class PlantBuilder {

  private final LineDefinition line;
  private final Simulation simulation = new Simulation();
  private final SignalRegistry signals;
  private final RandomStreams random;
  private final PartIds partIds = new PartIds();
  private final Map<String, Component> components = new LinkedHashMap<>();

  private PlantBuilder(LineDefinition line) {
    this.line = line;
    this.signals = new SignalRegistry(simulation, line.signals());
    this.random = new RandomStreams(line.seed());
  }

  static Plant build(LineDefinition line) {
    PlantBuilder builder = new PlantBuilder(line);
    for (ComponentDefinition definition : line.components()) {
      builder.components.put(definition.name(), builder.create(definition));
    }
    for (ComponentDefinition definition : line.components()) {
      builder.connect(definition);
    }
    builder.components.values().forEach(Component::start);
    return new Plant(line, builder.simulation, builder.signals, builder.random, builder.components);
  }

  private Component create(ComponentDefinition definition) {
    String name = definition.name();
    if (definition instanceof SourceDefinition source) {
      return new Source(
          name,
          simulation,
          source.interval().toNanos(),
          source.firstRelease().toNanos(),
          source.part(),
          partIds,
          signals.get(new SignalPath(name, SourceDefinition.RELEASED)),
          signals.get(new SignalPath(name, SourceDefinition.BLOCKED)));
    }
    if (definition instanceof ConveyorDefinition conveyor) {
      return new Conveyor(
          name,
          simulation,
          conveyor.length(),
          conveyor.speed(),
          conveyor.minGap(),
          signals.get(new SignalPath(name, ConveyorDefinition.MOTOR_ON)));
    }
    if (definition instanceof PhotoEyeDefinition eye) {
      return new PhotoEye(name, eye.position(), signals.get(eye.signalPath()));
    }
    if (definition instanceof SinkDefinition) {
      return new Sink(name, simulation, signals.get(new SignalPath(name, SinkDefinition.COUNT)));
    }
    throw new IllegalArgumentException("no simulation for component type " + definition.type());
  }

  private void connect(ComponentDefinition definition) {
    Component component = components.get(definition.name());
    if (definition instanceof SourceDefinition source) {
      ((Source) component).connect(receiver(source.to()));
    } else if (definition instanceof ConveyorDefinition conveyor && conveyor.to().isPresent()) {
      ((Conveyor) component).connect(receiver(conveyor.to().get()));
    } else if (definition instanceof PhotoEyeDefinition eye) {
      ((Conveyor) components.get(eye.conveyor())).mount((PhotoEye) component);
    }
  }

  private PartReceiver receiver(String name) {
    Component target = components.get(name);
    if (target instanceof PartReceiver receiver) {
      return receiver;
    }
    throw new IllegalArgumentException(name + " cannot take parts");
  }
}
