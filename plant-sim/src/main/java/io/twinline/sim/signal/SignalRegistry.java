package io.twinline.sim.signal;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.sim.kernel.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All signals of a plant, by path and by dense id, and the log of changes waiting to be
 * published.
 *
 * <p>Change logging is off until {@link #recordChanges(boolean)} switches it on (the runner does,
 * when something subscribes), so a plant run in a bare unit test does not pile up a log nobody
 * reads. Owned by the simulation thread.
 */
public final class SignalRegistry {

  private final Simulation simulation;
  private final List<Signal> signals;
  private final Map<SignalPath, Signal> byPath;
  private final Map<String, Signal> byTag;

  private boolean recording;
  private Signal[] logSignals = new Signal[256];
  private long[] logTimes = new long[256];
  private long[] logBits = new long[256];
  private boolean[] logForced = new boolean[256];
  private String[] logTexts;
  /** Null until a signal of other than GOOD quality is logged: most lines have no cards. */
  private SignalQuality[] logQualities;
  private int logSize;

  public SignalRegistry(Simulation simulation, List<SignalDefinition> definitions) {
    this.simulation = simulation;
    List<Signal> list = new ArrayList<>(definitions.size());
    Map<SignalPath, Signal> map = new HashMap<>(definitions.size() * 2);
    Map<String, Signal> tags = new HashMap<>();
    for (SignalDefinition definition : definitions) {
      Signal signal = new Signal(list.size(), definition, this);
      if (map.putIfAbsent(definition.path(), signal) != null) {
        throw new IllegalArgumentException("signal " + definition.path() + " is defined twice");
      }
      definition.tag().ifPresent(tag -> tags.put(tag, signal));
      list.add(signal);
    }
    this.signals = Collections.unmodifiableList(list);
    this.byPath = map;
    this.byTag = tags;
  }

  public int size() {
    return signals.size();
  }

  public List<Signal> all() {
    return signals;
  }

  public Signal byId(int id) {
    return signals.get(id);
  }

  public Optional<Signal> find(SignalPath path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /**
   * The signal at {@code path}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public Signal get(SignalPath path) {
    Signal signal = byPath.get(path);
    if (signal == null) {
      throw new IllegalArgumentException("no signal " + path);
    }
    return signal;
  }

  /** The signal at {@code "Component/Signal"}, or with that tag. */
  public Signal get(String pathOrTag) {
    return resolve(pathOrTag)
        .orElseThrow(() -> new IllegalArgumentException("no signal or tag '" + pathOrTag + "'"));
  }

  /** The signal with tag {@code tag}, if there is one. Any thread: tags never change. */
  public Optional<Signal> tagged(String tag) {
    return Optional.ofNullable(byTag.get(tag));
  }

  /** The signal with tag {@code pathOrTag}, or at that path. */
  public Optional<Signal> resolve(String pathOrTag) {
    Signal tagged = byTag.get(pathOrTag);
    if (tagged != null) {
      return Optional.of(tagged);
    }
    try {
      return find(SignalPath.parse(pathOrTag));
    } catch (IllegalArgumentException notAPath) {
      return Optional.empty();
    }
  }

  long now() {
    return simulation.now();
  }

  /** Switches the change log on or off; switching it off drops what was logged. */
  public void recordChanges(boolean on) {
    recording = on;
    if (!on) {
      clearLog();
    }
  }

  void changed(Signal signal) {
    if (!recording) {
      return;
    }
    if (logSize == logSignals.length) {
      int capacity = logSize * 2;
      logSignals = Arrays.copyOf(logSignals, capacity);
      logTimes = Arrays.copyOf(logTimes, capacity);
      logBits = Arrays.copyOf(logBits, capacity);
      logForced = Arrays.copyOf(logForced, capacity);
      if (logTexts != null) {
        logTexts = Arrays.copyOf(logTexts, capacity);
      }
      if (logQualities != null) {
        logQualities = Arrays.copyOf(logQualities, capacity);
      }
    }
    logSignals[logSize] = signal;
    logTimes[logSize] = signal.changedAt();
    logBits[logSize] = signal.plcBits();
    logForced[logSize] = signal.isForced();
    if (signal.type() == io.twinline.line.SignalType.STRING) {
      if (logTexts == null) {
        logTexts = new String[logSignals.length];
      }
      logTexts[logSize] = signal.plcText();
    }
    if (logQualities != null || !signal.quality().isGood()) {
      if (logQualities == null) {
        logQualities = new SignalQuality[logSignals.length];
      }
      logQualities[logSize] = signal.quality();
    }
    logSize++;
  }

  /** Whether changes wait to be drained. */
  public boolean hasChanges() {
    return logSize > 0;
  }

  /** Takes the changes logged since the last drain. */
  public ChangeSet drainChanges() {
    if (logSize == 0) {
      return ChangeSet.empty();
    }
    ChangeSet changes =
        new ChangeSet(
            Arrays.copyOf(logSignals, logSize),
            Arrays.copyOf(logTimes, logSize),
            Arrays.copyOf(logBits, logSize),
            logTexts == null ? null : Arrays.copyOf(logTexts, logSize),
            Arrays.copyOf(logForced, logSize),
            logSize,
            false,
            logQualities == null ? null : Arrays.copyOf(logQualities, logSize));
    clearLog();
    return changes;
  }

  /** The signals forced now. */
  public List<Signal> forced() {
    List<Signal> forced = new ArrayList<>();
    for (Signal signal : signals) {
      if (signal.isForced()) {
        forced.add(signal);
      }
    }
    return forced;
  }

  /** Every signal's current value, each stamped with the time it last changed. */
  public ChangeSet snapshot() {
    int n = signals.size();
    Signal[] all = signals.toArray(new Signal[0]);
    long[] times = new long[n];
    long[] bits = new long[n];
    String[] texts = null;
    boolean[] forced = new boolean[n];
    SignalQuality[] qualities = null;
    for (int i = 0; i < n; i++) {
      if (!all[i].quality().isGood()) {
        if (qualities == null) {
          qualities = new SignalQuality[n];
        }
        qualities[i] = all[i].quality();
      }
      times[i] = all[i].changedAt();
      bits[i] = all[i].plcBits();
      forced[i] = all[i].isForced();
      if (all[i].type() == io.twinline.line.SignalType.STRING) {
        if (texts == null) {
          texts = new String[n];
        }
        texts[i] = all[i].plcText();
      }
    }
    return new ChangeSet(all, times, bits, texts, forced, n, true, qualities);
  }

  private void clearLog() {
    Arrays.fill(logSignals, 0, logSize, null);
    if (logTexts != null) {
      Arrays.fill(logTexts, 0, logSize, null);
    }
    if (logQualities != null) {
      Arrays.fill(logQualities, 0, logSize, null);
    }
    logSize = 0;
  }
}
