package io.twinline.web;

import io.twinline.line.model.BufferDefinition;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.DiverterDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.MountedDefinition;
import io.twinline.line.model.Placement;
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
 * Where the console draws each component. A component the line file places ({@code at:}, see
 * {@link io.twinline.line.model.Placement}) is drawn there, {@link #SCALE} units per metre, a
 * conveyor as long as it is, along its heading. The rest get an automatic left-to-right layout
 * from the flow of parts: sources start the flow; each component is one column right of the
 * furthest component that feeds it; a lane a diverter or pusher sends parts to goes one row
 * down. An unplaced component next to a placed one in the flow is drawn just after what feeds it
 * (or just before what it feeds), along that belt's heading, where this overlaps nothing; the
 * others keep their automatic places in a band below the placed ones. Devices mounted on a
 * conveyor sit on it at their position; everything else unplaced (buttons, lamps, tanks,
 * motors, ...) goes in panel rows below the flow. Coordinates are SVG user units, y down.
 */
final class Layout {

  static final int COLUMN = 190;
  static final int ROW = 110;
  static final int PANEL = 120;
  static final int PANEL_PER_ROW = 8;

  /** SVG units per metre of a placed component's {@code at} (a 4 m belt: 160, as laid out). */
  static final double SCALE = 40;
  /** The gap between an unplaced component and the placed one next to it in the flow. */
  static final double GAP = 30;

  /**
   * One laid-out component: its box, drawn turned by {@code angle} degrees (clockwise) about
   * ({@code pivotX}, {@code pivotY}); for a mounted device where on its conveyor; whether the
   * line file placed it.
   */
  record Place(String name, double x, double y, double width, double height,
      Optional<String> conveyor, double position, double angle, double pivotX, double pivotY,
      boolean placed) {

    Place(String name, double x, double y, double width, double height,
        Optional<String> conveyor, double position) {
      this(name, x, y, width, height, conveyor, position, 0, x, y, false);
    }

    /** Where parts come in: the middle of the box's left side, turned. */
    double[] in() {
      return turn(x, y + height / 2);
    }

    /** Where parts go out: the middle of the box's right side, turned. */
    double[] out() {
      return turn(x + width, y + height / 2);
    }

    /** The box as drawn (turned), axis-aligned: x, y, width, height. */
    double[] bounds() {
      double[][] corners = {turn(x, y), turn(x + width, y), turn(x, y + height),
          turn(x + width, y + height)};
      double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE;
      double maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
      for (double[] c : corners) {
        minX = Math.min(minX, c[0]);
        minY = Math.min(minY, c[1]);
        maxX = Math.max(maxX, c[0]);
        maxY = Math.max(maxY, c[1]);
      }
      return new double[] {minX, minY, maxX - minX, maxY - minY};
    }

    Place moved(double dx, double dy) {
      return new Place(name, x + dx, y + dy, width, height, conveyor, position, angle,
          pivotX + dx, pivotY + dy, placed);
    }

    boolean overlaps(Place other) {
      double[] a = bounds();
      double[] b = other.bounds();
      return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    private double[] turn(double px, double py) {
      double r = Math.toRadians(angle);
      double dx = px - pivotX;
      double dy = py - pivotY;
      // exact quarter turns: no -0.0000001 from cos(90 deg)
      double cos = Math.rint(Math.cos(r) * 1e12) / 1e12;
      double sin = Math.rint(Math.sin(r) * 1e12) / 1e12;
      return new double[] {pivotX + dx * cos - dy * sin, pivotY + dx * sin + dy * cos};
    }
  }

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
    Map<String, Place> automatic = new LinkedHashMap<>();
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
        automatic.put(name, new Place(name, x, y, COLUMN - 30, 26, Optional.empty(), 0));
      } else {
        double[] size = size(c);
        automatic.put(name, new Place(name, x + 40, y - 12, size[0], size[1], Optional.empty(), 0));
      }
    }
    int maxRow = row.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
    double panelTop = 40 + (maxRow + 1) * ROW + 30;
    Map<String, Place> places = fromFile(line);
    if (!places.isEmpty()) {
      placeBesideNeighbours(line, automatic, places);
      double placedBottom = bottom(places.values());
      double autoTop = automatic.values().stream().filter(p -> !places.containsKey(p.name()))
          .mapToDouble(p -> p.bounds()[1]).min().orElse(placedBottom);
      double dy = placedBottom + 40 - autoTop;
      for (Place p : automatic.values()) {
        places.putIfAbsent(p.name(), p.moved(0, dy));
      }
      panelTop = Math.max(bottom(places.values()) + 40, 40);
    } else {
      places.putAll(automatic);
    }
    int panel = 0;
    for (ComponentDefinition c : line.components()) {
      if (places.containsKey(c.name())) {
        continue;
      }
      if (c instanceof MountedDefinition m && places.containsKey(m.conveyor())
          && byName.get(m.conveyor()) instanceof ConveyorDefinition belt) {
        Place on = places.get(m.conveyor());
        double x = on.x() + on.width() * Math.min(1, Math.max(0, m.position() / belt.length()));
        // on a turned belt the device turns with it, about the same point
        places.put(c.name(), new Place(c.name(), x - 6, on.y() - 14, 12, on.height() + 28,
            Optional.of(m.conveyor()), m.position(), on.angle(), on.pivotX(), on.pivotY(),
            false));
        continue;
      }
      double x = 20 + (panel % PANEL_PER_ROW) * PANEL;
      double y = panelTop + (panel / PANEL_PER_ROW) * 90;
      places.put(c.name(), new Place(c.name(), x, y, PANEL - 20, 70, Optional.empty(), 0));
      panel++;
    }
    return places;
  }

  /** The box of an unturned symbol: width, height. */
  private static double[] size(ComponentDefinition c) {
    if (inFlow(c)) {
      boolean end = c instanceof SourceDefinition || c instanceof SinkDefinition;
      return new double[] {end ? 50 : 70, 50};
    }
    return new double[] {PANEL - 20, 70};
  }

  /** The components the line file places, moved together so that the drawing starts at 20, 40. */
  private static Map<String, Place> fromFile(LineDefinition line) {
    Map<String, Place> placed = new LinkedHashMap<>();
    for (ComponentDefinition c : line.components()) {
      Optional<Placement> at = line.placement(c.name());
      if (at.isEmpty() || c instanceof MountedDefinition) {
        continue;
      }
      double px = at.get().x() * SCALE;
      double py = at.get().y() * SCALE;
      if (c instanceof ConveyorDefinition belt) {
        placed.put(c.name(), new Place(c.name(), px, py - 13, belt.length() * SCALE, 26,
            Optional.empty(), 0, at.get().heading().degrees(), px, py, true));
      } else {
        double[] size = size(c);
        placed.put(c.name(), new Place(c.name(), px - size[0] / 2, py - size[1] / 2, size[0],
            size[1], Optional.empty(), 0, 0, px, py, true));
      }
    }
    if (placed.isEmpty()) {
      return placed;
    }
    double minX = placed.values().stream().mapToDouble(p -> p.bounds()[0]).min().orElseThrow();
    // the top at 40 as in the automatic layout: room above for the names drawn over belts
    double minY = placed.values().stream().mapToDouble(p -> p.bounds()[1]).min().orElseThrow();
    Map<String, Place> moved = new LinkedHashMap<>();
    placed.forEach((name, p) -> moved.put(name, p.moved(20 - minX, 40 - minY)));
    return moved;
  }

  /**
   * Unplaced flow components next to a placed one go just after their feeder (or just before
   * their target), along its heading, unless that overlaps something already there.
   */
  private static void placeBesideNeighbours(
      LineDefinition line, Map<String, Place> automatic, Map<String, Place> places) {
    boolean moved = true;
    while (moved) {
      moved = false;
      for (ComponentDefinition c : line.components()) {
        if (places.containsKey(c.name()) || !automatic.containsKey(c.name())) {
          continue;
        }
        Optional<Place> beside = Optional.empty();
        for (ComponentDefinition feeder : line.components()) {
          if (beside.isEmpty() && places.containsKey(feeder.name())
              && target(feeder).filter(c.name()::equals).isPresent()) {
            beside = Optional.of(after(places.get(feeder.name()), c, automatic.get(c.name())));
          }
        }
        Optional<String> to = target(c).filter(places::containsKey);
        if (beside.isEmpty() && to.isPresent()) {
          beside = Optional.of(before(places.get(to.get()), c, automatic.get(c.name())));
        }
        if (beside.isPresent() && places.values().stream().noneMatch(beside.get()::overlaps)) {
          places.put(c.name(), beside.get());
          moved = true;
        }
      }
    }
  }

  /** {@code c}'s box with its infeed {@link #GAP} after {@code feeder}'s outfeed. */
  private static Place after(Place feeder, ComponentDefinition c, Place auto) {
    double[] out = feeder.out();
    double r = Math.toRadians(feeder.angle());
    double sx = out[0] + Math.rint(Math.cos(r)) * GAP;
    double sy = out[1] + Math.rint(Math.sin(r)) * GAP;
    if (c instanceof ConveyorDefinition) {
      return new Place(c.name(), sx, sy - auto.height() / 2, auto.width(), auto.height(),
          Optional.empty(), 0, feeder.angle(), sx, sy, false);
    }
    double cx = sx + Math.rint(Math.cos(r)) * auto.width() / 2;
    double cy = sy + Math.rint(Math.sin(r)) * auto.height() / 2;
    return new Place(c.name(), cx - auto.width() / 2, cy - auto.height() / 2, auto.width(),
        auto.height(), Optional.empty(), 0);
  }

  /** {@code c}'s box with its outfeed {@link #GAP} before {@code target}'s infeed. */
  private static Place before(Place target, ComponentDefinition c, Place auto) {
    double[] in = target.in();
    double r = Math.toRadians(target.angle());
    double ex = in[0] - Math.rint(Math.cos(r)) * GAP;
    double ey = in[1] - Math.rint(Math.sin(r)) * GAP;
    if (c instanceof ConveyorDefinition) {
      double sx = ex - Math.rint(Math.cos(r)) * auto.width();
      double sy = ey - Math.rint(Math.sin(r)) * auto.width();
      return new Place(c.name(), sx, sy - auto.height() / 2, auto.width(), auto.height(),
          Optional.empty(), 0, target.angle(), sx, sy, false);
    }
    double cx = ex - Math.rint(Math.cos(r)) * auto.width() / 2;
    double cy = ey - Math.rint(Math.sin(r)) * auto.height() / 2;
    return new Place(c.name(), cx - auto.width() / 2, cy - auto.height() / 2, auto.width(),
        auto.height(), Optional.empty(), 0);
  }

  private static double bottom(Iterable<Place> places) {
    double bottom = 0;
    for (Place p : places) {
      bottom = Math.max(bottom, p.bounds()[1] + p.bounds()[3]);
    }
    return bottom;
  }
}
