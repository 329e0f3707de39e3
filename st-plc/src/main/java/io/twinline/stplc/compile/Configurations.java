package io.twinline.stplc.compile;

import io.twinline.line.SourceLocation;
import io.twinline.stplc.parse.StParser;
import io.twinline.stplc.runtime.Expr;
import io.twinline.stplc.runtime.Type;
import io.twinline.stplc.runtime.Var;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CONFIGURATION: tasks (interval, priority) and the program instances each runs. Without
 * one, every PROGRAM runs once per scan of a default task.
 */
final class Configurations {

  private final Compiler c;

  Configurations(Compiler compiler) {
    this.c = compiler;
  }

  Compiled link(List<Compiler.Pending> configurations, long defaultInterval, List<String> notes) {
    List<Compiled.Instance> instances = new ArrayList<>();
    List<Compiled.Task> tasks = new ArrayList<>();
    if (configurations.isEmpty()) {
      for (Compiler.Pou pou : c.programs.values()) {
        instances.add(new Compiled.Instance(pou.name(), pou.layout(), pou.layout().create()));
      }
      if (instances.isEmpty() && !c.programs.isEmpty()) {
        throw new IllegalStateException("no instances");
      }
      tasks.add(new Compiled.Task("default", defaultInterval, 0, List.copyOf(instances),
          SourceLocation.inCode("default task")));
    } else {
      if (configurations.size() > 1) {
        StParser.ConfigurationContext second =
            (StParser.ConfigurationContext) configurations.get(1).ctx();
        c.problem(configurations.get(1).source(), second.name, "a second CONFIGURATION",
            "one PLC runs one configuration");
      }
      Compiler.Pending pending = configurations.get(0);
      StParser.ConfigurationContext config = (StParser.ConfigurationContext) pending.ctx();
      Map<String, TaskBuilder> byName = new LinkedHashMap<>();
      List<StParser.TaskDeclContext> taskDecls = new ArrayList<>(config.taskDecl());
      List<StParser.ProgramConfigContext> programConfigs = new ArrayList<>(config.programConfig());
      for (StParser.ResourceContext r : config.resource()) {
        taskDecls.addAll(r.taskDecl());
        programConfigs.addAll(r.programConfig());
      }
      Source source = pending.source();
      Scope scope = new Scope(config.name.getText(), "CONFIGURATION", c.globals, source);
      for (StParser.TaskDeclContext t : taskDecls) {
        TaskBuilder task = new TaskBuilder(t.name.getText(), c.at(source, t.name));
        for (StParser.TaskParamContext p : t.taskParam()) {
          String key = Compiler.upper(p.ID().getText());
          Expr value = c.exprs.expr(p.expression(), scope);
          if (ExprCompiler.bad(value)) {
            continue;
          }
          switch (key) {
            case "INTERVAL" -> {
              if (value.type.kind != Type.Kind.TIME || !value.isConstant()) {
                c.problem(source, p, "INTERVAL must be a constant TIME", "e.g. INTERVAL := T#10ms");
              } else if (value.l(null) <= 0) {
                c.problem(source, p, "INTERVAL must be positive", "");
              } else {
                task.interval = value.l(null);
              }
            }
            case "PRIORITY" -> {
              if (!value.type.isInteger() || !value.isConstant()) {
                c.problem(source, p, "PRIORITY must be a constant integer", "0 is the highest");
              } else {
                task.priority = (int) value.l(null);
              }
            }
            case "SINGLE" -> c.problem(source, p, "event tasks (SINGLE) are not supported",
                "give the task an INTERVAL");
            default -> c.problem(source, p, "unknown task parameter " + p.ID().getText(),
                "tasks take INTERVAL and PRIORITY");
          }
        }
        if (byName.put(Compiler.upper(task.name), task) != null) {
          c.problem(source, t.name, "task " + task.name + " is declared twice", "");
        }
      }
      TaskBuilder fallback = null;
      for (StParser.ProgramConfigContext p : programConfigs) {
        Compiler.Pou pou = c.programs.get(Compiler.upper(p.type.getText()));
        if (pou == null) {
          c.problem(source, p.type, "no PROGRAM " + p.type.getText(),
              Names.suggest(p.type.getText(), c.programs.keySet(), ""));
          continue;
        }
        Compiled.Instance instance = new Compiled.Instance(p.instance.getText(), pou.layout(),
            pou.layout().create());
        for (Compiled.Instance other : instances) {
          if (other.name().equalsIgnoreCase(instance.name())) {
            c.problem(source, p.instance, "program instance " + instance.name()
                + " is declared twice", "");
          }
        }
        instances.add(instance);
        TaskBuilder task;
        if (p.task == null) {
          if (fallback == null) {
            fallback = new TaskBuilder("default", c.at(source, p));
            fallback.interval = defaultInterval;
            fallback.priority = Integer.MAX_VALUE;
          }
          task = fallback;
        } else {
          task = byName.get(Compiler.upper(p.task.getText()));
          if (task == null) {
            c.problem(source, p.task, "no TASK " + p.task.getText(),
                Names.suggest(p.task.getText(), byName.keySet(), "declare it: TASK "
                    + p.task.getText() + "(INTERVAL := T#10ms, PRIORITY := 1);"));
            continue;
          }
        }
        task.programs.add(instance);
      }
      List<TaskBuilder> all = new ArrayList<>(byName.values());
      if (fallback != null) {
        all.add(fallback);
      }
      all.sort(Comparator.comparingInt((TaskBuilder t) -> t.priority));
      for (TaskBuilder t : all) {
        if (t.programs.isEmpty()) {
          notes.add(t.location + ": task " + t.name + " runs no program");
          continue;
        }
        tasks.add(new Compiled.Task(t.name, t.interval, t.priority, List.copyOf(t.programs),
            t.location));
      }
    }
    if (instances.isEmpty()) {
      c.problems.add(SourceLocation.inCode("the program"), "", "no PROGRAM to run",
          "declare PROGRAM Main ... END_PROGRAM");
    }
    List<Compiled.IoVariable> io = new ArrayList<>();
    for (Var v : c.globals.vars()) {
      if (!v.constant()) {
        io.add(new Compiled.IoVariable("global", v, c.globalFrame));
      }
    }
    for (Compiled.Instance instance : instances) {
      for (Var v : instance.layout().vars()) {
        if (v.address() != null) {
          io.add(new Compiled.IoVariable(instance.name(), v, instance.frame()));
        }
      }
    }
    return new Compiled(c.clock, c.globals, c.globalFrame, List.copyOf(tasks),
        List.copyOf(instances), List.copyOf(io), List.copyOf(notes));
  }

  private static final class TaskBuilder {
    final String name;
    final SourceLocation location;
    long interval;
    int priority;
    final List<Compiled.Instance> programs = new ArrayList<>();

    TaskBuilder(String name, SourceLocation location) {
      this.name = name;
      this.location = location;
    }
  }
}
