package io.twinline.harness.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Writes XHTML (and inline SVG) that is both well-formed XML and read alike by a browser's HTML
 * parser: every text and attribute value is escaped, every element is closed in order, and only
 * elements that may be empty in HTML (void elements, SVG shapes) are written self-closed.
 *
 * <p>Not thread-safe; one instance builds one page.
 */
final class Markup {

  /** Elements that start on a new line of the output, to keep the file readable. */
  private static final Set<String> BLOCKS = Set.of(
      "html", "head", "body", "title", "meta", "style", "header", "section", "div", "h1", "h2",
      "h3", "h4", "p", "pre", "ul", "ol", "li", "table", "thead", "tbody", "tr", "details",
      "summary", "svg", "g", "path", "line", "rect", "polygon", "text");

  private final StringBuilder out = new StringBuilder(64 * 1024);
  private final Deque<String> open = new ArrayDeque<>();

  /**
   * Opens an element.
   *
   * @param attributes name and value pairs; a pair whose value is null is left out
   */
  Markup open(String tag, String... attributes) {
    startTag(tag, attributes);
    out.append('>');
    open.push(tag);
    return this;
  }

  /** Closes the element opened last. */
  Markup close() {
    out.append("</").append(open.pop()).append('>');
    return this;
  }

  /** An element holding only text; empty text still gives an open and a close tag. */
  Markup element(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close();
  }

  /**
   * A self-closed element. Only for HTML void elements ({@code meta}, {@code br}) and SVG
   * shapes: a browser reads {@code <td/>} as an open {@code td}.
   */
  Markup empty(String tag, String... attributes) {
    startTag(tag, attributes);
    out.append("/>");
    return this;
  }

  /** Text, escaped; null writes nothing. */
  Markup text(String text) {
    if (text != null) {
      escape(text, out);
    }
    return this;
  }

  /**
   * Markup written as is: only for constant text of this package (the style sheet), which must
   * hold no {@code <}, {@code >} or {@code &}, because a browser reads a style element as raw
   * text and an XML parser does not.
   */
  Markup raw(String constant) {
    out.append(constant);
    return this;
  }

  /**
   * The page.
   *
   * @throws IllegalStateException if an element is still open
   */
  @Override
  public String toString() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("elements left open: " + open);
    }
    return out.toString();
  }

  private void startTag(String tag, String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name and value pairs: " + tag);
    }
    if (BLOCKS.contains(tag) && out.length() > 0) {
      out.append('\n');
    }
    out.append('<').append(tag);
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ').append(attributes[i]).append("=\"");
        escape(attributes[i + 1], out);
        out.append('"');
      }
    }
  }

  /**
   * Escapes text for both XML and HTML, in text and in quoted attribute values. Characters XML
   * 1.0 does not allow (control characters, unpaired surrogates) become U+FFFD, so that a message
   * holding such a character still gives a page that parses.
   */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    escape(text, b);
    return b.toString();
  }

  private static void escape(String text, StringBuilder b) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            b.append(c).append(text.charAt(++i));
          } else if (allowedInXml(c)) {
            b.append(c);
          } else {
            b.append('\uFFFD');
          }
        }
      }
    }
  }

  private static boolean allowedInXml(char c) {
    return c == '\t' || c == '\n' || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD);
  }
}
