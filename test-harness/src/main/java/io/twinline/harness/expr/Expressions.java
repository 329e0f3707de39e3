package io.twinline.harness.expr;

import io.twinline.line.SignalType;
import io.twinline.line.read.Suggestions;
import io.twinline.line.units.Quantities;
import io.twinline.line.units.QuantityFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The condition language of sequences.
 *
 * <pre>
 * condition  :=  or
 * or         :=  and (('||' | 'or') and)*
 * and        :=  not (('&amp;&amp;' | 'and') not)*
 * not        :=  ('!' | 'not') not  |  compare
 * compare    :=  sum (('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') sum)?
 * sum        :=  product (('+' | '-') product)*
 * product    :=  unary (('*' | '/') unary)*
 * unary      :=  '-' unary  |  primary
 * primary    :=  number | 'text' | true | false | signal | function '(' arguments ')' | '(' or ')'
 * function   :=  rose(s) | fell(s) | changed(s) | stable(s, duration) | abs(x) | min(x, y) | max(x, y)
 *              |  good(s) | uncertain(s) | bad(s)   (the quality its I/O card gives the value)
 * signal     :=  Component/Signal  |  tag
 * </pre>
 *
 * <p>A {@code /} between two names without spaces joins a signal path ({@code Tank/Level}); with
 * spaces around it, it divides ({@code Tank/Level / 2}). Types are checked when a condition is
 * compiled: {@code &&} takes Booleans, {@code <} numbers, {@code rose} a Boolean signal.
 */
public final class Expressions {

  private static final Set<String> KEYWORDS = Set.of("true", "false", "and", "or", "not");
  /** Deeper than any condition a person writes; far below what the parser's stack can take. */
  static final int MAX_DEPTH = 100;

  private Expressions() {}

  /**
   * Compiles {@code text} into a condition.
   *
   * @throws ExpressionException with the 1-based column of the first problem and a hint
   */
  public static Condition compile(String text, SignalTable signals) {
    Parser parser = new Parser(text, signals);
    Node root = parser.parseAll();
    if (root.kind() != Kind.BOOL) {
      throw new ExpressionException(
          1,
          "a condition must be true or false, but this is a " + root.kind().noun,
          root instanceof SignalNode s
              ? "compare it, e.g. '" + s.ref.path() + " > 0'"
              : "compare it with something, e.g. '... > 0'");
    }
    return new Condition(text, root, new ArrayList<>(parser.used.values()),
        new ArrayList<>(parser.labels.values()), parser.edges);
  }

  // --- types and nodes -------------------------------------------------------------------------

  enum Kind {
    BOOL("Boolean"),
    NUMBER("number"),
    TEXT("text");

    final String noun;

    Kind(String noun) {
      this.noun = noun;
    }
  }

  /** A compiled expression. Exactly one of the getters fits its kind. */
  abstract static class Node {
    final int column;

    Node(int column) {
      this.column = column;
    }

    abstract Kind kind();

    boolean bool(Env env) {
      throw new IllegalStateException("not a Boolean");
    }

    double num(Env env) {
      throw new IllegalStateException("not a number");
    }

    String text(Env env) {
      throw new IllegalStateException("not text");
    }

    /** The value as an object, for equality across kinds. */
    Object value(Env env) {
      return switch (kind()) {
        case BOOL -> bool(env);
        case NUMBER -> num(env);
        case TEXT -> text(env);
      };
    }
  }

  private static final class Literal extends Node {
    private final Object value;

    Literal(int column, Object value) {
      super(column);
      this.value = value;
    }

    @Override
    Kind kind() {
      return value instanceof Boolean ? Kind.BOOL : value instanceof String ? Kind.TEXT : Kind.NUMBER;
    }

    @Override
    boolean bool(Env env) {
      return (Boolean) value;
    }

    @Override
    double num(Env env) {
      return ((Number) value).doubleValue();
    }

    @Override
    String text(Env env) {
      return (String) value;
    }
  }

  static Kind kindOf(SignalType type) {
    return type == SignalType.BOOLEAN ? Kind.BOOL : type == SignalType.STRING ? Kind.TEXT : Kind.NUMBER;
  }

  private static final class SignalNode extends Node {
    final SignalTable.Ref ref;

    SignalNode(int column, SignalTable.Ref ref) {
      super(column);
      this.ref = ref;
    }

    @Override
    Kind kind() {
      return kindOf(ref.type());
    }

    @Override
    boolean bool(Env env) {
      return (Boolean) env.value(ref.index());
    }

    @Override
    double num(Env env) {
      return ((Number) env.value(ref.index())).doubleValue();
    }

    @Override
    String text(Env env) {
      return (String) env.value(ref.index());
    }
  }

  private static final class Not extends Node {
    private final Node operand;

    Not(int column, Node operand) {
      super(column);
      this.operand = operand;
    }

    @Override
    Kind kind() {
      return Kind.BOOL;
    }

    @Override
    boolean bool(Env env) {
      return !operand.bool(env);
    }
  }

  /**
   * A chain of {@code &&} (or of {@code ||}) terms, evaluated in a loop with short-circuit: a
   * 20,000-term chain costs no stack per term.
   */
  private static final class Logic extends Node {
    private final boolean and;
    private final Node[] terms;

    Logic(int column, boolean and, List<Node> terms) {
      super(column);
      this.and = and;
      this.terms = terms.toArray(Node[]::new);
    }

    @Override
    Kind kind() {
      return Kind.BOOL;
    }

    @Override
    boolean bool(Env env) {
      for (Node term : terms) {
        if (term.bool(env) != and) {
          return !and;
        }
      }
      return and;
    }
  }

  private static final class Compare extends Node {
    private final String op;
    private final Node left;
    private final Node right;

    Compare(int column, String op, Node left, Node right) {
      super(column);
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    Kind kind() {
      return Kind.BOOL;
    }

    @Override
    boolean bool(Env env) {
      if (left.kind() != Kind.NUMBER) {
        boolean equal = left.value(env).equals(right.value(env));
        return op.equals("==") == equal;
      }
      double a = left.num(env);
      double b = right.num(env);
      return switch (op) {
        case "==" -> a == b;
        case "!=" -> a != b;
        case "<" -> a < b;
        case "<=" -> a <= b;
        case ">" -> a > b;
        default -> a >= b;
      };
    }
  }

  /**
   * A chain of {@code +}/{@code -} (or {@code *}/{@code /}) terms, left to right as written,
   * evaluated in a loop: {@code ops[i]} joins the result so far and {@code terms[i + 1]}.
   */
  private static final class Arithmetic extends Node {
    private final char[] ops;
    private final Node[] terms;

    Arithmetic(int column, List<Character> ops, List<Node> terms) {
      super(column);
      this.ops = new char[ops.size()];
      for (int i = 0; i < this.ops.length; i++) {
        this.ops[i] = ops.get(i);
      }
      this.terms = terms.toArray(Node[]::new);
    }

    @Override
    Kind kind() {
      return Kind.NUMBER;
    }

    @Override
    double num(Env env) {
      double a = terms[0].num(env);
      for (int i = 0; i < ops.length; i++) {
        double b = terms[i + 1].num(env);
        a = switch (ops[i]) {
          case '+' -> a + b;
          case '-' -> a - b;
          case '*' -> a * b;
          default -> a / b;
        };
      }
      return a;
    }
  }

  private static final class Negate extends Node {
    private final Node operand;

    Negate(int column, Node operand) {
      super(column);
      this.operand = operand;
    }

    @Override
    Kind kind() {
      return Kind.NUMBER;
    }

    @Override
    double num(Env env) {
      return -operand.num(env);
    }
  }

  /** rose, fell, changed: whether the signal changed that way at the present instant. */
  private static final class Edge extends Node {
    private final String function;
    private final SignalTable.Ref ref;

    Edge(int column, String function, SignalTable.Ref ref) {
      super(column);
      this.function = function;
      this.ref = ref;
    }

    @Override
    Kind kind() {
      return Kind.BOOL;
    }

    @Override
    boolean bool(Env env) {
      int s = ref.index();
      if (!env.changedNow(s)) {
        return false;
      }
      Object now = env.value(s);
      Object before = env.previous(s);
      return switch (function) {
        case "rose" -> Boolean.TRUE.equals(now) && Boolean.FALSE.equals(before);
        case "fell" -> Boolean.FALSE.equals(now) && Boolean.TRUE.equals(before);
        default -> !now.equals(before);
      };
    }
  }

  /** good, uncertain, bad: the quality of the signal's value now. */
  private static final class QualityOf extends Node {
    private final String function;
    private final SignalTable.Ref ref;

    QualityOf(int column, String function, SignalTable.Ref ref) {
      super(column);
      this.function = function;
      this.ref = ref;
    }

    @Override
    Kind kind() {
      return Kind.BOOL;
    }

    @Override
    boolean bool(Env env) {
      io.twinline.sim.signal.SignalQuality quality = env.quality(ref.index());
      return switch (function) {
        case "good" -> quality.isGood();
        case "uncertain" -> quality.isUncertain();
        default -> quality.isBad();
      };
    }
  }

  /** stable(s, d): the signal has not changed for at least d. */
  private static final class Stable extends Node {
    private final SignalTable.Ref ref;
    private final long nanos;

    Stable(int column, SignalTable.Ref ref, long nanos) {
      super(column);
      this.ref = ref;
      this.nanos = nanos;
    }

    @Override
    Kind kind() {
      return Kind.BOOL;
    }

    @Override
    boolean bool(Env env) {
      return env.now() - env.lastChange(ref.index()) >= nanos;
    }
  }

  private static final class MathFunction extends Node {
    private final String function;
    private final List<Node> arguments;

    MathFunction(int column, String function, List<Node> arguments) {
      super(column);
      this.function = function;
      this.arguments = arguments;
    }

    @Override
    Kind kind() {
      return Kind.NUMBER;
    }

    @Override
    double num(Env env) {
      return switch (function) {
        case "abs" -> Math.abs(arguments.get(0).num(env));
        case "min" -> Math.min(arguments.get(0).num(env), arguments.get(1).num(env));
        default -> Math.max(arguments.get(0).num(env), arguments.get(1).num(env));
      };
    }
  }

  // --- lexer ----------------------------------------------------------------------------------

  private enum T {
    NUMBER,
    TEXT,
    NAME,
    OP,
    LPAREN,
    RPAREN,
    COMMA,
    END
  }

  private record Token(T type, String text, int column) {}

  private static List<Token> lex(String source) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      int column = i + 1;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(source.charAt(i + 1)))) {
        int start = i;
        while (i < n && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '.')) {
          i++;
        }
        if (i < n && (source.charAt(i) == 'e' || source.charAt(i) == 'E')
            && i + 1 < n && (Character.isDigit(source.charAt(i + 1))
                || ((source.charAt(i + 1) == '-' || source.charAt(i + 1) == '+')
                    && i + 2 < n && Character.isDigit(source.charAt(i + 2))))) {
          i += 2;
          while (i < n && Character.isDigit(source.charAt(i))) {
            i++;
          }
        }
        tokens.add(new Token(T.NUMBER, source.substring(start, i), column));
      } else if (c == '\'' || c == '"') {
        int end = source.indexOf(c, i + 1);
        if (end < 0) {
          throw new ExpressionException(column, "the text starting here is not closed",
              "end it with " + c);
        }
        tokens.add(new Token(T.TEXT, source.substring(i + 1, end), column));
        i = end + 1;
      } else if (isNameStart(c)) {
        int start = i;
        while (true) {
          while (i < n && isNamePart(source.charAt(i))) {
            i++;
          }
          if (i + 1 < n && source.charAt(i) == '/' && isNameStart(source.charAt(i + 1))) {
            i++;
          } else {
            break;
          }
        }
        tokens.add(new Token(T.NAME, source.substring(start, i), column));
      } else if (c == '(') {
        tokens.add(new Token(T.LPAREN, "(", column));
        i++;
      } else if (c == ')') {
        tokens.add(new Token(T.RPAREN, ")", column));
        i++;
      } else if (c == ',') {
        tokens.add(new Token(T.COMMA, ",", column));
        i++;
      } else {
        String two = i + 1 < n ? source.substring(i, i + 2) : "";
        if (List.of("&&", "||", "==", "!=", "<=", ">=").contains(two)) {
          tokens.add(new Token(T.OP, two, column));
          i += 2;
        } else if ("!<>+-*/".indexOf(c) >= 0) {
          tokens.add(new Token(T.OP, String.valueOf(c), column));
          i++;
        } else if (c == '=' || c == '&' || c == '|') {
          throw new ExpressionException(column, "'" + c + "' alone is not an operator",
              c == '=' ? "compare with '=='" : "write '" + c + c + "'");
        } else {
          throw new ExpressionException(column, "unexpected character '" + c + "'",
              "conditions use signal names, numbers, 'text', && || ! == != < <= > >= + - * /"
                  + " and rose() fell() changed() stable()");
        }
      }
    }
    tokens.add(new Token(T.END, "", n + 1));
    return tokens;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  // --- parser ---------------------------------------------------------------------------------

  private static final class Parser {
    private final List<Token> tokens;
    private final SignalTable signals;
    private final Map<String, SignalTable.Ref> used = new LinkedHashMap<>();
    /** Per signal used, its name as written, with the other name in brackets if it has one. */
    private final Map<String, String> labels = new LinkedHashMap<>();
    private boolean edges;
    private int position;
    private int depth;

    Parser(String text, SignalTable signals) {
      if (text == null || text.isBlank()) {
        throw new ExpressionException(1, "the condition is empty", "e.g. 'Belt/MotorOn && !Eye/Blocked'");
      }
      this.tokens = lex(text);
      this.signals = signals;
    }

    Node parseAll() {
      Node node = or();
      Token next = peek();
      if (next.type() != T.END) {
        throw new ExpressionException(next.column(), "unexpected '" + next.text() + "'",
            next.type() == T.NAME || next.type() == T.NUMBER
                ? "join conditions with && or ||"
                : "check the brackets and operators before it");
      }
      return node;
    }

    private Token peek() {
      return tokens.get(position);
    }

    private Token next() {
      return tokens.get(position++);
    }

    private boolean atOp(String... ops) {
      Token t = peek();
      for (String op : ops) {
        if ((t.type() == T.OP && t.text().equals(op))
            || (t.type() == T.NAME && t.text().toLowerCase(Locale.ROOT).equals(op))) {
          return true;
        }
      }
      return false;
    }

    private Node or() {
      enter();
      Node first = and();
      if (!atOp("||", "or")) {
        leave();
        return first;
      }
      List<Node> terms = new ArrayList<>();
      Token op = peek();
      int column = op.column();
      terms.add(bool(first, op));
      while (atOp("||", "or")) {
        op = next();
        terms.add(bool(and(), op));
      }
      leave();
      return new Logic(column, false, terms);
    }

    private Node and() {
      Node first = not();
      if (!atOp("&&", "and")) {
        return first;
      }
      List<Node> terms = new ArrayList<>();
      Token op = peek();
      int column = op.column();
      terms.add(bool(first, op));
      while (atOp("&&", "and")) {
        op = next();
        terms.add(bool(not(), op));
      }
      return new Logic(column, true, terms);
    }

    private Node not() {
      if (atOp("!", "not")) {
        Token op = next();
        enter();
        Node operand = bool(not(), op);
        leave();
        return new Not(op.column(), operand);
      }
      return compare();
    }

    /**
     * Counts one level of nesting (brackets, function arguments, '!' and '-' on top of each
     * other): the parser recurses per level, so an absurd depth must be a problem of the
     * condition, not a StackOverflowError.
     */
    private void enter() {
      if (++depth > MAX_DEPTH) {
        throw new ExpressionException(peek().column(),
            "the condition nests more than " + MAX_DEPTH + " levels deep",
            "write it flatter: A && B && C needs no brackets, and !!A is A");
      }
    }

    private void leave() {
      depth--;
    }

    private Node compare() {
      Node left = sum();
      if (atOp("==", "!=", "<", "<=", ">", ">=")) {
        Token op = next();
        Node right = sum();
        boolean ordering = !op.text().equals("==") && !op.text().equals("!=");
        if (ordering && (left.kind() != Kind.NUMBER || right.kind() != Kind.NUMBER)) {
          Node culprit = left.kind() != Kind.NUMBER ? left : right;
          throw new ExpressionException(culprit.column,
              "'" + op.text() + "' compares numbers, but this is " + article(culprit.kind()),
              "use == or != for Booleans and text");
        }
        if (left.kind() != right.kind()) {
          throw new ExpressionException(right.column,
              "cannot compare " + article(left.kind()) + " with " + article(right.kind()),
              left.kind() == Kind.BOOL ? "compare with true or false" : "");
        }
        return new Compare(op.column(), op.text(), left, right);
      }
      return left;
    }

    private Node sum() {
      return chain(this::product, "+", "-");
    }

    private Node product() {
      return chain(this::unary, "*", "/");
    }

    /** Terms joined by either of two operators, left-associative, as one node. */
    private Node chain(java.util.function.Supplier<Node> term, String plus, String minus) {
      Node first = term.get();
      if (!atOp(plus, minus)) {
        return first;
      }
      List<Character> ops = new ArrayList<>();
      List<Node> terms = new ArrayList<>();
      Token op = peek();
      int column = op.column();
      terms.add(number(first, op));
      while (atOp(plus, minus)) {
        op = next();
        ops.add(op.text().charAt(0));
        terms.add(number(term.get(), op));
      }
      return new Arithmetic(column, ops, terms);
    }

    private Node unary() {
      if (atOp("-")) {
        Token op = next();
        enter();
        Node operand = number(unary(), op);
        leave();
        return new Negate(op.column(), operand);
      }
      return primary();
    }

    private Node primary() {
      Token t = next();
      switch (t.type()) {
        case NUMBER:
          try {
            return new Literal(t.column(), Double.parseDouble(t.text()));
          } catch (NumberFormatException e) {
            throw new ExpressionException(t.column(), "'" + t.text() + "' is not a number", "");
          }
        case TEXT:
          return new Literal(t.column(), t.text());
        case LPAREN: {
          Node inner = or();
          expect(T.RPAREN, "')' to close the '(' at column " + t.column());
          return inner;
        }
        case NAME: {
          String lower = t.text().toLowerCase(Locale.ROOT);
          if (peek().type() == T.LPAREN && !t.text().contains("/")) {
            return function(t);
          }
          if (lower.equals("true") || lower.equals("false")) {
            return new Literal(t.column(), lower.equals("true"));
          }
          if (KEYWORDS.contains(lower)) {
            throw new ExpressionException(t.column(), "'" + t.text() + "' needs something before it",
                "e.g. 'A " + lower + " B'");
          }
          return new SignalNode(t.column(), signal(t));
        }
        case END:
          throw new ExpressionException(t.column(), "the condition ends too early",
              "something is missing after the last operator");
        default:
          throw new ExpressionException(t.column(), "unexpected '" + t.text() + "'",
              "expected a signal, a number or '('");
      }
    }

    private Node function(Token name) {
      String function = name.text().toLowerCase(Locale.ROOT);
      next(); // (
      switch (function) {
        case "rose", "fell", "changed" -> {
          Token argument = expectName(function + "(Signal)");
          SignalTable.Ref ref = signal(argument);
          if (!function.equals("changed") && ref.type() != SignalType.BOOLEAN) {
            throw new ExpressionException(argument.column(),
                function + "() needs a Boolean signal; " + ref.path() + " is "
                    + ref.type().displayName(),
                "use changed(" + ref.path() + ") or compare its value");
          }
          expect(T.RPAREN, "')' after the signal");
          edges = true;
          return new Edge(name.column(), function, ref);
        }
        case "good", "uncertain", "bad" -> {
          Token argument = expectName(function + "(Signal)");
          SignalTable.Ref ref = signal(argument);
          expect(T.RPAREN, "')' after the signal");
          return new QualityOf(name.column(), function, ref);
        }
        case "stable" -> {
          Token argument = expectName("stable(Signal, 200 ms)");
          SignalTable.Ref ref = signal(argument);
          expect(T.COMMA, "',' and a duration, e.g. stable(" + ref.path() + ", 200 ms)");
          long nanos = duration();
          expect(T.RPAREN, "')' after the duration");
          return new Stable(name.column(), ref, nanos);
        }
        case "abs", "min", "max" -> {
          int arity = function.equals("abs") ? 1 : 2;
          List<Node> arguments = new ArrayList<>();
          for (int i = 0; i < arity; i++) {
            if (i > 0) {
              expect(T.COMMA, "',' and a second number: " + function + "(a, b)");
            }
            Node argument = or();
            arguments.add(number(argument, name));
          }
          expect(T.RPAREN, "')' after the arguments");
          return new MathFunction(name.column(), function, arguments);
        }
        default ->
            throw new ExpressionException(name.column(), "unknown function '" + name.text() + "'",
                Suggestions.closest(function,
                        List.of("rose", "fell", "changed", "stable", "abs", "min", "max", "good",
                            "uncertain", "bad"))
                    .map(c -> "did you mean '" + c + "'?")
                    .orElse("functions: rose, fell, changed, stable, abs, min, max, good,"
                        + " uncertain, bad"));
      }
    }

    private long duration() {
      Token number = next();
      Token unit = next();
      if (number.type() != T.NUMBER || unit.type() != T.NAME) {
        throw new ExpressionException(number.column(), "expected a duration with its unit",
            "e.g. 200 ms, 1.5 s, 2 min");
      }
      try {
        return Quantities.duration(number.text() + " " + unit.text()).toNanos();
      } catch (QuantityFormatException e) {
        throw new ExpressionException(number.column(), e.getMessage(), "e.g. 200 ms, 1.5 s");
      }
    }

    private Token expectName(String usage) {
      Token t = next();
      if (t.type() != T.NAME) {
        throw new ExpressionException(t.column(), "expected a signal name", "write " + usage);
      }
      return t;
    }

    private void expect(T type, String what) {
      Token t = next();
      if (t.type() != type) {
        throw new ExpressionException(t.column(),
            t.type() == T.END ? "the condition ends too early" : "unexpected '" + t.text() + "'",
            "expected " + what);
      }
    }

    private SignalTable.Ref signal(Token name) {
      SignalTable.Ref ref =
          signals.resolve(name.text())
              .orElseThrow(
                  () ->
                      new ExpressionException(name.column(),
                          "unknown signal '" + name.text() + "'",
                          SignalHints.hint(name.text(), signals.names())));
      if (used.putIfAbsent(ref.path(), ref) == null) {
        String written = name.text();
        String other = written.equals(ref.path())
            ? signals.tag(ref.index()).orElse(null) : ref.path();
        labels.put(ref.path(), other == null ? written : written + " [" + other + "]");
      }
      return ref;
    }

    private static Node bool(Node node, Token op) {
      if (node.kind() != Kind.BOOL) {
        throw new ExpressionException(node.column,
            "'" + op.text() + "' needs true or false on both sides, but this is "
                + article(node.kind()),
            node instanceof SignalNode s
                ? "compare it, e.g. '" + s.ref.path() + " > 0'"
                : "compare it with something");
      }
      return node;
    }

    private static Node number(Node node, Token op) {
      if (node.kind() != Kind.NUMBER) {
        throw new ExpressionException(node.column,
            "'" + op.text() + "' needs numbers, but this is " + article(node.kind()), "");
      }
      return node;
    }

    private static String article(Kind kind) {
      return kind == Kind.BOOL ? "a Boolean" : kind == Kind.NUMBER ? "a number" : "text";
    }
  }
}
