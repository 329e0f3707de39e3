package io.twinline.stplc;

import io.twinline.stplc.compile.Compiled;
import io.twinline.stplc.runtime.ArrayValue;
import io.twinline.stplc.runtime.Frame;
import io.twinline.stplc.runtime.Type;
import io.twinline.stplc.runtime.Values;
import io.twinline.stplc.runtime.Var;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a variable of the first program by a path such as {@code slots[-2].id}. */
final class Probe {

  private static final Pattern PART = Pattern.compile("\\.?([A-Za-z_][A-Za-z0-9_]*)|\\[([^\\]]+)\\]");

  private Probe() {}

  static String read(Compiled compiled, String path) {
    Compiled.Instance main = compiled.instances().get(0);
    Frame frame = main.frame();
    Object current = null;
    Type type = null;
    long l = 0;
    double d = 0;
    Matcher m = PART.matcher(path.replace(" ", ""));
    boolean first = true;
    while (m.find()) {
      if (m.group(1) != null) {
        Frame in = first ? frame : (Frame) current;
        Var var = in.layout.get(m.group(1));
        if (var == null && first) {
          in = compiled.globals();
          var = in.layout.get(m.group(1));
        }
        type = var.type();
        switch (type.storage()) {
          case L -> l = in.l[var.slot()];
          case D -> d = in.d[var.slot()];
          case O -> current = in.o[var.slot()];
        }
      } else {
        ArrayValue array = (ArrayValue) current;
        String[] idx = m.group(2).split(",");
        int offset = 0;
        int stride = 1;
        for (int i = type.lower.length - 1; i >= 0; i--) {
          offset += (Integer.parseInt(idx[i].strip()) - type.lower[i]) * stride;
          stride *= type.upper[i] - type.lower[i] + 1;
        }
        type = type.element;
        switch (type.storage()) {
          case L -> l = array.l[offset];
          case D -> d = array.d[offset];
          case O -> current = array.o[offset];
        }
      }
      first = false;
    }
    return Values.format(type, l, d, current);
  }
}
