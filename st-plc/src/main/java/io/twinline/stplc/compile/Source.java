package io.twinline.stplc.compile;

import io.twinline.line.Problems;
import io.twinline.line.SourceLocation;
import io.twinline.stplc.parse.StLexer;
import io.twinline.stplc.parse.StParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * One Structured Text source: its text parsed into a tree, its syntax errors collected as
 * problems (every one, with file:line:column and a hint), its pragmas noted (they are ignored).
 */
public final class Source {

  public final String file;
  public final String text;
  public final StParser.CompilationUnitContext tree;
  /** Notes that do not refuse the program (pragmas ignored). */
  public final List<String> notes = new ArrayList<>();

  private Source(String file, String text, StParser.CompilationUnitContext tree) {
    this.file = file;
    this.text = text;
    this.tree = tree;
  }

  /** Parses {@code text}; syntax errors go to {@code problems}. */
  public static Source parse(String file, String text, Problems problems) {
    StLexer lexer = new StLexer(CharStreams.fromString(text, file));
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    StParser parser = new StParser(tokens);
    BaseErrorListener listener = new BaseErrorListener() {
      @Override
      public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line,
          int column, String msg, RecognitionException e) {
        SourceLocation at = new SourceLocation(file, line, column + 1);
        String hint = hint(offending, msg);
        if (recognizer instanceof org.antlr.v4.runtime.Parser p && offending instanceof Token t) {
          int i = t.getTokenIndex();
          Token next = i + 1 < p.getInputStream().size() ? p.getInputStream().get(i + 1) : null;
          while (next != null && next.getChannel() != Token.DEFAULT_CHANNEL
              && next.getTokenIndex() + 1 < p.getInputStream().size()) {
            next = p.getInputStream().get(next.getTokenIndex() + 1);
          }
          if (next != null && next.getText().equals("=") && t.getType() == StLexer.ID) {
            hint = "assignment is ':=' in Structured Text; '=' compares";
          }
        }
        problems.add(at, "", "syntax: " + msg.replace("<EOF>", "the end of the file"), hint);
      }
    };
    lexer.removeErrorListeners();
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    StParser.CompilationUnitContext tree = parser.compilationUnit();
    Source source = new Source(file, text, tree);
    for (Token t : tokens.getTokens()) {
      if (t.getType() == StLexer.PRAGMA) {
        source.notes.add(file + ":" + t.getLine() + ":" + (t.getCharPositionInLine() + 1)
            + ": pragma " + t.getText() + " ignored");
      } else if (t.getType() == StLexer.ERROR_CHAR) {
        problems.add(new SourceLocation(file, t.getLine(), t.getCharPositionInLine() + 1), "",
            "unexpected character '" + t.getText() + "'",
            t.getText().equals("\"") || t.getText().equals("'")
                ? "a string literal must end on the line it starts" : "remove it");
      }
    }
    return source;
  }

  private static String hint(Object offending, String msg) {
    if (offending instanceof Token t) {
      String text = t.getText();
      if (msg.contains("missing ';'") || msg.contains("expecting ';'")) {
        return "end the statement with ';'";
      }
      if (text.equals("=") ) {
        return "assignment is ':=' in Structured Text; '=' compares";
      }
      if (text.equals("==")) {
        return "comparison is '=' in Structured Text";
      }
      if (text.equals("<EOF>")) {
        return "a block is not closed: check END_IF, END_CASE, END_FOR, END_WHILE, END_REPEAT,"
            + " END_VAR and the END_ of the POU";
      }
      if (text.equalsIgnoreCase("END_IF") || text.equalsIgnoreCase("ELSE")
          || text.equalsIgnoreCase("ELSIF")) {
        return "the statement before it may lack its ';'";
      }
    }
    if (msg.matches("(?s).*[^:<>]=[^>].*") && !msg.contains(":=")) {
      return "assignment is ':=' in Structured Text; '=' compares";
    }
    if (msg.contains("extraneous input")) {
      return "remove it, or check the statement before it";
    }
    return "";
  }

  public static SourceLocation at(String file, Token t) {
    return new SourceLocation(file, t.getLine(), t.getCharPositionInLine() + 1);
  }
}
