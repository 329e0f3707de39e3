package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SourceLocation;
import java.util.List;

/** One component of a line, as written in the line file. Immutable. */
public sealed interface ComponentDefinition
    permits SourceDefinition, ConveyorDefinition, PhotoEyeDefinition, SinkDefinition {

  String name();

  String description();

  SourceLocation location();

  /** The type keyword of the line file, e.g. {@code conveyor}. */
  String type();

  /** The signals this component shows to the PLC. */
  List<SignalDefinition> signals();
}
