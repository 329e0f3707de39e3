package io.twinline.harness.rehearsal;

import io.twinline.harness.rehearsal.Kpis.Fault;
import io.twinline.harness.rehearsal.Kpis.Sinks;
import io.twinline.harness.rehearsal.Kpis.Step;
import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.PartTemplate;
import io.twinline.line.model.RecipeDefinition;
import io.twinline.line.model.SinkDefinition;
import io.twinline.line.model.SourceDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The figures {@link Kpis} are made of, counted over a session's events. */
final class SessionFigures {

  private SessionFigures() {}

  /** How much a counter went up with this change (0 for its first value, or a reset). */
  static long increase(Map<String, Long> last, SessionEvent.SignalChange c) {
    if (!(c.value() instanceof Number n)) {
      return 0;
    }
    Long before = last.put(c.signal(), n.longValue());
    return before == null || n.longValue() <= before ? 0 : n.longValue() - before;
  }

  /** Parts that went into the scrap sinks in [from, to]. */
  static long rejected(List<SessionEvent> events, Sinks sinks, long from, long to) {
    Set<String> counters = new HashSet<>();
    sinks.scrap().forEach(s -> counters.add(s + "/" + SinkDefinition.COUNT));
    Map<String, Long> last = new HashMap<>();
    long rejected = 0;
    for (SessionEvent e : events) {
      if (e instanceof SessionEvent.SignalChange c && counters.contains(c.signal())) {
        long added = increase(last, c);
        if (c.time() >= from && c.time() <= to) {
          rejected += added;
        }
      }
    }
    return rejected;
  }

  /**
   * What people did in [from, to]: operator actions, recipe loads, faults cleared (a fault
   * injected is not a step: it is among the faults).
   */
  static List<Step> steps(List<SessionEvent> events, long from, long to) {
    List<Step> steps = new ArrayList<>();
    long previous = from;
    for (SessionEvent e : events) {
      if (e.isAction() && !(e instanceof SessionEvent.FaultInjected) && e.time() >= from
          && e.time() <= to) {
        steps.add(new Step(e.time(), describeAction(e), e.time() - previous));
        previous = e.time();
      }
    }
    return steps;
  }

  /**
   * Every fault of the session, in the order they started: the line file's own (scheduled when
   * the plant is built, so not in the recording as actions) and every one injected. A fault
   * starts when injected, or at its own start time ({@code at}) if that is later; it ends when
   * cleared, or when its duration runs out, whichever comes first within the session.
   */
  static List<Fault> faults(List<SessionEvent> events, LineDefinition line, long end) {
    List<Fault> faults = new ArrayList<>();
    for (FaultSpec spec : line.faults()) {
      fault(spec, 0, events, 0, end).ifPresent(faults::add);
    }
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof SessionEvent.FaultInjected f) {
        fault(f.fault(), f.time(), events, i + 1, end).ifPresent(faults::add);
      }
    }
    faults.sort(java.util.Comparator.comparingLong(Fault::at));
    return faults;
  }

  /**
   * A fault injected at {@code injected}, ended by the first clear of its id from event {@code
   * from} on.
   */
  static Optional<Fault> fault(FaultSpec spec, long injected, List<SessionEvent> events,
      int from, long end) {
    long start = Math.max(injected, spec.at().map(java.time.Duration::toNanos).orElse(injected));
    if (start > end) {
      return Optional.empty(); // scheduled after the session ended
    }
    long over = spec.duration().map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
    for (int j = from; j < events.size(); j++) {
      if (events.get(j) instanceof SessionEvent.FaultCleared c && c.id().equals(spec.id())
          && c.time() >= injected) {
        over = Math.min(over, c.time());
        break;
      }
    }
    if (over < start) {
      return Optional.empty(); // cleared while it was still scheduled: it never happened
    }
    return Optional.of(new Fault(spec.id(), spec.describe(), start,
        over <= end ? OptionalLong.of(over) : OptionalLong.empty()));
  }

  /**
   * The time in [start, end] during which the line took in nothing: none of its infeeds (the
   * conveyors a source feeds) ran.
   */
  static long standstill(List<SessionEvent> events, LineDefinition line, long start,
      long end) {
    Set<String> infeeds = new HashSet<>();
    for (ComponentDefinition c : line.components()) {
      if (c instanceof SourceDefinition source) {
        infeeds.add(source.to());
      }
    }
    Map<String, Boolean> running = new HashMap<>();
    for (ComponentDefinition c : line.components()) {
      if (c instanceof ConveyorDefinition conveyor && infeeds.contains(conveyor.name())) {
        conveyor.signals().stream()
            .filter(s -> s.path().signal().equals(ConveyorDefinition.MOTOR_ON)
                || s.path().signal().equals(ConveyorDefinition.SPEED_REF))
            .forEach(s -> running.put(s.path().toString(), false));
      }
    }
    if (running.isEmpty() || end <= start) {
      return 0;
    }
    long still = 0;
    long since = start;
    boolean moving = false;
    for (SessionEvent e : events) {
      if (!(e instanceof SessionEvent.SignalChange c) || !running.containsKey(c.signal())) {
        continue;
      }
      if (c.time() > start) {
        long from = Math.max(since, start);
        long to = Math.min(c.time(), end);
        if (!moving && to > from) {
          still += to - from;
        }
        since = c.time();
      }
      if (c.time() > end) {
        break;
      }
      boolean on = c.value() instanceof Boolean b ? b
          : c.value() instanceof Number n && n.doubleValue() > 0;
      running.put(c.signal(), on);
      moving = running.containsValue(true);
    }
    if (!moving && end > Math.max(since, start)) {
      still += end - Math.max(since, start);
    }
    return still;
  }

  /** An action in words: "press StartButton", "load recipe large", ... */
  static String describeAction(SessionEvent e) {
    if (e instanceof SessionEvent.Operated o) {
      return o.action() + " " + o.device();
    }
    if (e instanceof SessionEvent.RecipeLoaded r) {
      return "load recipe " + r.recipe();
    }
    if (e instanceof SessionEvent.FaultInjected f) {
      return "fault " + f.fault().describe();
    }
    if (e instanceof SessionEvent.FaultCleared c) {
      return "clear fault " + c.id();
    }
    return e.toString();
  }

  /** The part types recipe {@code name} releases (empty if it does not set any). */
  static Set<String> types(LineDefinition line, String name) {
    RecipeDefinition recipe = line.recipe(name).orElseThrow(() ->
        new IllegalArgumentException("line " + line.name() + " has no recipe '" + name + "'"));
    Set<String> types = new LinkedHashSet<>();
    for (RecipeDefinition.Setting s : recipe.settings()) {
      if (s.parameter().equals("parts")) {
        @SuppressWarnings("unchecked")
        List<PartTemplate> parts = (List<PartTemplate>) s.value();
        parts.forEach(p -> types.add(p.type()));
      }
    }
    return types.isEmpty() ? sourceTypes(line) : types;
  }

  /** The part types the line's sources release as the line file sets them up. */
  static Set<String> sourceTypes(LineDefinition line) {
    Set<String> types = new LinkedHashSet<>();
    for (ComponentDefinition c : line.components()) {
      if (c instanceof SourceDefinition source) {
        source.parts().forEach(p -> types.add(p.type()));
      }
    }
    return types;
  }
}
