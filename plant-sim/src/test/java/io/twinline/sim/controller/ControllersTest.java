package io.twinline.sim.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinline.line.LineDefinitions;
import io.twinline.line.model.LineDefinition;
import io.twinline.sim.run.Session;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Controllers found by specification, and a program bound to the plant by tags. */
class ControllersTest {

  /** Runs the belt while the end eye is free, through tags bound once. */
  public static final class BeltProgram implements ControlProgram {
    private ProcessImage.Tag atEnd;
    private ProcessImage.Tag motor;
    int scans;

    @Override
    public void init(ProcessImage io) {
      atEnd = io.tag("Belt/AtEnd");
      motor = io.tag("Q_Belt");
    }

    @Override
    public void scan(ProcessImage io) {
      scans++;
      io.set(motor, !io.bool(atEnd));
    }
  }

  private static LineDefinition line() throws Exception {
    return LineDefinitions.parse("c.yaml", """
        line: C
        components:
          - {name: Feeder, type: source, interval: 5 s, part: {type: box, length: 0.2 m},
             to: Belt}
          - {name: Belt, type: conveyor, length: 2.0 m, speed: 0.5 m/s, to: Out,
             signals: {MotorOn: {tag: Q_Belt}}}
          - {name: AtEnd, type: photo-eye, conveyor: Belt, position: 2.0 m}
          - {name: Out, type: sink}
        """);
  }

  @Test
  void aClassIsFoundByItsNameWithOrWithoutTheClassScheme() throws Exception {
    LineDefinition line = line();
    String name = BeltProgram.class.getName();

    assertThat(Controllers.resolve("class:" + name, line).orElseThrow().get())
        .isInstanceOf(BeltProgram.class);
    assertThat(Controllers.resolve(name, line).orElseThrow().get()).isInstanceOf(BeltProgram.class);
    assertThat(Controllers.resolve("none", line)).isEmpty();
    assertThat(Controllers.describe("class:" + name, line)).isEqualTo(name);
  }

  @Test
  void anUnknownSchemeNamesTheControllersThereAre() throws Exception {
    assertThatThrownBy(() -> Controllers.resolve("st:main.st", line()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no controller 'st:main.st'")
        .hasMessageContaining("class:NAME");
    assertThatThrownBy(() -> Controllers.resolve("class:no.such.Program", line()))
        .hasMessageContaining("no class no.such.Program");
  }

  @Test
  void aProgramBoundByTagsRunsTheLine() throws Exception {
    Session session = new Session(line());
    BeltProgram program = new BeltProgram();
    SoftPlc plc = new SoftPlc(session, program, Duration.ofMillis(10)).start();

    session.runFor(Duration.ofSeconds(5).toNanos());

    // the box reaches the eye at 4 s (the motor came on with the first scan's write at 10 ms)
    assertThat(session.plant().signal("Belt/AtEnd").booleanValue()).isTrue();
    assertThat(session.plant().signal("Belt/MotorOn").booleanValue()).isFalse();
    assertThat(program.scans).isEqualTo(plc.scans()).isEqualTo(501);
  }

  @Test
  void aTagThatNamesNoSignalStopsTheRunAtTheFirstScan() throws Exception {
    Session session = new Session(line());
    new SoftPlc(session, new ControlProgram() {
      @Override
      public void init(ProcessImage io) {
        io.tag("Belt/Nothing");
      }

      @Override
      public void scan(ProcessImage io) {}
    }, Duration.ofMillis(10)).start();

    assertThatThrownBy(() -> session.runFor(Duration.ofMillis(20).toNanos()))
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .rootCause().hasMessageContaining("Belt/Nothing");
  }

  @Test
  void aProgramThatComesToWantTheForcedValueHasItOnRelease() throws Exception {
    Session session = new Session(line());
    boolean[] want = {false};
    new SoftPlc(session, new ControlProgram() {
      @Override
      public void scan(ProcessImage io) {
        io.set("Q_Belt", want[0]);
      }
    }, Duration.ofMillis(10)).start();
    session.runFor(Duration.ofMillis(50).toNanos());
    session.apply(new io.twinline.sim.run.Force(
        io.twinline.line.SignalPath.parse("Belt/MotorOn"), true));

    want[0] = true; // the program now wants what is forced
    session.runFor(Duration.ofMillis(50).toNanos());
    session.apply(new io.twinline.sim.run.Release(
        io.twinline.line.SignalPath.parse("Belt/MotorOn")));

    assertThat(session.plant().signal("Belt/MotorOn").booleanValue())
        .as("the program's write, not the value from before the force").isTrue();
  }
}
