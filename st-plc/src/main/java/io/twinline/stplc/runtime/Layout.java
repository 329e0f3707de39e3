package io.twinline.stplc.runtime;

import io.twinline.line.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The variables of a POU or structure and the slot of each, and (once compiled) the body a
 * call runs. A new instance is a copy of the {@link #prototype()}, which holds the initial
 * values.
 */
public final class Layout {

  public final String name;
  public final SourceLocation location;
  private final Map<String, Var> vars = new LinkedHashMap<>();
  private int longs;
  private int doubles;
  private int objects;
  private Frame prototype;
  /** The compiled body (function blocks, programs, functions). */
  public Stmt body = Stmt.NOTHING;
  /** A function's result variable, or null. */
  public Var result;

  public Layout(String name, SourceLocation location) {
    this.name = name;
    this.location = location;
  }

  /** Declares a variable, giving it the next slot of its storage. */
  public Var add(String varName, Type type, Var.Section section, SourceLocation at,
      String address, boolean constant, boolean retain) {
    int slot = switch (type.storage()) {
      case L -> longs++;
      case D -> doubles++;
      case O -> objects++;
    };
    Var var = new Var(varName, type, section, slot, at, address, constant, retain);
    vars.put(varName.toUpperCase(Locale.ROOT), var);
    return var;
  }

  public Var get(String varName) {
    return vars.get(varName.toUpperCase(Locale.ROOT));
  }

  public List<Var> vars() {
    return new ArrayList<>(vars.values());
  }

  /** A frame of default values (zero, FALSE, empty, nested instances) to set initial values on. */
  public Frame blank() {
    Frame frame = new Frame(this, new long[longs], new double[doubles], new Object[objects]);
    for (Var var : vars.values()) {
      if (var.type().storage() == Type.Storage.O) {
        frame.o[var.slot()] = Layout.blankValue(var.type());
      }
    }
    return frame;
  }

  /** The default value of an object-stored type. */
  public static Object blankValue(Type type) {
    return switch (type.kind) {
      case STRING -> "";
      case STRUCT, FB -> type.layout.create();
      case ARRAY -> {
        ArrayValue array = ArrayValue.of(type);
        if (array.o != null) {
          for (int i = 0; i < array.o.length; i++) {
            array.o[i] = blankValue(type.element);
          }
        }
        yield array;
      }
      default -> null;
    };
  }

  public void prototype(Frame frame) {
    this.prototype = frame;
  }

  public Frame prototype() {
    if (prototype == null) {
      prototype = blank();
    }
    return prototype;
  }

  /** A new instance with the initial values. */
  public Frame create() {
    return prototype().copy();
  }

  public int longs() {
    return longs;
  }

  public int doubles() {
    return doubles;
  }

  public int objects() {
    return objects;
  }
}
