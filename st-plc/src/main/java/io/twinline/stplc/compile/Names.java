package io.twinline.stplc.compile;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" hints. */
final class Names {

  private Names() {}

  /** A hint naming the known name closest to {@code name}, or {@code otherwise}. */
  static String suggest(String name, Collection<String> known, String otherwise) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String n = name.toLowerCase(Locale.ROOT);
    for (String candidate : known) {
      int d = distance(n, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    if (best != null && bestDistance <= (name.length() < 4 ? 1 : Math.max(2, name.length() / 3))) {
      return "did you mean " + best + "?";
    }
    return otherwise;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
