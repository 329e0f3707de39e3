package io.twinline.harness.suite;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} parts of a test campaign, for spreading it over several CI runners:
 * runner {@code i} of {@code n} runs {@code --shard i/n}. The selected sequences (after any tag
 * filter) are dealt out in turn, in the order of the files and of the sequences in them, so the
 * parts differ by at most one sequence, every sequence runs on exactly one runner, and the same
 * files always give the same parts.
 *
 * @param index 1..count
 * @param count how many parts
 */
public record Shard(int index, int count) {

  private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

  /** The whole campaign, one part. */
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "a shard is i/n with 1 ≤ i ≤ n, e.g. 2/4; was " + index + "/" + count);
    }
  }

  /**
   * Reads {@code i/n}.
   *
   * @throws IllegalArgumentException naming the expected form
   */
  public static Shard parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("a shard is i/n, e.g. 2/4; was '" + text + "'");
    }
    return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /**
   * This part's sequences of {@code suites}, among those {@code selection} takes, as a filter of
   * the sequences (the suites' own objects).
   */
  public Predicate<SuiteSpec.Sequence> of(List<SuiteSpec> suites,
      Predicate<SuiteSpec.Sequence> selection) {
    Map<SuiteSpec.Sequence, Boolean> mine = new IdentityHashMap<>();
    int dealt = 0;
    for (SuiteSpec suite : suites) {
      for (SuiteSpec.Sequence sequence : suite.sequences()) {
        if (selection.test(sequence)) {
          mine.put(sequence, dealt++ % count == index - 1);
        }
      }
    }
    return sequence -> mine.getOrDefault(sequence, false);
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
