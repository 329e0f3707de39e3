package io.twinline.harness.rehearsal;

import io.twinline.sim.controller.ControlProgram;
import io.twinline.harness.run.Harness;
import io.twinline.line.model.LineDefinition;
import java.time.Duration;
import java.util.Optional;

/**
 * Replays a recorded session against the simulator: the same actions (operator actions, recipe
 * loads, faults) at the same simulated times, with the program given (the current PLC program,
 * as a soft PLC), as fast as possible. The same recording, line and program always give the same
 * run.
 */
public final class Replay {

  private Replay() {}

  /**
   * Runs the replay to the end of the recording and returns what happened, as a recording.
   *
   * @param line the line file of the session (its seed is the session's)
   * @param program the program under test, or empty for none
   * @param controllerName how the new recording names the program
   * @throws IllegalArgumentException if an action does not fit the line (an unknown device,
   *     recipe or fault target), naming it and its time
   */
  public static Recording run(Recording original, LineDefinition line,
      Optional<ControlProgram> program, String controllerName) {
    Harness.Builder builder = Harness.on(line.withSeed(original.header().seed()));
    program.ifPresent(builder::controller);
    try (Harness harness = builder.start()) {
      return replay(original, line, harness, controllerName);
    } catch (io.twinline.harness.run.SequenceFailure e) {
      // The harness keeps every change; a session too long for it is bad input, not a crash.
      throw new IllegalArgumentException("the replay stopped: " + e.getMessage(), e);
    }
  }

  private static Recording replay(Recording original, LineDefinition line, Harness harness,
      String controllerName) {
    for (SessionEvent action : original.actions()) {
      long wait = action.time() - harness.now();
      if (wait > 0) {
        harness.waitFor(Duration.ofNanos(wait));
      }
      try {
        apply(harness, action);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "the action at " + Kpis.seconds(action.time()) + " does not fit line "
                + line.name() + ": " + e.getMessage(), e);
      }
    }
    long rest = original.end() - harness.now();
    if (rest > 0) {
      harness.waitFor(Duration.ofNanos(rest));
    }
    SessionHeader h = original.header();
    return SessionRecorder.of(harness, new SessionHeader(h.line(), h.lineFile(), h.seed(),
        controllerName, java.time.Instant.now().toString(), "replay of: " + h.note()));
  }

  static void apply(Harness harness, SessionEvent action) {
    if (action instanceof SessionEvent.Operated o) {
      harness.operate(o.device(), o.action());
    } else if (action instanceof SessionEvent.RecipeLoaded r) {
      harness.loadRecipe(r.recipe());
    } else if (action instanceof SessionEvent.FaultInjected f) {
      harness.injectFault(f.fault());
    } else if (action instanceof SessionEvent.FaultCleared c) {
      harness.clearFault(c.id());
    }
  }
}
