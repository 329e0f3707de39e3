package io.twinline.stplc;

import io.twinline.line.Direction;
import io.twinline.line.Problems;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalType;
import io.twinline.line.model.LineDefinition;
import io.twinline.stplc.compile.Compiled;
import io.twinline.stplc.runtime.Type;
import io.twinline.stplc.runtime.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds a program's variables to the line's signals, before the run starts:
 *
 * <ul>
 *   <li>a located variable {@code AT %IX0.0} (or {@code %IW64}, {@code %QD4}) to the signal
 *       whose {@code tag} is that address ({@code %I0.0} and {@code %IX0.0} are the same bit);
 *   <li>a variable {@code AT %I*} / {@code %Q*} (address left to the configuration) to the
 *       signal whose tag or path is its name, a path written with {@code _} for {@code /}
 *       ({@code EStop_Healthy} is {@code EStop/Healthy});
 *   <li>a global variable without address to the signal of its name, if there is one.
 * </ul>
 *
 * Every unbound located variable, one whose type or direction does not match its signal, and
 * every signal bound twice is a problem at the variable's declaration. {@code %M} addresses are
 * the PLC's own memory and bind to nothing.
 */
public final class LineBinding {

  /** One variable bound to one signal. */
  public record Bound(Compiled.IoVariable variable, SignalDefinition signal, boolean output) {
    /** The name the process image knows the signal by. */
    public String path() {
      return signal.path().toString();
    }
  }

  private static final Pattern ADDRESS =
      Pattern.compile("%?([IQM])([XBWDL])?(\\d+(?:\\.\\d+)*)", Pattern.CASE_INSENSITIVE);

  private LineBinding() {}

  /** The bindings of {@code program} to {@code line}; problems go to {@code problems}. */
  public static List<Bound> bind(Compiled program, LineDefinition line, Problems problems) {
    Map<String, SignalDefinition> byAddress = new HashMap<>();
    Map<String, SignalDefinition> byName = new HashMap<>();
    for (SignalDefinition s : line.signals()) {
      String path = s.path().toString();
      byName.put(key(path), s);
      byName.put(key(path.replace('/', '_')), s);
      s.tag().ifPresent(tag -> {
        byName.put(key(tag), s);
        String address = normalize(tag);
        if (address != null) {
          byAddress.put(address, s);
        }
      });
    }
    List<Bound> bound = new ArrayList<>();
    Map<SignalDefinition, Var> taken = new HashMap<>();
    for (Compiled.IoVariable v : program.io()) {
      Var var = v.var();
      String address = var.address();
      SignalDefinition signal;
      char area;
      if (address == null) {
        signal = byName.get(key(var.name()));
        if (signal == null) {
          continue; // a plain global
        }
        area = signal.direction() == Direction.INPUT ? 'I' : 'Q';
      } else {
        area = Character.toUpperCase(address.charAt(1));
        if (area == 'M') {
          continue;
        }
        if (address.endsWith("*")) {
          signal = byName.get(key(var.name()));
          if (signal == null) {
            problems.add(var.location(), "", var.name() + " AT " + address
                + " is bound to no signal of line " + line.name(), suggestion(var.name(), line));
            continue;
          }
        } else {
          String normal = normalize(address);
          signal = normal == null ? null : byAddress.get(normal);
          if (signal == null) {
            String other = normal == null ? null
                : (normal.charAt(0) == 'I' ? "Q" : "I") + normal.substring(1);
            SignalDefinition twin = other == null ? null : byAddress.get(other);
            problems.add(var.location(), "", "no signal of line " + line.name() + " has address "
                + address + " (for " + var.name() + ")", twin != null
                ? "%" + other + " is " + twin.path() + ", an " + twin.direction().name()
                    .toLowerCase(Locale.ROOT) + (twin.direction() == Direction.INPUT
                    ? ": inputs are %I addresses" : ": outputs are %Q addresses")
                : "give the signal tag: '" + address + "' in the line file, or declare "
                    + var.name() + " AT %" + area + "* to bind it by name");
            continue;
          }
        }
      }
      boolean output = signal.direction() == Direction.OUTPUT;
      if (output != (area == 'Q')) {
        problems.add(var.location(), "", var.name() + " is " + (area == 'Q' ? "an output (%Q)"
            : "an input (%I)") + " but " + signal.path() + " is an " + (output ? "output" : "input"),
            output ? "outputs are %Q addresses" : "inputs are %I addresses");
        continue;
      }
      String mismatch = typeMismatch(var.type(), signal.type());
      if (mismatch != null) {
        problems.add(var.location(), "", var.name() + " is " + Type.article(var.type()) + " but "
            + signal.path() + " is " + signal.type().displayName(), mismatch);
        continue;
      }
      Var before = taken.put(signal, var);
      if (before != null) {
        problems.add(var.location(), "", signal.path() + " is bound twice: to " + before.name()
            + " (" + before.location() + ") and to " + var.name(), "bind each signal to one"
            + " variable");
        continue;
      }
      bound.add(new Bound(v, signal, output));
    }
    return bound;
  }

  private static String suggestion(String name, LineDefinition line) {
    String best = null;
    for (SignalDefinition s : line.signals()) {
      String underscore = s.path().toString().replace('/', '_');
      if (underscore.equalsIgnoreCase(name.replace("__", "_"))
          || s.path().signal().equalsIgnoreCase(name)) {
        best = underscore;
      }
    }
    return best != null ? "did you mean " + best + "?"
        : "name it after a signal's tag or path (Component_Signal for Component/Signal)";
  }

  private static String key(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  /** {@code %I0.3}, {@code IX0.3} and {@code %ix0.3} are the same address: {@code IX0.3}. */
  static String normalize(String address) {
    var m = ADDRESS.matcher(address.strip());
    if (!m.matches()) {
      return null;
    }
    String area = m.group(1).toUpperCase(Locale.ROOT);
    String size = m.group(2) == null ? (m.group(3).contains(".") ? "X" : "")
        : m.group(2).toUpperCase(Locale.ROOT);
    return area + size + m.group(3);
  }

  /** Why a variable of {@code type} cannot hold a signal of {@code signal}, or null. */
  private static String typeMismatch(Type type, SignalType signal) {
    return switch (type.kind) {
      case BOOL -> signal == SignalType.BOOLEAN ? null : "declare it as a number type";
      case INT -> signal.isInteger() ? null : signal == SignalType.BOOLEAN
          ? "declare it as BOOL" : signal.isFloatingPoint() ? "declare it as REAL or LREAL"
          : "declare it as STRING";
      case REAL -> signal.isNumeric() ? null : signal == SignalType.BOOLEAN
          ? "declare it as BOOL" : "declare it as STRING";
      case STRING -> signal == SignalType.STRING ? null : "declare it as "
          + (signal == SignalType.BOOLEAN ? "BOOL" : signal.isFloatingPoint() ? "REAL" : "DINT");
      default -> "bind BOOL, integer, REAL or STRING variables";
    };
  }
}
