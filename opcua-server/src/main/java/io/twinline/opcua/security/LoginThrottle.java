package io.twinline.opcua.security;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Backs off password guessing: after a few failed logins of one user name, or from one address,
 * further logins of that name or from that address are refused at once for a while, without
 * looking at the password, doubling the wait with every failure up to a maximum. A successful
 * login ends the backoff of its name and address.
 *
 * <p>Every user name is counted the same, known or not, so the backoff does not tell which names
 * exist. The tables are bounded (the oldest entries go first) and forget a name or address
 * after a quiet quarter of an hour. Thread-safe; every call is quick (no waiting, no hashing), so
 * a refusal never holds a server thread.
 */
public final class LoginThrottle {

  /** Failures of one user name before its logins are backed off. */
  static final int FREE_FAILURES_PER_USER = 3;
  /** Failures from one address before its logins are backed off. */
  static final int FREE_FAILURES_PER_ADDRESS = 10;
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final long FORGET_NANOS = TimeUnit.MINUTES.toNanos(15);
  private static final int MAX_ENTRIES = 10_000;

  /** Failures of one name or address. */
  private static final class Record {
    int failures;
    long lastFailure;
    long refuseUntil = Long.MIN_VALUE;
  }

  private final LongSupplier nanoClock;
  private final Map<String, Record> users = bounded();
  private final Map<InetAddress, Record> addresses = bounded();

  public LoginThrottle() {
    this(System::nanoTime);
  }

  /** @param nanoClock the time in nanoseconds, as {@link System#nanoTime()} */
  LoginThrottle(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /**
   * How long logins of {@code user} from {@code address} are still refused; empty if the password
   * may be checked now.
   */
  public synchronized Optional<Duration> backedOff(String user, InetAddress address) {
    long now = nanoClock.getAsLong();
    long until = Math.max(refuseUntil(users.get(user), now), refuseUntil(addresses.get(address),
        now));
    return until > now ? Optional.of(Duration.ofNanos(until - now)) : Optional.empty();
  }

  /**
   * Counts a failed login; returns how long the next logins of {@code user} or from {@code
   * address} will be refused (zero if they will not).
   */
  public synchronized Duration failed(String user, InetAddress address) {
    long now = nanoClock.getAsLong();
    long userUntil = fail(users.computeIfAbsent(user, k -> new Record()), FREE_FAILURES_PER_USER,
        now);
    long addressUntil = fail(addresses.computeIfAbsent(address, k -> new Record()),
        FREE_FAILURES_PER_ADDRESS, now);
    return Duration.ofNanos(Math.max(0, Math.max(userUntil, addressUntil) - now));
  }

  /** A successful login: the name and the address start afresh. */
  public synchronized void succeeded(String user, InetAddress address) {
    users.remove(user);
    addresses.remove(address);
  }

  private static long refuseUntil(Record record, long now) {
    return record == null ? Long.MIN_VALUE : record.refuseUntil;
  }

  private static long fail(Record record, int free, long now) {
    if (record.failures > 0 && now - record.lastFailure > FORGET_NANOS) {
      record.failures = 0;
    }
    record.failures++;
    record.lastFailure = now;
    if (record.failures > free) {
      int doublings = Math.min(record.failures - free - 1, 30);
      long backoff = Math.min(MAX_BACKOFF.toNanos(), FIRST_BACKOFF.toNanos() << doublings);
      record.refuseUntil = now + backoff;
    }
    return Math.max(now, record.refuseUntil);
  }

  private static <K> Map<K, Record> bounded() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Record> eldest) {
        return size() > MAX_ENTRIES;
      }
    };
  }
}
