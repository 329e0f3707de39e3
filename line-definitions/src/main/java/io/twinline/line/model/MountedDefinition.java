package io.twinline.line.model;

/** A device mounted on a conveyor at a distance from its start. */
public interface MountedDefinition {

  String name();

  /** The conveyor it is mounted on. */
  String conveyor();

  /** Metres from the start of the conveyor. */
  double position();
}
