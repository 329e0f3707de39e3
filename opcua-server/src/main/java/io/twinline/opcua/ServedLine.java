package io.twinline.opcua;

import io.twinline.line.fault.FaultSpec;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.InjectFault;
import io.twinline.sim.run.LineControl;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A line simulated and served: the one place that puts together the simulation runner, its
 * control surface and change feed, and the endpoints clients connect to (OPC UA today), with an
 * explicit lifecycle: {@link #start} builds and starts everything in order, {@link #close} stops
 * it in reverse. {@code twinline serve}, {@code test --plc} and {@code rehearse} all serve a line
 * through it, so they cannot drift apart.
 *
 * @param runner the simulation, its {@link LineControl} and change feed
 * @param opcUa the OPC UA endpoint
 */
public record ServedLine(SimulationRunner runner, TwinlineServer opcUa) implements AutoCloseable {

  /**
   * What to serve and how: immutable; each {@code withX} returns a new one.
   *
   * @param line the line
   * @param mode the time mode
   * @param speed simulated seconds per wall second in scaled mode
   * @param faults faults to schedule from the start (a fault file's)
   * @param lockStep the watchdog of a lock-step handshake with the PLC, if the line runs in one
   *     (stepped mode)
   * @param server the OPC UA server's options
   */
  public record Options(LineDefinition line, TimeMode mode, double speed, List<FaultSpec> faults,
      Optional<Duration> lockStep, ServerOptions server) {

    public Options {
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(mode, "mode");
      faults = List.copyOf(faults);
      Objects.requireNonNull(lockStep, "lockStep");
      Objects.requireNonNull(server, "server");
    }

    public static Options of(LineDefinition line) {
      return new Options(line, TimeMode.REALTIME, 1.0, List.of(), Optional.empty(),
          ServerOptions.defaults());
    }

    public Options withTime(TimeMode newMode, double newSpeed) {
      return new Options(line, newMode, newSpeed, faults, lockStep, server);
    }

    public Options withFaults(List<FaultSpec> newFaults) {
      return new Options(line, mode, speed, newFaults, lockStep, server);
    }

    /** Lock-step with the PLC over StepRequest/StepAck (forces the stepped time mode). */
    public Options withLockStep(Duration watchdog) {
      return new Options(line, TimeMode.STEPPED, speed, faults, Optional.of(watchdog), server);
    }

    public Options withServer(ServerOptions newServer) {
      return new Options(line, mode, speed, faults, lockStep, newServer);
    }
  }

  /**
   * Builds the plant, starts the simulation and then the endpoints.
   *
   * @param beforeStart told the runner before its simulation starts (to subscribe a recorder
   *     that must see the first snapshot, or to pause it)
   * @throws IOException if an endpoint cannot start (the message says why); nothing is left
   *     running then
   */
  public static ServedLine start(Options options, Consumer<SimulationRunner> beforeStart)
      throws IOException {
    SimulationRunner runner =
        new SimulationRunner(Plant.build(options.line()), options.mode(), options.speed());
    options.lockStep().ifPresent(runner::lockStep);
    options.faults().forEach(f -> runner.submit(new InjectFault(f)));
    beforeStart.accept(runner);
    runner.start();
    try {
      return new ServedLine(runner, TwinlineServer.start(runner, options.server()));
    } catch (IOException | RuntimeException e) {
      runner.close();
      throw e;
    }
  }

  public static ServedLine start(Options options) throws IOException {
    return start(options, runner -> { });
  }

  /** The control surface every endpoint goes through. */
  public LineControl control() {
    return runner.control();
  }

  /** Stops the endpoints, then the simulation. */
  @Override
  public void close() {
    opcUa.close();
    runner.close();
  }
}
