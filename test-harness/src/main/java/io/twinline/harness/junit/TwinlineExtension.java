package io.twinline.harness.junit;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.harness.run.Harness;
import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.LineDefinitions;
import io.twinline.line.Problem;
import io.twinline.line.model.LineDefinition;
import io.twinline.line.units.Quantities;
import io.twinline.line.units.QuantityFormatException;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives {@link TwinlineTest} methods their {@link Harness}; closes it after the test. */
public final class TwinlineExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TwinlineExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Harness.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    return store
        .getOrComputeIfAbsent("harness", key -> new Resource(start(context)), Resource.class)
        .harness;
  }

  /** Closes the harness when JUnit discards the test's store. */
  private record Resource(Harness harness) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      harness.close();
    }
  }

  private static Harness start(ExtensionContext context) {
    TwinlineTest test =
        annotation(context.getRequiredTestMethod())
            .or(() -> context.getTestClass().flatMap(TwinlineExtension::annotation))
            .orElseThrow(() -> new ParameterResolutionException(
                "a Harness parameter needs @TwinlineTest(line = ...) on the test or its class"));
    LineDefinition lineDefinition = line(test.line());
    Harness.Builder builder = Harness.on(lineDefinition);
    if (!test.program().isEmpty()) {
      builder.controller(program(test.program(), lineDefinition));
    }
    if (test.controller() != ControlProgram.class) {
      try {
        builder.controller(test.controller().getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        throw new ExtensionConfigurationException(
            "cannot create " + test.controller().getName()
                + " (it needs a public constructor without arguments): " + e, e);
      }
    }
    try {
      builder.scan(Quantities.duration(test.scan()));
    } catch (QuantityFormatException e) {
      throw new ExtensionConfigurationException("@TwinlineTest(scan = \"" + test.scan()
          + "\"): " + e.getMessage(), e);
    }
    if (test.seed() != Long.MIN_VALUE) {
      builder.seed(test.seed());
    }
    return builder.start();
  }

  /** {@code @TwinlineTest(program = ...)}: a file (.st, .xml) or a controller specification. */
  private static ControlProgram program(String program, LineDefinition line) {
    String spec = program.strip();
    if (!spec.matches("[a-z]+:.*") && !spec.equals("reference")) {
      spec = (spec.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") ? "plcopen:" : "st:") + spec;
    }
    try {
      return io.twinline.sim.controller.Controllers.resolve(spec, line)
          .orElseThrow(() -> new ExtensionConfigurationException(
              "@TwinlineTest(program = \"" + program + "\") names no program"))
          .get();
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("@TwinlineTest(program = \"" + program + "\"): "
          + e.getMessage(), e);
    }
  }

  private static Optional<TwinlineTest> annotation(AnnotatedElement element) {
    return Optional.ofNullable(element.getAnnotation(TwinlineTest.class));
  }

  private static LineDefinition line(String name) {
    try {
      Path path = Path.of(name);
      return Files.exists(path) ? LineDefinitions.read(path) : LineDefinitions.example(name);
    } catch (InvalidDefinitionException e) {
      throw new ExtensionConfigurationException("@TwinlineTest(line = \"" + name + "\"):\n"
          + e.problems().stream().map(Problem::format).collect(Collectors.joining("\n")), e);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("@TwinlineTest(line = \"" + name + "\"): no such"
          + " file, and no example line of that name", e);
    }
  }
}
