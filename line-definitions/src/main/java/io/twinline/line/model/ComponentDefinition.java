package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SourceLocation;
import io.twinline.line.fault.FaultKind;
import java.util.List;
import java.util.Set;

/** One component of a line, as written in the line file. Immutable. */
public sealed interface ComponentDefinition
    permits SourceDefinition,
        SinkDefinition,
        ConveyorDefinition,
        PhotoEyeDefinition,
        StopGateDefinition,
        DiverterDefinition,
        PusherDefinition,
        StationDefinition,
        BufferDefinition,
        VisionDefinition,
        BlowerDefinition,
        PackerDefinition,
        CylinderDefinition,
        GripperDefinition,
        MotorDefinition,
        ValveDefinition,
        PumpDefinition,
        GuideDefinition,
        PushButtonDefinition,
        SelectorSwitchDefinition,
        EmergencyStopDefinition,
        LampDefinition,
        StackLightDefinition,
        GuardDoorDefinition,
        VariablesDefinition,
        TankDefinition,
        HeaterDefinition {

  String name();

  String description();

  SourceLocation location();

  /** The type keyword of the line file, e.g. {@code conveyor}. */
  String type();

  /** The signals this component shows to the PLC. */
  List<SignalDefinition> signals();

  /** The component faults it can suffer (signal faults apply to any signal). */
  default Set<FaultKind> faults() {
    return Set.of();
  }

  /** Operator actions it understands (press, release, open, select:Auto, ...). */
  default Set<String> operatorActions() {
    return Set.of();
  }
}
