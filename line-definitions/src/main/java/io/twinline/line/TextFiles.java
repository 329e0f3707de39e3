package io.twinline.line;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the text files users write (line, sequence, fault and users files) as UTF-8, and says
 * in one located problem what is wrong when a file is not: saved as UTF-16 by an editor, binary,
 * or with a byte that is not UTF-8. The JDK's own message for these is "Input length = 1".
 */
public final class TextFiles {

  private static final String SAVE_AS_UTF8 = "save the file as UTF-8 (without BOM is best)";

  private TextFiles() {}

  /**
   * The text of {@code file}, without a UTF-8 byte-order mark.
   *
   * @param missingHint the hint when the file does not exist
   * @throws InvalidDefinitionException if the file is missing, unreadable, binary or not UTF-8;
   *     the problem names the line and column where that shows
   */
  public static String read(Path file, String missingHint) throws InvalidDefinitionException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw refuse(new SourceLocation(file.toString(), 0, 0), "no such file", missingHint);
    } catch (IOException e) {
      throw refuse(new SourceLocation(file.toString(), 0, 0),
          "cannot read the file: " + e.getMessage(), "");
    }
    return decode(file.toString(), bytes);
  }

  /** Decodes {@code bytes} as UTF-8 text, refusing what is not (see {@link #read}). */
  public static String decode(String file, byte[] bytes) throws InvalidDefinitionException {
    if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
      throw refuse(new SourceLocation(file, 1, 1), "the file is UTF-16 text, not UTF-8",
          SAVE_AS_UTF8);
    }
    int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    if (looksLikeUtf16(bytes)) {
      throw refuse(new SourceLocation(file, 1, 1), "the file looks like UTF-16 text, not UTF-8",
          SAVE_AS_UTF8);
    }
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw refuse(at(file, bytes, start, i), "the file is not text (it holds a zero byte)",
            "give the YAML file itself, not a binary or archive");
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    var result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw refuse(at(file, bytes, start, in.position()),
          String.format("byte 0x%02X is not UTF-8", bytes[in.position()] & 0xFF),
          SAVE_AS_UTF8 + "; Latin-1 or Windows-1252 text has to be converted");
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /**
   * UTF-16 without a byte-order mark: text in the Latin range has a zero in every second byte,
   * the same one of each pair (little- or big-endian), from the start.
   */
  private static boolean looksLikeUtf16(byte[] bytes) {
    int pairs = Math.min(bytes.length / 2, 32);
    if (pairs < 2) {
      return false;
    }
    boolean little = true;
    boolean big = true;
    for (int i = 0; i < pairs; i++) {
      byte first = bytes[2 * i];
      byte second = bytes[2 * i + 1];
      little &= first != 0 && second == 0;
      big &= first == 0 && second != 0;
    }
    return little || big;
  }

  private static SourceLocation at(String file, byte[] bytes, int start, int index) {
    int line = 1;
    int lineStart = start;
    for (int i = start; i < index; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    // Columns count characters, as editors do: UTF-8 continuation bytes are not new columns.
    int column = 1;
    for (int i = lineStart; i < index; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new SourceLocation(file, line, column);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static InvalidDefinitionException refuse(
      SourceLocation location, String message, String hint) {
    return new InvalidDefinitionException(List.of(new Problem(location, "", message, hint)));
  }
}
