package io.twinline.harness.rehearsal;

import io.twinline.line.SignalDefinition;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.GuideDefinition;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.model.SinkDefinition;
import io.twinline.line.model.SourceDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A self-contained HTML page of one or two sessions: their changeover KPIs side by side and a
 * timeline (SVG) of the changeover: the infeeds running, the guides moving, good and scrapped
 * parts counting up, recipe loads and operator actions marked.
 */
public final class RehearsalReport {

  /** One session of the report. */
  public record Entry(String label, Recording recording, Kpis kpis) {}

  private static final int WIDTH = 960;
  private static final int LANE = 26;
  private static final int LEFT = 220;

  private RehearsalReport() {}

  /** Writes {@code folder/index.html}. */
  public static Path write(Path folder, LineDefinition line, List<Entry> entries)
      throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve("index.html");
    Files.writeString(file, html(line, entries), StandardCharsets.UTF_8);
    return file;
  }

  static String html(LineDefinition line, List<Entry> entries) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Changeover ").append(esc(line.name())).append("</title><style>")
        .append("body{font-family:sans-serif;margin:24px;color:#222}")
        .append("table{border-collapse:collapse;margin:12px 0}")
        .append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}")
        .append("th{background:#f3f3f3}.lane{font-size:12px}")
        .append("</style></head><body>");
    h.append("<h1>Changeover on ").append(esc(line.name())).append("</h1>");
    h.append("<table><tr><th></th>");
    for (Entry e : entries) {
      h.append("<th>").append(esc(e.label())).append("</th>");
    }
    h.append("</tr>");
    row(h, "program", entries, e -> e.recording().header().controller());
    row(h, "recipes", entries, e -> !e.kpis().hasChangeover() ? "no changeover"
        : (e.kpis().from().isEmpty() ? "(line setup)" : e.kpis().from()) + " → "
            + e.kpis().to());
    row(h, "recipe loaded at", entries, e -> e.kpis().hasChangeover()
        ? Kpis.seconds(e.kpis().loadedAt()) : "–");
    row(h, "changeover (last good old part → first good new part)", entries,
        e -> e.kpis().changeover().isPresent() ? Kpis.seconds(e.kpis().changeover().getAsLong())
            : "–");
    row(h, "line stood still", entries, e -> Kpis.seconds(e.kpis().standstill()));
    row(h, "rejected during ramp-up", entries, e -> Long.toString(e.kpis().rejected()));
    row(h, "good parts old / new", entries,
        e -> e.kpis().goodOld() + " / " + e.kpis().goodNew());
    row(h, "operator steps", entries, e -> {
      StringBuilder s = new StringBuilder();
      for (Kpis.Step step : e.kpis().steps()) {
        s.append(Kpis.seconds(step.time())).append(' ').append(step.what()).append(" (+")
            .append(Kpis.seconds(step.took())).append(")\n");
      }
      return s.length() == 0 ? "none" : s.toString();
    });
    row(h, "faults", entries, e -> {
      StringBuilder s = new StringBuilder();
      for (Kpis.Fault f : e.kpis().faults()) {
        s.append(Kpis.seconds(f.at())).append(' ').append(f.what())
            .append(f.clearedAt().isPresent()
                ? " (to " + Kpis.seconds(f.clearedAt().getAsLong()) + ")" : " (not cleared)")
            .append('\n');
      }
      return s.length() == 0 ? "none" : s.toString();
    });
    h.append("</table>");
    for (Entry e : entries) {
      h.append("<h2>").append(esc(e.label())).append("</h2>");
      h.append(timeline(line, e));
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void row(StringBuilder h, String name, List<Entry> entries,
      java.util.function.Function<Entry, String> value) {
    h.append("<tr><th>").append(esc(name)).append("</th>");
    for (Entry e : entries) {
      h.append("<td>").append(esc(value.apply(e)).replace("\n", "<br>")).append("</td>");
    }
    h.append("</tr>");
  }

  /** The signals worth a lane: infeeds running, guides moving, the sinks' counts. */
  private static List<String> lanes(LineDefinition line) {
    Set<String> infeeds = new LinkedHashSet<>();
    List<String> lanes = new ArrayList<>();
    for (ComponentDefinition c : line.components()) {
      if (c instanceof SourceDefinition s) {
        infeeds.add(s.to());
      }
    }
    for (ComponentDefinition c : line.components()) {
      for (SignalDefinition s : c.signals()) {
        String name = s.path().signal();
        if ((infeeds.contains(c.name()) && name.equals("MotorOn"))
            || (c instanceof GuideDefinition && (name.equals(GuideDefinition.MOVING)
                || name.equals(GuideDefinition.POSITION)))
            || (c instanceof SinkDefinition && name.startsWith(SinkDefinition.COUNT))) {
          lanes.add(s.path().toString());
        }
      }
    }
    return lanes;
  }

  private static String timeline(LineDefinition line, Entry entry) {
    Kpis k = entry.kpis();
    Recording r = entry.recording();
    long from = Math.max(0, k.lastOldPart().orElse(k.loadedAt()) - 20_000_000_000L);
    from = Math.min(from, k.loadedAt());
    long to = Math.min(r.end(), k.firstNewPart().orElse(r.end()) + 20_000_000_000L);
    if (to <= from) {
      to = from + 1;
    }
    List<String> lanes = lanes(line);
    int height = 30 + LANE * lanes.size() + 20;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" class=\"lane\">");
    double scale = (WIDTH - LEFT - 10) / (double) (to - from);
    for (int i = 0; i < lanes.size(); i++) {
      String signal = lanes.get(i);
      int y = 20 + i * LANE;
      svg.append("<text x=\"4\" y=\"").append(y + 16).append("\">").append(esc(signal))
          .append("</text>");
      svg.append(lane(r, signal, from, to, scale, y));
    }
    for (SessionEvent e : r.events()) {
      if (e.isAction() && e.time() >= from && e.time() <= to) {
        double x = LEFT + (e.time() - from) * scale;
        boolean recipe = e instanceof SessionEvent.RecipeLoaded;
        svg.append(String.format(Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-dasharray=\"4 3\"><title>%s %s</title></line>",
            x, x, height - 16, recipe ? "#c0392b" : "#7f8c8d", Kpis.seconds(e.time()),
            esc(SessionFigures.describeAction(e))));
      }
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", LEFT,
        height - 2, Kpis.seconds(from)));
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", WIDTH - 10, height - 2,
        Kpis.seconds(to)));
    svg.append("</svg>");
    return svg.toString();
  }

  private static String lane(Recording r, String signal, long from, long to, double scale,
      int y) {
    List<long[]> points = new ArrayList<>();
    Object value = null;
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    List<Object[]> changes = new ArrayList<>();
    for (SessionEvent.SignalChange c : r.changes()) {
      if (!c.signal().equals(signal)) {
        continue;
      }
      if (c.time() <= from) {
        value = c.value();
      } else if (c.time() <= to) {
        changes.add(new Object[] {c.time(), c.value()});
      }
    }
    StringBuilder s = new StringBuilder();
    boolean bool = value instanceof Boolean
        || (!changes.isEmpty() && changes.get(0)[1] instanceof Boolean);
    List<Object[]> all = new ArrayList<>();
    all.add(new Object[] {from, value});
    all.addAll(changes);
    all.add(new Object[] {to, null});
    if (bool) {
      for (int i = 0; i + 1 < all.size(); i++) {
        if (Boolean.TRUE.equals(all.get(i)[1])) {
          double x1 = LEFT + ((long) all.get(i)[0] - from) * scale;
          double x2 = LEFT + ((long) all.get(i + 1)[0] - from) * scale;
          s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
              + "height=\"16\" fill=\"#27ae60\"/>", x1, y + 3, Math.max(0.5, x2 - x1)));
        }
      }
      return s.toString();
    }
    for (Object[] p : all) {
      if (p[1] instanceof Number n) {
        min = Math.min(min, n.doubleValue());
        max = Math.max(max, n.doubleValue());
      }
    }
    if (min > max) {
      return "";
    }
    double span = max > min ? max - min : 1;
    StringBuilder path = new StringBuilder();
    Double last = null;
    for (Object[] p : all) {
      double x = LEFT + ((long) p[0] - from) * scale;
      Double v = p[1] instanceof Number n ? n.doubleValue() : last;
      if (v == null) {
        continue;
      }
      double py = y + 19 - (v - min) / span * 16;
      if (last != null) {
        double ly = y + 19 - (last - min) / span * 16;
        path.append(String.format(Locale.ROOT, " L%.1f %.1f", x, ly));
      } else {
        path.append(String.format(Locale.ROOT, "M%.1f %.1f", x, py));
      }
      path.append(String.format(Locale.ROOT, " L%.1f %.1f", x, py));
      last = v;
    }
    points.clear();
    return s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#2c3e50\">")
        .append("<title>").append(esc(signal)).append(String.format(Locale.ROOT,
            " %.4g .. %.4g", min, max)).append("</title></path>").toString();
  }

  private static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
