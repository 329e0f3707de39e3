package io.twinline.sim.run;

import io.twinline.sim.signal.ChangeSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records every published change (path, simulated time, value as the PLC sees it), in order: the
 * full signal trace of a run, to compare runs or write to a file.
 */
public final class Trace implements ChangeSubscriber {

  /** One change. */
  public record Entry(long time, String path, Object value) {}

  private final List<Entry> entries = new ArrayList<>();
  private boolean skipSnapshots = true;

  /** Also records the snapshots (all signals) published at the start and after a reset. */
  public Trace withSnapshots() {
    skipSnapshots = false;
    return this;
  }

  @Override
  public void onChanges(ChangeSet changes) {
    if (changes.isSnapshot() && skipSnapshots) {
      return;
    }
    for (int i = 0; i < changes.size(); i++) {
      entries.add(new Entry(changes.time(i), changes.definition(i).path().toString(),
          changes.value(i)));
    }
  }

  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  public int size() {
    return entries.size();
  }
}
