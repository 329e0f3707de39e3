package io.twinline.stplc.compile;

import io.twinline.stplc.parse.StParser;
import io.twinline.stplc.runtime.Access;
import io.twinline.stplc.runtime.Convert;
import io.twinline.stplc.runtime.Expr;
import io.twinline.stplc.runtime.Layout;
import io.twinline.stplc.runtime.Ops;
import io.twinline.stplc.runtime.Ref;
import io.twinline.stplc.runtime.Site;
import io.twinline.stplc.runtime.StStop;
import io.twinline.stplc.runtime.Type;
import io.twinline.stplc.runtime.Var;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Compiles expressions into typed nodes: names resolved to slots, constants folded. */
final class ExprCompiler {

  private final Compiler c;
  final Functions functions;

  ExprCompiler(Compiler compiler) {
    this.c = compiler;
    this.functions = new Functions(compiler, this);
  }

  /** The expression that stands for one already reported as wrong (no further problems). */
  static Expr error() {
    return new Access.ConstL(Type.ERROR, 0);
  }

  static boolean bad(Expr... exprs) {
    for (Expr e : exprs) {
      if (e.type == Type.ERROR) {
        return true;
      }
    }
    return false;
  }

  Site site(Scope scope, ParserRuleContext ctx) {
    return new Site(scope.pou, c.at(scope.source, ctx), text(ctx));
  }

  static String text(ParserRuleContext ctx) {
    if (ctx.getStart() == null || ctx.getStop() == null) {
      return ctx.getText();
    }
    String input = ctx.getStart().getInputStream().getText(
        org.antlr.v4.runtime.misc.Interval.of(ctx.getStart().getStartIndex(),
            ctx.getStop().getStopIndex()));
    return input.replaceAll("\\s+", " ");
  }

  /** A compile-time integer (array bounds, string lengths, CASE labels). */
  long constantInt(StParser.ExpressionContext ctx, Scope scope) {
    Expr e = expr(ctx, scope);
    if (bad(e)) {
      return 0;
    }
    if (!e.isConstant() || e.type.storage() != Type.Storage.L) {
      c.problem(scope.source, ctx, "'" + text(ctx) + "' is not a constant integer",
          "use a literal or a CONSTANT");
      return 0;
    }
    return fold(e, scope.source, ctx).l(null);
  }

  /** A constant expression evaluated now. */
  Expr fold(Expr e, Source source, ParserRuleContext ctx) {
    if (e instanceof Access.ConstL || e instanceof Access.ConstD || e instanceof Access.ConstO) {
      return e;
    }
    try {
      return switch (e.type.storage()) {
        case L -> new Access.ConstL(e.type, e.l(null));
        case D -> new Access.ConstD(e.type, e.d(null));
        case O -> new Access.ConstO(e.type, e.o(null));
      };
    } catch (StStop stop) {
      c.constantError(stop, source, ctx);
      return error();
    }
  }

  Expr expr(StParser.ExpressionContext ctx, Scope scope) {
    Expr e = compile(ctx, scope);
    return e.isConstant() && !bad(e) ? fold(e, scope.source, ctx) : e;
  }

  private Expr compile(StParser.ExpressionContext ctx, Scope scope) {
    if (ctx instanceof StParser.PrimaryExprContext p) {
      return primary(p.primary(), scope);
    }
    if (ctx instanceof StParser.UnaryExprContext u) {
      Expr a = expr(u.expression(), scope);
      if (bad(a)) {
        return a;
      }
      String op = u.op.getText();
      if (op.equalsIgnoreCase("NOT")) {
        if (a.type.kind == Type.Kind.BOOL || a.type.isInteger()) {
          return new Ops.NotL(a.type == Type.ANY_INT ? Type.LINT : a.type, a);
        }
        c.problem(scope.source, u, "NOT needs a BOOL or a bit string, not " + a.type, "");
        return error();
      }
      if (op.equals("+")) {
        return a;
      }
      if (a.type.isInteger() || a.type.kind == Type.Kind.TIME) {
        return new Ops.NegL(a.type, a);
      }
      if (a.type.kind == Type.Kind.REAL) {
        return new Ops.NegD(a.type, a);
      }
      c.problem(scope.source, u, "cannot negate a " + a.type, "");
      return error();
    }
    StParser.BinaryExprContext b = (StParser.BinaryExprContext) ctx;
    Expr left = expr(b.left, scope);
    Expr right = expr(b.right, scope);
    if (bad(left, right)) {
      return error();
    }
    return binary(b.op.getText().toUpperCase(java.util.Locale.ROOT), left, right, scope, b);
  }

  private Expr binary(String op, Expr a, Expr b, Scope scope, ParserRuleContext ctx) {
    switch (op) {
      case "AND", "&", "OR", "XOR" -> {
        if (a.type.kind == Type.Kind.BOOL && b.type.kind == Type.Kind.BOOL) {
          return op.equals("OR") ? new Ops.OrL(Type.BOOL, a, b)
              : op.equals("XOR") ? new Ops.XorL(Type.BOOL, a, b) : new Ops.AndL(Type.BOOL, a, b);
        }
        if (a.type.isInteger() && b.type.isInteger()) {
          Type t = commonInt(a.type, b.type);
          return op.equals("OR") ? new Ops.OrL(t, a, b)
              : op.equals("XOR") ? new Ops.XorL(t, a, b) : new Ops.AndL(t, a, b);
        }
        c.problem(scope.source, ctx, op + " needs two BOOLs or two bit strings, not " + a.type
            + " and " + b.type, a.type.kind == Type.Kind.BOOL || b.type.kind == Type.Kind.BOOL
            ? "compare the number to get a BOOL, e.g. x <> 0" : "");
        return error();
      }
      case "=", "<>", "<", ">", "<=", ">=" -> {
        return compare(op, a, b, scope, ctx);
      }
      default -> {
        return arithmetic(op, a, b, scope, ctx);
      }
    }
  }

  private static int opCode(String op) {
    return switch (op) {
      case "+" -> Ops.ADD;
      case "-" -> Ops.SUB;
      case "*" -> Ops.MUL;
      case "/" -> Ops.DIV;
      case "MOD" -> Ops.MOD;
      case "=" -> Ops.EQ;
      case "<>" -> Ops.NE;
      case "<" -> Ops.LT;
      case "<=" -> Ops.LE;
      case ">" -> Ops.GT;
      case ">=" -> Ops.GE;
      default -> Ops.POW;
    };
  }

  private Expr compare(String op, Expr a, Expr b, Scope scope, ParserRuleContext ctx) {
    int code = opCode(op);
    Type ta = a.type;
    Type tb = b.type;
    if (ta.isNumeric() && tb.isNumeric()) {
      Type t = common(ta, tb);
      if (t.kind == Type.Kind.REAL) {
        return new Ops.CmpD(code, coerce(a, t, scope.source, ctx, ""), coerce(b, t, scope.source,
            ctx, ""));
      }
      if (t == Type.ANY_INT) {
        t = Type.LINT;
      }
      if (!t.signed && t.bits == 64) {
        return new Ops.CmpU(code, a, b);
      }
      return compareL(code, a, b);
    }
    boolean sameL = ta.storage() == Type.Storage.L && tb.storage() == Type.Storage.L
        && (ta.kind == tb.kind) && (ta.kind != Type.Kind.ENUM || ta == tb);
    if (sameL) {
      return compareL(code, a, b); // BOOL (FALSE < TRUE), TIME, dates, one enumeration
    }
    if (ta.kind == Type.Kind.STRING && tb.kind == Type.Kind.STRING) {
      return new Ops.CmpO(code, a, b);
    }
    c.problem(scope.source, ctx, "cannot compare " + ta + " with " + tb,
        ta.kind == Type.Kind.ENUM || tb.kind == Type.Kind.ENUM
            ? "compare an enumeration with its own values, e.g. state = Mode#Running"
            : "convert one side, e.g. with " + ta.name + "_TO_" + tb.name);
    return error();
  }

  private static Expr compareL(int code, Expr a, Expr b) {
    return switch (code) {
      case Ops.EQ -> new Ops.EqL(a, b);
      case Ops.NE -> new Ops.NeL(a, b);
      case Ops.LT -> new Ops.LtL(a, b);
      case Ops.LE -> new Ops.LeL(a, b);
      case Ops.GT -> new Ops.LtL(b, a);
      default -> new Ops.LeL(b, a);
    };
  }

  private Expr arithmetic(String op, Expr a, Expr b, Scope scope, ParserRuleContext ctx) {
    Type ta = a.type;
    Type tb = b.type;
    int code = opCode(op);
    if (code == Ops.POW) {
      if (ta.isNumeric() && tb.isNumeric()) {
        Type t = ta.kind == Type.Kind.REAL && ta != Type.ANY_REAL ? ta : Type.LREAL;
        return new Ops.ArithD(t, Ops.POW, coerce(a, Type.LREAL, scope.source, ctx, ""),
            coerce(b, Type.LREAL, scope.source, ctx, ""));
      }
      c.problem(scope.source, ctx, "** needs numbers, not " + ta + " and " + tb, "");
      return error();
    }
    // times and dates
    boolean timeA = ta.kind == Type.Kind.TIME;
    boolean timeB = tb.kind == Type.Kind.TIME;
    boolean dateA = ta.kind == Type.Kind.DATE || ta.kind == Type.Kind.TOD || ta.kind == Type.Kind.DT;
    if (timeA || timeB || dateA) {
      if ((code == Ops.ADD || code == Ops.SUB) && timeA && timeB) {
        return code == Ops.ADD ? new Ops.AddL(ta, a, b) : new Ops.SubL(ta, a, b);
      }
      if ((code == Ops.ADD || code == Ops.SUB) && dateA && timeB) {
        return code == Ops.ADD ? new Ops.AddL(ta, a, b) : new Ops.SubL(ta, a, b);
      }
      if (code == Ops.SUB && dateA && ta.kind == tb.kind) {
        return new Ops.SubL(Type.TIME, a, b);
      }
      if ((code == Ops.MUL || code == Ops.DIV) && timeA && tb.isNumeric()) {
        if (tb.isInteger()) {
          return code == Ops.MUL ? new Ops.MulL(ta, a, b)
              : new Ops.DivL(ta, a, b, site(scope, ctx), false);
        }
        Expr product = new Ops.ArithD(Type.LREAL, code, new Convert.IntToReal(Type.LREAL, a), 
            coerce(b, Type.LREAL, scope.source, ctx, ""));
        return new Convert.RealToTime(ta, product, 1);
      }
      if (code == Ops.MUL && timeB && ta.isInteger()) {
        return new Ops.MulL(tb, a, b);
      }
      if (code == Ops.DIV && timeA && timeB) {
        return new Ops.DivL(Type.LINT, a, b, site(scope, ctx), false);
      }
      c.problem(scope.source, ctx, "cannot " + word(code) + " " + ta + " and " + tb,
          "TIME takes + and - with TIME, * and / with numbers");
      return error();
    }
    if (!ta.isNumeric() || !tb.isNumeric()) {
      c.problem(scope.source, ctx, "cannot " + word(code) + " " + ta + " and " + tb,
          ta.kind == Type.Kind.STRING ? "join strings with CONCAT(a, b)"
              : ta.kind == Type.Kind.BOOL || tb.kind == Type.Kind.BOOL
              ? "convert the BOOL with BOOL_TO_INT" : "");
      return error();
    }
    Type t = common(ta, tb);
    if (t.kind == Type.Kind.REAL) {
      Type real = t == Type.ANY_REAL ? Type.LREAL : t;
      return new Ops.ArithD(real, code, coerce(a, real, scope.source, ctx, ""),
          coerce(b, real, scope.source, ctx, ""));
    }
    return switch (code) {
      case Ops.ADD -> new Ops.AddL(t, a, b);
      case Ops.SUB -> new Ops.SubL(t, a, b);
      case Ops.MUL -> new Ops.MulL(t, a, b);
      case Ops.DIV -> new Ops.DivL(t, a, b, site(scope, ctx), false);
      default -> new Ops.DivL(t, a, b, site(scope, ctx), true);
    };
  }

  private static String word(int code) {
    return switch (code) {
      case Ops.ADD -> "add";
      case Ops.SUB -> "subtract";
      case Ops.MUL -> "multiply";
      case Ops.DIV -> "divide";
      default -> "take MOD of";
    };
  }

  /** The type two numeric operands are computed in. */
  static Type common(Type a, Type b) {
    if (a.kind == Type.Kind.REAL || b.kind == Type.Kind.REAL) {
      if (a == Type.LREAL || b == Type.LREAL) {
        return Type.LREAL;
      }
      if (a == Type.REAL || b == Type.REAL) {
        return Type.REAL;
      }
      return a.kind == Type.Kind.REAL && b.kind == Type.Kind.REAL ? Type.ANY_REAL : Type.LREAL;
    }
    return commonInt(a, b);
  }

  static Type commonInt(Type a, Type b) {
    if (a == Type.ANY_INT) {
      return b;
    }
    if (b == Type.ANY_INT) {
      return a;
    }
    Type ba = base(a);
    Type bb = base(b);
    if (ba == bb) {
      return ba;
    }
    if (ba.signed == bb.signed) {
      return ba.bits >= bb.bits ? ba : bb;
    }
    Type signed = ba.signed ? ba : bb;
    Type unsigned = ba.signed ? bb : ba;
    if (signed.bits > unsigned.bits) {
      return signed;
    }
    return switch (unsigned.bits) {
      case 8 -> Type.INT;
      case 16 -> Type.DINT;
      default -> Type.LINT;
    };
  }

  /** A subrange's base type (an integer type of the same width and sign). */
  static Type base(Type t) {
    if (t.kind != Type.Kind.INT) {
      return t;
    }
    for (Type e : Type.ELEMENTARY.values()) {
      if (e.kind == Type.Kind.INT && e.bits == t.bits && e.signed == t.signed
          && e.bitString == t.bitString) {
        return e;
      }
    }
    return t;
  }

  /**
   * {@code e} as a value of {@code target}, converting implicitly where IEC (or, for integer
   * narrowing, CODESYS) does; a problem otherwise.
   */
  Expr coerce(Expr e, Type target, Source source, ParserRuleContext ctx, String what) {
    Type from = e.type;
    if (bad(e) || target.kind == Type.Kind.VOID || from == target) {
      return e;
    }
    String where = what.isEmpty() ? "" : " for " + what;
    switch (target.kind) {
      case INT -> {
        if (from.isInteger()) {
          if (from == Type.ANY_INT && e.isConstant()) {
            long v = fold(e, source, ctx).l(null);
            if (!target.fits(v) && !(target.bits == 64 && !target.signed)) {
              c.problem(source, ctx, v + " does not fit " + target.name + where + " (" + target.lo
                  + ".." + target.hi + ")", "");
              return error();
            }
            return new Access.ConstL(target, v);
          }
          if (target.lo > Long.MIN_VALUE + 1 && (target.lo > base(target).lo
              || target.hi < base(target).hi)) {
            return new Checks.Range(target, e, new Site("", c.at(source, ctx), text(ctx)));
          }
          boolean widening = (from.signed == target.signed && from.bits <= target.bits)
              || (!from.signed && target.signed && from.bits < target.bits);
          return widening ? e : new Convert.Narrow(target, e);
        }
        if (from.kind == Type.Kind.ENUM) {
          c.problem(source, ctx, "an enumeration is not a number" + where, "compare it with its"
              + " values instead");
          return error();
        }
      }
      case REAL -> {
        if (from.isInteger()) {
          if (e.isConstant()) {
            long v = fold(e, source, ctx).l(null);
            return new Access.ConstD(target, target.bits == 32 ? (float) v : (double) v);
          }
          return new Convert.IntToReal(target, e);
        }
        if (from.kind == Type.Kind.REAL) {
          return target.bits == 32 && from.bits != 32 ? new Convert.RealToReal(target, e) : 
              (target.bits == 32 ? e : new Retyped(target, e));
        }
      }
      case TIME, DATE, TOD, DT -> {
        if (from.kind == target.kind) {
          return e;
        }
      }
      case BOOL -> {
        if (from.kind == Type.Kind.BOOL) {
          return e;
        }
      }
      case STRING -> {
        if (from.kind == Type.Kind.STRING) {
          return from.length > target.length || from.length == 0 ? new Convert.Truncate(target, e)
              : e;
        }
      }
      case ENUM -> {
        if (from == target) {
          return e;
        }
      }
      case ARRAY -> {
        if (from.kind == Type.Kind.ARRAY && from.name.equals(target.name)) {
          return e;
        }
      }
      default -> {
        if (from.layout != null && from.layout == target.layout) {
          return e;
        }
      }
    }
    String hint = from.isNumeric() && target.isNumeric() || from.kind == Type.Kind.BOOL
        || target.kind == Type.Kind.BOOL || from.kind == Type.Kind.TIME || target.kind == Type.Kind.TIME
        ? "convert it: " + base(from).name.replace("ANY_INT", "DINT").replace("ANY_REAL", "LREAL")
            + "_TO_" + base(target).name + "(...)"
        : "";
    c.problem(source, ctx, Type.article(from) + " cannot be used as " + target + where, hint);
    return error();
  }

  /** The same value seen as another type of the same storage (a real literal as REAL). */
  static final class Retyped extends Expr {
    final Expr a;

    Retyped(Type type, Expr a) {
      super(type);
      this.a = a;
    }

    @Override
    public double d(io.twinline.stplc.runtime.Frame f) {
      return a.d(f);
    }

    @Override
    public long l(io.twinline.stplc.runtime.Frame f) {
      return a.l(f);
    }

    @Override
    public boolean isConstant() {
      return a.isConstant();
    }
  }

  // ---- primaries

  private Expr primary(StParser.PrimaryContext ctx, Scope scope) {
    if (ctx instanceof StParser.LiteralPrimaryContext l) {
      return Literals.literal(l.literal(), scope, c, this);
    }
    if (ctx instanceof StParser.ParenPrimaryContext p) {
      return expr(p.expression(), scope);
    }
    if (ctx instanceof StParser.CallPrimaryContext call) {
      return functionCall(call.call(), scope, false);
    }
    return variable(((StParser.VariablePrimaryContext) ctx).variable(), scope);
  }

  /** A variable, member, element or bit; a {@link Ref} if it can be assigned. */
  Expr variable(StParser.VariableContext ctx, Scope scope) {
    Token id = ctx.ID().getSymbol();
    Expr e = name(id, scope);
    if (bad(e)) {
      return e;
    }
    for (StParser.SelectorContext sel : ctx.selector()) {
      e = select(e, sel, scope);
      if (bad(e)) {
        return e;
      }
    }
    return e;
  }

  Expr name(Token id, Scope scope) {
    String name = id.getText();
    Var var = scope.layout.get(name);
    boolean global = false;
    if (var == null) {
      var = c.globals.get(name);
      global = var != null;
    }
    if (var != null) {
      if (var.constant()) {
        Expr value = c.constantOf(var);
        return value == null ? error() : value;
      }
      if (global && scope.layout != c.globals) {
        if (c.globalFrame == null) {
          return new Access.LocalL(var.type(), 0); // not constant: reported by the caller
        }
        return switch (var.type().storage()) {
          case L -> new Access.FixedL(var.type(), c.globalFrame, var.slot());
          case D -> new Access.FixedD(var.type(), c.globalFrame, var.slot());
          case O -> new Access.FixedO(var.type(), c.globalFrame, var.slot());
        };
      }
      return local(var);
    }
    List<Type> enums = c.enumMembers.get(Compiler.upper(name));
    if (enums != null) {
      if (enums.size() > 1) {
        c.problem(scope.source, id, name + " is a value of " + enums.size() + " enumerations",
            "qualify it: " + enums.get(0).name + "#" + name);
        return error();
      }
      Type type = enums.get(0);
      return new Access.ConstL(type, type.memberValues[type.members.indexOf(member(type, name))]);
    }
    List<String> known = Compiler.names(scope.layout);
    known.addAll(Compiler.names(c.globals));
    c.problem(scope.source, id, "unknown variable " + name + " in " + scope.pou,
        Names.suggest(name, known, "declare it in a VAR block"));
    return error();
  }

  static String member(Type type, String name) {
    for (String m : type.members) {
      if (m.equalsIgnoreCase(name)) {
        return m;
      }
    }
    return null;
  }

  static Ref local(Var var) {
    return switch (var.type().storage()) {
      case L -> new Access.LocalL(var.type(), var.slot());
      case D -> new Access.LocalD(var.type(), var.slot());
      case O -> new Access.LocalO(var.type(), var.slot());
    };
  }

  private Expr select(Expr base, StParser.SelectorContext sel, Scope scope) {
    Type t = base.type;
    if (sel instanceof StParser.FieldSelectorContext f) {
      String name = f.ID().getText();
      if (t.kind != Type.Kind.STRUCT && t.kind != Type.Kind.FB) {
        c.problem(scope.source, f.ID().getSymbol(), "a " + t + " has no member " + name,
            t.isInteger() ? "a bit is selected by number: x.3" : "");
        return error();
      }
      Layout layout = t.layout;
      Var member = layout.get(name);
      if (member == null || member.section() == Var.Section.TEMP) {
        c.problem(scope.source, f.ID().getSymbol(), t + " has no member " + name,
            Names.suggest(name, Compiler.names(layout), ""));
        return error();
      }
      return switch (member.type().storage()) {
        case L -> new Access.MemberL(member.type(), base, member.slot());
        case D -> new Access.MemberD(member.type(), base, member.slot());
        case O -> new Access.MemberO(member.type(), base, member.slot());
      };
    }
    if (sel instanceof StParser.BitSelectorContext b) {
      int bit = Integer.parseInt(b.INTEGER().getText().replace("_", ""));
      if (!t.isInteger() || !(base instanceof Ref ref)) {
        c.problem(scope.source, b, "bit " + bit + " of a " + t, "bits are selected from"
            + " integer variables");
        return error();
      }
      if (bit >= t.bits) {
        c.problem(scope.source, b, t + " has no bit " + bit, "bits are 0.." + (t.bits - 1));
        return error();
      }
      return new Access.Bit(ref, bit);
    }
    StParser.IndexSelectorContext ix = (StParser.IndexSelectorContext) sel;
    if (t.kind != Type.Kind.ARRAY) {
      c.problem(scope.source, ix, "a " + t + " is not an array", "");
      return error();
    }
    if (ix.expression().size() != t.lower.length) {
      c.problem(scope.source, ix, t + " takes " + t.lower.length + " indexes, not "
          + ix.expression().size(), "");
      return error();
    }
    Expr[] index = new Expr[t.lower.length];
    for (int i = 0; i < index.length; i++) {
      Expr k = expr(ix.expression(i), scope);
      if (bad(k)) {
        return k;
      }
      if (!k.type.isInteger() && k.type.kind != Type.Kind.ENUM) {
        c.problem(scope.source, ix.expression(i), "an array index must be an integer, not "
            + k.type, "");
        return error();
      }
      if (k.isConstant()) {
        long v = k.l(null);
        if (v < t.lower[i] || v > t.upper[i]) {
          c.problem(scope.source, ix.expression(i), "index " + v + " is outside " + t.lower[i]
              + ".." + t.upper[i], "");
          return error();
        }
      }
      index[i] = k;
    }
    return new Access.Element(t, base, index, site(scope, ix));
  }

  // ---- calls

  /** One argument of a call as written. */
  record Argument(String name, StParser.ExpressionContext value, boolean output, boolean negate,
      StParser.VariableContext target, ParserRuleContext ctx) {}

  static List<Argument> arguments(StParser.CallContext call) {
    List<Argument> args = new ArrayList<>();
    for (StParser.ArgumentContext a : call.argument()) {
      if (a instanceof StParser.InputArgumentContext in) {
        args.add(new Argument(in.ID().getText(), in.expression(), false, false, null, a));
      } else if (a instanceof StParser.OutputArgumentContext out) {
        args.add(new Argument(out.ID().getText(), null, true, out.NOT() != null, out.variable(),
            a));
      } else {
        args.add(new Argument(null, ((StParser.PositionalArgumentContext) a).expression(), false,
            false, null, a));
      }
    }
    return args;
  }

  /** A call in an expression (or as a statement, {@code statement}): a function. */
  Expr functionCall(StParser.CallContext call, Scope scope, boolean statement) {
    StParser.VariableContext callee = call.callee;
    String name = callee.ID().getText();
    if (callee.selector().isEmpty() && scope.layout.get(name) == null
        && c.globals.get(name) == null) {
      Compiler.Pou user = c.functions.get(Compiler.upper(name));
      if (user != null) {
        return userCall(user, call, scope);
      }
      Expr std = functions.call(Compiler.upper(name), call, scope);
      if (std != null) {
        return std;
      }
      if (c.blocks.containsKey(Compiler.upper(name))) {
        c.problem(scope.source, callee, name + " is a function block type, not a function",
            "declare an instance (t1 : " + name + ";) and call it: t1(...);");
        return error();
      }
      List<String> known = new ArrayList<>(c.functions.keySet());
      known.addAll(Functions.NAMES);
      c.problem(scope.source, callee, "unknown function " + name,
          Names.suggest(name, known, "declare it as a FUNCTION"));
      return error();
    }
    Expr target = variable(callee, scope);
    if (bad(target)) {
      return target;
    }
    c.problem(scope.source, call, "a function block call is a statement, not a value",
        "call it on its own line (" + text(callee) + "(...);) and read its outputs, e.g. "
            + text(callee) + ".Q");
    return error();
  }

  private Expr userCall(Compiler.Pou fn, StParser.CallContext call, Scope scope) {
    Layout layout = fn.layout();
    List<Var> params = new ArrayList<>();
    for (Var v : layout.vars()) {
      if (v.section() == Var.Section.INPUT || v.section() == Var.Section.IN_OUT) {
        params.add(v);
      }
    }
    List<Argument> args = arguments(call);
    List<io.twinline.stplc.runtime.Calls.Bind> inputs = new ArrayList<>();
    List<io.twinline.stplc.runtime.Calls.Bind> outputs = new ArrayList<>();
    boolean nested = false;
    int position = 0;
    for (Argument a : args) {
      Var param;
      if (a.name() == null) {
        if (position >= params.size()) {
          c.problem(scope.source, a.ctx(), fn.name() + " takes " + params.size() + " inputs",
              "remove the extra argument");
          continue;
        }
        param = params.get(position++);
      } else {
        param = layout.get(a.name());
        if (param == null || param.section() == Var.Section.LOCAL
            || param.section() == Var.Section.TEMP || param.section() == Var.Section.RESULT) {
          c.problem(scope.source, a.ctx(), fn.name() + " has no " + (a.output() ? "output "
              : "input ") + a.name(), Names.suggest(a.name(), Compiler.names(layout), ""));
          continue;
        }
      }
      if (a.output()) {
        Binds.output(this, c, param, a, scope, outputs);
      } else {
        Expr value = expr(a.value(), scope);
        nested |= containsCall(a.value());
        Binds.input(this, param, value, a, scope, inputs, outputs);
      }
    }
    return new io.twinline.stplc.runtime.Calls.FnCall(layout,
        inputs.toArray(io.twinline.stplc.runtime.Calls.Bind[]::new),
        outputs.toArray(io.twinline.stplc.runtime.Calls.Bind[]::new), !nested);
  }

  private static boolean containsCall(ParserRuleContext ctx) {
    if (ctx instanceof StParser.CallContext) {
      return true;
    }
    for (int i = 0; i < ctx.getChildCount(); i++) {
      if (ctx.getChild(i) instanceof ParserRuleContext child && containsCall(child)) {
        return true;
      }
    }
    return false;
  }
}
