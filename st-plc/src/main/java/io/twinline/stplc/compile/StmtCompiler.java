package io.twinline.stplc.compile;

import io.twinline.stplc.parse.StParser;
import io.twinline.stplc.runtime.Calls;
import io.twinline.stplc.runtime.Expr;
import io.twinline.stplc.runtime.Flow;
import io.twinline.stplc.runtime.Layout;
import io.twinline.stplc.runtime.Ref;
import io.twinline.stplc.runtime.Stmt;
import io.twinline.stplc.runtime.Type;
import io.twinline.stplc.runtime.Var;
import java.util.ArrayList;
import java.util.List;

/** Compiles statements. */
final class StmtCompiler {

  private final Compiler c;

  StmtCompiler(Compiler compiler) {
    this.c = compiler;
  }

  Stmt body(StParser.BodyContext ctx, Scope scope) {
    if (ctx == null) {
      return Stmt.NOTHING;
    }
    List<Stmt> list = new ArrayList<>();
    for (StParser.StatementContext s : ctx.statement()) {
      Stmt stmt = statement(s, scope);
      if (stmt != null) {
        list.add(stmt);
      }
    }
    if (list.size() == 1) {
      return list.get(0);
    }
    return list.isEmpty() ? Stmt.NOTHING : new Flow.Block(list.toArray(Stmt[]::new));
  }

  private Stmt statement(StParser.StatementContext ctx, Scope scope) {
    ExprCompiler exprs = c.exprs;
    if (ctx instanceof StParser.AssignmentContext a) {
      return assignment(a, scope);
    }
    if (ctx instanceof StParser.CallStatementContext call) {
      return call(call.call(), scope);
    }
    if (ctx instanceof StParser.IfStatementContext i) {
      int n = 1 + i.elsif().size();
      Expr[] conditions = new Expr[n];
      Stmt[] branches = new Stmt[n];
      conditions[0] = condition(i.expression(), scope, "IF");
      branches[0] = body(i.body(0), scope);
      for (int k = 1; k < n; k++) {
        conditions[k] = condition(i.elsif(k - 1).expression(), scope, "ELSIF");
        branches[k] = body(i.elsif(k - 1).body(), scope);
      }
      Stmt otherwise = i.elseBody == null ? Stmt.NOTHING : body(i.elseBody, scope);
      return new Flow.If(conditions, branches, otherwise);
    }
    if (ctx instanceof StParser.CaseStatementContext cs) {
      return caseStatement(cs, scope);
    }
    if (ctx instanceof StParser.ForStatementContext f) {
      Expr variable = exprs.name(f.ID().getSymbol(), scope);
      if (ExprCompiler.bad(variable)) {
        return null;
      }
      if (!(variable instanceof Ref ref) || !variable.type.isInteger()) {
        c.problem(scope.source, f.ID().getSymbol(), "the FOR variable " + f.ID().getText()
            + " must be an integer variable, not " + variable.type, "");
        return null;
      }
      Expr from = exprs.coerce(exprs.expr(f.from, scope), ref.type, scope.source, f.from, "FOR");
      Expr to = exprs.coerce(exprs.expr(f.to, scope), ref.type, scope.source, f.to, "TO");
      Expr by = f.by == null ? null
          : exprs.coerce(exprs.expr(f.by, scope), ref.type, scope.source, f.by, "BY");
      scope.loops++;
      Stmt body = body(f.body(), scope);
      scope.loops--;
      if (by != null && by.isConstant() && by.l(null) == 0) {
        c.problem(scope.source, f.by, "a FOR loop with BY 0 never ends", "");
      }
      return new Flow.For(ref, from, to, by, body, exprs.site(scope, f));
    }
    if (ctx instanceof StParser.WhileStatementContext w) {
      Expr condition = condition(w.expression(), scope, "WHILE");
      scope.loops++;
      Stmt body = body(w.body(), scope);
      scope.loops--;
      return new Flow.While(condition, body, exprs.site(scope, w));
    }
    if (ctx instanceof StParser.RepeatStatementContext r) {
      scope.loops++;
      Stmt body = body(r.body(), scope);
      scope.loops--;
      Expr until = condition(r.expression(), scope, "UNTIL");
      return new Flow.Repeat(body, until, exprs.site(scope, r));
    }
    if (ctx instanceof StParser.ExitStatementContext || ctx instanceof StParser.ContinueStatementContext) {
      boolean exit = ctx instanceof StParser.ExitStatementContext;
      if (scope.loops == 0) {
        c.problem(scope.source, ctx, (exit ? "EXIT" : "CONTINUE") + " outside a loop",
            "it leaves a FOR, WHILE or REPEAT loop; use RETURN to leave the POU");
        return null;
      }
      return new Flow.Jump(exit ? Stmt.EXIT : Stmt.CONTINUE);
    }
    if (ctx instanceof StParser.ReturnStatementContext) {
      return new Flow.Jump(Stmt.RETURN);
    }
    return null; // empty statement
  }

  private Expr condition(StParser.ExpressionContext ctx, Scope scope, String what) {
    Expr e = c.exprs.expr(ctx, scope);
    if (!ExprCompiler.bad(e) && e.type.kind != Type.Kind.BOOL) {
      c.problem(scope.source, ctx, what + " needs a BOOL condition, not " + e.type,
          e.type.isNumeric() ? "compare it, e.g. " + ExprCompiler.text(ctx) + " <> 0" : "");
      return ExprCompiler.error();
    }
    return e;
  }

  private Stmt assignment(StParser.AssignmentContext a, Scope scope) {
    ExprCompiler exprs = c.exprs;
    Expr target = exprs.variable(a.target, scope);
    Expr value = exprs.expr(a.expression(), scope);
    if (ExprCompiler.bad(target, value)) {
      return null;
    }
    if (!(target instanceof Ref ref)) {
      c.problem(scope.source, a.target, ExprCompiler.text(a.target) + " cannot be assigned",
          target.isConstant() ? "it is a CONSTANT or a literal" : "");
      return null;
    }
    if (target.type.kind == Type.Kind.FB) {
      c.problem(scope.source, a.target, "a function block instance cannot be assigned",
          "call it: " + ExprCompiler.text(a.target) + "(...);");
      return null;
    }
    Expr v = exprs.coerce(value, ref.type, scope.source, a.expression(),
        ExprCompiler.text(a.target));
    if (ExprCompiler.bad(v)) {
      return null;
    }
    return switch (ref.type.storage()) {
      case L -> new Flow.AssignL(ref, v);
      case D -> new Flow.AssignD(ref, v);
      case O -> ref.type.kind == Type.Kind.STRING ? new Flow.AssignO(ref, v)
          : new Flow.AssignCopy(ref, v);
    };
  }

  private Stmt call(StParser.CallContext call, Scope scope) {
    ExprCompiler exprs = c.exprs;
    String name = call.callee.ID().getText();
    boolean variable = scope.layout.get(name) != null || c.globals.get(name) != null;
    if (!variable) {
      Expr e = exprs.functionCall(call, scope, true);
      return ExprCompiler.bad(e) ? null : new Flow.Evaluate(e);
    }
    Expr instance = exprs.variable(call.callee, scope);
    if (ExprCompiler.bad(instance)) {
      return null;
    }
    if (instance.type.kind != Type.Kind.FB) {
      c.problem(scope.source, call.callee, ExprCompiler.text(call.callee) + " is a "
          + instance.type + ", not a function block instance", "only instances are called");
      return null;
    }
    Layout layout = instance.type.layout;
    List<Calls.Bind> inputs = new ArrayList<>();
    List<Calls.Bind> outputs = new ArrayList<>();
    for (ExprCompiler.Argument a : ExprCompiler.arguments(call)) {
      if (a.name() == null) {
        c.problem(scope.source, a.ctx(), "a function block call names its inputs",
            "write " + firstInput(layout) + " := " + ExprCompiler.text(a.ctx()));
        continue;
      }
      Var param = layout.get(a.name());
      if (param == null || (!a.output() && param.section() != Var.Section.INPUT
          && param.section() != Var.Section.IN_OUT)) {
        c.problem(scope.source, a.ctx(), instance.type + " has no " + (a.output() ? "output "
            : "input ") + a.name(), Names.suggest(a.name(), Compiler.names(layout), ""));
        continue;
      }
      if (a.output()) {
        Binds.output(exprs, c, param, a, scope, outputs);
      } else {
        Binds.input(exprs, param, exprs.expr(a.value(), scope), a, scope, inputs, outputs);
      }
    }
    return new Calls.FbCall(instance, inputs.toArray(Calls.Bind[]::new), layout,
        outputs.toArray(Calls.Bind[]::new));
  }

  private static String firstInput(Layout layout) {
    for (Var v : layout.vars()) {
      if (v.section() == Var.Section.INPUT) {
        return v.name();
      }
    }
    return "IN";
  }

  private Stmt caseStatement(StParser.CaseStatementContext cs, Scope scope) {
    ExprCompiler exprs = c.exprs;
    Expr selector = exprs.expr(cs.expression(), scope);
    if (ExprCompiler.bad(selector)) {
      return null;
    }
    if (!selector.type.isInteger() && selector.type.kind != Type.Kind.ENUM) {
      c.problem(scope.source, cs.expression(), "CASE needs an integer or an enumeration, not "
          + selector.type, "");
      return null;
    }
    List<Long> lo = new ArrayList<>();
    List<Long> hi = new ArrayList<>();
    List<Integer> branchOf = new ArrayList<>();
    List<Stmt> branches = new ArrayList<>();
    for (StParser.CaseElementContext element : cs.caseElement()) {
      int branch = branches.size();
      for (StParser.CaseLabelContext label : element.caseLabel()) {
        long l = label(label.lo, selector.type, scope);
        long h = label.hi == null ? l : label(label.hi, selector.type, scope);
        if (h < l) {
          c.problem(scope.source, label, "empty range " + l + ".." + h, "write the lower bound"
              + " first");
        }
        for (int k = 0; k < lo.size(); k++) {
          if (l <= hi.get(k) && h >= lo.get(k)) {
            c.problem(scope.source, label, "CASE label " + ExprCompiler.text(label)
                + " is already covered by an earlier one", "each value may appear once");
            break;
          }
        }
        lo.add(l);
        hi.add(h);
        branchOf.add(branch);
      }
      branches.add(body(element.body(), scope));
    }
    Stmt otherwise = cs.elseBody == null ? Stmt.NOTHING : body(cs.elseBody, scope);
    long[] los = lo.stream().mapToLong(Long::longValue).toArray();
    long[] his = hi.stream().mapToLong(Long::longValue).toArray();
    return new Flow.Case(selector, los, his, branchOf.stream().mapToInt(Integer::intValue).toArray(),
        branches.toArray(Stmt[]::new), otherwise);
  }

  private long label(StParser.ExpressionContext ctx, Type selectorType, Scope scope) {
    Expr e = c.exprs.expr(ctx, scope);
    if (ExprCompiler.bad(e)) {
      return 0;
    }
    if (!e.isConstant()) {
      c.problem(scope.source, ctx, "CASE label " + ExprCompiler.text(ctx) + " is not constant",
          "labels are literals, constants or enumeration values");
      return 0;
    }
    if (selectorType.kind == Type.Kind.ENUM && e.type != selectorType) {
      c.problem(scope.source, ctx, "CASE label " + ExprCompiler.text(ctx) + " is not a value of "
          + selectorType, "its values: " + String.join(", ", selectorType.members));
      return 0;
    }
    if (selectorType.kind != Type.Kind.ENUM && !e.type.isInteger()) {
      c.problem(scope.source, ctx, "CASE label " + ExprCompiler.text(ctx) + " is a " + e.type
          + ", the selector an integer", "");
      return 0;
    }
    return c.exprs.fold(e, scope.source, ctx).l(null);
  }
}
