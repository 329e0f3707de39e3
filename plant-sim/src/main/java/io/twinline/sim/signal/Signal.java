package io.twinline.sim.signal;

import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import java.util.Arrays;

/**
 * One I/O point of the running plant. Holds the current value; a change is recorded for
 * publication and told to the listening components at once.
 *
 * <p>Owned by the simulation thread: only it reads or writes a signal. Other threads see values
 * through published {@link ChangeSet}s.
 */
public final class Signal {

  private static final SignalListener[] NO_LISTENERS = new SignalListener[0];

  private final int id;
  private final SignalDefinition definition;
  private final SignalRegistry registry;
  private long bits;
  private long changedAt;
  private SignalListener[] listeners = NO_LISTENERS;

  Signal(int id, SignalDefinition definition, SignalRegistry registry) {
    this.id = id;
    this.definition = definition;
    this.registry = registry;
    this.bits = SignalValues.initialBits(definition.type());
  }

  /** Dense index in its registry, 0..size-1; stable for the life of the plant. */
  public int id() {
    return id;
  }

  public SignalDefinition definition() {
    return definition;
  }

  public SignalPath path() {
    return definition.path();
  }

  public SignalType type() {
    return definition.type();
  }

  public Direction direction() {
    return definition.direction();
  }

  /** Simulated time of the last change, ns. */
  public long changedAt() {
    return changedAt;
  }

  public boolean booleanValue() {
    requireType(SignalType.BOOLEAN);
    return bits != 0;
  }

  public int intValue() {
    requireType(SignalType.INT32);
    return (int) bits;
  }

  /** The value as a double: a Double signal's value, or an Int32 signal's value widened. */
  public double doubleValue() {
    return switch (definition.type()) {
      case DOUBLE -> Double.longBitsToDouble(bits);
      case INT32 -> (int) bits;
      case BOOLEAN -> bits != 0 ? 1.0 : 0.0;
    };
  }

  /** The value as Boolean, Integer or Double. */
  public Object value() {
    return SignalValues.toObject(definition.type(), bits);
  }

  /** The stored form, see {@link SignalValues}. */
  public long bits() {
    return bits;
  }

  public void set(boolean value) {
    requireType(SignalType.BOOLEAN);
    write(value ? 1 : 0);
  }

  public void set(int value) {
    requireType(SignalType.INT32);
    write(value);
  }

  public void set(double value) {
    requireType(SignalType.DOUBLE);
    write(Double.doubleToLongBits(value));
  }

  /**
   * Sets a value given as a Java object.
   *
   * @throws IllegalArgumentException if the value does not fit the signal's type
   */
  public void setValue(Object value) {
    write(SignalValues.toBits(definition.type(), value));
  }

  /** Sets the stored form directly (no type check); for replaying published changes. */
  public void setBits(long newBits) {
    write(newBits);
  }

  public void addListener(SignalListener listener) {
    listeners = Arrays.copyOf(listeners, listeners.length + 1);
    listeners[listeners.length - 1] = listener;
  }

  private void write(long newBits) {
    if (newBits == bits) {
      return;
    }
    bits = newBits;
    changedAt = registry.now();
    registry.changed(this);
    for (SignalListener listener : listeners) {
      listener.signalChanged(this);
    }
  }

  private void requireType(SignalType type) {
    if (definition.type() != type) {
      throw new IllegalStateException(
          path() + " is a " + definition.type().displayName() + " signal, not "
              + type.displayName());
    }
  }

  @Override
  public String toString() {
    return path() + "=" + value();
  }
}
