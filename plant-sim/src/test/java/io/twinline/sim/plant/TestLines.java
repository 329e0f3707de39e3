package io.twinline.sim.plant;

import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;

/** Builds plants from YAML written in the test, so a test shows the line it runs. */
public final class TestLines {

  private TestLines() {}

  public static LineDefinition line(String yaml) {
    try {
      return LineDefinitions.parse("test.yaml", yaml);
    } catch (InvalidDefinitionException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  public static Plant plant(String yaml) {
    return Plant.build(line(yaml));
  }
}
