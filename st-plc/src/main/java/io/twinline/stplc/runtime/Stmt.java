package io.twinline.stplc.runtime;

/**
 * A compiled statement; {@link #run} says how control leaves it: on to the next statement, out
 * of the innermost loop, to its next iteration, or out of the POU.
 */
public abstract class Stmt {

  public static final int NEXT = 0;
  public static final int EXIT = 1;
  public static final int CONTINUE = 2;
  public static final int RETURN = 3;

  public static final Stmt NOTHING = new Stmt() {
    @Override
    public int run(Frame f) {
      return NEXT;
    }
  };

  public abstract int run(Frame f);
}
