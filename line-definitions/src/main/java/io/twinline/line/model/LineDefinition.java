package io.twinline.line.model;

import io.twinline.line.Analog;
import io.twinline.line.SignalDefinition;
import io.twinline.line.SignalPath;
import io.twinline.line.fault.FaultSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole production line as written in a line file. Immutable; build the running plant from it.
 *
 * @param name the line's name, the first level below {@code Twinline} in the address space
 * @param description text for engineers
 * @param ioCycle how often the PLC side is exchanged
 * @param seed seed of every random stream of the line; the same seed gives the same run
 * @param components in file order
 * @param signalOptions tags, descriptions, forcing and raw scaling per signal
 * @param faults faults scheduled by the file
 * @param recipes the product variants, in file order
 * @param file where it was read from
 * @param placements where components are drawn, by component name, for those whose line file
 *     gives {@code at:} (the rest are laid out automatically)
 */
public record LineDefinition(
    String name,
    String description,
    Duration ioCycle,
    long seed,
    List<ComponentDefinition> components,
    Map<SignalPath, SignalOptions> signalOptions,
    List<FaultSpec> faults,
    List<RecipeDefinition> recipes,
    String file,
    Map<String, Placement> placements) {

  public LineDefinition {
    placements = Map.copyOf(placements);
    components = List.copyOf(components);
    signalOptions = Map.copyOf(signalOptions);
    faults = List.copyOf(faults);
    recipes = List.copyOf(recipes);
  }

  /** A line without placements: every component is laid out automatically. */
  public LineDefinition(
      String name,
      String description,
      Duration ioCycle,
      long seed,
      List<ComponentDefinition> components,
      Map<SignalPath, SignalOptions> signalOptions,
      List<FaultSpec> faults,
      List<RecipeDefinition> recipes,
      String file) {
    this(name, description, ioCycle, seed, components, signalOptions, faults, recipes, file,
        Map.of());
  }

  public LineDefinition(
      String name,
      String description,
      Duration ioCycle,
      long seed,
      List<ComponentDefinition> components,
      Map<SignalPath, SignalOptions> signalOptions,
      List<FaultSpec> faults,
      String file) {
    this(name, description, ioCycle, seed, components, signalOptions, faults, List.of(), file);
  }

  public LineDefinition(
      String name,
      String description,
      Duration ioCycle,
      long seed,
      List<ComponentDefinition> components,
      String file) {
    this(name, description, ioCycle, seed, components, Map.of(), List.of(), file);
  }

  /** The same line with another seed for its random streams. */
  public LineDefinition withSeed(long newSeed) {
    return new LineDefinition(
        name, description, ioCycle, newSeed, components, signalOptions, faults, recipes, file,
        placements);
  }

  /** Where the line file places component {@code componentName}, if it does. */
  public Optional<Placement> placement(String componentName) {
    return Optional.ofNullable(placements.get(componentName));
  }

  /** The recipe called {@code recipeName}. */
  public Optional<RecipeDefinition> recipe(String recipeName) {
    return recipes.stream().filter(r -> r.name().equals(recipeName)).findFirst();
  }

  public Optional<ComponentDefinition> component(String componentName) {
    return components.stream().filter(c -> c.name().equals(componentName)).findFirst();
  }

  /**
   * Every signal of the line, component by component in file order, with the file's tags,
   * descriptions and forcing applied; a raw-scaled signal is followed by its {@code Raw} twin.
   */
  public List<SignalDefinition> signals() {
    List<SignalDefinition> all = new ArrayList<>();
    for (ComponentDefinition component : components) {
      for (SignalDefinition signal : component.signals()) {
        SignalOptions options = signalOptions.getOrDefault(signal.path(), SignalOptions.NONE);
        SignalDefinition applied = signal;
        if (options.tag().isPresent()) {
          applied = applied.withTag(options.tag().get());
        }
        if (options.description().isPresent()) {
          applied = applied.withDescription(options.description().get());
        }
        if (options.writableByClients()) {
          applied = applied.withWritableByClients(true);
        }
        all.add(applied);
        if (options.raw().isPresent()) {
          all.add(rawTwin(applied, options.raw().get()));
          java.util.Optional<io.twinline.line.AnalogCard> card =
              options.raw().get().card().filter(io.twinline.line.AnalogCard::detectsWireBreak);
          if (card.isPresent()) {
            all.add(wireBreakTwin(applied, card.get()));
          }
        }
      }
    }
    return all;
  }

  /** The card's wire-break diagnostic of {@code engineering}'s channel. */
  private static SignalDefinition wireBreakTwin(
      SignalDefinition engineering, io.twinline.line.AnalogCard card) {
    return new SignalDefinition(
        new SignalPath(
            engineering.path().component(),
            engineering.path().signal() + SignalOptions.RawScaling.WIRE_BREAK_SUFFIX),
        io.twinline.line.SignalType.BOOLEAN,
        io.twinline.line.Direction.INPUT,
        "Wire break diagnostic of the " + card.keyword() + " channel of " + engineering.path(),
        engineering.location());
  }

  private static SignalDefinition rawTwin(SignalDefinition engineering, SignalOptions.RawScaling raw) {
    Analog range = engineering.analog().orElseThrow();
    return new SignalDefinition(
        new SignalPath(
            engineering.path().component(),
            engineering.path().signal() + SignalOptions.RawScaling.SUFFIX),
        raw.type(),
        engineering.direction(),
        engineering.description() + ", raw counts " + raw.min() + ".." + raw.max() + " for "
            + range.min() + ".." + range.max() + " " + range.unit(),
        engineering.location(),
        raw.tag(),
        Optional.of(new Analog("counts", raw.min(), raw.max())),
        engineering.writableByClients(),
        Optional.of(engineering.path()),
        Optional.empty());
  }
}
