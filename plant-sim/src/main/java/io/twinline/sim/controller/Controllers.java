package io.twinline.sim.controller;

import io.twinline.line.model.LineDefinition;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Finds the controller to run from its specification: {@code none}, {@code class:NAME} (or just
 * the fully qualified name of a {@link ControlProgram} on the class path), or {@code scheme} /
 * {@code scheme:argument} of a {@link ControllerProvider} on the class path ({@code reference},
 * and later {@code st:prog.st}). Every run gets a fresh instance.
 */
public final class Controllers {

  private Controllers() {}

  /** The providers on the class path, the built-in {@code class:} first. */
  public static List<ControllerProvider> providers() {
    List<ControllerProvider> providers = new ArrayList<>();
    providers.add(new ClassProvider());
    ServiceLoader.load(ControllerProvider.class, Controllers.class.getClassLoader())
        .forEach(providers::add);
    return providers;
  }

  /**
   * The controller named {@code spec} for {@code line}; empty for {@code none}.
   *
   * @throws IllegalArgumentException saying why the name gives no controller, and what would
   */
  public static Optional<Supplier<ControlProgram>> resolve(String spec, LineDefinition line) {
    String name = spec.strip();
    if (name.equals("none")) {
      return Optional.empty();
    }
    Chosen chosen = choose(name);
    return Optional.of(chosen.provider().controller(chosen.argument(), line));
  }

  /**
   * As {@link #resolve(String, LineDefinition)} for a line known only by its name (a served line
   * seen over OPC UA): providers that need the line's signals refuse it.
   */
  public static Optional<Supplier<ControlProgram>> resolve(String spec, String lineName) {
    return resolve(spec, new LineDefinition(lineName, "", java.time.Duration.ofMillis(10), 0,
        List.of(), "(served line " + lineName + ")"));
  }

  /** A display name for reports: the program's class, or "none". */
  public static String describe(String spec, LineDefinition line) {
    String name = spec.strip();
    if (name.equals("none")) {
      return "none";
    }
    try {
      Chosen chosen = choose(name);
      return chosen.provider().describe(chosen.argument(), line);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  private record Chosen(ControllerProvider provider, String argument) {}

  private static Chosen choose(String name) {
    int colon = name.indexOf(':');
    String scheme = colon < 0 ? name : name.substring(0, colon);
    String argument = colon < 0 ? "" : name.substring(colon + 1).strip();
    List<ControllerProvider> providers = providers();
    for (ControllerProvider provider : providers) {
      if (provider.scheme().equals(scheme)) {
        return new Chosen(provider, argument);
      }
    }
    if (colon < 0 && name.contains(".")) {
      return new Chosen(providers.get(0), name); // a bare class name, as before class: existed
    }
    StringBuilder known = new StringBuilder("none");
    for (ControllerProvider provider : providers) {
      known.append(", ").append(provider.usage());
    }
    throw new IllegalArgumentException("no controller '" + name + "'; controllers: " + known);
  }

  /** {@code class:com.acme.Program}: a ControlProgram class with a no-argument constructor. */
  static final class ClassProvider implements ControllerProvider {
    @Override
    public String scheme() {
      return "class";
    }

    @Override
    public String usage() {
      return "class:NAME (a ControlProgram class on the class path)";
    }

    @Override
    public Supplier<ControlProgram> controller(String argument, LineDefinition line) {
      Class<?> type;
      try {
        type = Class.forName(argument, true, Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader() : Controllers.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("no class " + argument + " on the class path (give"
            + " the fully qualified name of a ControlProgram, 'reference' or 'none')");
      }
      if (!ControlProgram.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException(argument + " is not a "
            + ControlProgram.class.getName());
      }
      try {
        type.getDeclaredConstructor();
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(argument
            + " needs a public constructor without arguments");
      }
      return () -> instantiate(type);
    }

    @Override
    public String describe(String argument, LineDefinition line) {
      return argument;
    }

    private static ControlProgram instantiate(Class<?> type) {
      try {
        return (ControlProgram) type.getDeclaredConstructor().newInstance();
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("the constructor of " + type.getName() + " failed: "
            + e.getCause(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + type.getName() + ": " + e, e);
      }
    }
  }
}
