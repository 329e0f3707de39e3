package io.twinline.web;

import io.twinline.line.model.BufferDefinition;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.DiverterDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.MountedDefinition;
import io.twinline.line.model.PusherDefinition;
import io.twinline.line.model.SinkDefinition;
import io.twinline.line.model.SourceDefinition;
import io.twinline.line.model.StationDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the console draws each component: an automatic left-to-right layout from the flow of
 * parts. Sources start the flow; each component is one column right of the furthest component
 * that feeds it; a lane a diverter or pusher sends parts to goes one row down. Devices mounted
 * on a conveyor sit on it at their position; everything else (buttons, lamps, tanks, motors,
 * ...) goes in panel rows below the flow. Coordinates are SVG user units.
 */
final class Layout {

  static final int COLUMN = 190;
  static final int ROW = 110;
  static final int PANEL = 120;
  static final int PANEL_PER_ROW = 8;

  /** One placed component: its box, and for a mounted device where on its conveyor. */
  record Place(String name, double x, double y, double width, double height,
      Optional<String> conveyor, double position) {}

  private Layout() {}

  /** The flow target of a component, if it sends parts on. */
  static Optional<String> target(ComponentDefinition component) {
    if (component instanceof SourceDefinition s) {
      return Optional.of(s.to());
    }
    if (component instanceof ConveyorDefinition c) {
      return c.to();
    }
    if (component instanceof StationDefinition s) {
      return s.to();
    }
    if (component instanceof BufferDefinition b) {
      return b.to();
    }
    return Optional.empty();
  }

  /** Whether a component carries parts (drawn in the flow rather than the panel). */
  static boolean inFlow(ComponentDefinition component) {
    return component instanceof SourceDefinition || component instanceof ConveyorDefinition
        || component instanceof StationDefinition || component instanceof BufferDefinition
        || component instanceof SinkDefinition;
  }

  static Map<String, Place> of(LineDefinition line) {
    Map<String, ComponentDefinition> byName = new LinkedHashMap<>();
    line.components().forEach(c -> byName.put(c.name(), c));
    // edges of the flow: to, and a diverter's or pusher's lane from its conveyor
    Map<String, List<String>> next = new LinkedHashMap<>();
    Map<String, String> laneOf = new HashMap<>();
    for (ComponentDefinition c : line.components()) {
      target(c).ifPresent(t -> next.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(t));
      String lane = c instanceof DiverterDefinition d ? d.to()
          : c instanceof PusherDefinition p ? p.to() : null;
      if (lane != null && c instanceof MountedDefinition m) {
        next.computeIfAbsent(m.conveyor(), k -> new ArrayList<>()).add(lane);
        laneOf.put(lane, m.conveyor());
      }
    }
    Map<String, Integer> column = new LinkedHashMap<>();
    for (ComponentDefinition c : line.components()) {
      if (inFlow(c)) {
        column.putIfAbsent(c.name(), 0);
      }
    }
    // longest path from the start, bounded so that a loop in the flow cannot run forever
    for (int round = 0; round < byName.size(); round++) {
      boolean moved = false;
      for (var edge : next.entrySet()) {
        int from = column.getOrDefault(edge.getKey(), 0);
        for (String to : edge.getValue()) {
          if (byName.containsKey(to) && column.getOrDefault(to, 0) < from + 1
              && from + 1 < byName.size()) {
            column.put(to, from + 1);
            moved = true;
          }
        }
      }
      if (!moved) {
        break;
      }
    }
    Map<String, Integer> row = new HashMap<>();
    Map<Integer, Integer> used = new HashMap<>();
    Map<String, Place> places = new LinkedHashMap<>();
    for (var entry : column.entrySet()) {
      String name = entry.getKey();
      int col = entry.getValue();
      int wanted = laneOf.containsKey(name) ? row.getOrDefault(laneOf.get(name), 0) + 1 : 0;
      for (var feeder : next.entrySet()) {
        if (!laneOf.containsKey(name) && feeder.getValue().contains(name)
            && row.containsKey(feeder.getKey())) {
          wanted = Math.max(wanted, row.get(feeder.getKey()));
        }
      }
      int r = Math.max(wanted, used.getOrDefault(col, 0));
      row.put(name, r);
      used.put(col, r + 1);
      ComponentDefinition c = byName.get(name);
      double x = 20 + col * COLUMN;
      double y = 40 + r * ROW;
      if (c instanceof ConveyorDefinition) {
        places.put(name, new Place(name, x, y, COLUMN - 30, 26, Optional.empty(), 0));
      } else {
        boolean end = c instanceof SourceDefinition || c instanceof SinkDefinition;
        places.put(name, new Place(name, x + 40, y - 12, end ? 50 : 70, 50, Optional.empty(), 0));
      }
    }
    int maxRow = row.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
    double panelTop = 40 + (maxRow + 1) * ROW + 30;
    int panel = 0;
    for (ComponentDefinition c : line.components()) {
      if (places.containsKey(c.name())) {
        continue;
      }
      if (c instanceof MountedDefinition m && places.containsKey(m.conveyor())
          && byName.get(m.conveyor()) instanceof ConveyorDefinition belt) {
        Place on = places.get(m.conveyor());
        double x = on.x() + on.width() * Math.min(1, Math.max(0, m.position() / belt.length()));
        places.put(c.name(), new Place(c.name(), x - 6, on.y() - 14, 12, on.height() + 28,
            Optional.of(m.conveyor()), m.position()));
        continue;
      }
      double x = 20 + (panel % PANEL_PER_ROW) * PANEL;
      double y = panelTop + (panel / PANEL_PER_ROW) * 90;
      places.put(c.name(), new Place(c.name(), x, y, PANEL - 20, 70, Optional.empty(), 0));
      panel++;
    }
    return places;
  }
}
