package io.twinline.harness.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinline.line.fault.FaultKind;
import io.twinline.line.fault.FaultSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * Session events to and from their JSON line. The format (documented in docs/changeover.md):
 *
 * <pre>
 * {"format":"twinline-session","version":1,"line":"BottlingLine",...}   the header, line 1
 * {"t":1230000000,"signal":"Infeed/MotorOn","value":true}               a signal change
 * {"t":...,"operate":"StartButton","action":"press"}                    an operator action
 * {"t":...,"recipe":"large"}                                            a recipe load
 * {"t":...,"fault":{"id":"J1","target":"Infeed","kind":"jam"}}          a fault injected
 *     (scheduled ones with "at_ns", the simulated time it starts; "duration_ns" if it ends)
 * {"t":...,"clear":"J1"}                                                a fault cleared
 * {"t":...,"end":true}                                                  the end of the session
 * </pre>
 *
 * <p>Values are JSON booleans, numbers and strings; integers read back as {@code Long}, other
 * numbers as {@code Double} ({@link #normal} gives any value that form).
 */
final class SessionFormat {

  static final ObjectMapper JSON = new ObjectMapper();

  private SessionFormat() {}

  /** A value as it reads back from a file: Boolean, Long, Double or String. */
  static Object normal(Object value) {
    if (value instanceof Float f) {
      return Double.parseDouble(Float.toString(f));
    }
    if (value instanceof Double || value instanceof Boolean || value instanceof String
        || value == null) {
      return value;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    return value.toString();
  }

  static ObjectNode header(SessionHeader h) {
    ObjectNode node = JSON.createObjectNode();
    node.put("format", SessionHeader.FORMAT);
    node.put("version", SessionHeader.VERSION);
    node.put("line", h.line());
    node.put("lineFile", h.lineFile());
    node.put("seed", h.seed());
    node.put("controller", h.controller());
    node.put("recorded", h.recorded());
    node.put("note", h.note());
    return node;
  }

  static SessionHeader header(JsonNode node) {
    if (!SessionHeader.FORMAT.equals(node.path("format").asText())) {
      throw new IllegalArgumentException("not a Twinline session (no \"format\": \""
          + SessionHeader.FORMAT + "\" on the first line)");
    }
    int version = node.path("version").asInt(-1);
    if (version != SessionHeader.VERSION) {
      throw new IllegalArgumentException("session format version " + version
          + "; this Twinline reads version " + SessionHeader.VERSION);
    }
    return new SessionHeader(node.path("line").asText(), node.path("lineFile").asText(),
        node.path("seed").asLong(), node.path("controller").asText(),
        node.path("recorded").asText(), node.path("note").asText());
  }

  static ObjectNode event(SessionEvent event) {
    ObjectNode node = JSON.createObjectNode();
    node.put("t", event.time());
    if (event instanceof SessionEvent.SignalChange c) {
      node.put("signal", c.signal());
      node.set("value", JSON.valueToTree(normal(c.value())));
    } else if (event instanceof SessionEvent.Operated o) {
      node.put("operate", o.device());
      node.put("action", o.action());
    } else if (event instanceof SessionEvent.RecipeLoaded r) {
      node.put("recipe", r.recipe());
    } else if (event instanceof SessionEvent.FaultInjected f) {
      node.set("fault", fault(f.fault()));
    } else if (event instanceof SessionEvent.FaultCleared c) {
      node.put("clear", c.id());
    } else if (event instanceof SessionEvent.Ended) {
      node.put("end", true);
    }
    return node;
  }

  /**
   * The event of one line.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static SessionEvent event(JsonNode node) {
    if (!node.isObject() || !node.path("t").canConvertToLong()) {
      throw new IllegalArgumentException("an event is an object with \"t\" (ns)");
    }
    long t = node.get("t").asLong();
    if (node.has("signal")) {
      JsonNode value = node.path("value");
      Object v = value.isBoolean() ? value.asBoolean()
          : value.isIntegralNumber() ? value.asLong()
          : value.isNumber() ? value.asDouble()
          : value.isTextual() ? value.asText()
          : null;
      if (v == null) {
        throw new IllegalArgumentException("\"value\" must be a boolean, number or string");
      }
      return new SessionEvent.SignalChange(t, node.get("signal").asText(), v);
    }
    if (node.has("operate")) {
      return new SessionEvent.Operated(t, node.get("operate").asText(),
          node.path("action").asText());
    }
    if (node.has("recipe")) {
      return new SessionEvent.RecipeLoaded(t, node.get("recipe").asText());
    }
    if (node.has("fault")) {
      return new SessionEvent.FaultInjected(t, fault(node.get("fault")));
    }
    if (node.has("clear")) {
      return new SessionEvent.FaultCleared(t, node.get("clear").asText());
    }
    if (node.has("end")) {
      return new SessionEvent.Ended(t);
    }
    throw new IllegalArgumentException(
        "an event has one of \"signal\", \"operate\", \"recipe\", \"fault\", \"clear\", "
            + "\"end\"");
  }

  private static ObjectNode fault(FaultSpec f) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", f.id());
    node.put("target", f.target());
    node.put("kind", f.kind().keyword());
    f.value().ifPresent(v -> node.put("value", v));
    f.period().ifPresent(d -> node.put("period_ns", d.toNanos()));
    f.delay().ifPresent(d -> node.put("delay_ns", d.toNanos()));
    f.amplitude().ifPresent(a -> node.put("amplitude", a));
    f.fraction().ifPresent(a -> node.put("fraction", a));
    f.probability().ifPresent(a -> node.put("probability", a));
    f.at().ifPresent(d -> node.put("at_ns", d.toNanos()));
    f.duration().ifPresent(d -> node.put("duration_ns", d.toNanos()));
    return node;
  }

  private static FaultSpec fault(JsonNode node) {
    FaultKind kind = FaultKind.parse(node.path("kind").asText()).orElseThrow(() ->
        new IllegalArgumentException("unknown fault kind '" + node.path("kind").asText() + "'"));
    if (!node.hasNonNull("id") || !node.hasNonNull("target")) {
      throw new IllegalArgumentException("a fault has \"id\" and \"target\"");
    }
    return new FaultSpec(node.get("id").asText(), node.get("target").asText(), kind,
        text(node, "value"), nanos(node, "period_ns"), nanos(node, "delay_ns"),
        number(node, "amplitude"), number(node, "fraction"), number(node, "probability"),
        nanos(node, "at_ns"), nanos(node, "duration_ns"));
  }

  private static Optional<String> text(JsonNode node, String key) {
    return node.hasNonNull(key) ? Optional.of(node.get(key).asText()) : Optional.empty();
  }

  private static Optional<Duration> nanos(JsonNode node, String key) {
    return node.hasNonNull(key) ? Optional.of(Duration.ofNanos(node.get(key).asLong()))
        : Optional.empty();
  }

  private static Optional<Double> number(JsonNode node, String key) {
    return node.hasNonNull(key) ? Optional.of(node.get(key).asDouble()) : Optional.empty();
  }
}
