package io.twinline.stplc.runtime;

/** TIME values: nanoseconds in a long, written as IEC literals. */
public final class Times {

  private Times() {}

  /** {@code T#1s500ms} style, as short as it can be. */
  public static String format(long ns) {
    if (ns == 0) {
      return "T#0s";
    }
    StringBuilder text = new StringBuilder("T#");
    long rest = ns;
    if (rest < 0) {
      text.append('-');
      rest = -rest;
    }
    long[] units = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L,
        1_000_000L, 1_000L, 1L};
    String[] names = {"d", "h", "m", "s", "ms", "us", "ns"};
    for (int i = 0; i < units.length; i++) {
      if (rest >= units[i]) {
        text.append(rest / units[i]).append(names[i]);
        rest %= units[i];
      }
    }
    return text.toString();
  }
}
