package io.twinline.coupling.modbus;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A communication fault the endpoint plays on purpose, so that a PLC's handling of a slow, faulty
 * or vanishing remote I/O can be tested. Deterministic: it hits every {@code every}-th request
 * (counting all requests of all masters), never at random.
 *
 * <p>Written {@code KIND[=VALUE][/N]}:
 * <ul>
 *   <li>{@code delay=250ms} answers late (the endpoint answers one request at a time, so every
 *       master waits, as with a slow device);
 *   <li>{@code exception=6} answers with that Modbus exception code (1 to 11);
 *   <li>{@code silent} does not answer at all (the master times out);
 *   <li>{@code drop} closes the master's connection instead of answering.
 * </ul>
 * {@code /N} makes it hit every N-th request only, e.g. {@code exception=4/10}.
 *
 * @param kind what happens
 * @param delay how late, for {@link Kind#DELAY}
 * @param exceptionCode the code, for {@link Kind#EXCEPTION}
 * @param every it hits requests number N, 2N, 3N, ...
 */
public record EndpointFault(Kind kind, Duration delay, int exceptionCode, int every) {

  /** What a fault does to the request it hits. */
  public enum Kind { DELAY, EXCEPTION, SILENT, DROP }

  private static final Pattern SPEC = Pattern.compile(
      "(delay|exception|silent|drop)(?:=([^/]+))?(?:/(\\d+))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern MILLIS = Pattern.compile("(\\d+)\\s*(ms|s)?");

  /**
   * Reads a fault as written above.
   *
   * @throws IllegalArgumentException saying what is wrong and how it is written
   */
  public static EndpointFault parse(String text) {
    Matcher m = SPEC.matcher(text.strip());
    String how = " (write delay=250ms, exception=6, silent or drop, each optionally /N for"
        + " every N-th request)";
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a Modbus fault" + how);
    }
    Kind kind = Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
    String value = m.group(2);
    int every = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    if (every < 1) {
      throw new IllegalArgumentException("'" + text + "': /N must be 1 or more" + how);
    }
    switch (kind) {
      case DELAY -> {
        Matcher d = value == null ? null : MILLIS.matcher(value.strip());
        if (d == null || !d.matches()) {
          throw new IllegalArgumentException("'" + text + "': a delay needs a time such as"
              + " delay=250ms");
        }
        long amount = Long.parseLong(d.group(1));
        Duration delay = "s".equals(d.group(2)) ? Duration.ofSeconds(amount)
            : Duration.ofMillis(amount);
        return new EndpointFault(kind, delay, 0, every);
      }
      case EXCEPTION -> {
        int code;
        try {
          code = value == null ? -1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
          code = -1;
        }
        if (code < 1 || code > 11) {
          throw new IllegalArgumentException("'" + text + "': an exception needs a Modbus"
              + " exception code 1..11, such as exception=6 (server busy)");
        }
        return new EndpointFault(kind, Duration.ZERO, code, every);
      }
      default -> {
        if (value != null) {
          throw new IllegalArgumentException("'" + text + "': " + kind.name().toLowerCase(
              Locale.ROOT) + " takes no value" + how);
        }
        return new EndpointFault(kind, Duration.ZERO, 0, every);
      }
    }
  }

  /** Whether it hits request number {@code request} (1 for the first). */
  public boolean hits(long request) {
    return request % every == 0;
  }

  @Override
  public String toString() {
    String name = kind.name().toLowerCase(Locale.ROOT);
    String value = switch (kind) {
      case DELAY -> "=" + delay.toMillis() + "ms";
      case EXCEPTION -> "=" + exceptionCode;
      default -> "";
    };
    return name + value + (every == 1 ? "" : "/" + every);
  }
}
