package io.twinline.stplc.plcopen;

import io.twinline.line.Problems;
import io.twinline.stplc.compile.Source;
import java.util.List;

/** PLCopen TC6 XML (placeholder until the reader lands). */
public final class PlcOpenReader {

  private PlcOpenReader() {}

  public static List<Source> read(String file, String text, Problems problems) {
    problems.add(new io.twinline.line.SourceLocation(file, 1, 1), "", "PLCopen XML is not read"
        + " yet", "");
    return List.of();
  }
}
