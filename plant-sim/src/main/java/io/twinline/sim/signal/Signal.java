package io.twinline.sim.signal;

import io.twinline.line.Direction;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.SignalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One I/O point of the running plant, with two faces: what the plant sees and what the PLC sees.
 * They are the same unless a fault sits between them: for an input the plant drives its side and
 * the faults turn it into what the PLC reads; for an output the PLC drives its side and the
 * faults turn it into what the plant gets (a welded contactor, a stuck valve).
 *
 * <p>Components read and write the plant face ({@link #booleanValue()}, {@link #set(boolean)},
 * ...); the PLC face is what is published to OPC UA and traced ({@link #plcBits()}). {@code set}
 * always writes the driven side: the plant side of an input, the PLC side of an output.
 *
 * <p>Owned by the simulation thread: only it reads or writes a signal. Other threads see values
 * through published {@link ChangeSet}s.
 */
public final class Signal {

  private static final SignalListener[] NO_LISTENERS = new SignalListener[0];
  private static final SignalFaultStage[] NO_FAULTS = new SignalFaultStage[0];

  private final int id;
  private final SignalDefinition definition;
  private final SignalRegistry registry;
  private final boolean input;
  private long plantBits;
  private long plcBits;
  private String plantText = "";
  private String plcText = "";
  private long changedAt;
  private SignalListener[] plantListeners = NO_LISTENERS;
  private SignalListener[] plcListeners = NO_LISTENERS;
  private SignalFaultStage[] faults = NO_FAULTS;
  private boolean forced;
  private long forcedBits;
  /** An output's value as the PLC last wrote it while forced: it comes back on release. */
  private long heldBits;
  /** An input's I/O card: applied after the faults, it makes what the PLC reads of the value. */
  private SignalFaultStage card;
  private SignalQuality quality = SignalQuality.GOOD;
  /** The quality changed since the PLC face was last published: publish even if bits stay. */
  private boolean qualityChanged;

  Signal(int id, SignalDefinition definition, SignalRegistry registry) {
    this.id = id;
    this.definition = definition;
    this.registry = registry;
    this.input = definition.direction() == Direction.INPUT;
    SignalType type = definition.type();
    if (type == SignalType.STRING) {
      plantText = definition.initial().map(Object::toString).orElse("");
      plcText = plantText;
    } else {
      long initial =
          definition.initial().map(v -> SignalValues.toBits(type, v))
              .orElse(SignalValues.initialBits(type));
      plantBits = initial;
      plcBits = initial;
    }
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

  /** Simulated time of the last change of the PLC face, ns. */
  public long changedAt() {
    return changedAt;
  }

  // --- the plant face -----------------------------------------------------------------------

  public boolean booleanValue() {
    requireType(SignalType.BOOLEAN);
    return plantBits != 0;
  }

  /** An integer signal's value (any integer type). */
  public int intValue() {
    requireInteger();
    return (int) plantBits;
  }

  public long longValue() {
    requireInteger();
    return plantBits;
  }

  /** The value as a double: floating-point values, integers widened, Booleans 0/1. */
  public double doubleValue() {
    return SignalValues.toDouble(definition.type(), plantBits);
  }

  public String text() {
    requireType(SignalType.STRING);
    return plantText;
  }

  /** The plant-side value as Boolean, Byte, Short, Integer, Long, Float, Double or String. */
  public Object value() {
    return definition.type() == SignalType.STRING
        ? plantText
        : SignalValues.toObject(definition.type(), plantBits);
  }

  /** The plant side's stored form, see {@link SignalValues}. */
  public long bits() {
    return plantBits;
  }

  // --- the PLC face -------------------------------------------------------------------------

  /** What the PLC reads (an input) or wrote (an output), stored form. */
  public long plcBits() {
    return plcBits;
  }

  /** The PLC-side value as a Java object. */
  public Object plcValue() {
    return definition.type() == SignalType.STRING
        ? plcText
        : SignalValues.toObject(definition.type(), plcBits);
  }

  /**
   * What the PLC last wrote to an output, as a Java object: the PLC face, but for a forced output
   * the write kept aside for its release. For an input, the PLC face.
   */
  public Object writtenValue() {
    if (forced && !input && definition.type() != SignalType.STRING) {
      return SignalValues.toObject(definition.type(), heldBits);
    }
    return plcValue();
  }

  public boolean plcBoolean() {
    requireType(SignalType.BOOLEAN);
    return plcBits != 0;
  }

  public double plcDouble() {
    return SignalValues.toDouble(definition.type(), plcBits);
  }

  public String plcText() {
    return plcText;
  }

  // --- writes -------------------------------------------------------------------------------

  public void set(boolean value) {
    requireType(SignalType.BOOLEAN);
    drive(value ? 1 : 0);
  }

  /** Sets an integer signal; the value must fit its type. */
  public void set(long value) {
    requireInteger();
    drive(SignalValues.toBits(definition.type(), value));
  }

  /** Sets a Float or Double signal. */
  public void set(double value) {
    if (!definition.type().isFloatingPoint()) {
      throw new IllegalStateException(
          path() + " is a " + definition.type().displayName() + " signal, not a floating-point one");
    }
    drive(SignalValues.fromDouble(definition.type(), value));
  }

  /** Sets a String signal. */
  public void set(String value) {
    requireType(SignalType.STRING);
    String newText = value == null ? "" : value;
    if (input) {
      if (!newText.equals(plantText)) {
        plantText = newText;
        notify(plantListeners);
      }
      setPlcText(newText);
    } else {
      setPlcText(newText);
      if (!newText.equals(plantText)) {
        plantText = newText;
        notify(plantListeners);
      }
    }
  }

  /**
   * Sets a value given as a Java object.
   *
   * @throws IllegalArgumentException if the value does not fit the signal's type
   */
  public void setValue(Object value) {
    if (definition.type() == SignalType.STRING) {
      if (!(value instanceof String text)) {
        throw new IllegalArgumentException(path() + " is a String signal, not " + value);
      }
      set(text);
    } else {
      drive(SignalValues.toBits(definition.type(), value));
    }
  }

  /** Sets the driven side's stored form directly (no type check); for replays. */
  public void setBits(long bits) {
    drive(bits);
  }

  /**
   * Sets the plant side of an input from a number in engineering units, rounding for integers;
   * used by components that compute analog values.
   */
  public void setNumber(double value) {
    drive(SignalValues.fromDouble(definition.type(), value));
  }

  private void drive(long bits) {
    if (input) {
      if (bits != plantBits) {
        plantBits = bits;
        notify(plantListeners);
      }
      setPlc(forced ? forcedBits : applyFaults(plantBits));
    } else {
      if (forced) {
        heldBits = bits;
        return;
      }
      setPlc(bits);
      long plant = applyFaults(plcBits);
      if (plant != plantBits) {
        plantBits = plant;
        notify(plantListeners);
      }
    }
  }

  // --- forcing ------------------------------------------------------------------------------

  /**
   * Forces the signal to {@code value} until {@link #release()}: an input reads it whatever the
   * plant and the faults on it do; an output drives the plant with it (through the output's
   * faults: a forced contactor coil does not unweld a welded contact) whatever the PLC writes.
   *
   * @throws IllegalArgumentException if the value does not fit the type, or the signal is a
   *     String signal
   */
  public void force(Object value) {
    if (definition.type() == SignalType.STRING) {
      throw new IllegalArgumentException(path() + " is a String signal and cannot be forced");
    }
    long bits = SignalValues.toBits(definition.type(), value);
    if (!forced && !input) {
      heldBits = plcBits;
    }
    forced = true;
    forcedBits = bits;
    long before = plcBits;
    setPlc(bits);
    if (!input) {
      refresh();
    }
    if (plcBits == before) {
      markChanged(); // the value stayed: log it anyway, for its forced flag
    }
  }

  /** Ends forcing: the plant drives an input again, the PLC's last write drives an output. */
  public void release() {
    if (!forced) {
      return;
    }
    forced = false;
    long before = plcBits;
    if (input) {
      refresh();
    } else {
      drive(heldBits);
    }
    if (plcBits == before) {
      markChanged(); // the value stayed: log it anyway, for its forced flag
    }
  }

  public boolean isForced() {
    return forced;
  }

  /** Logs the signal as changed even if its value did not: its forced flag did. */
  private void markChanged() {
    changedAt = registry.now();
    registry.changed(this);
  }

  // --- quality ------------------------------------------------------------------------------

  /** How far the PLC can trust what it reads now (GOOD unless an I/O card says otherwise). */
  public SignalQuality quality() {
    return quality;
  }

  /**
   * Sets the quality the PLC face is published with; published with the next value, or at once
   * by {@link #refresh()} if the value stays.
   */
  public void setQuality(SignalQuality newQuality) {
    if (newQuality != quality) {
      quality = newQuality;
      qualityChanged = true;
    }
  }

  /**
   * Sets the quality and publishes it at once, even if the value stays (an output's too): for a
   * controller that feeds the signal and lost its link ({@link SignalQuality#COMM_FAILURE}).
   */
  public void publishQuality(SignalQuality newQuality) {
    setQuality(newQuality);
    if (qualityChanged) {
      qualityChanged = false;
      markChanged();
    }
  }

  /**
   * Puts an input's I/O card behind its faults: what it returns is what the PLC reads. It may
   * set the quality ({@link #setQuality}) while it runs.
   */
  public void attachCard(SignalFaultStage inputCard) {
    if (!input) {
      throw new IllegalStateException(path() + " is an output; cards here read inputs");
    }
    this.card = inputCard;
    refresh();
  }

  // --- faults -------------------------------------------------------------------------------

  /** Adds a fault stage (after those already there) and applies it at once. */
  public void addFault(SignalFaultStage stage) {
    faults = Arrays.copyOf(faults, faults.length + 1);
    faults[faults.length - 1] = stage;
    refresh();
  }

  /** Removes the stages of fault {@code faultId}; the signal shows its true value again. */
  public boolean removeFault(String faultId) {
    List<SignalFaultStage> kept = new ArrayList<>();
    boolean removed = false;
    for (SignalFaultStage stage : faults) {
      if (stage.faultId().equals(faultId)) {
        stage.detach();
        removed = true;
      } else {
        kept.add(stage);
      }
    }
    if (removed) {
      faults = kept.toArray(NO_FAULTS);
      refresh();
    }
    return removed;
  }

  public boolean isFaulted() {
    return faults.length > 0;
  }

  /** Recomputes the read side through the faults, e.g. when a fault stage changed its output. */
  public void refresh() {
    if (definition.type() == SignalType.STRING) {
      return;
    }
    if (input) {
      setPlc(forced ? forcedBits : applyFaults(plantBits));
    } else {
      long plant = applyFaults(plcBits);
      if (plant != plantBits) {
        plantBits = plant;
        notify(plantListeners);
      }
    }
  }

  private long applyFaults(long bits) {
    long value = bits;
    for (SignalFaultStage stage : faults) {
      value = stage.apply(value);
    }
    if (card != null && input) {
      value = card.apply(value);
    }
    return value;
  }

  private void setPlc(long bits) {
    if (bits == plcBits && !qualityChanged) {
      return;
    }
    qualityChanged = false;
    plcBits = bits;
    changedAt = registry.now();
    registry.changed(this);
    notify(plcListeners);
  }

  private void setPlcText(String text) {
    if (text.equals(plcText)) {
      return;
    }
    plcText = text;
    changedAt = registry.now();
    registry.changed(this);
    notify(plcListeners);
  }

  // --- listeners ----------------------------------------------------------------------------

  /** Told when the plant side changes (components react to their outputs here). */
  public void addListener(SignalListener listener) {
    plantListeners = grow(plantListeners, listener);
  }

  /** Told when the PLC side changes (what is published; raw twins follow it). */
  public void addPlcListener(SignalListener listener) {
    plcListeners = grow(plcListeners, listener);
  }

  private static SignalListener[] grow(SignalListener[] listeners, SignalListener listener) {
    SignalListener[] grown = Arrays.copyOf(listeners, listeners.length + 1);
    grown[listeners.length] = listener;
    return grown;
  }

  private void notify(SignalListener[] listeners) {
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

  private void requireInteger() {
    if (!definition.type().isInteger()) {
      throw new IllegalStateException(
          path() + " is a " + definition.type().displayName() + " signal, not an integer one");
    }
  }

  @Override
  public String toString() {
    return path() + "=" + value();
  }
}
