package io.twinline.sim.plant;

import io.twinline.line.SignalDefinition;
import io.twinline.line.model.BufferDefinition;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.CylinderDefinition;
import io.twinline.line.model.DiverterDefinition;
import io.twinline.line.model.EmergencyStopDefinition;
import io.twinline.line.model.GripperDefinition;
import io.twinline.line.model.GuardDoorDefinition;
import io.twinline.line.model.HeaterDefinition;
import io.twinline.line.model.LampDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.MotorDefinition;
import io.twinline.line.model.PhotoEyeDefinition;
import io.twinline.line.model.PushButtonDefinition;
import io.twinline.line.model.PusherDefinition;
import io.twinline.line.model.SelectorSwitchDefinition;
import io.twinline.line.model.SinkDefinition;
import io.twinline.line.model.SourceDefinition;
import io.twinline.line.model.StackLightDefinition;
import io.twinline.line.model.StationDefinition;
import io.twinline.line.model.StopGateDefinition;
import io.twinline.line.model.TankDefinition;
import io.twinline.line.model.ValveDefinition;
import io.twinline.line.model.VariablesDefinition;
import io.twinline.line.fault.FaultSpec;
import io.twinline.sim.actuator.Cylinder;
import io.twinline.sim.actuator.FlowInput;
import io.twinline.sim.actuator.Gripper;
import io.twinline.sim.actuator.Motor;
import io.twinline.sim.actuator.Valve;
import io.twinline.sim.fault.FaultManager;
import io.twinline.sim.flow.Buffer;
import io.twinline.sim.flow.Conveyor;
import io.twinline.sim.flow.Diverter;
import io.twinline.sim.flow.PartReceiver;
import io.twinline.sim.flow.PhotoEye;
import io.twinline.sim.flow.Pusher;
import io.twinline.sim.flow.Sink;
import io.twinline.sim.flow.Source;
import io.twinline.sim.flow.Station;
import io.twinline.sim.flow.StopGate;
import io.twinline.sim.kernel.Simulation;
import io.twinline.sim.operator.EmergencyStop;
import io.twinline.sim.operator.GuardDoor;
import io.twinline.sim.operator.Indicator;
import io.twinline.sim.operator.PushButton;
import io.twinline.sim.operator.SelectorSwitch;
import io.twinline.sim.operator.Variables;
import io.twinline.sim.process.Heater;
import io.twinline.sim.process.Tank;
import io.twinline.sim.random.RandomStreams;
import io.twinline.sim.signal.Signal;
import io.twinline.sim.signal.SignalRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a checked {@link LineDefinition} into a running {@link Plant}: creates the signals, then
 * every component, then connects them (part flow, mounted devices, tank ports), then starts them
 * in file order, and finally schedules the faults the file names.
 */
final class PlantBuilder {

  private final LineDefinition line;
  private final PlantContext context;
  private final Map<String, Component> components = new LinkedHashMap<>();
  private final List<RawLink> rawLinks = new ArrayList<>();
  private final List<AnalogCardLink> cardLinks = new ArrayList<>();

  private PlantBuilder(LineDefinition line) {
    this.line = line;
    Simulation simulation = new Simulation();
    List<SignalDefinition> definitions = new ArrayList<>(line.signals());
    definitions.addAll(SystemSignals.definitions());
    SignalRegistry signals = new SignalRegistry(simulation, definitions);
    this.context =
        new PlantContext(simulation, signals, new RandomStreams(line.seed()),
            line.ioCycle().toNanos());
  }

  static Plant build(LineDefinition line) {
    PlantBuilder builder = new PlantBuilder(line);
    for (ComponentDefinition definition : line.components()) {
      builder.components.put(definition.name(), builder.create(definition));
    }
    for (ComponentDefinition definition : line.components()) {
      builder.connect(definition);
    }
    builder.linkRawSignals();
    builder.components.values().forEach(Component::start);
    builder.rawLinks.forEach(RawLink::start);
    builder.cardLinks.forEach(AnalogCardLink::start);
    SignalRegistry signals = builder.context.signals();
    FaultManager faults =
        new FaultManager(
            builder.context,
            builder.components,
            line.components(),
            line.signals(),
            signals.get(SystemSignals.ACTIVE_FAULTS),
            signals.get(SystemSignals.FAULT_COUNT));
    for (FaultSpec fault : line.faults()) {
      faults.schedule(fault);
    }
    return new Plant(line, builder.context, builder.components, faults);
  }

  private Component create(ComponentDefinition definition) {
    String name = definition.name();
    PlantContext c = context;
    if (definition instanceof SourceDefinition d) {
      return new Source(d, c);
    } else if (definition instanceof SinkDefinition d) {
      return new Sink(d, c);
    } else if (definition instanceof ConveyorDefinition d) {
      return new Conveyor(d, c);
    } else if (definition instanceof PhotoEyeDefinition d) {
      return new PhotoEye(d, c);
    } else if (definition instanceof StopGateDefinition d) {
      return new StopGate(d, c);
    } else if (definition instanceof DiverterDefinition d) {
      return new Diverter(d, c);
    } else if (definition instanceof PusherDefinition d) {
      return new Pusher(d, c);
    } else if (definition instanceof StationDefinition d) {
      return new Station(d, c);
    } else if (definition instanceof BufferDefinition d) {
      return new Buffer(d, c);
    } else if (definition instanceof io.twinline.line.model.VisionDefinition d) {
      return new io.twinline.sim.flow.VisionCheck(d, c);
    } else if (definition instanceof io.twinline.line.model.BlowerDefinition d) {
      return new io.twinline.sim.flow.Blower(d, c);
    } else if (definition instanceof io.twinline.line.model.PackerDefinition d) {
      return new io.twinline.sim.flow.CasePacker(d, c);
    } else if (definition instanceof CylinderDefinition d) {
      return new Cylinder(d, c);
    } else if (definition instanceof GripperDefinition d) {
      return new Gripper(d, c);
    } else if (definition instanceof MotorDefinition d) {
      return new Motor(d, c);
    } else if (definition instanceof ValveDefinition d) {
      return new Valve(d, c);
    } else if (definition instanceof io.twinline.line.model.GuideDefinition d) {
      return new io.twinline.sim.actuator.Guide(d, c);
    } else if (definition instanceof PushButtonDefinition d) {
      return new PushButton(d, c);
    } else if (definition instanceof SelectorSwitchDefinition d) {
      return new SelectorSwitch(d, c);
    } else if (definition instanceof EmergencyStopDefinition d) {
      return new EmergencyStop(d, c);
    } else if (definition instanceof GuardDoorDefinition d) {
      return new GuardDoor(d, c);
    } else if (definition instanceof LampDefinition || definition instanceof StackLightDefinition) {
      List<Signal> elements = new ArrayList<>();
      for (SignalDefinition signal : definition.signals()) {
        elements.add(c.signals().get(signal.path()));
      }
      return new Indicator(name, elements, c.simulation());
    } else if (definition instanceof VariablesDefinition) {
      return new Variables(name);
    } else if (definition instanceof TankDefinition d) {
      return new Tank(d, immersedIn(d.name()), c);
    } else if (definition instanceof HeaterDefinition d && d.immersion().isPresent()) {
      return new io.twinline.sim.process.ImmersionHeater(d, c);
    } else if (definition instanceof HeaterDefinition d) {
      return new Heater(d, c);
    } else if (definition instanceof io.twinline.line.model.PumpDefinition d) {
      return new io.twinline.sim.process.Pump(d, c);
    }
    throw new IllegalArgumentException("no simulation for component type " + definition.type());
  }

  private void connect(ComponentDefinition definition) {
    Component component = components.get(definition.name());
    connectCellDevice(definition, component);
    if (definition instanceof SourceDefinition d) {
      ((Source) component).connect(receiver(d.to()));
    } else if (definition instanceof ConveyorDefinition d && d.to().isPresent()) {
      ((Conveyor) component).connect(receiver(d.to().get()));
    } else if (definition instanceof StationDefinition d && d.to().isPresent()) {
      ((Station) component).connect(receiver(d.to().get()));
    } else if (definition instanceof BufferDefinition d && d.to().isPresent()) {
      ((Buffer) component).connect(receiver(d.to().get()));
    } else if (definition instanceof PhotoEyeDefinition d) {
      conveyor(d.conveyor()).mount((PhotoEye) component);
    } else if (definition instanceof StopGateDefinition d) {
      ((StopGate) component).mountOn(conveyor(d.conveyor()));
    } else if (definition instanceof DiverterDefinition d) {
      ((Diverter) component).mountOn(conveyor(d.conveyor()), receiver(d.to()));
    } else if (definition instanceof PusherDefinition d) {
      ((Pusher) component).mountOn(conveyor(d.conveyor()), receiver(d.to()));
    } else if (definition instanceof GripperDefinition d) {
      ((Gripper) component)
          .connect(
              (Cylinder) components.get(d.x()),
              (Cylinder) components.get(d.z()),
              conveyor(d.pickFrom()),
              conveyor(d.placeOn()));
    } else if (definition instanceof TankDefinition d) {
      ((Tank) component).connect(flows(d.inlets()), flows(d.outlets()),
          d.agitator().map(a -> (FlowInput) components.get(a)).orElse(null));
    } else if (definition instanceof HeaterDefinition d && d.immersion().isPresent()) {
      ((io.twinline.sim.process.ImmersionHeater) component)
          .immerseIn((Tank) components.get(d.immersion().get().tank()));
    }
  }

  /** The heater that sits in tank {@code tank}, if one does. */
  private java.util.Optional<HeaterDefinition> immersedIn(String tank) {
    return line.components().stream()
        .filter(c -> c instanceof HeaterDefinition h && h.immersion().isPresent()
            && h.immersion().get().tank().equals(tank))
        .map(c -> (HeaterDefinition) c)
        .findFirst();
  }

  private List<FlowInput> flows(List<TankDefinition.Port> ports) {
    List<FlowInput> inputs = new ArrayList<>();
    for (TankDefinition.Port port : ports) {
      inputs.add((FlowInput) components.get(port.through()));
    }
    return inputs;
  }

  private void linkRawSignals() {
    SignalRegistry signals = context.signals();
    for (Signal signal : signals.all()) {
      signal.definition().rawOf().ifPresent(engineering -> {
        java.util.Optional<io.twinline.line.AnalogCard> card = cardOf(engineering);
        if (card.isPresent()) {
          Signal wireBreak = signals.find(new io.twinline.line.SignalPath(engineering.component(),
              engineering.signal()
                  + io.twinline.line.model.SignalOptions.RawScaling.WIRE_BREAK_SUFFIX))
              .orElse(null);
          cardLinks.add(new AnalogCardLink(signals.get(engineering), signal, wireBreak,
              card.get()));
        } else if (signal.direction() == io.twinline.line.Direction.INPUT) {
          cardLinks.add(new AnalogCardLink(signals.get(engineering), signal));
        } else {
          rawLinks.add(new RawLink(signals.get(engineering), signal));
        }
      });
    }
  }

  private java.util.Optional<io.twinline.line.AnalogCard> cardOf(
      io.twinline.line.SignalPath engineering) {
    io.twinline.line.model.SignalOptions options = line.signalOptions().get(engineering);
    return options == null ? java.util.Optional.empty()
        : options.raw().flatMap(io.twinline.line.model.SignalOptions.RawScaling::card);
  }

  private Conveyor conveyor(String name) {
    return (Conveyor) components.get(name);
  }

  private PartReceiver receiver(String name) {
    Component target = components.get(name);
    if (target instanceof PartReceiver receiver) {
      return receiver;
    }
    throw new IllegalArgumentException(name + " cannot take parts");
  }

  /** Belts driven by motor components, vision checks, blowers and packers. */
  private void connectCellDevice(ComponentDefinition definition, Component component) {
    if (definition instanceof ConveyorDefinition d && d.motor().isPresent()) {
      ((Conveyor) component).driveBy((Motor) components.get(d.motor().get()));
    } else if (definition instanceof io.twinline.line.model.VisionDefinition d) {
      ((io.twinline.sim.flow.VisionCheck) component).mountOn(conveyor(d.conveyor()));
    } else if (definition instanceof io.twinline.line.model.BlowerDefinition d) {
      ((io.twinline.sim.flow.Blower) component)
          .mountOn(conveyor(d.conveyor()), d.into().map(this::receiver).orElse(null));
    } else if (definition instanceof io.twinline.line.model.PackerDefinition d) {
      ((io.twinline.sim.flow.CasePacker) component).connect(receiver(d.to()));
    }
  }
}
