package io.twinline.sim.controller;

import java.time.Duration;

/** The IEC 61131-3 timers and edge detectors a PLC program uses, on simulated time. */
public final class Timers {

  private Timers() {}

  /** On-delay: Q becomes true once IN has been true for the preset. */
  public static final class Ton {
    private final long preset;
    private long since = -1;
    private boolean q;

    public Ton(Duration preset) {
      this.preset = preset.toNanos();
    }

    /** Updates with the input at time {@code now}; returns Q. */
    public boolean update(boolean in, long now) {
      if (!in) {
        since = -1;
        q = false;
      } else {
        if (since < 0) {
          since = now;
        }
        q = now - since >= preset;
      }
      return q;
    }

    public boolean q() {
      return q;
    }

    /** Elapsed time while IN is true, ns. */
    public long elapsed(long now) {
      return since < 0 ? 0 : Math.min(preset, now - since);
    }
  }

  /** Off-delay: Q stays true for the preset after IN goes false. */
  public static final class Tof {
    private final long preset;
    private long fellAt = -1;
    private boolean q;

    public Tof(Duration preset) {
      this.preset = preset.toNanos();
    }

    public boolean update(boolean in, long now) {
      if (in) {
        fellAt = -1;
        q = true;
      } else if (q) {
        if (fellAt < 0) {
          fellAt = now;
        }
        q = now - fellAt < preset;
      }
      return q;
    }

    public boolean q() {
      return q;
    }
  }

  /** Rising-edge detector (R_TRIG). */
  public static final class Rising {
    private boolean last;

    public boolean update(boolean in) {
      boolean edge = in && !last;
      last = in;
      return edge;
    }
  }

  /** Falling-edge detector (F_TRIG). */
  public static final class Falling {
    private boolean last;

    public boolean update(boolean in) {
      boolean edge = !in && last;
      last = in;
      return edge;
    }
  }
}
