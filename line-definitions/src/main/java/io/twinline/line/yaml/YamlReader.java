package io.twinline.line.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.twinline.line.Problems;
import io.twinline.line.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document (or JSON, for a file named {@code .json}) into a tree of {@link YamlNode}s that keep their line and column.
 *
 * <p>Jackson's tree model forgets where values were written, and its data binding stops at the
 * first mistake; this reader keeps every location so that the definition readers can report all
 * problems of a file in one pass.
 */
public final class YamlReader {

  /**
   * Big generated lines (100,000 signals are about 7 MB of YAML) are well beyond SnakeYAML's
   * default limit of 3 M code points; 256 M still protects against a runaway file.
   */
  private static final YAMLFactory YAML =
      YAMLFactory.builder().loaderOptions(loaderOptions()).build();

  private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setCodePointLimit(256 * 1024 * 1024);
    return options;
  }
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private YamlReader() {}

  /**
   * Reads {@code text}. Syntax errors and duplicate keys are added to {@code problems}.
   *
   * @param file the file name to put into locations
   * @return the root node, or empty if the text is not valid YAML or is empty
   */
  public static Optional<YamlNode> read(String file, String text, Problems problems) {
    JsonFactory factory = file.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? JSON : YAML;
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(
            new SourceLocation(file, 1, 1), "", "the file is empty", "start with 'line: <name>'");
        return Optional.empty();
      }
      return Optional.of(readValue(file, parser, problems));
    } catch (JsonProcessingException e) {
      SourceLocation location = locate(file, e.getLocation());
      String message = firstLine(e.getOriginalMessage());
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        Mark problem = marked.getProblemMark();
        location = new SourceLocation(file, problem.getLine() + 1, problem.getColumn() + 1);
        message = marked.getProblem();
        if (marked.getContext() != null && marked.getContextMark() != null) {
          message +=
              " (" + marked.getContext() + " started at line "
                  + (marked.getContextMark().getLine() + 1) + ")";
        }
      }
      problems.add(
          location,
          "",
          "not valid YAML: " + message,
          "check the indentation, the brackets and that every 'key: value' has a space after"
              + " the colon");
      return Optional.empty();
    } catch (IOException e) {
      problems.add(new SourceLocation(file, 1, 1), "", "cannot read: " + e.getMessage(), "");
      return Optional.empty();
    }
  }

  private static YamlNode readValue(String file, JsonParser parser, Problems problems)
      throws IOException {
    JsonToken token = parser.currentToken();
    SourceLocation location = locate(file, parser.currentTokenLocation());
    switch (token) {
      case START_OBJECT:
        return readMap(file, parser, problems, location);
      case START_ARRAY:
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(readValue(file, parser, problems));
        }
        return new YamlList(location, items);
      case VALUE_STRING:
        return new YamlScalar(location, parser.getText(), YamlScalar.Type.STRING);
      case VALUE_NUMBER_INT:
        return new YamlScalar(location, parser.getText(), YamlScalar.Type.INTEGER);
      case VALUE_NUMBER_FLOAT:
        return new YamlScalar(location, parser.getText(), YamlScalar.Type.FLOAT);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new YamlScalar(location, parser.getText(), YamlScalar.Type.BOOLEAN);
      case VALUE_NULL:
        return new YamlScalar(location, "", YamlScalar.Type.NULL);
      default:
        // Binary or embedded objects: keep the text, the readers will refuse it as a value.
        return new YamlScalar(location, String.valueOf(parser.getText()), YamlScalar.Type.STRING);
    }
  }

  private static YamlMap readMap(
      String file, JsonParser parser, Problems problems, SourceLocation location)
      throws IOException {
    Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      SourceLocation keyLocation = locate(file, parser.currentTokenLocation());
      parser.nextToken();
      YamlNode value = readValue(file, parser, problems);
      YamlMap.Entry previous = entries.get(key);
      if (previous != null) {
        problems.add(
            keyLocation,
            "",
            "duplicate key '" + key + "' (first written at line " + previous.keyLocation().line()
                + ")",
            "remove one of the two; YAML would silently keep only the last one");
      } else {
        entries.put(key, new YamlMap.Entry(key, keyLocation, value));
      }
    }
    return new YamlMap(location, entries);
  }

  private static SourceLocation locate(String file, JsonLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return new SourceLocation(file, 1, 1);
    }
    return new SourceLocation(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }
}
