package io.twinline.stplc.lib;

import io.twinline.line.SourceLocation;
import io.twinline.stplc.runtime.Clock;
import io.twinline.stplc.runtime.Frame;
import io.twinline.stplc.runtime.Layout;
import io.twinline.stplc.runtime.Stmt;
import io.twinline.stplc.runtime.Type;
import io.twinline.stplc.runtime.Var;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard function blocks of IEC 61131-3 (timers, edge detectors, counters, bistables),
 * with their bodies in Java. Timers measure the simulated time of the scan in {@link Clock}.
 */
public final class StandardBlocks {

  private static final SourceLocation BUILT_IN = SourceLocation.inCode("IEC 61131-3 standard library");

  private StandardBlocks() {}

  /** The standard function block types, by name, timing on {@code clock}. */
  public static Map<String, Type> create(Clock clock) {
    Map<String, Type> blocks = new LinkedHashMap<>();
    timer(blocks, "TON", clock, TON);
    timer(blocks, "TOF", clock, TOF);
    timer(blocks, "TP", clock, TP);
    trigger(blocks, "R_TRIG", true);
    trigger(blocks, "F_TRIG", false);
    counters(blocks);
    bistables(blocks);
    return blocks;
  }

  private static final int TON = 0;
  private static final int TOF = 1;
  private static final int TP = 2;

  private static Type block(Map<String, Type> blocks, String name) {
    Type type = Type.composite(Type.Kind.FB, name);
    type.layout = new Layout(name, BUILT_IN);
    blocks.put(name, type);
    return type;
  }

  private static void in(Layout l, String name, Type type) {
    l.add(name, type, Var.Section.INPUT, BUILT_IN, null, false, false);
  }

  private static void out(Layout l, String name, Type type) {
    l.add(name, type, Var.Section.OUTPUT, BUILT_IN, null, false, false);
  }

  private static void local(Layout l, String name, Type type) {
    l.add(name, type, Var.Section.LOCAL, BUILT_IN, null, false, false);
  }

  /** IN(0), PT(1) in; Q(2), ET(3) out; start(4), running(5), previous IN(6). */
  private static void timer(Map<String, Type> blocks, String name, Clock clock, int kind) {
    Layout l = block(blocks, name).layout;
    in(l, "IN", Type.BOOL);
    in(l, "PT", Type.TIME);
    out(l, "Q", Type.BOOL);
    out(l, "ET", Type.TIME);
    local(l, "StartTime", Type.TIME);
    local(l, "Running", Type.BOOL);
    local(l, "PreviousIN", Type.BOOL);
    l.body = switch (kind) {
      case TON -> new Stmt() {
        @Override
        public int run(Frame f) {
          long[] v = f.l;
          if (v[0] == 0) {
            v[2] = 0;
            v[3] = 0;
            v[5] = 0;
          } else {
            if (v[5] == 0) {
              v[5] = 1;
              v[4] = clock.now;
            }
            long et = clock.now - v[4];
            if (et >= v[1]) {
              v[3] = v[1];
              v[2] = 1;
            } else {
              v[3] = et;
              v[2] = 0;
            }
          }
          return NEXT;
        }
      };
      case TOF -> new Stmt() {
        @Override
        public int run(Frame f) {
          long[] v = f.l;
          if (v[0] != 0) {
            v[2] = 1;
            v[3] = 0;
            v[5] = 0;
          } else if (v[2] != 0) {
            if (v[5] == 0) {
              v[5] = 1;
              v[4] = clock.now;
            }
            long et = clock.now - v[4];
            if (et >= v[1]) {
              v[3] = v[1];
              v[2] = 0;
              v[5] = 0;
            } else {
              v[3] = et;
            }
          }
          return NEXT;
        }
      };
      default -> new Stmt() {
        @Override
        public int run(Frame f) {
          long[] v = f.l;
          boolean rising = v[0] != 0 && v[6] == 0;
          v[6] = v[0];
          if (v[5] == 0 && rising) {
            v[5] = 1;
            v[4] = clock.now;
          }
          if (v[5] != 0) {
            long et = clock.now - v[4];
            if (et >= v[1]) {
              v[3] = v[1];
              v[2] = 0;
              v[5] = 0;
            } else {
              v[3] = et;
              v[2] = 1;
            }
          }
          if (v[5] == 0 && v[0] == 0) {
            v[3] = 0;
          }
          return NEXT;
        }
      };
    };
  }

  /** CLK(0) in; Q(1) out; M(2), the previous CLK. */
  private static void trigger(Map<String, Type> blocks, String name, boolean rising) {
    Layout l = block(blocks, name).layout;
    in(l, "CLK", Type.BOOL);
    out(l, "Q", Type.BOOL);
    local(l, "M", Type.BOOL);
    l.body = new Stmt() {
      @Override
      public int run(Frame f) {
        long[] v = f.l;
        v[1] = rising ? v[0] & (v[2] ^ 1) : (v[0] ^ 1) & v[2];
        v[2] = v[0];
        return NEXT;
      }
    };
  }

  private static final long PV_MAX = Short.MAX_VALUE;
  private static final long PV_MIN = Short.MIN_VALUE;

  private static void counters(Map<String, Type> blocks) {
    // CTU: CU(0), R(1), PV(2) in; Q(3), CV(4) out; previous CU(5)
    Layout ctu = block(blocks, "CTU").layout;
    in(ctu, "CU", Type.BOOL);
    in(ctu, "R", Type.BOOL);
    in(ctu, "PV", Type.INT);
    out(ctu, "Q", Type.BOOL);
    out(ctu, "CV", Type.INT);
    local(ctu, "PreviousCU", Type.BOOL);
    ctu.body = new Stmt() {
      @Override
      public int run(Frame f) {
        long[] v = f.l;
        boolean rising = v[0] != 0 && v[5] == 0;
        v[5] = v[0];
        if (v[1] != 0) {
          v[4] = 0;
        } else if (rising && v[4] < PV_MAX) {
          v[4]++;
        }
        v[3] = v[4] >= v[2] ? 1 : 0;
        return NEXT;
      }
    };
    // CTD: CD(0), LD(1), PV(2) in; Q(3), CV(4) out; previous CD(5)
    Layout ctd = block(blocks, "CTD").layout;
    in(ctd, "CD", Type.BOOL);
    in(ctd, "LD", Type.BOOL);
    in(ctd, "PV", Type.INT);
    out(ctd, "Q", Type.BOOL);
    out(ctd, "CV", Type.INT);
    local(ctd, "PreviousCD", Type.BOOL);
    ctd.body = new Stmt() {
      @Override
      public int run(Frame f) {
        long[] v = f.l;
        boolean rising = v[0] != 0 && v[5] == 0;
        v[5] = v[0];
        if (v[1] != 0) {
          v[4] = v[2];
        } else if (rising && v[4] > PV_MIN) {
          v[4]--;
        }
        v[3] = v[4] <= 0 ? 1 : 0;
        return NEXT;
      }
    };
    // CTUD: CU(0), CD(1), R(2), LD(3), PV(4) in; QU(5), QD(6), CV(7) out; previous CU(8), CD(9)
    Layout ctud = block(blocks, "CTUD").layout;
    in(ctud, "CU", Type.BOOL);
    in(ctud, "CD", Type.BOOL);
    in(ctud, "R", Type.BOOL);
    in(ctud, "LD", Type.BOOL);
    in(ctud, "PV", Type.INT);
    out(ctud, "QU", Type.BOOL);
    out(ctud, "QD", Type.BOOL);
    out(ctud, "CV", Type.INT);
    local(ctud, "PreviousCU", Type.BOOL);
    local(ctud, "PreviousCD", Type.BOOL);
    ctud.body = new Stmt() {
      @Override
      public int run(Frame f) {
        long[] v = f.l;
        boolean up = v[0] != 0 && v[8] == 0;
        boolean down = v[1] != 0 && v[9] == 0;
        v[8] = v[0];
        v[9] = v[1];
        if (v[2] != 0) {
          v[7] = 0;
        } else if (v[3] != 0) {
          v[7] = v[4];
        } else if (up && !down) {
          if (v[7] < PV_MAX) {
            v[7]++;
          }
        } else if (down && !up) {
          if (v[7] > PV_MIN) {
            v[7]--;
          }
        }
        v[5] = v[7] >= v[4] ? 1 : 0;
        v[6] = v[7] <= 0 ? 1 : 0;
        return NEXT;
      }
    };
  }

  private static void bistables(Map<String, Type> blocks) {
    // SR: S1(0), R(1) in; Q1(2) out; set dominant
    Layout sr = block(blocks, "SR").layout;
    in(sr, "S1", Type.BOOL);
    in(sr, "R", Type.BOOL);
    out(sr, "Q1", Type.BOOL);
    sr.body = new Stmt() {
      @Override
      public int run(Frame f) {
        long[] v = f.l;
        v[2] = v[0] | ((v[1] ^ 1) & v[2]);
        return NEXT;
      }
    };
    // RS: S(0), R1(1) in; Q1(2) out; reset dominant
    Layout rs = block(blocks, "RS").layout;
    in(rs, "S", Type.BOOL);
    in(rs, "R1", Type.BOOL);
    out(rs, "Q1", Type.BOOL);
    rs.body = new Stmt() {
      @Override
      public int run(Frame f) {
        long[] v = f.l;
        v[2] = (v[1] ^ 1) & (v[0] | v[2]);
        return NEXT;
      }
    };
  }
}
