package io.twinline.bench;

import io.twinline.line.LineDefinitions;
import io.twinline.line.generate.LineGenerator;
import io.twinline.line.model.LineDefinition;
import io.twinline.opcua.ServerOptions;
import io.twinline.opcua.TwinlineServer;
import io.twinline.opcua.namespace.TwinlineNodeIds;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.SimulationRunner;
import io.twinline.sim.run.TimeMode;
import io.twinline.sim.signal.Signal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;

/**
 * Twinline serving a generated line in real time. The load is a script on the simulation thread
 * that counts up the first {@code changing} counters every I/O cycle (10 ms), as a plant whose
 * sensors all move would; the actuator is {@code ProbeMotor/Run}, its sensor {@code
 * ProbeMotor/Running}.
 */
final class TwinlineTarget implements ServerTarget {

  private final LineDefinition line;
  private final SimulationRunner runner;
  private final TwinlineServer server;
  private final List<String> counterPaths = new ArrayList<>();
  private final int changing;
  private final AtomicLong changes = new AtomicLong();
  private volatile boolean loading;
  private CompletableFuture<Void> load;

  /** Timings of the start, ns: reading the line, building the plant, serving it. */
  final long readNanos;
  final long buildNanos;
  final long serveNanos;

  TwinlineTarget(int signals, double fraction, Path pki) throws Exception {
    long t0 = System.nanoTime();
    line = LineDefinitions.parse("generated.yaml", LineGenerator.generate(signals));
    long t1 = System.nanoTime();
    Plant plant = Plant.build(line);
    long t2 = System.nanoTime();
    runner = new SimulationRunner(plant, TimeMode.REALTIME, 1.0);
    runner.start();
    server = TwinlineServer.start(runner, ServerOptions.defaults().withPort(0)
        .withBindAddress("127.0.0.1").withHostname("127.0.0.1").withPki(pki));
    long t3 = System.nanoTime();
    readNanos = t1 - t0;
    buildNanos = t2 - t1;
    serveNanos = t3 - t2;
    int cells = (signals + LineGenerator.CELL - 1) / LineGenerator.CELL;
    changing = (int) Math.round(cells * LineGenerator.CELL * fraction);
    if (changing > cells * LineGenerator.COUNTERS_PER_CELL) {
      throw new IllegalArgumentException("too large a fraction for the generated line");
    }
    // The changing counters first (Count0.. of every cell, spread over the line), then every
    // other signal of the cells: a client monitors them all.
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < LineGenerator.COUNTERS_PER_CELL; i++) {
      for (int c = 0; c < cells; c++) {
        (counterPaths.size() < changing ? counterPaths : rest).add("Cell" + c + "/Count" + i);
      }
    }
    for (String kind : List.of("Sensor", "Command")) {
      for (int i = 0; i < 20; i++) {
        for (int c = 0; c < cells; c++) {
          rest.add("Cell" + c + "/" + kind + i);
        }
      }
    }
    for (String kind : List.of("Measured", "Setpoint")) {
      for (int i = 0; i < 10; i++) {
        for (int c = 0; c < cells; c++) {
          rest.add("Cell" + c + "/" + kind + i);
        }
      }
    }
    counterPaths.addAll(rest);
  }

  /** Told on the simulation thread, as the change set goes to the OPC UA server. */
  @Override
  public boolean watchSensor(java.util.function.LongConsumer published) {
    runner.subscribe(changes -> {
      for (int i = 0; i < changes.size(); i++) {
        if (changes.definition(i).path().toString().equals("ProbeMotor/Running")) {
          published.accept(System.nanoTime());
        }
      }
    });
    return true;
  }

  @Override
  public void measuring() {
    runner.pacing().reset();
  }

  SimulationRunner runner() {
    return runner;
  }

  TwinlineServer server() {
    return server;
  }

  @Override
  public String name() {
    return "Twinline";
  }

  @Override
  public String endpointUrl() {
    return server.endpointUrl();
  }

  @Override
  public String namespaceUri() {
    return TwinlineNodeIds.NAMESPACE_URI;
  }

  @Override
  public List<NodeId> counters(UShort ns) {
    List<NodeId> ids = new ArrayList<>(counterPaths.size());
    for (String path : counterPaths) {
      ids.add(new NodeId(ns, line.name() + "/" + path));
    }
    return ids;
  }

  @Override
  public int changing() {
    return changing;
  }

  @Override
  public long changesMade() {
    return changes.get();
  }

  @Override
  public NodeId actuator(UShort ns) {
    return new NodeId(ns, line.name() + "/ProbeMotor/Run");
  }

  @Override
  public NodeId sensor(UShort ns) {
    return new NodeId(ns, line.name() + "/ProbeMotor/Running");
  }

  @Override
  public void startLoad() {
    loading = true;
    load = runner.runScript(ctx -> {
      Signal[] signals = new Signal[changing];
      for (int i = 0; i < changing; i++) {
        signals[i] = ctx.session().plant().signal(counterPaths.get(i));
      }
      int[] value = new int[changing];
      long cycle = ctx.session().ioCycle();
      while (loading) {
        for (int i = 0; i < changing; i++) {
          signals[i].set(++value[i]);
        }
        changes.addAndGet(changing);
        // Let one I/O cycle pass (the changes are published at its end).
        long until = ctx.session().now() + cycle;
        ctx.runUntil(p -> false, until - ctx.session().now());
      }
      return null;
    });
  }

  @Override
  public void stopLoad() {
    loading = false;
    if (load != null) {
      load.join();
    }
  }

  @Override
  public void close() {
    stopLoad();
    server.close();
    runner.close();
  }
}
