package io.twinline.opcua;

import java.net.InetAddress;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * At most one log line per peer (IP address) and window, counting the lines left out.
 *
 * <p>A misconfigured PLC retries every second and a fuzzer sends thousands of messages; the log
 * should say that it happens and how often, not repeat it. Thread-safe.
 */
final class PeerLogLimit {

  /** Peers remembered before forgetting those whose window has passed. */
  private static final int PRUNE_ABOVE = 4096;

  private final long windowNanos;
  private final LongSupplier nanoClock;
  private final ConcurrentMap<InetAddress, Window> windows = new ConcurrentHashMap<>();

  private record Window(long openedAt, int suppressed) {}

  /**
   * @param window how long after a logged line the same peer's lines are only counted
   * @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime}
   */
  PeerLogLimit(Duration window, LongSupplier nanoClock) {
    this.windowNanos = window.toNanos();
    this.nanoClock = nanoClock;
  }

  /**
   * Asks whether a line about {@code peer} may be logged now.
   *
   * @return empty if not (it is counted), else how many lines about the peer were left out since
   *     the last one logged
   */
  OptionalInt admit(InetAddress peer) {
    long now = nanoClock.getAsLong();
    int[] leftOut = {-1};
    windows.compute(
        peer,
        (p, window) -> {
          if (window == null || now - window.openedAt() >= windowNanos) {
            leftOut[0] = window == null ? 0 : window.suppressed();
            return new Window(now, 0);
          }
          return new Window(window.openedAt(), window.suppressed() + 1);
        });
    if (windows.size() > PRUNE_ABOVE) {
      windows.values().removeIf(w -> now - w.openedAt() >= windowNanos && w.suppressed() == 0);
    }
    return leftOut[0] < 0 ? OptionalInt.empty() : OptionalInt.of(leftOut[0]);
  }
}
