package io.twinline.stplc.runtime;

/** The elements of an array variable, row-major, in the storage of the element type. */
public final class ArrayValue {

  public final Type type;
  public final long[] l;
  public final double[] d;
  public final Object[] o;

  public ArrayValue(Type type, long[] l, double[] d, Object[] o) {
    this.type = type;
    this.l = l;
    this.d = d;
    this.o = o;
  }

  public static ArrayValue of(Type type) {
    int n = type.size();
    return switch (type.element.storage()) {
      case L -> new ArrayValue(type, new long[n], null, null);
      case D -> new ArrayValue(type, null, new double[n], null);
      case O -> new ArrayValue(type, null, null, new Object[n]);
    };
  }

  public ArrayValue copy() {
    Object[] objects = null;
    if (o != null) {
      objects = o.clone();
      for (int i = 0; i < objects.length; i++) {
        objects[i] = Values.copy(objects[i]);
      }
    }
    return new ArrayValue(type, l == null ? null : l.clone(), d == null ? null : d.clone(),
        objects);
  }

  /** Copies {@code from}'s elements into this array (an array assignment). */
  public void assign(ArrayValue from) {
    if (l != null) {
      System.arraycopy(from.l, 0, l, 0, l.length);
    } else if (d != null) {
      System.arraycopy(from.d, 0, d, 0, d.length);
    } else {
      for (int i = 0; i < o.length; i++) {
        o[i] = Values.copy(from.o[i]);
      }
    }
  }
}
