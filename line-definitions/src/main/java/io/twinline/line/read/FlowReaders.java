package io.twinline.line.read;

import io.twinline.line.model.BlowerDefinition;
import io.twinline.line.model.BufferDefinition;
import io.twinline.line.model.MotorDefinition;
import io.twinline.line.model.PackerDefinition;
import io.twinline.line.model.VisionDefinition;
import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.DiverterDefinition;
import io.twinline.line.model.PartTemplate;
import io.twinline.line.model.PhotoEyeDefinition;
import io.twinline.line.model.PusherDefinition;
import io.twinline.line.model.SinkDefinition;
import io.twinline.line.model.SourceDefinition;
import io.twinline.line.model.StationDefinition;
import io.twinline.line.model.StopGateDefinition;
import io.twinline.line.units.Dimension;
import io.twinline.line.units.DurationDistribution;
import io.twinline.line.yaml.YamlList;
import io.twinline.line.yaml.YamlMap;
import io.twinline.line.yaml.YamlNode;
import io.twinline.line.yaml.YamlScalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Readers of the part-flow components. */
final class FlowReaders {

  private static final Set<String> CONVEYOR = Set.of(ConveyorDefinition.TYPE);

  private FlowReaders() {}

  static List<ComponentReader> all() {
    return List.of(
        reader(SourceDefinition.TYPE, "a source", FlowReaders::source),
        reader(ConveyorDefinition.TYPE, "a conveyor", FlowReaders::conveyor),
        reader(PhotoEyeDefinition.TYPE, "a photo-eye", FlowReaders::photoEye),
        reader(StopGateDefinition.TYPE, "a stop gate", FlowReaders::stopGate),
        reader(DiverterDefinition.TYPE, "a diverter", FlowReaders::diverter),
        reader(PusherDefinition.TYPE, "a pusher", FlowReaders::pusher),
        reader(StationDefinition.TYPE, "a station", FlowReaders::station),
        reader(BufferDefinition.TYPE, "a buffer", FlowReaders::buffer),
        reader(SinkDefinition.TYPE, "a sink", FlowReaders::sink),
        reader(VisionDefinition.TYPE, "a vision check", CellReaders::vision),
        reader(BlowerDefinition.TYPE, "a blower", CellReaders::blower),
        reader(PackerDefinition.TYPE, "a packer", CellReaders::packer));
  }

  /** The body of a reader: the type's own keys to a definition, or empty after problems. */
  @FunctionalInterface
  interface Body {
    Optional<ComponentDefinition> read(
        MapReader fields, String name, String description, References references);
  }

  static ComponentReader reader(String type, String article, Body body) {
    return new ComponentReader() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public String article() {
        return article;
      }

      @Override
      public Optional<ComponentDefinition> read(
          MapReader fields, String name, String description, References references) {
        return body.read(fields, name, description, references);
      }
    };
  }

  /** True if every value is present: a convenience for the readers' last line. */
  static boolean present(Optional<?>... values) {
    for (Optional<?> value : values) {
      if (value.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** An optional key is fine if it is absent or read without a problem. */
  static boolean okIfPresent(MapReader fields, String key, Optional<?> value) {
    return value.isPresent() || !fields.keys().contains(key);
  }

  private static Optional<ComponentDefinition> source(
      MapReader fields, String name, String description, References references) {
    Optional<DurationDistribution> interval = fields.distribution("interval", true, false, "5 s");
    Duration first = fields.duration("firstRelease", false, true, "0 s").orElse(Duration.ZERO);
    Optional<List<PartTemplate>> parts = parts(fields);
    Optional<String> to = references.read(fields, "to", true, name, CONVEYOR);
    if (!present(interval, parts, to)) {
      return Optional.empty();
    }
    return Optional.of(
        new SourceDefinition(
            name, description, fields.location(), interval.get(), first, parts.get(), to.get()));
  }

  static Optional<List<PartTemplate>> parts(MapReader fields) {
    boolean hasPart = fields.keys().contains("part");
    boolean hasParts = fields.keys().contains("parts");
    if (hasPart && hasParts) {
      fields.problem("parts", "write either 'part' or 'parts', not both",
          "'parts' is a list of part types with a weight each");
      fields.ignore(List.of("part", "parts"));
      return Optional.empty();
    }
    if (hasParts) {
      Optional<YamlList> list = fields.list("parts", true, "");
      if (list.isEmpty()) {
        return Optional.empty();
      }
      List<PartTemplate> templates = new ArrayList<>();
      boolean ok = true;
      for (int i = 0; i < list.get().items().size(); i++) {
        YamlNode item = list.get().items().get(i);
        String path = fields.pathOf("parts") + "[" + i + "]";
        if (!(item instanceof YamlMap map)) {
          fields.problems().add(item.location(), path, "a part must be a mapping", "");
          ok = false;
          continue;
        }
        Optional<PartTemplate> template =
            template(new MapReader(map, path, "a part", fields.problems()), true);
        ok &= template.isPresent();
        template.ifPresent(templates::add);
      }
      if (templates.isEmpty() && ok) {
        fields.problem("parts", "'parts' is empty", "list at least one part type");
        return Optional.empty();
      }
      return ok ? Optional.of(templates) : Optional.empty();
    }
    Optional<YamlMap> node = fields.map("part", false, "{type: box, length: 0.2 m}");
    if (node.isEmpty()) {
      return hasPart ? Optional.empty() : Optional.of(List.of(PartTemplate.DEFAULT));
    }
    return template(new MapReader(node.get(), fields.pathOf("part"), "a part", fields.problems()),
            false)
        .map(List::of);
  }

  private static Optional<PartTemplate> template(MapReader part, boolean inMix) {
    Optional<String> type =
        inMix ? part.name("type", true, "box") : part.name("type", false, "box");
    Optional<Double> length = part.length("length", false, false, "0.2 m");
    Optional<Double> weight =
        part.positive("weight", false, io.twinline.line.units.Dimension.RATIO, "1");
    Optional<Double> defects = part.ratio("defectRate", false, "2 %");
    Map<String, String> attributes = new LinkedHashMap<>();
    Optional<YamlMap> attributeMap = part.map("attributes", false, "{colour: red}");
    attributeMap.ifPresent(
        map -> {
          for (YamlMap.Entry entry : map.entries()) {
            if (entry.value() instanceof YamlScalar scalar) {
              attributes.put(entry.key(), scalar.text());
            } else {
              part.problems().add(entry.value().location(), part.pathOf("attributes") + "."
                  + entry.key(), "an attribute must be a single value", "");
            }
          }
        });
    boolean ok =
        okIfPresent(part, "length", length)
            && okIfPresent(part, "weight", weight)
            && okIfPresent(part, "defectRate", defects)
            && okIfPresent(part, "type", type);
    part.finish();
    if (!ok || (inMix && type.isEmpty())) {
      return Optional.empty();
    }
    PartTemplate fallback = PartTemplate.DEFAULT;
    return Optional.of(
        new PartTemplate(
            type.orElse(fallback.type()),
            length.orElse(fallback.length()),
            weight.orElse(1.0),
            defects.orElse(0.0),
            attributes));
  }

  private static Optional<ComponentDefinition> conveyor(
      MapReader fields, String name, String description, References references) {
    Optional<Double> length = fields.length("length", true, false, "2.0 m");
    Optional<Double> speed = fields.speed("speed", true, "0.5 m/s");
    Optional<Double> minGap = fields.length("minGap", false, true, "0.05 m");
    boolean accumulating = fields.bool("accumulating", true);
    Optional<String> drive =
        fields.choice("drive", List.of("motor", "speed-reference", "gravity"), "motor");
    Optional<Duration> ramp = fields.duration("ramp", false, true, "500 ms");
    Optional<String> to =
        references.read(fields, "to", false, name, References.PART_RECEIVERS);
    Optional<String> motor =
        references.read(fields, "motor", false, name, Set.of(MotorDefinition.TYPE));
    boolean driveOk = true;
    if (fields.keys().contains("motor") && fields.keys().contains("drive")) {
      fields.problem("drive", "a belt driven by a motor component has no 'drive' of its own",
          "remove 'drive'; the belt follows " + motor.orElse("its motor") + "'s speed");
      driveOk = false;
    }
    if (fields.keys().contains("motor") && fields.keys().contains("ramp")) {
      fields.problem("ramp", "a belt driven by a motor component ramps as its motor does",
          "give the motor its 'ramp' and remove it here");
      driveOk = false;
    }
    if (drive.isPresent() && drive.get().equals("gravity") && fields.keys().contains("ramp")) {
      fields.problem("ramp", "a gravity chute has no drive to ramp", "remove 'ramp'");
      driveOk = false;
    }
    if (!present(length, speed, drive) || !driveOk
        || !okIfPresent(fields, "motor", motor)
        || !okIfPresent(fields, "minGap", minGap)
        || !okIfPresent(fields, "ramp", ramp)
        || !okIfPresent(fields, "to", to)) {
      return Optional.empty();
    }
    return Optional.of(
        new ConveyorDefinition(
            name,
            description,
            fields.location(),
            length.get(),
            speed.get(),
            minGap.orElse(0.0),
            accumulating,
            motor.isPresent()
                ? ConveyorDefinition.Drive.DRIVEN
                : switch (drive.get()) {
                  case "speed-reference" -> ConveyorDefinition.Drive.SPEED_REFERENCE;
                  case "gravity" -> ConveyorDefinition.Drive.GRAVITY;
                  default -> ConveyorDefinition.Drive.MOTOR;
                },
            ramp.orElse(Duration.ZERO),
            to,
            motor));
  }

  private static Optional<ComponentDefinition> photoEye(
      MapReader fields, String name, String description, References references) {
    Optional<String> conveyor = references.read(fields, "conveyor", true, name, CONVEYOR);
    Optional<Double> position = fields.length("position", true, true, "2.0 m");
    Optional<Duration> onDelay = fields.duration("onDelay", false, true, "20 ms");
    Optional<Duration> offDelay = fields.duration("offDelay", false, true, "20 ms");
    Optional<String> contact = fields.choice("contact", List.of("NO", "NC"), "NO");
    if (!present(conveyor, position, contact)
        || !okIfPresent(fields, "onDelay", onDelay)
        || !okIfPresent(fields, "offDelay", offDelay)) {
      return Optional.empty();
    }
    return Optional.of(
        new PhotoEyeDefinition(
            name,
            description,
            fields.location(),
            conveyor.get(),
            position.get(),
            onDelay.orElse(Duration.ZERO),
            offDelay.orElse(Duration.ZERO),
            contact.get().equals("NC")));
  }

  private static Optional<ComponentDefinition> stopGate(
      MapReader fields, String name, String description, References references) {
    Optional<String> conveyor = references.read(fields, "conveyor", true, name, CONVEYOR);
    Optional<Double> position = fields.length("position", true, true, "1.5 m");
    Optional<Duration> stroke = fields.duration("stroke", false, true, "150 ms");
    // 'return: spring' alone is the fail-safe stop of the drawings: the spring closes it.
    String restByDefault = fields.keys().contains("return") ? "raised" : "lowered";
    Optional<String> rest = fields.choice("rest", List.of("lowered", "raised"), restByDefault);
    Optional<String> giveBack = fields.choice("return", List.of("spring"), "spring");
    if (!present(conveyor, position, rest, giveBack) || !okIfPresent(fields, "stroke", stroke)) {
      return Optional.empty();
    }
    return Optional.of(
        new StopGateDefinition(
            name, description, fields.location(), conveyor.get(), position.get(),
            stroke.orElse(Duration.ofMillis(150)), rest.get().equals("raised")));
  }

  private static Optional<ComponentDefinition> diverter(
      MapReader fields, String name, String description, References references) {
    Optional<String> conveyor = references.read(fields, "conveyor", true, name, CONVEYOR);
    Optional<Double> position = fields.length("position", true, true, "1.5 m");
    Optional<String> to = references.read(fields, "to", true, name, CONVEYOR);
    Optional<Duration> stroke = fields.duration("stroke", false, true, "300 ms");
    if (!present(conveyor, position, to) || !okIfPresent(fields, "stroke", stroke)) {
      return Optional.empty();
    }
    return Optional.of(
        new DiverterDefinition(
            name, description, fields.location(), conveyor.get(), position.get(), to.get(),
            stroke.orElse(Duration.ofMillis(300))));
  }

  private static Optional<ComponentDefinition> pusher(
      MapReader fields, String name, String description, References references) {
    Optional<String> conveyor = references.read(fields, "conveyor", true, name, CONVEYOR);
    Optional<Double> position = fields.length("position", true, true, "1.5 m");
    Optional<String> to = references.read(fields, "to", true, name, CONVEYOR);
    Optional<Duration> stroke = fields.duration("stroke", false, true, "200 ms");
    Optional<io.twinline.line.model.PistonValves> valves = MachineReaders.valves(fields, false);
    if (!present(conveyor, position, to, valves) || !okIfPresent(fields, "stroke", stroke)) {
      return Optional.empty();
    }
    return Optional.of(
        new PusherDefinition(
            name, description, fields.location(), conveyor.get(), position.get(), to.get(),
            stroke.orElse(Duration.ofMillis(200)), valves.get()));
  }

  private static Optional<ComponentDefinition> station(
      MapReader fields, String name, String description, References references) {
    Optional<DurationDistribution> processTime =
        fields.distribution("processTime", true, true, "normal(2 s, 200 ms)");
    Optional<String> release = fields.choice("release", List.of("auto", "plc"), "auto");
    Optional<String> inspect = fields.name("inspect", false, "defective");
    boolean identify = fields.bool("identify", false);
    Optional<String> to =
        references.read(fields, "to", false, name, References.PART_RECEIVERS);
    Optional<Double> fillVolume =
        fields.positive("fillVolume", false, Dimension.VOLUME, "330 ml");
    Optional<Double> fillRate = fields.positive("fillRate", false, Dimension.FLOW, "1.5 l/s");
    Optional<Duration> hold = fields.duration("hold", false, true, "50 ms");
    boolean fillOk = true;
    if (fields.keys().contains("fillVolume") != fields.keys().contains("fillRate")) {
      String given = fields.keys().contains("fillVolume") ? "fillVolume" : "fillRate";
      fields.problem(given, "a filling station needs both fillVolume and fillRate",
          fields.keys().contains("fillVolume") ? "add 'fillRate: 1.5 l/s'" : "add 'fillVolume: 330 ml'");
      fillOk = false;
    }
    if (!present(processTime, release)
        || !okIfPresent(fields, "inspect", inspect)
        || !okIfPresent(fields, "to", to)
        || !okIfPresent(fields, "fillVolume", fillVolume)
        || !okIfPresent(fields, "fillRate", fillRate)
        || !okIfPresent(fields, "hold", hold)
        || !fillOk) {
      return Optional.empty();
    }
    Optional<StationDefinition.Fill> fill = fillVolume.isPresent()
        ? Optional.of(new StationDefinition.Fill(fillVolume.get(), fillRate.get()))
        : Optional.empty();
    return Optional.of(
        new StationDefinition(
            name, description, fields.location(), processTime.get(),
            release.get().equals("plc"), inspect, identify, to, fill, hold));
  }

  private static Optional<ComponentDefinition> buffer(
      MapReader fields, String name, String description, References references) {
    Optional<Long> capacity = fields.integer("capacity", true, "20");
    Optional<Duration> transit = fields.duration("transit", false, true, "2 s");
    Optional<String> to =
        references.read(fields, "to", false, name, References.PART_RECEIVERS);
    if (capacity.isPresent() && (capacity.get() < 1 || capacity.get() > 100_000)) {
      fields.problem("capacity", "'capacity' must be from 1 to 100000", "");
      capacity = Optional.empty();
    }
    if (!present(capacity) || !okIfPresent(fields, "transit", transit)
        || !okIfPresent(fields, "to", to)) {
      return Optional.empty();
    }
    return Optional.of(
        new BufferDefinition(
            name, description, fields.location(), capacity.get().intValue(),
            transit.orElse(Duration.ZERO), to));
  }

  private static Optional<ComponentDefinition> sink(
      MapReader fields, String name, String description, References references) {
    Optional<List<String>> types = fields.names("countTypes", false, "[red, green]");
    Optional<List<String>> attributes = fields.names("countAttributes", false, "[defective]");
    if (types.isPresent() && attributes.isPresent()) {
      for (String both : types.get()) {
        if (attributes.get().contains(both)) {
          fields.problem("countAttributes", "'" + both + "' is counted as a type already",
              "Count_" + both + " can count one of them: a type or an attribute");
          return Optional.empty();
        }
      }
    }
    if (!okIfPresent(fields, "countTypes", types)
        || !okIfPresent(fields, "countAttributes", attributes)) {
      return Optional.empty();
    }
    return Optional.of(
        new SinkDefinition(name, description, fields.location(), types.orElse(List.of()),
            attributes.orElse(List.of())));
  }
}
