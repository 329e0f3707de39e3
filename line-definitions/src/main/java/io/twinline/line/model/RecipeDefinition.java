package io.twinline.line.model;

import io.twinline.line.SignalPath;
import io.twinline.line.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * One product variant of a line (a bottle size, a part variant): what loading it changes.
 * Immutable.
 *
 * @param name how operators, sequences and the {@code LoadRecipe} method call it
 * @param number the recipe number a PLC knows it by
 * @param settings component parameters it sets, in file order
 * @param signals PLC inputs it sets (the recipe number, parameters the PLC downloads), in file
 *     order; values as {@link io.twinline.line.SignalType#parseValue} gives them
 */
public record RecipeDefinition(
    String name,
    int number,
    String description,
    SourceLocation location,
    List<Setting> settings,
    Map<SignalPath, Object> signals) {

  public RecipeDefinition {
    settings = List.copyOf(settings);
    signals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(signals));
  }

  /**
   * One component parameter.
   *
   * @param value by parameter: {@code speed} and {@code position} a Double (m/s, m), {@code
   *     processTime} and {@code interval} a {@link io.twinline.line.units.DurationDistribution},
   *     {@code parts} a list of {@link PartTemplate}
   */
  public record Setting(String component, String parameter, Object value,
      SourceLocation location) {}

  /** The parameters a recipe can set, by component type. */
  public static final Map<String, List<String>> PARAMETERS = Map.of(
      ConveyorDefinition.TYPE, List.of("speed"),
      SourceDefinition.TYPE, List.of("interval", "part", "parts"),
      StationDefinition.TYPE, List.of("processTime", StationDefinition.FILL_VOLUME_PARAMETER),
      GuideDefinition.TYPE, List.of(GuideDefinition.TARGET_PARAMETER));
}
