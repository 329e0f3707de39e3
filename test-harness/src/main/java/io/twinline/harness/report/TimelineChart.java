package io.twinline.harness.report;

import io.twinline.harness.suite.Timeline;
import io.twinline.harness.suite.Timeline.Point;
import io.twinline.harness.suite.Timeline.Series;
import io.twinline.line.SignalType;
import io.twinline.sim.time.SimTime;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the signals around a failure as an inline SVG chart, like a logic analyser: one row per
 * signal, simulated time across. Booleans are digital traces, numbers a step line scaled to their
 * own minimum and maximum in the window (both printed at the row's end), strings labelled
 * segments. A red line marks the failure; with a scan period and a window of at most {@value
 * #MAX_SCAN_MARKS} scans, thin lines mark the controller's scans ({@code class="scan"}), so a race
 * of one scan can be counted. An overview ({@link #renderOverview}) draws the whole run in flatter
 * rows with the zoomed window shaded ({@code class="zoom-window"}).
 *
 * <p>Each row is a {@code <g class="row" data-path="...">}; the marker is the element of class
 * {@code marker}. Times outside the window are drawn at its edge.
 */
final class TimelineChart {

  private static final int WIDTH = 1000;
  private static final int RANGE_COLUMN = 92;
  private static final int TOP = 22;
  private static final int FULL_ROW = 38;
  private static final int OVERVIEW_ROW = 20;
  /** Scans are marked when the window holds at most this many. */
  static final int MAX_SCAN_MARKS = 120;
  private static final int AXIS = 30;
  private static final int PAD = 7;
  private static final double CHAR_WIDTH = 7.3;
  private static final int MAX_LABEL_CHARS = 44;
  /** Above this many segments a row gets no hover titles, to keep the file small. */
  private static final int MAX_HOVER_SEGMENTS = 400;

  private final Timeline timeline;
  private final int rowHeight;
  private final long zoomFrom;
  private final long zoomTo;
  private final double left;
  private final double right;
  private final long span;

  private TimelineChart(Timeline timeline, int row, long zoomFrom, long zoomTo) {
    this.timeline = timeline;
    this.rowHeight = row;
    this.zoomFrom = zoomFrom;
    this.zoomTo = zoomTo;
    int longest = timeline.series().stream()
        .mapToInt(s -> Math.min(s.path().length(), MAX_LABEL_CHARS)).max().orElse(8);
    this.left = Math.max(110, Math.round(longest * CHAR_WIDTH + 20));
    this.right = WIDTH - RANGE_COLUMN;
    this.span = Math.max(1, timeline.to() - timeline.from());
  }

  /** Writes the chart of {@code timeline}, which should hold at least one series. */
  static void render(Timeline timeline, Markup out) {
    new TimelineChart(timeline, FULL_ROW, -1, -1).draw(out);
  }

  /**
   * Writes {@code overview} (the whole run) in flat rows, with the window from {@code zoomFrom}
   * to {@code zoomTo} (simulated ns) shaded: where the detailed chart is.
   */
  static void renderOverview(Timeline overview, long zoomFrom, long zoomTo, Markup out) {
    new TimelineChart(overview, OVERVIEW_ROW, zoomFrom, zoomTo).draw(out);
  }

  /** A value held from {@code start} to {@code end}; null when it is not known. */
  record Segment(long start, long end, Object value) {}

  private void draw(Markup out) {
    List<Series> series = timeline.series();
    int rowsBottom = TOP + series.size() * rowHeight;
    int height = rowsBottom + AXIS;
    boolean overview = zoomFrom >= 0;
    out.open("svg", "xmlns", "http://www.w3.org/2000/svg",
        "class", overview ? "timeline overview" : "timeline",
        "width", Integer.toString(WIDTH), "height", Integer.toString(height),
        "viewBox", "0 0 " + WIDTH + " " + height, "role", "img",
        "aria-label", "signals from " + io.twinline.harness.run.Times.format(timeline.from()) + " to "
            + io.twinline.harness.run.Times.format(timeline.to()));
    axis(out, rowsBottom);
    for (int i = 0; i < series.size(); i++) {
      row(out, series.get(i), TOP + i * rowHeight, i);
    }
    scans(out, rowsBottom);
    if (overview) {
      double x0 = x(zoomFrom);
      double x1 = Math.max(x0 + 2, x(zoomTo));
      out.open("rect", "x", num(x0), "y", num(TOP - 4), "width", num(x1 - x0),
          "height", num(rowsBottom - TOP + 4), "class", "zoom-window");
      out.element("title", "the chart above: " + io.twinline.harness.run.Times.format(zoomFrom) + " \u2013 "
          + io.twinline.harness.run.Times.format(zoomTo));
      out.close();
    }
    marker(out, rowsBottom);
    out.close();
  }

  private void axis(Markup out, int rowsBottom) {
    out.open("g", "class", "axis");
    out.empty("line", "x1", num(left), "y1", num(rowsBottom), "x2", num(right),
        "y2", num(rowsBottom), "class", "axis-line");
    long step = niceStep(span / Math.max(2, (long) ((right - left) / 150)));
    long first = Math.floorDiv(timeline.from() + step - 1, step) * step;
    for (long t = first; t <= timeline.to(); t += step) {
      double x = x(t);
      out.empty("line", "x1", num(x), "y1", num(TOP), "x2", num(x), "y2", num(rowsBottom + 4),
          "class", "grid");
      out.element("text", io.twinline.harness.run.Times.format(t), "x", num(x), "y", num(rowsBottom + 18),
          "text-anchor", "middle", "class", "tick");
    }
    out.close();
  }

  /** Thin lines at the controller's scans, if the window holds few enough to count. */
  private void scans(Markup out, int rowsBottom) {
    long scan = timeline.scan();
    if (scan <= 0 || span / scan > MAX_SCAN_MARKS) {
      return;
    }
    out.open("g", "class", "scans");
    out.element("title", "controller scans, every " + io.twinline.harness.run.Times.format(scan));
    long first = Math.floorDiv(timeline.from() + scan - 1, scan) * scan;
    for (long t = first; t <= timeline.to(); t += scan) {
      out.empty("line", "x1", num(x(t)), "y1", num(TOP), "x2", num(x(t)),
          "y2", num(rowsBottom), "class", "scan");
    }
    out.element("text", "dotted: a scan every " + io.twinline.harness.run.Times.format(scan),
        "x", num(left), "y", num(TOP - 9), "class", "scan-label");
    out.close();
  }

  private void row(Markup out, Series series, int top, int index) {
    SignalType type = series.type() == null ? SignalType.STRING : series.type();
    out.open("g", "class", "row", "data-path", series.path());
    if (index % 2 == 0) {
      out.empty("rect", "x", "0", "y", num(top), "width", num(WIDTH), "height", num(rowHeight),
          "class", "band");
    }
    String label = series.path().length() > MAX_LABEL_CHARS
        ? series.path().substring(0, MAX_LABEL_CHARS - 1) + "\u2026"
        : series.path();
    double labelY = top + rowHeight / 2.0 + (rowHeight == FULL_ROW ? -1 : 4);
    out.open("text", "x", num(left - 10), "y", num(labelY), "text-anchor", "end",
        "class", "label");
    out.element("title", series.path() + " (" + type.displayName() + ")");
    out.text(label).close();
    if (rowHeight == FULL_ROW) {
      out.element("text", type.displayName(), "x", num(left - 10),
          "y", num(top + rowHeight / 2.0 + 11), "text-anchor", "end", "class", "type");
    }

    List<Segment> segments = segments(series);
    double pad = rowHeight == FULL_ROW ? PAD : 4;
    double high = top + pad;
    double low = top + rowHeight - pad;
    if (type == SignalType.BOOLEAN) {
      digital(out, segments, high, low);
    } else if (type.isNumeric()) {
      analog(out, segments, high, low);
    } else {
      bus(out, segments, high, low);
    }
    if (segments.size() <= MAX_HOVER_SEGMENTS) {
      for (Segment s : segments) {
        out.open("rect", "x", num(x(s.start())), "y", num(top),
            "width", num(Math.max(1, x(s.end()) - x(s.start()))), "height", num(rowHeight),
            "class", "hover");
        out.element("title", io.twinline.harness.run.Times.format(s.start()) + " \u2013 " + io.twinline.harness.run.Times.format(s.end())
            + ": " + series.path() + " = " + show(s.value()));
        out.close();
      }
    }
    out.close();
  }

  private void digital(Markup out, List<Segment> segments, double high, double low) {
    StringBuilder d = new StringBuilder();
    boolean penDown = false;
    for (Segment s : segments) {
      if (!(s.value() instanceof Boolean on)) {
        penDown = false;
        continue;
      }
      double y = on ? high : low;
      if (on) {
        out.empty("rect", "x", num(x(s.start())), "y", num(high),
            "width", num(x(s.end()) - x(s.start())), "height", num(low - high), "class", "on");
      }
      d.append(penDown ? " L" : " M").append(num(x(s.start()))).append(',').append(num(y));
      d.append(" L").append(num(x(s.end()))).append(',').append(num(y));
      penDown = true;
    }
    trace(out, d, "trace digital");
  }

  private void analog(Markup out, List<Segment> segments, double high, double low) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Segment s : segments) {
      double v = number(s.value());
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      out.element("text", "no value", "x", num(left + 6), "y", num((high + low) / 2 + 4),
          "class", "range");
      return;
    }
    StringBuilder d = new StringBuilder();
    boolean penDown = false;
    for (Segment s : segments) {
      double v = number(s.value());
      if (!Double.isFinite(v)) {
        penDown = false;
        continue;
      }
      double y = max == min ? (high + low) / 2 : low - (v - min) / (max - min) * (low - high);
      d.append(penDown ? " L" : " M").append(num(x(s.start()))).append(',').append(num(y));
      d.append(" L").append(num(x(s.end()))).append(',').append(num(y));
      penDown = true;
    }
    trace(out, d, "trace analog");
    out.element("text", "max " + decimal(max), "x", num(right + 6), "y", num(high + 5),
        "class", "range");
    out.element("text", "min " + decimal(min), "x", num(right + 6), "y", num(low + 2),
        "class", "range");
  }

  private void bus(Markup out, List<Segment> segments, double high, double low) {
    double mid = (high + low) / 2;
    int shade = 0;
    for (Segment s : segments) {
      if (s.value() == null) {
        continue;
      }
      double x0 = x(s.start());
      double x1 = x(s.end());
      double slant = Math.min(3, (x1 - x0) / 2);
      String points = num(x0) + "," + num(mid) + " " + num(x0 + slant) + "," + num(high) + " "
          + num(x1 - slant) + "," + num(high) + " " + num(x1) + "," + num(mid) + " "
          + num(x1 - slant) + "," + num(low) + " " + num(x0 + slant) + "," + num(low);
      out.empty("polygon", "points", points, "class", "segment shade" + (shade++ % 2));
      String text = show(s.value());
      int fits = (int) ((x1 - x0 - 8) / 6.6);
      if (fits >= 2) {
        String shown = text.length() <= fits ? text : text.substring(0, fits - 1) + "\u2026";
        out.element("text", shown, "x", num(x0 + 5), "y", num(mid + 4), "class", "value");
      }
    }
  }

  private void marker(Markup out, int rowsBottom) {
    double x = x(timeline.marker());
    String anchor = x > right - 30 ? "end" : x < left + 30 ? "start" : "middle";
    out.open("g", "class", "marker");
    out.element("title", "failure at " + io.twinline.harness.run.Times.format(timeline.marker()));
    out.empty("line", "x1", num(x), "y1", num(TOP - 6), "x2", num(x), "y2", num(rowsBottom),
        "class", "marker-line");
    out.element("text", "failure", "x", num(x), "y", num(TOP - 9), "text-anchor", anchor,
        "class", "marker-label");
    out.close();
  }

  private static void trace(Markup out, StringBuilder d, String cssClass) {
    if (d.length() > 0) {
      out.empty("path", "d", d.substring(1), "class", cssClass);
    }
  }

  /** The series as segments over the window: its initial value, then each change. */
  List<Segment> segments(Series series) {
    List<Segment> segments = new ArrayList<>();
    long at = timeline.from();
    Object value = series.initial();
    for (Point p : series.changes()) {
      long time = clamp(p.time());
      if (time > at) {
        segments.add(new Segment(at, time, value));
        at = time;
      }
      value = p.value();
    }
    segments.add(new Segment(at, Math.max(at, timeline.to()), value));
    return segments;
  }

  private long clamp(long time) {
    return Math.max(timeline.from(), Math.min(timeline.to(), time));
  }

  private double x(long time) {
    return left + (double) (clamp(time) - timeline.from()) / span * (right - left);
  }

  /** 1, 2 or 5 times a power of ten nanoseconds, at least {@code rough}. */
  static long niceStep(long rough) {
    long power = 1;
    while (true) {
      for (long m : new long[] {1, 2, 5}) {
        if (m * power >= rough) {
          return m * power;
        }
      }
      if (power > Long.MAX_VALUE / 100) {
        return Long.MAX_VALUE / 2;
      }
      power *= 10;
    }
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** A value for people: six significant digits at most, no trailing zeros. */
  static String decimal(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private static String show(Object value) {
    if (value == null) {
      return "unknown";
    }
    if (value instanceof Double || value instanceof Float) {
      return decimal(((Number) value).doubleValue());
    }
    return value.toString().isEmpty() ? "\"\"" : value.toString();
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
