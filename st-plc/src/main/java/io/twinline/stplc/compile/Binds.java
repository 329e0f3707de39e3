package io.twinline.stplc.compile;

import io.twinline.stplc.runtime.Calls;
import io.twinline.stplc.runtime.Expr;
import io.twinline.stplc.runtime.Frame;
import io.twinline.stplc.runtime.Ops;
import io.twinline.stplc.runtime.Ref;
import io.twinline.stplc.runtime.Type;
import io.twinline.stplc.runtime.Var;
import java.util.List;

/** The argument bindings of a call: inputs into the callee, outputs back to the caller. */
final class Binds {

  private Binds() {}

  /** {@code param := value}; a VAR_IN_OUT also copies back (or, composite, passes a reference). */
  static void input(ExprCompiler exprs, Var param, Expr value, ExprCompiler.Argument a,
      Scope scope, List<Calls.Bind> inputs, List<Calls.Bind> outputs) {
    if (ExprCompiler.bad(value)) {
      return;
    }
    Type type = param.type();
    if (param.section() == Var.Section.IN_OUT) {
      if (!(value instanceof Ref ref)) {
        exprs.functions.problem(scope, a.ctx(), "VAR_IN_OUT " + param.name()
            + " needs a variable, not an expression", "pass a variable: it is read and written");
        return;
      }
      Expr checked = exprs.coerce(value, type, scope.source, a.ctx(), param.name());
      if (ExprCompiler.bad(checked) || checked != value) {
        if (!ExprCompiler.bad(checked)) {
          exprs.functions.problem(scope, a.ctx(), "VAR_IN_OUT " + param.name() + " is a " + type
              + "; the variable passed is a " + value.type, "pass a variable of its type");
        }
        return;
      }
      switch (type.storage()) {
        case L -> {
          inputs.add(new Calls.InL(ref, param.slot()));
          outputs.add(new Calls.OutL(param.slot(), ref));
        }
        case D -> {
          inputs.add(new Calls.InD(ref, param.slot()));
          outputs.add(new Calls.OutD(param.slot(), ref));
        }
        case O -> {
          inputs.add(new Calls.InO(ref, param.slot()));
          if (type.kind == Type.Kind.STRING) {
            outputs.add(new Calls.OutO(param.slot(), ref));
          }
        }
      }
      return;
    }
    Expr v = exprs.coerce(value, type, scope.source, a.ctx(), param.name());
    if (ExprCompiler.bad(v)) {
      return;
    }
    switch (type.storage()) {
      case L -> inputs.add(new Calls.InL(v, param.slot()));
      case D -> inputs.add(new Calls.InD(v, param.slot()));
      case O -> inputs.add(type.kind == Type.Kind.STRING ? new Calls.InO(v, param.slot())
          : new Calls.InCopy(v, param.slot()));
    }
  }

  /** {@code param => target}: after the call, the output's value into the caller's variable. */
  static void output(ExprCompiler exprs, Compiler c, Var param, ExprCompiler.Argument a,
      Scope scope, List<Calls.Bind> outputs) {
    if (param.section() != Var.Section.OUTPUT) {
      exprs.functions.problem(scope, a.ctx(), param.name() + " is not an output", "'=>' takes"
          + " outputs; give inputs with ':='");
      return;
    }
    Expr target = exprs.variable(a.target(), scope);
    if (ExprCompiler.bad(target)) {
      return;
    }
    if (!(target instanceof Ref ref)) {
      exprs.functions.problem(scope, a.ctx(), "'=>' needs a variable to write", "");
      return;
    }
    Expr read = ExprCompiler.local(param);
    if (a.negate()) {
      if (param.type().kind != Type.Kind.BOOL) {
        exprs.functions.problem(scope, a.ctx(), "NOT before a " + param.type() + " output", "");
        return;
      }
      read = new Ops.NotL(Type.BOOL, read);
    }
    Expr converted = exprs.coerce(read, ref.type, scope.source, a.ctx(), ExprCompiler.text(a.target()));
    if (ExprCompiler.bad(converted)) {
      return;
    }
    outputs.add(new Out(converted, ref));
  }

  /** An output: an expression over the callee's frame, stored into the caller's variable. */
  static final class Out extends Calls.Bind {
    final Expr value;
    final Ref target;

    Out(Expr value, Ref target) {
      this.value = value;
      this.target = target;
    }

    @Override
    public void run(Frame caller, Frame callee) {
      switch (target.type.storage()) {
        case L -> target.setL(caller, value.l(callee));
        case D -> target.setD(caller, value.d(callee));
        case O -> target.setO(caller, io.twinline.stplc.runtime.Values.copy(value.o(callee)));
      }
    }
  }
}
