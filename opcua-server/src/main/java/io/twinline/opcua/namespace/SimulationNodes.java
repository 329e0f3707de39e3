package io.twinline.opcua.namespace;

import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.LineDefinitions;
import io.twinline.line.Problem;
import io.twinline.line.fault.FaultSpec;
import io.twinline.sim.run.ClearFault;
import io.twinline.sim.run.InjectFault;
import io.twinline.sim.run.RunnerState;
import io.twinline.sim.run.LoadRecipe;
import io.twinline.sim.run.Operate;
import io.twinline.sim.run.SimulationRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilters;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * {@code Objects/Twinline/Simulation}: the simulation's own state ({@code SimTime},
 * {@code SimSeconds}, {@code State}, {@code TimeMode}, {@code SpeedFactor}, {@code CycleTime},
 * {@code LastMethodResult}; the faults in force are the system signals beside them) and its
 * methods: {@code Pause}, {@code Resume}, {@code Reset}, {@code Step}, {@code InjectFault},
 * {@code ClearFault}, {@code LoadRecipe}.
 *
 * <p>A method that cannot do what it is asked returns a bad status code, and puts the reason in
 * {@code LastMethodResult}, where any client can read it.
 */
final class SimulationNodes {

  /** A step of simulated time may take this long in wall time before the call gives up. */
  private static final long STEP_TIMEOUT_SECONDS = 120;

  private final SimulationRunner runner;
  private final TwinlineNodeIds nodeIds;
  private final UaNodeContext context;
  private final java.util.function.Consumer<org.eclipse.milo.opcua.sdk.server.nodes.UaNode> add;
  private final AttributeFilter roleFilter;
  private final ChangePublisher publisher;
  private final List<UaVariableNode> variables = new ArrayList<>();
  private final AtomicLong faultNumber = new AtomicLong();
  private UaVariableNode simTime;
  private UaVariableNode simSeconds;
  private UaVariableNode state;
  private UaVariableNode lastResult;

  SimulationNodes(
      SimulationRunner runner,
      TwinlineNodeIds nodeIds,
      UaNodeContext context,
      java.util.function.Consumer<org.eclipse.milo.opcua.sdk.server.nodes.UaNode> add,
      AttributeFilter roleFilter,
      ChangePublisher publisher) {
    this.runner = runner;
    this.publisher = publisher;
    this.nodeIds = nodeIds;
    this.context = context;
    this.add = add;
    this.roleFilter = roleFilter;
  }

  void build(UaFolderNode folder) {
    simTime = variable(folder, "SimTime", NodeIds.DateTime,
        "Simulated time: the start of the run plus the simulated time since");
    simSeconds = variable(folder, "SimSeconds", NodeIds.Double, "Simulated seconds since the start");
    state = variable(folder, "State", NodeIds.String, "Running, Paused, Stopped or Failed");
    UaVariableNode mode = variable(folder, "TimeMode", NodeIds.String,
        "realtime, scaled, afap or stepped");
    UaVariableNode speed = variable(folder, "SpeedFactor", NodeIds.Double,
        "Simulated seconds per wall second (0 in stepped mode, infinity as fast as possible)");
    UaVariableNode cycle = variable(folder, "CycleTime", NodeIds.Double, "The I/O cycle, ms");
    UaVariableNode recipe = variable(folder, "Recipe", NodeIds.String,
        "The recipe loaded last (empty before the first)");
    lastResult = variable(folder, "LastMethodResult", NodeIds.String,
        "The outcome of the last method call, with the reason when it was refused");
    mode.setValue(new DataValue(new Variant(runner.mode().keyword())));
    speed.setValue(new DataValue(new Variant(speedFactor())));
    cycle.setValue(new DataValue(new Variant(runner.ioCycle().toNanos() / 1e6)));
    lastResult.setValue(new DataValue(new Variant("")));
    live(simTime, now -> new Variant(new DateTime(runner.instantOf(now))));
    live(simSeconds, now -> new Variant(now / 1e9));
    live(state, now -> new Variant(stateName(runner.state())));
    live(recipe, now -> new Variant(runner.plant().recipe().orElse("")));

    method(folder, "Pause", "Holds simulated time", List.of(), List.of(),
        in -> result(runner.pause(), "paused"));
    method(folder, "Resume", "Lets simulated time run again", List.of(), List.of(),
        in -> result(runner.resume(), "resumed"));
    method(folder, "Reset", "Back to the initial state of the line, time 0", List.of(),
        List.of(), in -> result(runner.reset(), "reset"));
    method(folder, "Step",
        "While paused: runs the given simulated milliseconds as fast as possible, then holds",
        List.of(argument("Milliseconds", NodeIds.Double, "Simulated time to run, ms")),
        List.of(argument("SimSeconds", NodeIds.Double, "Simulated seconds after the step")),
        this::step);
    method(folder, "InjectFault", "Injects a fault: target, kind (stuck-at, jam, ...) and"
            + " parameters as 'key: value' pairs separated by ';' (value, period, delay,"
            + " amplitude, fraction, probability, at, duration, id)",
        List.of(
            argument("Target", NodeIds.String, "A signal path or tag, or a component"),
            argument("Kind", NodeIds.String, "stuck-at, inverted, drop-out, delay, noise,"
                + " open-wire, overload-trip, jam, sticking, station-fault, dirty-sensor"),
            argument("Parameters", NodeIds.String, "e.g. 'value: true; duration: 10 s'")),
        List.of(argument("Id", NodeIds.String, "The fault's id, for ClearFault")),
        this::injectFault);
    method(folder, "ClearFault", "Ends a fault",
        List.of(argument("Id", NodeIds.String, "The fault's id")), List.of(), this::clearFault);
    method(folder, "Operate", "An operator action on a device: press, release, open, close,"
            + " select:Auto, ...",
        List.of(argument("Device", NodeIds.String, "The operator device, e.g. StartButton"),
            argument("Action", NodeIds.String, "The action, e.g. press")),
        List.of(), this::operate);
    method(folder, "LoadRecipe", "Loads a recipe of the line",
        List.of(argument("Name", NodeIds.String, "The recipe's name")), List.of(),
        this::loadRecipe);
  }

  private double speedFactor() {
    return switch (runner.mode()) {
      case REALTIME -> 1.0;
      case SCALED -> runner.speedFactor();
      case AFAP -> Double.POSITIVE_INFINITY;
      case STEPPED -> 0.0;
    };
  }

  /**
   * Makes a node read through to the runner: every read (and every sample of a subscription)
   * sees the simulated time of the last publication, even when no signal has changed since.
   */
  private void live(UaVariableNode node, java.util.function.LongFunction<Variant> value) {
    node.getFilterChain()
        .addLast(
            AttributeFilters.getValue(
                ctx -> {
                  long now = runner.simTime();
                  DateTime source = new DateTime(runner.instantOf(now));
                  return new DataValue(value.apply(now), StatusCode.GOOD, source, DateTime.now());
                }));
  }

  private static String stateName(RunnerState state) {
    return switch (state) {
      case NEW, RUNNING -> "Running";
      case PAUSED -> "Paused";
      case STOPPED -> "Stopped";
      case FAILED -> "Failed";
    };
  }

  // --- methods --------------------------------------------------------------------------------

  private Variant[] step(Variant[] in) throws UaException {
    double millis = (Double) in[0].value();
    if (!(millis >= 0) || Double.isInfinite(millis)) {
      throw refuse(StatusCodes.Bad_InvalidArgument, "Step: milliseconds must be zero or more");
    }
    long nanos = Math.round(millis * 1e6);
    CompletableFuture<Long> done = runner.step(Duration.ofNanos(nanos));
    long reached = await(done, "Step");
    ok("stepped to " + reached / 1e9 + " s");
    return new Variant[] {new Variant(reached / 1e9)};
  }

  private Variant[] injectFault(Variant[] in) throws UaException {
    String target = (String) in[0].value();
    String kind = (String) in[1].value();
    String parameters = in[2].value() == null ? "" : (String) in[2].value();
    String id = "F" + faultNumber.incrementAndGet();
    StringBuilder yaml = new StringBuilder("{target: \"").append(escape(target))
        .append("\", kind: \"").append(escape(kind)).append('"');
    boolean hasId = false;
    for (String pair : parameters.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int colon = pair.indexOf(':');
      int equals = pair.indexOf('=');
      int at = colon < 0 ? equals : (equals < 0 ? colon : Math.min(colon, equals));
      if (at < 0) {
        throw refuse(StatusCodes.Bad_InvalidArgument,
            "InjectFault: parameter '" + pair.strip() + "' is not 'key: value'");
      }
      String key = pair.substring(0, at).strip();
      String value = pair.substring(at + 1).strip();
      hasId |= key.equals("id");
      yaml.append(", ").append(key).append(": \"").append(escape(value)).append('"');
    }
    if (!hasId) {
      yaml.append(", id: ").append(id);
    }
    yaml.append('}');
    FaultSpec spec;
    try {
      spec = LineDefinitions.parseFault(yaml.toString(), runner.plant().definition());
    } catch (InvalidDefinitionException e) {
      throw refuse(StatusCodes.Bad_InvalidArgument, "InjectFault: " + e.problems().stream()
          .map(Problem::message).reduce((a, b) -> a + "; " + b).orElse("refused"));
    }
    FaultSpec fault = spec;
    boolean inUse =
        await(runner.call(p -> p.faults().active().stream()
            .anyMatch(a -> a.spec().id().equals(fault.id()))
            || p.faults().pending().contains(fault.id())), "InjectFault");
    if (inUse) {
      throw refuse(StatusCodes.Bad_InvalidArgument,
          "InjectFault: fault id '" + fault.id() + "' is in use");
    }
    runner.submit(new InjectFault(fault));
    ok("injected " + fault.describe());
    return new Variant[] {new Variant(fault.id())};
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private Variant[] clearFault(Variant[] in) throws UaException {
    String id = (String) in[0].value();
    boolean known =
        await(runner.call(p -> p.faults().active().stream()
            .anyMatch(a -> a.spec().id().equals(id)) || p.faults().pending().contains(id)),
            "ClearFault");
    if (!known) {
      throw refuse(StatusCodes.Bad_NotFound, "ClearFault: there is no fault '" + id + "'");
    }
    runner.submit(new ClearFault(id));
    ok("cleared " + id);
    return new Variant[0];
  }

  private Variant[] operate(Variant[] in) throws UaException {
    String device = (String) in[0].value();
    Operate operate = new Operate(device, (String) in[1].value());
    var line = runner.plant().definition();
    var refusal = operate.refusal(line);
    if (refusal.isPresent()) {
      boolean isDevice = device != null && line.component(device)
          .map(c -> !c.operatorActions().isEmpty()).orElse(false);
      throw refuse(isDevice ? StatusCodes.Bad_InvalidArgument : StatusCodes.Bad_NotFound,
          "Operate: " + refusal.get());
    }
    // applied at the next I/O cycle, like a write, and journaled: a recorded session replays it
    runner.submit(operate);
    ok(operate.action() + " " + device);
    return new Variant[0];
  }

  private Variant[] loadRecipe(Variant[] in) throws UaException {
    LoadRecipe load = new LoadRecipe((String) in[0].value());
    var refusal = load.refusal(runner.plant().definition());
    if (refusal.isPresent()) {
      throw refuse(StatusCodes.Bad_NotFound, "LoadRecipe: " + refusal.get());
    }
    // applied at the next I/O cycle, after the writes sent before this call
    runner.submit(load);
    ok("loading recipe " + load.name());
    return new Variant[0];
  }

  private Variant[] result(CompletableFuture<Long> done, String what) throws UaException {
    await(done, what);
    ok(what);
    return new Variant[0];
  }

  private <T> T await(CompletableFuture<T> future, String what) throws UaException {
    try {
      T result = future.get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      // answer once a read shows what the command did
      if (!publisher.awaitPublished(TimeUnit.SECONDS.toMillis(STEP_TIMEOUT_SECONDS))) {
        throw new TimeoutException();
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw refuse(StatusCodes.Bad_Shutdown, what + ": interrupted");
    } catch (TimeoutException e) {
      throw refuse(StatusCodes.Bad_Timeout, what + ": took longer than "
          + STEP_TIMEOUT_SECONDS + " s");
    } catch (ExecutionException e) {
      String reason = e.getCause() == null ? e.toString() : e.getCause().getMessage();
      throw refuse(StatusCodes.Bad_InvalidState, what + ": " + reason);
    }
  }

  private void ok(String text) {
    lastResult.setValue(new DataValue(new Variant("Good: " + text)));
  }

  private UaException refuse(long status, String reason) {
    String name = StatusCodes.lookup(status).map(n -> n[0]).orElse(StatusCode.of(status).toString());
    lastResult.setValue(new DataValue(new Variant(name + ": " + reason)));
    return new UaException(status, reason);
  }

  // --- node building --------------------------------------------------------------------------

  private UaVariableNode variable(UaFolderNode folder, String name, NodeId type, String text) {
    UaVariableNode node =
        new UaVariableNode.UaVariableNodeBuilder(context)
            .setNodeId(nodeIds.simulation(name))
            .setBrowseName(new QualifiedName(nodeIds.namespaceIndex(), name))
            .setDisplayName(LocalizedText.english(name))
            .setDescription(LocalizedText.english(text))
            .setDataType(type)
            .setValueRank(ValueRanks.Scalar)
            .setAccessLevel(AccessLevel.READ_ONLY)
            .setUserAccessLevel(AccessLevel.READ_ONLY)
            .setMinimumSamplingInterval(0.0)
            .setTypeDefinition(NodeIds.BaseDataVariableType)
            .build();
    add.accept(node);
    folder.addOrganizes(node);
    variables.add(node);
    return node;
  }

  /** The value of a variable of this object, for push-based monitored items. */
  List<UaVariableNode> variables() {
    return variables;
  }

  private static Argument argument(String name, NodeId type, String text) {
    return new Argument(name, type, ValueRanks.Scalar, null, LocalizedText.english(text));
  }

  /** The body of a method: input values to output values, or a refusal. */
  @FunctionalInterface
  private interface Body {
    Variant[] invoke(Variant[] inputs) throws UaException;
  }

  private void method(
      UaFolderNode folder,
      String name,
      String text,
      List<Argument> inputs,
      List<Argument> outputs,
      Body body) {
    UaMethodNode node =
        UaMethodNode.builder(context)
            .setNodeId(nodeIds.simulation(name))
            .setBrowseName(new QualifiedName(nodeIds.namespaceIndex(), name))
            .setDisplayName(LocalizedText.english(name))
            .setDescription(LocalizedText.english(text))
            .setExecutable(true)
            .setUserExecutable(true)
            .build();
    Argument[] in = inputs.toArray(new Argument[0]);
    Argument[] out = outputs.toArray(new Argument[0]);
    node.setInputArguments(in);
    node.setOutputArguments(out);
    node.getFilterChain().addLast(roleFilter);
    node.setInvocationHandler(
        new AbstractMethodInvocationHandler(node) {
          @Override
          public Argument[] getInputArguments() {
            return in;
          }

          @Override
          public Argument[] getOutputArguments() {
            return out;
          }

          @Override
          protected Variant[] invoke(InvocationContext invocationContext, Variant[] inputValues)
              throws UaException {
            return body.invoke(inputValues);
          }
        });
    add.accept(node);
    folder.addComponent(node);
  }

}
