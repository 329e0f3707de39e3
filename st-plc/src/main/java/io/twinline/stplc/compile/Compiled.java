package io.twinline.stplc.compile;

import io.twinline.line.SourceLocation;
import io.twinline.stplc.runtime.Clock;
import io.twinline.stplc.runtime.Frame;
import io.twinline.stplc.runtime.Layout;
import io.twinline.stplc.runtime.Var;
import java.util.List;

/**
 * A program compiled and linked for one run: its memory (globals, program instances), its
 * tasks, and the variables that may be bound to the line's signals. Owned by the thread that
 * scans it.
 */
public record Compiled(Clock clock, Layout globalLayout, Frame globals, List<Task> tasks,
    List<Instance> instances, List<IoVariable> io, List<String> notes) {

  /** A program instance: {@code PROGRAM Main WITH Fast : MainProgram;}. */
  public record Instance(String name, Layout layout, Frame frame) {}

  /**
   * A cyclic task.
   *
   * @param interval ns between its scans; 0 runs at every scan of the PLC
   * @param priority lower runs first when several are due (IEC: 0 is the highest)
   */
  public record Task(String name, long interval, int priority, List<Instance> programs,
      SourceLocation location) {}

  /**
   * A variable that reaches the line: located ({@code AT %IX0.0}, {@code AT %I*}) or global
   * (bound by name, if the line has a signal of that tag or path).
   *
   * @param owner the program instance, or "global"
   */
  public record IoVariable(String owner, Var var, Frame frame) {}
}
