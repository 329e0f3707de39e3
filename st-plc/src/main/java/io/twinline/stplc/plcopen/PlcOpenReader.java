package io.twinline.stplc.plcopen;

import io.twinline.line.Problems;
import io.twinline.line.SourceLocation;
import io.twinline.stplc.compile.Source;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a PLCopen TC6 XML project ({@code tc6_0200}, {@code tc6_0201}): data types, POUs with
 * ST bodies, global variables, configurations, resources and tasks (also a CODESYS export's,
 * which keeps them in {@code addData}). The project becomes Structured Text laid out so that
 * every declaration and body sits on the line it has in the XML file: a compile problem names
 * the XML file's line. A POU in another language (LD, FBD, SFC, IL) is a problem, not skipped.
 */
public final class PlcOpenReader {

  private PlcOpenReader() {}

  /** One XML element with the place it starts. */
  static final class Node {
    final String name;
    final Map<String, String> attributes = new java.util.HashMap<>();
    final List<Node> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final int line;
    final int column;

    Node(String name, int line, int column) {
      this.name = name;
      this.line = line;
      this.column = column;
    }

    Node child(String childName) {
      for (Node n : children) {
        if (n.name.equals(childName)) {
          return n;
        }
      }
      return null;
    }

    List<Node> all(String childName) {
      List<Node> list = new ArrayList<>();
      for (Node n : children) {
        if (n.name.equals(childName)) {
          list.add(n);
        }
      }
      return list;
    }

    String attr(String key) {
      return attributes.getOrDefault(key, "");
    }

    void descendants(String wanted, List<Node> out) {
      for (Node n : children) {
        if (n.name.equals(wanted)) {
          out.add(n);
        }
        n.descendants(wanted, out);
      }
    }
  }

  /** The project as sources to compile; problems (XML, languages) go to {@code problems}. */
  public static List<Source> read(String file, String xml, Problems problems) {
    Node root;
    try {
      root = parse(xml);
    } catch (SAXParseException e) {
      problems.add(new SourceLocation(file, Math.max(1, e.getLineNumber()),
          Math.max(1, e.getColumnNumber())), "", "not well-formed XML: " + e.getMessage(), "");
      return List.of();
    } catch (Exception e) {
      problems.add(new SourceLocation(file, 1, 1), "", "cannot read the XML: " + e.getMessage(),
          "");
      return List.of();
    }
    if (!root.name.equals("project")) {
      problems.add(new SourceLocation(file, root.line, root.column), "", "not a PLCopen project:"
          + " the root element is <" + root.name + ">", "a PLCopen TC6 XML file starts with"
          + " <project xmlns=\"http://www.plcopen.org/xml/tc6_0201\">");
      return List.of();
    }
    StText st = new StText();
    new Translator(file, xml, st, problems).project(root);
    return List.of(Source.parse(file, st.text(), problems));
  }

  private static Node parse(String xml) throws Exception {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    List<Node> stack = new ArrayList<>();
    Node[] root = new Node[1];
    factory.newSAXParser().parse(new InputSource(new StringReader(xml)), new DefaultHandler() {
      private Locator locator;

      @Override
      public void setDocumentLocator(Locator l) {
        this.locator = l;
      }

      @Override
      public void startElement(String uri, String local, String qName, Attributes attrs) {
        Node node = new Node(local, locator.getLineNumber(), locator.getColumnNumber());
        for (int i = 0; i < attrs.getLength(); i++) {
          node.attributes.put(attrs.getLocalName(i).isEmpty() ? attrs.getQName(i)
              : attrs.getLocalName(i), attrs.getValue(i));
        }
        if (stack.isEmpty()) {
          root[0] = node;
        } else {
          stack.get(stack.size() - 1).children.add(node);
        }
        stack.add(node);
      }

      @Override
      public void endElement(String uri, String local, String qName) {
        stack.remove(stack.size() - 1);
      }

      @Override
      public void characters(char[] ch, int start, int length) {
        if (!stack.isEmpty()) {
          stack.get(stack.size() - 1).text.append(ch, start, length);
        }
      }
    });
    return root[0];
  }

  /** Structured Text written at given lines: padded with newlines to reach each one. */
  static final class StText {
    private final StringBuilder out = new StringBuilder();
    private int line = 1;

    /** Appends {@code text} starting on {@code atLine} (or the current line, if past it). */
    void at(int atLine, String text) {
      while (line < atLine) {
        out.append('\n');
        line++;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append(' ');
      }
      out.append(text);
      line += (int) text.chars().filter(c -> c == '\n').count();
    }

    /** Appends {@code body} so that its first character is at {@code atLine}:{@code column}. */
    void body(int atLine, int column, String body) {
      while (line < atLine) {
        out.append('\n');
        line++;
      }
      if (line == atLine) {
        int lineStart = out.lastIndexOf("\n") + 1;
        int current = out.length() - lineStart;
        out.append(" ".repeat(Math.max(1, column - 1 - current)));
      } else {
        out.append('\n');
        line++;
      }
      out.append(body);
      line += (int) body.chars().filter(c -> c == '\n').count();
      out.append('\n');
      line++;
    }

    String text() {
      return out.toString();
    }
  }

  static final Set<String> ELEMENTARY = Set.of("BOOL", "BYTE", "WORD", "DWORD", "LWORD", "SINT",
      "INT", "DINT", "LINT", "USINT", "UINT", "UDINT", "ULINT", "REAL", "LREAL", "TIME", "LTIME",
      "DATE", "DT", "TOD", "TIME_OF_DAY", "DATE_AND_TIME");

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
