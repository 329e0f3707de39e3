package io.twinline.stplc.runtime;

/**
 * The memory of one program, function block instance, structure or function call: its
 * variables in three typed arrays, each variable at a slot the compiler resolved. Nothing is
 * looked up by name while a program runs.
 */
public final class Frame {

  public final Layout layout;
  public final long[] l;
  public final double[] d;
  public final Object[] o;

  public Frame(Layout layout, long[] l, double[] d, Object[] o) {
    this.layout = layout;
    this.l = l;
    this.d = d;
    this.o = o;
  }

  /** A deep copy: nested structures, arrays and instances are copied too. */
  public Frame copy() {
    Object[] objects = o.clone();
    for (int i = 0; i < objects.length; i++) {
      objects[i] = Values.copy(objects[i]);
    }
    return new Frame(layout, l.clone(), d.clone(), objects);
  }

  /** Copies {@code from}'s values into this frame (a structure assignment). */
  public void assign(Frame from) {
    System.arraycopy(from.l, 0, l, 0, l.length);
    System.arraycopy(from.d, 0, d, 0, d.length);
    for (int i = 0; i < o.length; i++) {
      o[i] = Values.copy(from.o[i]);
    }
  }
}
