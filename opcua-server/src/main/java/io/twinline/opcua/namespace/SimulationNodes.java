package io.twinline.opcua.namespace;

import io.twinline.line.SignalPath;
import io.twinline.line.fault.FaultParameters;
import io.twinline.line.fault.FaultSpec;
import io.twinline.sim.run.LineControl;
import io.twinline.sim.run.Outcome;
import io.twinline.sim.run.Refusal;
import io.twinline.sim.run.RunnerState;
import io.twinline.sim.run.SimulationRunner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.sdk.server.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * {@code Recipe}, {@code LastMethodResult}; the faults in force and the lock-step handshake are
 * system signals beside them) and its methods: {@code Pause}, {@code Resume}, {@code Reset},
 * {@code Step}, {@code InjectFault}, {@code ClearFault}, {@code Operate}, {@code LoadRecipe},
 * {@code Force}, {@code Release}.
 *
 * <p>Every method goes through the line's {@link LineControl} and is answered when the control
 * surface has answered: done (with a Result output saying what was done) or a bad status code
 * for its refusal ({@link RefusalCodes}). No method holds a server thread while the simulation
 * works: the answer is deferred ({@link DeferredCalls}). {@code LastMethodResult} shows each
 * session the outcome of its own last call, with the reason of a refusal.
 */
final class SimulationNodes {

  private final SimulationRunner runner;
  private final LineControl control;
  private final TwinlineNodeIds nodeIds;
  private final UaNodeContext context;
  private final java.util.function.Consumer<org.eclipse.milo.opcua.sdk.server.nodes.UaNode> add;
  private final AttributeFilter roleFilter;
  private final DeferredCalls deferred;
  private final List<UaVariableNode> variables = new ArrayList<>();
  private final AtomicLong faultNumber = new AtomicLong();
  /** The outcome of each session's last call, by session id; dropped with the session. */
  private final Map<NodeId, String> lastResults = new ConcurrentHashMap<>();

  SimulationNodes(
      SimulationRunner runner,
      TwinlineNodeIds nodeIds,
      UaNodeContext context,
      java.util.function.Consumer<org.eclipse.milo.opcua.sdk.server.nodes.UaNode> add,
      AttributeFilter roleFilter,
      DeferredCalls deferred) {
    this.runner = runner;
    this.control = runner.control();
    this.nodeIds = nodeIds;
    this.context = context;
    this.add = add;
    this.roleFilter = roleFilter;
    this.deferred = deferred;
  }

  void build(UaFolderNode folder) {
    UaVariableNode simTime = variable(folder, "SimTime", NodeIds.DateTime,
        "Simulated time: the start of the run plus the simulated time since");
    UaVariableNode simSeconds = variable(folder, "SimSeconds", NodeIds.Double,
        "Simulated seconds since the start");
    UaVariableNode state = variable(folder, "State", NodeIds.String,
        "Running, Paused, Stopped or Failed");
    UaVariableNode mode = variable(folder, "TimeMode", NodeIds.String,
        "realtime, scaled, afap or stepped");
    UaVariableNode speed = variable(folder, "SpeedFactor", NodeIds.Double,
        "Simulated seconds per wall second (0 in stepped mode, infinity as fast as possible)");
    UaVariableNode cycle = variable(folder, "CycleTime", NodeIds.Double, "The I/O cycle, ms");
    UaVariableNode recipe = variable(folder, "Recipe", NodeIds.String,
        "The recipe loaded last (empty before the first)");
    UaVariableNode lastResult = variable(folder, "LastMethodResult", NodeIds.String,
        "The outcome of this session's last method call, with the reason when it was refused");
    mode.setValue(new DataValue(new Variant(runner.mode().keyword())));
    speed.setValue(new DataValue(new Variant(speedFactor())));
    cycle.setValue(new DataValue(new Variant(runner.ioCycle().toNanos() / 1e6)));
    live(simTime, (now, session) -> new Variant(new DateTime(runner.instantOf(now))));
    live(simSeconds, (now, session) -> new Variant(now / 1e9));
    live(state, (now, session) -> new Variant(stateName(runner.state())));
    live(recipe, (now, session) -> new Variant(runner.plant().recipe().orElse("")));
    live(lastResult, (now, session) -> new Variant(session == null ? ""
        : lastResults.getOrDefault(session.getSessionId(), "")));

    List<Argument> result = List.of(argument("Result", NodeIds.String, "What was done"));
    method(folder, "Pause", "Holds simulated time; a step running ends where it got to",
        List.of(), result, (in, session) -> answer(control.pause(), session));
    method(folder, "Resume", "Lets simulated time run again", List.of(), result,
        (in, session) -> answer(control.resume(), session));
    method(folder, "Reset", "Back to the initial state of the line, time 0", List.of(),
        result, (in, session) -> answer(control.reset(), session));
    method(folder, "Step",
        "While paused: the writes sent before take effect now, then the given simulated"
            + " milliseconds run as fast as possible; answers when every change is published",
        List.of(argument("Milliseconds", NodeIds.Double, "Simulated time to run, ms (at most"
            + " one day)")),
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
        List.of(argument("Id", NodeIds.String, "The fault's id")), result,
        (in, session) -> answer(control.clearFault(text(in, 0, "Id")), session));
    method(folder, "Operate", "An operator action on a device: press, release, open, close,"
            + " select:Auto, ...",
        List.of(argument("Device", NodeIds.String, "The operator device, e.g. StartButton"),
            argument("Action", NodeIds.String, "The action, e.g. press")),
        result, (in, session) -> answer(
            control.operate(text(in, 0, "Device"), text(in, 1, "Action")), session));
    method(folder, "LoadRecipe", "Loads a recipe of the line",
        List.of(argument("Name", NodeIds.String, "The recipe's name")), result,
        (in, session) -> answer(control.loadRecipe(text(in, 0, "Name")), session));
    method(folder, "Force", "Forces a signal to a value until Release: the plant and the PLC"
            + " lose it; its value is published with Good_LocalOverride",
        List.of(argument("Signal", NodeIds.String, "A signal path or tag"),
            argument("Value", NodeIds.String, "The value as text: true, 3.5, 42")),
        result, this::force);
    method(folder, "Release", "Ends the forcing of a signal",
        List.of(argument("Signal", NodeIds.String, "A signal path or tag")), result,
        (in, session) -> answer(control.release(path(text(in, 0, "Signal"))), session));
  }

  private double speedFactor() {
    return switch (runner.mode()) {
      case REALTIME -> 1.0;
      case SCALED -> runner.speedFactor();
      case AFAP -> Double.POSITIVE_INFINITY;
      case STEPPED -> 0.0;
    };
  }

  /** A live value: simulated time now and the reading session. */
  @FunctionalInterface
  private interface LiveValue {
    Variant value(long now, Session session);
  }

  /**
   * Makes a node read through to the runner: every read (and every sample of a subscription)
   * sees the simulated time of the last publication, even when no signal has changed since.
   */
  private void live(UaVariableNode node, LiveValue value) {
    node.getFilterChain()
        .addLast(
            AttributeFilters.getValue(
                ctx -> {
                  long now = runner.simTime();
                  DateTime source = new DateTime(runner.instantOf(now));
                  return new DataValue(value.value(now, ctx.getSession().orElse(null)),
                      StatusCode.GOOD, source, DateTime.now());
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

  private Variant[] step(Variant[] in, Session session) throws UaException {
    Object value = in[0].value();
    if (!(value instanceof Double millis) || !(millis >= 0) || Double.isInfinite(millis)) {
      throw refuse(session, StatusCodes.Bad_InvalidArgument,
          "Step: milliseconds must be a number, zero or more");
    }
    long nanos = millis > 1e15 ? Long.MAX_VALUE : Math.round(millis * 1e6);
    defer(control.step(Duration.ofNanos(nanos)), session,
        outcome -> new Variant[] {new Variant(outcome.simTime() / 1e9)});
    return new Variant[] {new Variant(0.0)};
  }

  private Variant[] injectFault(Variant[] in, Session session) throws UaException {
    String target = text(in, 0, "Target");
    String kind = text(in, 1, "Kind");
    Object parameters = in[2].value();
    Map<String, String> named = new LinkedHashMap<>();
    for (String pair : parameters == null ? new String[0] : ((String) parameters).split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int colon = pair.indexOf(':');
      int equals = pair.indexOf('=');
      int at = colon < 0 ? equals : (equals < 0 ? colon : Math.min(colon, equals));
      if (at < 0) {
        throw refuse(session, StatusCodes.Bad_InvalidArgument,
            "InjectFault: parameter '" + pair.strip() + "' is not 'key: value'");
      }
      named.put(pair.substring(0, at).strip(), pair.substring(at + 1).strip());
    }
    FaultSpec fault;
    try {
      fault = FaultParameters.build(target, kind, named, "F" + faultNumber.incrementAndGet());
    } catch (IllegalArgumentException e) {
      throw refuse(session, StatusCodes.Bad_InvalidArgument, "InjectFault: " + e.getMessage());
    }
    defer(control.injectFault(fault), session, outcome -> new Variant[] {new Variant(fault.id())});
    return new Variant[] {new Variant(fault.id())};
  }

  private Variant[] force(Variant[] in, Session session) throws UaException {
    SignalPath path = path(text(in, 0, "Signal"));
    Object value = null;
    var definition = runner.plant().signals().find(path).map(s -> s.definition());
    if (definition.isPresent()) {
      String text = text(in, 1, "Value");
      try {
        value = definition.get().type().parseValue(text.strip());
      } catch (IllegalArgumentException e) {
        throw refuse(session, StatusCodes.Bad_TypeMismatch, "Force: " + path + " takes a "
            + definition.get().type().displayName() + ", not '" + text + "'");
      }
    }
    return answer(control.force(path, value), session);
  }

  /** The signal a client names by path or tag (an unknown name makes a path nothing has). */
  private SignalPath path(String name) {
    return runner.plant().signals().tagged(name).map(s -> s.path())
        .orElseGet(() -> {
          try {
            return SignalPath.parse(name);
          } catch (IllegalArgumentException e) {
            return new SignalPath(name, "?");
          }
        });
  }

  /** Answers with the outcome's Result once the control surface has answered. */
  private Variant[] answer(CompletableFuture<Outcome> outcome, Session session) {
    defer(outcome, session, done -> new Variant[] {new Variant(done.message())});
    return new Variant[] {new Variant("")};
  }

  private void defer(CompletableFuture<Outcome> outcome, Session session,
      java.util.function.Function<Outcome, Variant[]> outputs) {
    deferred.defer(outcome.thenApply(done -> {
      remember(session, done);
      return done.isDone()
          ? DeferredCalls.good(outputs.apply(done))
          : DeferredCalls.bad(RefusalCodes.ofMethod(done.refusal()));
    }));
  }

  private static String text(Variant[] in, int index, String name) throws UaException {
    Object value = in[index].value();
    if (!(value instanceof String text)) {
      throw new UaException(StatusCodes.Bad_InvalidArgument, name + " is missing");
    }
    return text;
  }

  private void remember(Session session, Outcome outcome) {
    if (session == null) {
      return;
    }
    String text = outcome.isDone()
        ? "Good: " + outcome.message()
        : StatusCodes.lookup(RefusalCodes.ofMethod(outcome.refusal())).map(n -> n[0])
            .orElse("Bad") + ": " + outcome.message();
    lastResults.put(session.getSessionId(), text);
    if (lastResults.size() > 64) {
      // drop the results of sessions that are gone
      var open = context.getServer().getSessionManager().getAllSessions().stream()
          .map(Session::getSessionId).collect(java.util.stream.Collectors.toSet());
      lastResults.keySet().retainAll(open);
    }
  }

  private UaException refuse(Session session, long status, String reason) {
    remember(session, Outcome.refused(new Refusal(Refusal.Kind.INVALID_ARGUMENT, reason),
        runner.simTime()));
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

  /** The body of a method: input values (and the calling session) to outputs, or a refusal. */
  @FunctionalInterface
  private interface Body {
    Variant[] invoke(Variant[] inputs, Session session) throws UaException;
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
    node.setInvocationHandler(deferred.wrap(
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
            return body.invoke(inputValues, invocationContext.getSession().orElse(null));
          }
        }));
    add.accept(node);
    folder.addComponent(node);
  }

}
