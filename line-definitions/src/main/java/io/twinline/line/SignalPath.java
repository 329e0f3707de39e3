package io.twinline.line;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a signal inside a line: {@code <component>/<signal>}, e.g. {@code Infeed/MotorOn}.
 * Parsed once at the edge; everything inside uses this type.
 */
public record SignalPath(String component, String signal) implements Comparable<SignalPath> {

  /** Names of lines, components and signals: a letter, then letters, digits or underscores. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  /**
   * Whether {@code text} matches {@link #NAME}, without a regex: big lines make a hundred
   * thousand paths, and the regex was a fifth of reading them.
   */
  public static boolean isName(String text) {
    int n = text.length();
    if (n == 0 || n > 64 || !isAsciiLetter(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = text.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  public SignalPath {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(signal, "signal");
    if (!isName(component) || !isName(signal)) {
      throw new IllegalArgumentException(
          "not a signal path: '" + component + "/" + signal + "' (expected <Component>/<Signal>)");
    }
  }

  /**
   * Parses {@code Component/Signal}.
   *
   * @throws IllegalArgumentException if the text is not of that form
   */
  public static SignalPath parse(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0 || slash != text.lastIndexOf('/')) {
      throw new IllegalArgumentException(
          "not a signal path: '" + text + "' (expected <Component>/<Signal>, e.g. Infeed/MotorOn)");
    }
    return new SignalPath(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public int compareTo(SignalPath other) {
    int byComponent = component.compareTo(other.component);
    return byComponent != 0 ? byComponent : signal.compareTo(other.signal);
  }

  @Override
  public String toString() {
    return component + "/" + signal;
  }
}
