package io.twinline.stplc.compile;

import io.twinline.stplc.parse.StParser;
import io.twinline.stplc.runtime.Access;
import io.twinline.stplc.runtime.Expr;
import io.twinline.stplc.runtime.Type;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** Literals: integers (decimal, based, typed), reals, BOOL, times, dates, strings. */
final class Literals {

  private Literals() {}

  static Expr literal(StParser.LiteralContext ctx, Scope scope, Compiler c, ExprCompiler exprs) {
    try {
      return parse(ctx, scope, c);
    } catch (NumberFormatException | java.time.DateTimeException e) {
      c.problem(scope.source, ctx, "'" + ctx.getText() + "' is not a valid literal",
          hintFor(ctx));
      return ExprCompiler.error();
    }
  }

  private static String hintFor(StParser.LiteralContext ctx) {
    if (ctx instanceof StParser.TimeLiteralContext) {
      return "e.g. T#1s500ms, T#2.5s, TIME#-5m, T#1h2m3s4ms";
    }
    if (ctx instanceof StParser.DateLiteralContext) {
      return "e.g. D#2024-01-31, TOD#12:30:00, DT#2024-01-31-12:30:00";
    }
    return "";
  }

  private static Expr parse(StParser.LiteralContext ctx, Scope scope, Compiler c) {
    if (ctx instanceof StParser.IntLiteralContext i) {
      return new Access.ConstL(Type.ANY_INT, integer(i.getText()));
    }
    if (ctx instanceof StParser.BasedLiteralContext b) {
      return new Access.ConstL(Type.ANY_INT, based(b.getText()));
    }
    if (ctx instanceof StParser.RealLiteralContext r) {
      return new Access.ConstD(Type.ANY_REAL, Double.parseDouble(r.getText().replace("_", "")));
    }
    if (ctx instanceof StParser.BoolLiteralContext b) {
      return new Access.ConstL(Type.BOOL, b.TRUE() != null ? 1 : 0);
    }
    if (ctx instanceof StParser.TimeLiteralContext t) {
      String text = t.getText();
      String prefix = text.substring(0, text.indexOf('#')).toUpperCase(Locale.ROOT);
      return new Access.ConstL(prefix.startsWith("L") ? Type.LTIME : Type.TIME,
          duration(text.substring(text.indexOf('#') + 1)));
    }
    if (ctx instanceof StParser.DateLiteralContext d) {
      return date(d.getText());
    }
    if (ctx instanceof StParser.StringLiteralContext s) {
      String value = unescape(s.getText(), '\'');
      return new Access.ConstO(Type.string(Math.max(1, value.length()), false), value);
    }
    if (ctx instanceof StParser.WstringLiteralContext s) {
      String value = unescape(s.getText(), '"');
      return new Access.ConstO(Type.string(Math.max(1, value.length()), true), value);
    }
    if (ctx instanceof StParser.TypedBoolLiteralContext b) {
      Type type = c.namedType(b.type.getText(), scope.source, b.type);
      if (type == null) {
        return ExprCompiler.error();
      }
      if (type.kind != Type.Kind.BOOL) {
        c.problem(scope.source, b, b.type.getText() + "#TRUE: only BOOL takes TRUE/FALSE", "");
        return ExprCompiler.error();
      }
      return new Access.ConstL(Type.BOOL, b.TRUE() != null ? 1 : 0);
    }
    if (ctx instanceof StParser.EnumLiteralContext e) {
      Type type = c.namedType(e.type.getText(), scope.source, e.type);
      if (type == null) {
        return ExprCompiler.error();
      }
      if (type.kind != Type.Kind.ENUM) {
        c.problem(scope.source, e, type + " is not an enumeration", "");
        return ExprCompiler.error();
      }
      String member = ExprCompiler.member(type, e.member.getText());
      if (member == null) {
        c.problem(scope.source, e.member, type + " has no value " + e.member.getText(),
            Names.suggest(e.member.getText(), type.members, "its values: "
                + String.join(", ", type.members)));
        return ExprCompiler.error();
      }
      return new Access.ConstL(type, type.memberValues[type.members.indexOf(member)]);
    }
    StParser.TypedLiteralContext t = (StParser.TypedLiteralContext) ctx;
    Type type = c.namedType(t.type.getText(), scope.source, t.type);
    if (type == null) {
      return ExprCompiler.error();
    }
    boolean negative = t.sign != null && t.sign.getText().equals("-");
    String digits = t.value.getText();
    if (type.kind == Type.Kind.REAL) {
      double v = t.value.getType() == io.twinline.stplc.parse.StLexer.BASED_INTEGER
          ? based(digits) : Double.parseDouble(digits.replace("_", ""));
      v = negative ? -v : v;
      return new Access.ConstD(type, type.bits == 32 ? (float) v : v);
    }
    if (type.kind == Type.Kind.BOOL) {
      long v = integer(digits);
      if (v != 0 && v != 1) {
        c.problem(scope.source, t, "BOOL#" + digits + ": a BOOL is 0 or 1", "");
        return ExprCompiler.error();
      }
      return new Access.ConstL(Type.BOOL, v);
    }
    if (!type.isInteger()) {
      c.problem(scope.source, t, type + "#" + digits + " is not a literal of " + type,
          "typed literals: INT#-5, BYTE#16#FF, REAL#1.5");
      return ExprCompiler.error();
    }
    if (t.value.getType() == io.twinline.stplc.parse.StLexer.REAL_NUMBER) {
      c.problem(scope.source, t, type + " takes an integer, not " + digits, "");
      return ExprCompiler.error();
    }
    long v = t.value.getType() == io.twinline.stplc.parse.StLexer.BASED_INTEGER ? based(digits)
        : integer(digits);
    v = negative ? -v : v;
    if (!type.fits(v)) {
      c.problem(scope.source, t, t.getText() + " does not fit " + type + " (" + type.lo + ".."
          + type.hi + ")", "");
      return ExprCompiler.error();
    }
    return new Access.ConstL(type, v);
  }

  static long integer(String text) {
    String digits = text.replace("_", "");
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return Long.parseUnsignedLong(digits);
    }
  }

  static long based(String text) {
    int hash = text.indexOf('#');
    int base = Integer.parseInt(text.substring(0, hash));
    if (base != 2 && base != 8 && base != 16) {
      throw new NumberFormatException("base " + base);
    }
    return Long.parseUnsignedLong(text.substring(hash + 1).replace("_", ""), base);
  }

  /** {@code 1h2m3s4ms}, {@code -5m}, {@code 2.5s}, {@code 1d_2h}: nanoseconds. */
  static long duration(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace("_", "");
    boolean negative = t.startsWith("-");
    if (negative || t.startsWith("+")) {
      t = t.substring(1);
    }
    double total = 0;
    int i = 0;
    boolean any = false;
    while (i < t.length()) {
      int start = i;
      while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
        i++;
      }
      if (start == i) {
        throw new NumberFormatException(text);
      }
      double number = Double.parseDouble(t.substring(start, i));
      int unitStart = i;
      while (i < t.length() && Character.isLetter(t.charAt(i))) {
        i++;
      }
      String unit = t.substring(unitStart, i);
      double scale = switch (unit) {
        case "d" -> 86_400e9;
        case "h" -> 3_600e9;
        case "m" -> 60e9;
        case "s" -> 1e9;
        case "ms" -> 1e6;
        case "us" -> 1e3;
        case "ns" -> 1;
        default -> throw new NumberFormatException(text);
      };
      total += number * scale;
      any = true;
    }
    if (!any) {
      throw new NumberFormatException(text);
    }
    long ns = Math.round(total);
    return negative ? -ns : ns;
  }

  private static Expr date(String text) {
    String prefix = text.substring(0, text.indexOf('#')).toUpperCase(Locale.ROOT);
    String value = text.substring(text.indexOf('#') + 1);
    switch (prefix) {
      case "D", "DATE", "LD", "LDATE" -> {
        long days = LocalDate.parse(value).toEpochDay();
        return new Access.ConstL(Type.DATE, days * 86_400_000_000_000L);
      }
      case "TOD", "TIME_OF_DAY", "LTOD" -> {
        return new Access.ConstL(Type.TOD, LocalTime.parse(value).toNanoOfDay());
      }
      default -> {
        int split = value.lastIndexOf('-');
        LocalDateTime dt = LocalDateTime.of(LocalDate.parse(value.substring(0, split)),
            LocalTime.parse(value.substring(split + 1)));
        long seconds = dt.toEpochSecond(ZoneOffset.UTC);
        return new Access.ConstL(Type.DT, seconds * 1_000_000_000L + dt.getNano());
      }
    }
  }

  /** A string literal's text: {@code $$ $' $" $L $N $P $R $T $hh}. */
  static String unescape(String quoted, char quote) {
    String body = quoted.substring(1, quoted.length() - 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (ch != '$' || i + 1 >= body.length()) {
        out.append(ch);
        continue;
      }
      char next = body.charAt(++i);
      switch (Character.toUpperCase(next)) {
        case '$' -> out.append('$');
        case '\'' -> out.append('\'');
        case '"' -> out.append('"');
        case 'L', 'N' -> out.append('\n');
        case 'P' -> out.append('\f');
        case 'R' -> out.append('\r');
        case 'T' -> out.append('\t');
        default -> {
          int width = quote == '"' ? 4 : 2;
          if (i + width <= body.length() + 1 && i - 1 + width < body.length()) {
            out.append((char) Integer.parseInt(body.substring(i, i + width), 16));
            i += width - 1;
          } else {
            throw new NumberFormatException("bad escape $" + next);
          }
        }
      }
    }
    return out.toString();
  }
}
