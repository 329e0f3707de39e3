package io.twinline.stplc.plcopen;

import io.twinline.line.Problems;
import io.twinline.line.SourceLocation;
import io.twinline.stplc.plcopen.PlcOpenReader.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The elements of a PLCopen project written as Structured Text (see {@link PlcOpenReader}). */
final class Translator {

  private final String file;
  private final String xml;
  private final PlcOpenReader.StText st;
  private final Problems problems;

  Translator(String file, String xml, PlcOpenReader.StText st, Problems problems) {
    this.file = file;
    this.xml = xml;
    this.st = st;
    this.problems = problems;
  }

  private void problem(Node at, String message, String hint) {
    problems.add(new SourceLocation(file, at.line, Math.max(1, at.column)), "", message, hint);
  }

  void project(Node root) {
    Node types = root.child("types");
    if (types != null) {
      Node dataTypes = types.child("dataTypes");
      if (dataTypes != null && !dataTypes.all("dataType").isEmpty()) {
        List<Node> list = dataTypes.all("dataType");
        st.at(list.get(0).line, "TYPE");
        for (Node t : list) {
          dataType(t);
        }
        st.at(0, "END_TYPE\n");
      }
      Node pous = types.child("pous");
      if (pous != null) {
        for (Node pou : pous.all("pou")) {
          pou(pou);
        }
      }
    }
    List<Node> globals = new ArrayList<>();
    globalBlocks(root, globals);
    for (Node g : globals) {
      varBlock("VAR_GLOBAL", g);
    }
    configuration(root);
  }

  /** Global variable blocks anywhere but inside a POU's interface. */
  private static void globalBlocks(Node node, List<Node> out) {
    for (Node child : node.children) {
      if (child.name.equals("globalVars")) {
        out.add(child);
      } else if (!child.name.equals("pou")) {
        globalBlocks(child, out);
      }
    }
  }

  private void dataType(Node t) {
    Node base = t.child("baseType");
    if (base == null || base.children.isEmpty()) {
      problem(t, "data type " + t.attr("name") + " has no baseType", "");
      return;
    }
    Node spec = base.children.get(0);
    String init = initial(t.child("initialValue"));
    if (spec.name.equals("struct")) {
      st.at(t.line, t.attr("name") + " : STRUCT");
      for (Node v : spec.all("variable")) {
        String memberInit = initial(v.child("initialValue"));
        st.at(v.line, v.attr("name") + " : " + type(v.child("type"), v) + (memberInit.isEmpty()
            ? "" : " := " + memberInit) + ";");
      }
      st.at(0, "END_STRUCT;");
      return;
    }
    st.at(t.line, t.attr("name") + " : " + typeOf(spec, t) + (init.isEmpty() ? "" : " := " + init)
        + ";");
  }

  /** The type inside a {@code <type>} element. */
  private String type(Node type, Node owner) {
    if (type == null || type.children.isEmpty()) {
      problem(owner, owner.attr("name") + " has no type", "");
      return "INT";
    }
    return typeOf(type.children.get(0), owner);
  }

  private String typeOf(Node spec, Node owner) {
    String n = spec.name;
    if (PlcOpenReader.ELEMENTARY.contains(n)) {
      return n;
    }
    switch (n) {
      case "string", "wstring" -> {
        String length = spec.attr("length");
        return n.toUpperCase(Locale.ROOT) + (length.isEmpty() ? "" : "[" + length + "]");
      }
      case "derived" -> {
        return spec.attr("name");
      }
      case "array" -> {
        StringBuilder dims = new StringBuilder();
        for (Node d : spec.all("dimension")) {
          dims.append(dims.length() == 0 ? "" : ", ").append(d.attr("lower")).append("..")
              .append(d.attr("upper"));
        }
        return "ARRAY[" + dims + "] OF " + type(spec.child("baseType"), owner);
      }
      case "enum" -> {
        List<String> values = new ArrayList<>();
        Node list = spec.child("values");
        for (Node v : list == null ? List.<Node>of() : list.all("value")) {
          values.add(v.attr("name") + (v.attr("value").isEmpty() ? "" : " := " + v.attr("value")));
        }
        return "(" + String.join(", ", values) + ")";
      }
      case "subrangeSigned", "subrangeUnsigned" -> {
        Node range = spec.child("range");
        return type(spec.child("baseType"), owner) + "(" + range.attr("lower") + ".."
            + range.attr("upper") + ")";
      }
      default -> {
        problem(spec, owner.attr("name") + ": type <" + n + "> is not supported",
            "use elementary types, derived types, strings, arrays, enumerations, subranges"
                + " and structures");
        return "INT";
      }
    }
  }

  /** An initial value in ST syntax, or "". */
  private String initial(Node init) {
    if (init == null || init.children.isEmpty()) {
      return "";
    }
    return value(init.children.get(0));
  }

  private String value(Node v) {
    switch (v.name) {
      case "simpleValue" -> {
        return v.attr("value");
      }
      case "arrayValue" -> {
        List<String> items = new ArrayList<>();
        for (Node item : v.all("value")) {
          String inner = item.children.isEmpty() ? "" : value(item.children.get(0));
          String repeat = item.attr("repetitionValue");
          items.add(repeat.isEmpty() ? inner : repeat + "(" + inner + ")");
        }
        return "[" + String.join(", ", items) + "]";
      }
      case "structValue" -> {
        List<String> items = new ArrayList<>();
        for (Node item : v.all("value")) {
          items.add(item.attr("member") + " := " + (item.children.isEmpty() ? ""
              : value(item.children.get(0))));
        }
        return "(" + String.join(", ", items) + ")";
      }
      default -> {
        problem(v, "initial value <" + v.name + "> is not supported", "");
        return "";
      }
    }
  }

  private void pou(Node pou) {
    String name = pou.attr("name");
    String kind = switch (pou.attr("pouType")) {
      case "program" -> "PROGRAM";
      case "functionBlock" -> "FUNCTION_BLOCK";
      case "function" -> "FUNCTION";
      default -> null;
    };
    if (kind == null) {
      problem(pou, "POU " + name + " has pouType '" + pou.attr("pouType") + "'",
          "pouType is program, functionBlock or function");
      return;
    }
    Node body = pou.child("body");
    Node stBody = body == null ? null : body.child("ST");
    if (body != null && stBody == null) {
      String language = body.children.isEmpty() ? "no language" : body.children.get(0).name;
      problem(body.children.isEmpty() ? body : body.children.get(0), "POU " + name
          + " is written in " + language + "; Twinline runs Structured Text bodies only",
          "rewrite it in ST (LD, FBD, SFC and IL are not supported yet)");
      return;
    }
    Node iface = pou.child("interface");
    String header = kind + " " + name;
    if (kind.equals("FUNCTION") && iface != null && iface.child("returnType") != null) {
      header += " : " + type(iface.child("returnType"), pou);
    }
    st.at(pou.line, header);
    if (iface != null) {
      for (Node block : iface.children) {
        String keyword = switch (block.name) {
          case "inputVars" -> "VAR_INPUT";
          case "outputVars" -> "VAR_OUTPUT";
          case "inOutVars" -> "VAR_IN_OUT";
          case "localVars" -> "VAR";
          case "tempVars" -> "VAR_TEMP";
          case "externalVars" -> "VAR_EXTERNAL";
          case "globalVars" -> "VAR_GLOBAL";
          default -> null;
        };
        if (keyword != null) {
          varBlock(keyword, block);
        }
      }
    }
    if (stBody != null) {
      String text = bodyText(stBody);
      int offset = text.isBlank() ? -1 : xml.indexOf(text);
      if (offset >= 0) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
          if (xml.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        st.body(line, offset - lineStart + 1, text);
      } else {
        st.body(stBody.line, 1, text);
      }
    }
    st.at(0, "END_" + kind + "\n");
  }

  private static String bodyText(Node stBody) {
    StringBuilder text = new StringBuilder();
    collect(stBody, text);
    return text.toString();
  }

  private static void collect(Node node, StringBuilder out) {
    out.append(node.text);
    for (Node child : node.children) {
      collect(child, out);
    }
  }

  private void varBlock(String keyword, Node block) {
    String qualifiers = ("true".equals(block.attr("constant")) ? " CONSTANT" : "")
        + ("true".equals(block.attr("retain")) ? " RETAIN" : "")
        + ("true".equals(block.attr("persistent")) ? " PERSISTENT" : "");
    st.at(block.line, keyword + qualifiers);
    for (Node v : block.all("variable")) {
      String address = v.attr("address");
      String init = initial(v.child("initialValue"));
      st.at(v.line, v.attr("name") + (address.isEmpty() ? "" : " AT " + address) + " : "
          + type(v.child("type"), v) + (init.isEmpty() ? "" : " := " + init) + ";");
    }
    st.at(0, "END_VAR");
  }

  // ---- configurations and tasks

  private void configuration(Node root) {
    List<Node> tasks = new ArrayList<>();
    root.descendants("task", tasks);
    List<Node> loose = new ArrayList<>();
    List<Node> resources = new ArrayList<>();
    root.descendants("resource", resources);
    for (Node r : resources) {
      loose.addAll(r.all("pouInstance"));
    }
    if (tasks.isEmpty() && loose.isEmpty()) {
      return; // every PROGRAM runs in the default task
    }
    Node at = tasks.isEmpty() ? loose.get(0) : tasks.get(0);
    st.at(at.line, "CONFIGURATION Plc");
    for (Node task : tasks) {
      String interval = interval(task);
      String priority = task.attr("priority").isEmpty() ? "" : ", PRIORITY := "
          + task.attr("priority");
      st.at(task.line, "TASK " + task.attr("name") + " (INTERVAL := " + interval + priority
          + ");");
      for (Node instance : task.all("pouInstance")) {
        program(instance, task.attr("name"));
      }
    }
    for (Node instance : loose) {
      program(instance, null);
    }
    st.at(0, "END_CONFIGURATION\n");
  }

  private void program(Node instance, String task) {
    String type = instance.attr("typeName").isEmpty() ? instance.attr("name")
        : instance.attr("typeName");
    String name = instance.attr("name"); // CODESYS names the instance as its program
    st.at(instance.line, "PROGRAM " + name + (task == null ? "" : " WITH " + task) + " : "
        + type + ";");
  }

  /** A task's interval as an ST literal: {@code PT0.01S}, {@code T#10ms}, or CODESYS settings. */
  private String interval(Node task) {
    String text = task.attr("interval");
    if (text.isEmpty()) {
      List<Node> settings = new ArrayList<>();
      task.descendants("TaskSettings", settings);
      if (!settings.isEmpty()) {
        text = settings.get(0).attr("Interval");
      }
    }
    if (text.isEmpty()) {
      problem(task, "task " + task.attr("name") + " has no interval",
          "give it interval=\"PT0.01S\" (event tasks are not supported)");
      return "T#10ms";
    }
    String t = text.strip();
    if (t.toUpperCase(Locale.ROOT).startsWith("T#") || t.toUpperCase(Locale.ROOT).startsWith("TIME#")) {
      return t;
    }
    try {
      Duration d = Duration.parse(t);
      return "T#" + d.toNanos() / 1000 + "us";
    } catch (java.time.format.DateTimeParseException e) {
      problem(task, "task " + task.attr("name") + ": interval '" + text + "' is neither an ISO"
          + " duration nor a TIME literal", "write PT0.01S or T#10ms");
      return "T#10ms";
    }
  }
}
