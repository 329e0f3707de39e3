package io.twinline.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not UTF-8 text are refused with a located problem, not "Input length = 1". */
class TextFilesTest {

  @TempDir Path dir;

  private static final String LINE =
      "line: Demo\ncomponents:\n  - {name: Out, type: sink}\n";

  @Test
  void aLineFileSavedAsUtf16WithItsByteOrderMarkIsNamedAsSuch() throws Exception {
    Path file = dir.resolve("utf16.yaml");
    Files.write(file, LINE.getBytes(StandardCharsets.UTF_16)); // Java writes a BOM

    assertThatThrownBy(() -> LineDefinitions.read(file))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("utf16.yaml:1:1: the file is UTF-16 text, not UTF-8")
        .hasMessageContaining("hint: save the file as UTF-8")
        .hasMessageNotContaining("Input length");
  }

  @Test
  void utf16WithoutAByteOrderMarkIsRecognisedByItsZeroBytes() throws Exception {
    Path file = dir.resolve("utf16le.yaml");
    Files.write(file, LINE.getBytes(StandardCharsets.UTF_16LE));

    assertThatThrownBy(() -> LineDefinitions.read(file))
        .hasMessageContaining("utf16le.yaml:1:1: the file looks like UTF-16 text, not UTF-8");
  }

  @Test
  void aBinaryFileIsNotText() throws Exception {
    Path file = dir.resolve("line.yaml");
    Files.write(file, new byte[] {'l', 'i', 'n', 'e', ':', ' ', 'x', '\n', 0x1f, (byte) 0x8b, 0, 0});

    assertThatThrownBy(() -> LineDefinitions.read(file))
        .hasMessageContaining("line.yaml:2:2: the file is not text (it holds a zero byte)");
  }

  @Test
  void aLatin1ByteIsLocatedByLineAndColumn() throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "line: Demo\ndescription: Fl\u00e4che\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> LineDefinitions.read(file))
        .hasMessageContaining("latin1.yaml:2:16: byte 0xE4 is not UTF-8");
  }

  @Test
  void aUtf8ByteOrderMarkIsDroppedAndMultiByteCharactersCountAsOneColumn() throws Exception {
    Path file = dir.resolve("bom.yaml");
    byte[] text = "line: Demo\ndescription: \u00c4\u00c4 ?\n".getBytes(StandardCharsets.UTF_8);
    text[text.length - 2] = (byte) 0xFF;
    Files.write(file, text);
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path ok = dir.resolve("ok.yaml");
    byte[] withBom = new byte[bom.length + LINE.length()];
    System.arraycopy(bom, 0, withBom, 0, 3);
    System.arraycopy(LINE.getBytes(StandardCharsets.US_ASCII), 0, withBom, 3, LINE.length());
    Files.write(ok, withBom);

    assertThat(LineDefinitions.read(ok).name()).isEqualTo("Demo");
    assertThatThrownBy(() -> LineDefinitions.read(file))
        .hasMessageContaining("bom.yaml:2:17: byte 0xFF is not UTF-8");
  }
}
