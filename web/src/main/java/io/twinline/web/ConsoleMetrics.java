package io.twinline.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.twinline.sim.run.SimulationRunner;

/**
 * What {@code GET /metrics} shows (Prometheus text): the simulation's lag behind the wall
 * clock, simulated time, events and I/O cycles run, how late I/O cycles start and how many
 * overran, the change feed's backlog, the live stream's viewers, frames, bytes and collapsed
 * frames; Vert.x adds its HTTP server metrics (requests, connections, WebSockets). Endpoints
 * outside this module add theirs through {@link WebConsole#metrics()} (OPC UA sessions and
 * monitored items, from {@code twinline serve}).
 */
final class ConsoleMetrics {

  private ConsoleMetrics() {}

  static void bind(MeterRegistry registry, SimulationRunner runner, LiveStream stream) {
    Gauge.builder("twinline_sim_lag_seconds", runner, r -> r.lagNanos() / 1e9)
        .description("How far the simulation ran behind the wall clock at its last wait")
        .register(registry);
    Gauge.builder("twinline_sim_time_seconds", runner, r -> r.simTime() / 1e9)
        .description("Simulated time of the last publication").register(registry);
    Gauge.builder("twinline_sim_speed_factor", runner, SimulationRunner::speedFactor)
        .description("Simulated seconds per wall second").register(registry);
    FunctionCounter.builder("twinline_sim_events", runner,
            r -> r.plant().simulation().eventsRun())
        .description("Events run by the simulation since the start or the last reset")
        .register(registry);
    FunctionCounter.builder("twinline_io_cycles", runner, SimulationRunner::ioCycles)
        .description("I/O cycles run since the start or the last reset").register(registry);
    Gauge.builder("twinline_io_cycle_late_p99_seconds", runner,
            r -> r.pacing().quantile(0.99) / 1e9)
        .description("99th percentile of how late I/O cycles started (real time)")
        .register(registry);
    Gauge.builder("twinline_io_cycle_late_max_seconds", runner, r -> r.pacing().max() / 1e9)
        .description("The latest start of an I/O cycle (real time)").register(registry);
    FunctionCounter.builder("twinline_io_cycle_overruns", runner, r -> r.pacing().overruns())
        .description("I/O cycles that started a whole cycle late or more").register(registry);
    Gauge.builder("twinline_change_feed_backlog", runner, r -> r.feed().backlog())
        .description("Change sets offered to lossless consumers and not yet taken")
        .register(registry);
    Gauge.builder("twinline_stream_viewers", stream, LiveStream::viewers)
        .description("Viewers of the live stream").register(registry);
    FunctionCounter.builder("twinline_stream_frames", stream, LiveStream::framesBuilt)
        .description("Frames built by the fan-out (each sent to every viewer)")
        .register(registry);
    FunctionCounter.builder("twinline_stream_frame_bytes", stream, LiveStream::bytesBuilt)
        .description("Characters of the frames built").register(registry);
    Gauge.builder("twinline_stream_collapsed_frames", stream, LiveStream::collapsed)
        .description("Frames not sent to viewers that were behind (they got the latest state)")
        .register(registry);
  }

  static String scrape(MeterRegistry registry) {
    return ((PrometheusMeterRegistry) registry).scrape();
  }
}
