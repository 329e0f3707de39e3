package io.twinline.bench;

import io.twinline.line.LineDefinitions;
import io.twinline.sim.plant.Plant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one I/O cycle of a small continuous model between discrete events: a tank filling
 * through a valve and a heater heating, each advanced by one Runge-Kutta step and its analog
 * value published, per 10 ms of simulated time. Beside it, the same cycle of an empty plant (the
 * kernel's share).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(1)
public class ContinuousBenchmark {

  private static final long CYCLE = 10_000_000L;

  private Plant tank;
  private Plant heater;
  private Plant idle;

  @Setup(Level.Trial)
  public void build() throws Exception {
    tank =
        Plant.build(
            LineDefinitions.parse(
                "tank.yaml",
                """
                line: Tank
                components:
                  - {name: Fill, type: valve, travel: 0 s}
                  - name: Vessel
                    type: tank
                    area: 1000 m2
                    height: 10 m
                    inlets: [{valve: Fill, flow: 1 l/s}]
                    switches: [{name: High, above: 9 m}]
                """));
    tank.signal("Fill/Open").set(true);
    heater =
        Plant.build(
            LineDefinitions.parse(
                "heater.yaml",
                """
                line: Heater
                components:
                  - name: Jacket
                    type: heater
                    power: 1 kW
                    heatCapacity: 100000 kJ/K
                    lossCoefficient: 1 W/K
                    switches: [{name: Hot, above: 900 °C}]
                """));
    heater.signal("Jacket/Heat").set(true);
    idle =
        Plant.build(
            LineDefinitions.parse(
                "idle.yaml",
                """
                line: Idle
                components:
                  - {name: Out, type: sink}
                """));
  }

  @Benchmark
  public long tankCycle() {
    tank.simulation().runFor(CYCLE);
    return tank.simulation().now();
  }

  @Benchmark
  public long heaterCycle() {
    heater.simulation().runFor(CYCLE);
    return heater.simulation().now();
  }

  @Benchmark
  public long emptyCycle() {
    idle.simulation().runFor(CYCLE);
    return idle.simulation().now();
  }
}
