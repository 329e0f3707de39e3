package io.twinline.stplc.compile;

import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problems;
import io.twinline.line.SourceLocation;
import io.twinline.stplc.lib.StandardBlocks;
import io.twinline.stplc.parse.StParser;
import io.twinline.stplc.runtime.ArrayValue;
import io.twinline.stplc.runtime.Clock;
import io.twinline.stplc.runtime.Expr;
import io.twinline.stplc.runtime.Frame;
import io.twinline.stplc.runtime.Layout;
import io.twinline.stplc.runtime.StStop;
import io.twinline.stplc.runtime.Type;
import io.twinline.stplc.runtime.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Compiles parsed Structured Text into slot-resolved code: declarations first (types, POUs,
 * globals), then initial values, then bodies, then the configuration's tasks. Every problem is
 * collected; {@link #compile} refuses the program with all of them.
 */
public final class Compiler {

  final Problems problems = new Problems();
  final Clock clock = new Clock();
  final Map<String, Type> types = new HashMap<>();
  final Map<String, Type> blocks = new LinkedHashMap<>();
  final Map<String, Pou> functions = new LinkedHashMap<>();
  final Map<String, Pou> programs = new LinkedHashMap<>();
  final Map<String, List<Type>> enumMembers = new HashMap<>();
  final Layout globals = new Layout("global", SourceLocation.inCode("globals"));
  Frame globalFrame;
  private final Map<String, Pending> typeDefs = new LinkedHashMap<>();
  private final Set<String> resolving = new HashSet<>();
  private final List<Pending> pous = new ArrayList<>();
  private final List<Init> inits = new ArrayList<>();
  private final Map<Var, Init> initOf = new HashMap<>();
  private final Map<Var, Expr> constants = new HashMap<>();
  private final Set<Var> evaluating = new HashSet<>();
  private final Set<Layout> built = new HashSet<>();
  private final List<Pending> configurations = new ArrayList<>();
  final ExprCompiler exprs = new ExprCompiler(this);
  final StmtCompiler stmts = new StmtCompiler(this);
  private final Map<Layout, Source> sourceOf = new HashMap<>();

  /** A declaration and the source it came from. */
  record Pending(Source source, ParserRuleContext ctx) {}

  /** A user POU: its kind (PROGRAM, FUNCTION_BLOCK, FUNCTION), layout, type (for FBs). */
  record Pou(String kind, String name, Layout layout, Type type, Source source,
      ParserRuleContext ctx) {}

  /** A variable's initial value, to be set on its layout's prototype. */
  record Init(Layout layout, Var var, StParser.InitContext init, Source source, Scope scope) {}

  private Compiler() {}

  /**
   * Compiles the sources for one run.
   *
   * @param defaultTask the interval of the task that runs the programs when the source has no
   *     configuration (ns; 0: every scan)
   * @throws InvalidDefinitionException listing every problem of the sources
   */
  public static Compiled compile(List<Source> sources, long defaultTask)
      throws InvalidDefinitionException {
    Compiler compiler = new Compiler();
    return compiler.run(sources, defaultTask);
  }

  /** Parses and compiles one text (a convenience for tests and tools). */
  public static Compiled compile(String file, String text, long defaultTask)
      throws InvalidDefinitionException {
    Problems syntax = new Problems();
    Source source = Source.parse(file, text, syntax);
    syntax.throwIfAny();
    return compile(List.of(source), defaultTask);
  }

  private Compiled run(List<Source> sources, long defaultTask) throws InvalidDefinitionException {
    blocks.putAll(StandardBlocks.create(clock));
    List<String> notes = new ArrayList<>();
    for (Source source : sources) {
      notes.addAll(source.notes);
      collect(source);
    }
    for (String name : new ArrayList<>(typeDefs.keySet())) {
      resolveNamed(name, null, null);
    }
    for (Pending pou : pous) {
      if (pou.ctx() instanceof StParser.GlobalVarBlockContext) {
        declarePou(pou);
      }
    }
    for (Pending pou : pous) {
      if (!(pou.ctx() instanceof StParser.GlobalVarBlockContext)) {
        declarePou(pou);
      }
    }
    for (Pou fb : userBlocks()) {
      prototype(fb.layout());
    }
    prototype(globals);
    globalFrame = globals.create();
    for (Pou pou : allPous()) {
      prototype(pou.layout());
    }
    for (Pou pou : allPous()) {
      Scope scope = new Scope(pou.name(), pou.kind(), pou.layout(), pou.source());
      pou.layout().body = stmts.body(bodyOf(pou.ctx()), scope);
    }
    problems.throwIfAny();
    Compiled compiled = new Configurations(this).link(configurations, defaultTask, notes);
    problems.throwIfAny();
    return compiled;
  }

  private List<Pou> userBlocks() {
    List<Pou> list = new ArrayList<>();
    for (Pou pou : allPous()) {
      if (pou.kind().equals("FUNCTION_BLOCK")) {
        list.add(pou);
      }
    }
    return list;
  }

  private final List<Pou> all = new ArrayList<>();

  List<Pou> allPous() {
    return all;
  }

  private static StParser.BodyContext bodyOf(ParserRuleContext ctx) {
    if (ctx instanceof StParser.ProgramDeclContext p) {
      return p.body();
    }
    if (ctx instanceof StParser.FunctionBlockDeclContext b) {
      return b.body();
    }
    return ((StParser.FunctionDeclContext) ctx).body();
  }

  static String upper(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  SourceLocation at(Source source, Token token) {
    return Source.at(source.file, token);
  }

  SourceLocation at(Source source, ParserRuleContext ctx) {
    return Source.at(source.file, ctx.getStart());
  }

  void problem(Source source, ParserRuleContext ctx, String message, String hint) {
    problems.add(at(source, ctx), "", message, hint);
  }

  void problem(Source source, Token token, String message, String hint) {
    problems.add(at(source, token), "", message, hint);
  }

  // ---- pass 1: what is declared where

  private void collect(Source source) {
    for (StParser.UnitContext unit : source.tree.unit()) {
      if (unit.typeDecl() != null) {
        for (StParser.TypeDefContext def : unit.typeDecl().typeDef()) {
          String name = upper(def.name.getText());
          if (typeDefs.containsKey(name) || Type.ELEMENTARY.containsKey(name)
              || blocks.containsKey(name)) {
            problem(source, def.name, "type " + def.name.getText() + " is declared twice",
                "rename one of them");
          } else {
            typeDefs.put(name, new Pending(source, def));
          }
        }
      } else if (unit.globalVarBlock() != null) {
        pous.add(new Pending(source, unit.globalVarBlock()));
      } else if (unit.configuration() != null) {
        configurations.add(new Pending(source, unit.configuration()));
        for (StParser.GlobalVarBlockContext g : unit.configuration().globalVarBlock()) {
          pous.add(new Pending(source, g));
        }
        for (StParser.ResourceContext r : unit.configuration().resource()) {
          for (StParser.GlobalVarBlockContext g : r.globalVarBlock()) {
            pous.add(new Pending(source, g));
          }
        }
      } else {
        ParserRuleContext decl = unit.programDecl() != null ? unit.programDecl()
            : unit.functionBlockDecl() != null ? unit.functionBlockDecl() : unit.functionDecl();
        Token name = decl instanceof StParser.ProgramDeclContext p ? p.name
            : decl instanceof StParser.FunctionBlockDeclContext b ? b.name
            : ((StParser.FunctionDeclContext) decl).name;
        String key = upper(name.getText());
        if (blocks.containsKey(key) || functions.containsKey(key) || programs.containsKey(key)
            || typeDefs.containsKey(key)) {
          problem(source, name, name.getText() + " is declared twice", "rename one of them");
          continue;
        }
        Layout layout = new Layout(name.getText(), at(source, name));
        sourceOf.put(layout, source);
        if (decl instanceof StParser.FunctionBlockDeclContext) {
          Type type = Type.composite(Type.Kind.FB, name.getText());
          type.layout = layout;
          blocks.put(key, type);
          Pou pou = new Pou("FUNCTION_BLOCK", name.getText(), layout, type, source, decl);
          all.add(pou);
        } else if (decl instanceof StParser.FunctionDeclContext) {
          Pou pou = new Pou("FUNCTION", name.getText(), layout, null, source, decl);
          functions.put(key, pou);
          all.add(pou);
        } else {
          Pou pou = new Pou("PROGRAM", name.getText(), layout, null, source, decl);
          programs.put(key, pou);
          all.add(pou);
        }
        pous.add(new Pending(source, decl));
      }
    }
  }

  // ---- types

  /** A type by name: elementary, user, function block; null (with a problem) if unknown. */
  Type namedType(String name, Source source, Token at) {
    String key = upper(name);
    Type type = Type.ELEMENTARY.get(key);
    if (type != null) {
      return type;
    }
    if (types.containsKey(key) || typeDefs.containsKey(key)) {
      return resolveNamed(key, source, at);
    }
    type = blocks.get(key);
    if (type != null) {
      return type;
    }
    if (source != null) {
      List<String> known = new ArrayList<>(Type.ELEMENTARY.keySet());
      known.addAll(typeDefs.keySet());
      known.addAll(blocks.keySet());
      problem(source, at, "unknown type " + name, Names.suggest(name, known,
          "declare it in a TYPE ... END_TYPE block, or use an elementary type"));
    }
    return null;
  }

  private Type resolveNamed(String key, Source source, Token at) {
    Type done = types.get(key);
    if (done != null) {
      return done;
    }
    Pending pending = typeDefs.get(key);
    StParser.TypeDefContext def = (StParser.TypeDefContext) pending.ctx();
    if (!resolving.add(key)) {
      problem(pending.source(), def.name, "type " + def.name.getText() + " is defined in terms"
          + " of itself", "break the cycle: a STRUCT cannot contain itself");
      return Type.ERROR;
    }
    Type type = typeSpec(def.typeSpec(), pending.source(), def.name.getText());
    if (type == null) {
      type = Type.ERROR;
    }
    types.put(key, type);
    resolving.remove(key);
    return type;
  }

  /** The type a declaration names; {@code name} names a new enumeration or structure. */
  Type typeSpec(StParser.TypeSpecContext spec, Source source, String name) {
    return typeSpec(spec, source, name, new Scope("(declarations)", "TYPE", globals, source));
  }

  /** As above, with the constants of {@code constants}' POU in reach (array bounds). */
  Type typeSpec(StParser.TypeSpecContext spec, Source source, String name, Scope constants) {
    if (spec instanceof StParser.NamedTypeContext n) {
      return namedType(n.name.getText(), source, n.name);
    }
    if (spec instanceof StParser.SizedStringTypeContext s) {
      Type base = namedType(s.name.getText(), source, s.name);
      if (base == null) {
        return null;
      }
      if (base.kind != Type.Kind.STRING) {
        problem(source, s.name, s.name.getText() + " takes no length", "only STRING[n] and"
            + " WSTRING[n] have one");
        return base;
      }
      long length = exprs.constantInt(s.length, constants);
      if (length < 1 || length > 65535) {
        problem(source, s.length, "a string length must be 1..65535, not " + length, "");
        return base;
      }
      return Type.string((int) length, base.wide);
    }
    if (spec instanceof StParser.SubrangeTypeContext s) {
      Type base = namedType(s.name.getText(), source, s.name);
      if (base == null) {
        return null;
      }
      if (!base.isInteger()) {
        problem(source, s.name, "a subrange needs an integer type, not " + base, "e.g. INT(0..100)");
        return base;
      }
      long lo = exprs.constantInt(s.lo, constants);
      long hi = exprs.constantInt(s.hi, constants);
      if (lo > hi || !base.fits(lo) || !base.fits(hi)) {
        problem(source, s.lo, "subrange " + lo + ".." + hi + " is empty or outside " + base, "");
        return base;
      }
      return Type.subrange(base, lo, hi);
    }
    if (spec instanceof StParser.ArrayTypeContext a) {
      Type element = typeSpec(a.typeSpec(), source, null, constants);
      if (element == null) {
        return null;
      }
      int dims = a.subrange().size();
      int[] lower = new int[dims];
      int[] upper = new int[dims];
      long size = 1;
      for (int i = 0; i < dims; i++) {
        long lo = exprs.constantInt(a.subrange(i).lo, constants);
        long hi = exprs.constantInt(a.subrange(i).hi, constants);
        if (hi < lo || lo < Integer.MIN_VALUE || hi > Integer.MAX_VALUE) {
          problem(source, a.subrange(i), "array bounds " + lo + ".." + hi + " are empty",
              "the upper bound must not be below the lower one");
          return null;
        }
        lower[i] = (int) lo;
        upper[i] = (int) hi;
        size *= hi - lo + 1;
      }
      if (size > 10_000_000) {
        problem(source, a, "array of " + size + " elements is too large", "at most 10 million");
        return null;
      }
      return Type.array(element, lower, upper);
    }
    if (spec instanceof StParser.EnumTypeContext e) {
      List<String> members = new ArrayList<>();
      long[] values = new long[e.enumValue().size()];
      long next = 0;
      for (int i = 0; i < values.length; i++) {
        StParser.EnumValueContext v = e.enumValue(i);
        if (v.expression() != null) {
          next = exprs.constantInt(v.expression(), constants);
        }
        members.add(v.ID().getText());
        values[i] = next++;
      }
      Type type = Type.enumeration(name == null ? "(" + String.join(", ", members) + ")" : name,
          members, values);
      for (String member : members) {
        enumMembers.computeIfAbsent(upper(member), k -> new ArrayList<>()).add(type);
      }
      return type;
    }
    StParser.StructTypeContext s = (StParser.StructTypeContext) spec;
    if (name == null) {
      problem(source, s, "a STRUCT must be declared as a type", "declare it in TYPE ... END_TYPE"
          + " and use its name");
      return null;
    }
    Type type = Type.composite(Type.Kind.STRUCT, name);
    Layout layout = new Layout(name, at(source, s));
    type.layout = layout;
    types.put(upper(name), type); // members may refer to it by pointer-less name only (an error)
    for (StParser.StructMemberContext m : s.structMember()) {
      Type memberType = typeSpec(m.typeSpec(), source, null);
      if (memberType == null) {
        continue;
      }
      if (memberType == type) {
        problem(source, m, "structure " + name + " contains itself", "a STRUCT cannot");
        continue;
      }
      for (var id : m.ID()) {
        if (layout.get(id.getText()) != null) {
          problem(source, id.getSymbol(), "member " + id.getText() + " is declared twice", "");
          continue;
        }
        Var var = layout.add(id.getText(), memberType, Var.Section.MEMBER,
            at(source, id.getSymbol()), null, false, false);
        if (m.init() != null) {
          addInit(new Init(layout, var, m.init(), source, constants));
        }
      }
    }
    return type;
  }

  // ---- declarations of POUs and globals

  private void declarePou(Pending pending) {
    Source source = pending.source();
    if (pending.ctx() instanceof StParser.GlobalVarBlockContext g) {
      boolean constant = hasQualifier(g.qualifier(), "CONSTANT");
      boolean retain = hasQualifier(g.qualifier(), "RETAIN") || hasQualifier(g.qualifier(), "PERSISTENT");
      for (StParser.VarDeclContext decl : g.varDecl()) {
        declareVars(globals, Var.Section.GLOBAL, decl, source, constant, retain,
            new Scope("(globals)", "GLOBAL", globals, source));
      }
      return;
    }
    Pou pou = find(pending.ctx());
    Layout layout = pou.layout();
    Scope scope = new Scope(pou.name(), pou.kind(), layout, source);
    if (pending.ctx() instanceof StParser.FunctionDeclContext f) {
      if (f.typeSpec() == null) {
        layout.result = layout.add(pou.name(), Type.VOID, Var.Section.RESULT, layout.location,
            null, false, false);
      } else {
        Type result = typeSpec(f.typeSpec(), source, null);
        layout.result = layout.add(pou.name(), result == null ? Type.VOID : result,
            Var.Section.RESULT, layout.location, null, false, false);
      }
    }
    List<StParser.VarBlockContext> blocksOf = pending.ctx() instanceof StParser.ProgramDeclContext p
        ? p.varBlock() : pending.ctx() instanceof StParser.FunctionBlockDeclContext b
        ? b.varBlock() : ((StParser.FunctionDeclContext) pending.ctx()).varBlock();
    for (StParser.VarBlockContext block : blocksOf) {
      Var.Section section = switch (upper(block.kind.getText())) {
        case "VAR_INPUT" -> Var.Section.INPUT;
        case "VAR_OUTPUT" -> Var.Section.OUTPUT;
        case "VAR_IN_OUT" -> Var.Section.IN_OUT;
        case "VAR_TEMP" -> Var.Section.TEMP;
        case "VAR_EXTERNAL" -> Var.Section.EXTERNAL;
        case "VAR_GLOBAL" -> Var.Section.GLOBAL;
        default -> Var.Section.LOCAL;
      };
      boolean constant = hasQualifier(block.qualifier(), "CONSTANT");
      boolean retain = hasQualifier(block.qualifier(), "RETAIN")
          || hasQualifier(block.qualifier(), "PERSISTENT");
      for (StParser.VarDeclContext decl : block.varDecl()) {
        if (section == Var.Section.EXTERNAL) {
          for (var id : decl.ID()) {
            if (globals.get(id.getText()) == null && !pendingGlobal(id.getText())) {
              problem(source, id.getSymbol(), "VAR_EXTERNAL " + id.getText()
                  + " names no global variable", "declare it in a VAR_GLOBAL block");
            }
          }
          continue; // resolved as the global itself
        }
        declareVars(section == Var.Section.GLOBAL ? globals : layout, section, decl, source,
            constant, retain, scope);
      }
    }
  }

  private boolean pendingGlobal(String name) {
    for (Pending p : pous) {
      if (p.ctx() instanceof StParser.GlobalVarBlockContext g) {
        for (StParser.VarDeclContext d : g.varDecl()) {
          for (var id : d.ID()) {
            if (id.getText().equalsIgnoreCase(name)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private Pou find(ParserRuleContext ctx) {
    for (Pou pou : all) {
      if (pou.ctx() == ctx) {
        return pou;
      }
    }
    throw new IllegalStateException("no POU for " + ctx.getText());
  }

  private static boolean hasQualifier(List<StParser.QualifierContext> qualifiers, String word) {
    for (StParser.QualifierContext q : qualifiers) {
      if (q.getText().equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }

  private void declareVars(Layout layout, Var.Section section, StParser.VarDeclContext decl,
      Source source, boolean constant, boolean retain, Scope scope) {
    Type type = typeSpec(decl.typeSpec(), source, null, scope);
    if (type == null) {
      return;
    }
    String address = decl.location() == null ? null
        : upper(decl.location().DIRECT_ADDRESS().getText());
    if (address != null && !address.endsWith("*") && decl.ID().size() > 1) {
      problem(source, decl.location(), "one address for " + decl.ID().size() + " variables",
          "declare each located variable on its own line");
    }
    for (var id : decl.ID()) {
      String name = id.getText();
      if (layout.get(name) != null) {
        problem(source, id.getSymbol(), "variable " + name + " is declared twice in "
            + layout.name, "rename one of them");
        continue;
      }
      if (layout == globals && (programs.containsKey(upper(name)) || functions.containsKey(upper(name)))) {
        problem(source, id.getSymbol(), "global " + name + " has the name of a POU", "rename it");
      }
      Var var = layout.add(name, type, section, at(source, id.getSymbol()), address, constant,
          retain);
      if (decl.init() != null) {
        addInit(new Init(layout, var, decl.init(), source, scope));
      } else if (constant) {
        problem(source, id.getSymbol(), "CONSTANT " + name + " has no value", "give it one: "
            + name + " : " + type + " := ...;");
      }
    }
  }

  // ---- initial values

  private void addInit(Init init) {
    inits.add(init);
    initOf.put(init.var(), init);
  }

  /** The value of a CONSTANT variable, as a constant expression (null if it has none). */
  Expr constantOf(Var var) {
    Expr known = constants.get(var);
    if (known != null) {
      return known;
    }
    Init init = initOf.get(var);
    if (init == null) {
      return null;
    }
    if (!(init.init() instanceof StParser.ExprInitContext e)) {
      return null;
    }
    if (!evaluating.add(var)) {
      problem(init.source(), e, "constant " + var.name() + " is defined in terms of itself", "");
      return null;
    }
    Expr value = exprs.coerce(exprs.expr(e.expression(), init.scope()), var.type(), init.source(),
        e, "the value of " + var.name());
    evaluating.remove(var);
    if (!value.isConstant()) {
      problem(init.source(), e, "the value of constant " + var.name() + " is not constant",
          "use literals and other constants");
      return null;
    }
    Expr folded = exprs.fold(value, init.source(), e);
    constants.put(var, folded);
    return folded;
  }

  /** Builds a layout's prototype: nested types first, then the initial values on top. */
  void prototype(Layout layout) {
    if (!built.add(layout)) {
      return;
    }
    for (Var var : layout.vars()) {
      nestedPrototypes(var.type());
    }
    Frame frame = layout.blank();
    for (Init init : inits) {
      if (init.layout() == layout) {
        apply(init.init(), init.var().type(), frame, init.var(), init.source(), init.scope());
      }
    }
    layout.prototype(frame);
  }

  private void nestedPrototypes(Type type) {
    if (type.kind == Type.Kind.STRUCT || type.kind == Type.Kind.FB) {
      prototype(type.layout);
    } else if (type.kind == Type.Kind.ARRAY) {
      nestedPrototypes(type.element);
    }
  }

  /** Sets one variable's initial value in {@code frame}. */
  private void apply(StParser.InitContext init, Type type, Frame frame, Var var, Source source,
      Scope scope) {
    Object value = initialValue(init, type, source, scope, var.name());
    if (value == null) {
      return;
    }
    switch (type.storage()) {
      case L -> frame.l[var.slot()] = (Long) value;
      case D -> frame.d[var.slot()] = (Double) value;
      case O -> frame.o[var.slot()] = value;
    }
  }

  /** The initial value for {@code type}: a Long, Double, String, Frame or ArrayValue. */
  private Object initialValue(StParser.InitContext init, Type type, Source source, Scope scope,
      String what) {
    if (init instanceof StParser.ExprInitContext e) {
      if (type.kind == Type.Kind.STRUCT || type.kind == Type.Kind.ARRAY || type.kind == Type.Kind.FB) {
        problem(source, e, what + " of type " + type + " needs " + (type.kind == Type.Kind.ARRAY
            ? "[v1, v2, ...]" : "(member := value, ...)"), "");
        return null;
      }
      Expr value = exprs.coerce(exprs.expr(e.expression(), scope), type, source, e,
          "the initial value of " + what);
      if (ExprCompiler.bad(value)) {
        return null;
      }
      if (!value.isConstant()) {
        problem(source, e, "the initial value of " + what + " is not constant",
            "use literals and constants");
        return null;
      }
      Expr folded = exprs.fold(value, source, e);
      return switch (type.storage()) {
        case L -> folded.l(null);
        case D -> folded.d(null);
        case O -> folded.o(null);
      };
    }
    if (init instanceof StParser.StructInitContext s) {
      if (type.kind != Type.Kind.STRUCT && type.kind != Type.Kind.FB) {
        problem(source, s, what + " is a " + type + ", not a structure", "");
        return null;
      }
      prototype(type.layout);
      Frame frame = type.layout.create();
      for (StParser.FieldInitContext field : s.fieldInit()) {
        Var member = type.layout.get(field.ID().getText());
        if (member == null) {
          problem(source, field.ID().getSymbol(), type + " has no member " + field.ID().getText(),
              Names.suggest(field.ID().getText(), names(type.layout), ""));
          continue;
        }
        apply(field.init(), member.type(), frame, member, source, scope);
      }
      return frame;
    }
    StParser.ArrayInitListContext list = (StParser.ArrayInitListContext) init;
    if (type.kind != Type.Kind.ARRAY) {
      problem(source, list, what + " is a " + type + ", not an array", "");
      return null;
    }
    ArrayValue array = (ArrayValue) Layout.blankValue(type);
    int index = 0;
    int size = type.size();
    for (StParser.ArrayInitContext item : list.arrayInit()) {
      int count = 1;
      StParser.InitContext element;
      if (item instanceof StParser.RepeatedInitContext r) {
        count = Integer.parseInt(r.count.getText().replace("_", ""));
        element = r.init();
      } else {
        element = ((StParser.SingleInitContext) item).init();
      }
      Object value = element == null ? Layout.blankValue(type.element)
          : initialValue(element, type.element, source, scope, what + "[" + index + "]");
      for (int k = 0; k < count; k++) {
        if (index >= size) {
          problem(source, item, "more initial values than the " + size + " elements of " + what,
              "");
          return array;
        }
        if (value != null) {
          switch (type.element.storage()) {
            case L -> array.l[index] = value instanceof Long v ? v : 0;
            case D -> array.d[index] = value instanceof Double v ? v : 0;
            case O -> array.o[index] = io.twinline.stplc.runtime.Values.copy(value);
          }
        }
        index++;
      }
    }
    return array;
  }

  static List<String> names(Layout layout) {
    List<String> names = new ArrayList<>();
    for (Var v : layout.vars()) {
      names.add(v.name());
    }
    return names;
  }

  /** A run-time error found while folding constants: a compile problem instead. */
  void constantError(StStop stop, Source source, ParserRuleContext ctx) {
    problem(source, ctx, stop.what() + " in a constant expression", stop.variables());
  }
}
