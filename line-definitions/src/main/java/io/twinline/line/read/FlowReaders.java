package io.twinline.line.read;

import io.twinline.line.model.ComponentDefinition;
import io.twinline.line.model.ConveyorDefinition;
import io.twinline.line.model.PartTemplate;
import io.twinline.line.model.PhotoEyeDefinition;
import io.twinline.line.model.SinkDefinition;
import io.twinline.line.model.SourceDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Readers of the part-flow components: source, conveyor, photo-eye, sink. */
final class FlowReaders {

  private FlowReaders() {}

  static List<ComponentReader> all() {
    return List.of(new Source(), new Conveyor(), new PhotoEye(), new Sink());
  }

  static final class Source implements ComponentReader {
    @Override
    public String type() {
      return SourceDefinition.TYPE;
    }

    @Override
    public String article() {
      return "a source";
    }

    @Override
    public Optional<ComponentDefinition> read(
        MapReader fields, String name, String description, References references) {
      Optional<Duration> interval = fields.duration("interval", true, false, "5 s");
      Duration first = fields.duration("firstRelease", false, true, "0 s").orElse(Duration.ZERO);
      Optional<PartTemplate> part = part(fields);
      Optional<String> to =
          references.read(fields, "to", true, name, Set.of(ConveyorDefinition.TYPE));
      if (interval.isEmpty() || part.isEmpty() || to.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new SourceDefinition(
              name, description, fields.location(), interval.get(), first, part.get(), to.get()));
    }

    private static Optional<PartTemplate> part(MapReader fields) {
      var node = fields.map("part", false, "{type: box, length: 0.2 m}");
      if (node.isEmpty()) {
        return fields.keys().contains("part") ? Optional.empty() : Optional.of(PartTemplate.DEFAULT);
      }
      MapReader part =
          new MapReader(node.get(), fields.pathOf("part"), "a part", fields.problems());
      String type = part.name("type", false, "box").orElse(PartTemplate.DEFAULT.type());
      Optional<Double> length = part.length("length", false, false, "0.2 m");
      boolean lengthOk = length.isPresent() || !part.keys().contains("length");
      part.finish();
      return lengthOk
          ? Optional.of(new PartTemplate(type, length.orElse(PartTemplate.DEFAULT.length())))
          : Optional.empty();
    }
  }

  static final class Conveyor implements ComponentReader {
    @Override
    public String type() {
      return ConveyorDefinition.TYPE;
    }

    @Override
    public String article() {
      return "a conveyor";
    }

    @Override
    public Optional<ComponentDefinition> read(
        MapReader fields, String name, String description, References references) {
      Optional<Double> length = fields.length("length", true, false, "2.0 m");
      Optional<Double> speed = fields.speed("speed", true, "0.5 m/s");
      Optional<Double> minGap = fields.length("minGap", false, true, "0.05 m");
      boolean minGapOk = minGap.isPresent() || !fields.keys().contains("minGap");
      Optional<String> to =
          references.read(
              fields, "to", false, name, Set.of(ConveyorDefinition.TYPE, SinkDefinition.TYPE));
      boolean toOk = to.isPresent() || !fields.keys().contains("to");
      if (length.isEmpty() || speed.isEmpty() || !minGapOk || !toOk) {
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
              to));
    }
  }

  static final class PhotoEye implements ComponentReader {
    @Override
    public String type() {
      return PhotoEyeDefinition.TYPE;
    }

    @Override
    public String article() {
      return "a photo-eye";
    }

    @Override
    public Optional<ComponentDefinition> read(
        MapReader fields, String name, String description, References references) {
      Optional<String> conveyor =
          references.read(fields, "conveyor", true, name, Set.of(ConveyorDefinition.TYPE));
      Optional<Double> position = fields.length("position", true, true, "2.0 m");
      if (conveyor.isEmpty() || position.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new PhotoEyeDefinition(
              name, description, fields.location(), conveyor.get(), position.get()));
    }
  }

  static final class Sink implements ComponentReader {
    @Override
    public String type() {
      return SinkDefinition.TYPE;
    }

    @Override
    public String article() {
      return "a sink";
    }

    @Override
    public Optional<ComponentDefinition> read(
        MapReader fields, String name, String description, References references) {
      return Optional.of(new SinkDefinition(name, description, fields.location()));
    }
  }
}
