package io.twinline.line.model;

/**
 * How the valves of a pneumatic piston (a cylinder, a pusher) drive it, as the pneumatic drawing
 * shows them.
 *
 * <p>Single acting ({@code return: spring}): one valve; on drives the piston out, off lets the
 * spring bring it back. Double acting ({@code return: valve}): two solenoids of a 5/3 valve,
 * {@code Extend} and {@code Retract}; one of them on drives the piston that way; both on keeps
 * both chambers pressurised and blocked, so the piston holds where it is; both off puts the valve
 * in its centre position:
 *
 * <ul>
 *   <li>{@link Centre#CLOSED}: both ports blocked, the piston holds where it is;
 *   <li>{@link Centre#EXHAUST}: both chambers vented, the piston is free: it stays where it is,
 *       unless its {@code load} (a vertical cylinder's weight) moves it, at its stroke time;
 *   <li>{@link Centre#PRESSURE}: both chambers pressurised: the larger piston area wins and the
 *       piston extends, at half speed.
 * </ul>
 *
 * @param doubleActing two valves (true) or one valve and a spring (false)
 * @param centre the 5/3 valve's centre position (double acting only)
 * @param load what moves a free piston (exhaust centre only)
 */
public record PistonValves(boolean doubleActing, Centre centre, Load load) {

  /** One valve and a return spring. */
  public static final PistonValves SPRING = new PistonValves(false, Centre.CLOSED, Load.NONE);

  /** Two valves, closed centre: the behaviour of a cylinder without further keys. */
  public static final PistonValves DOUBLE = new PistonValves(true, Centre.CLOSED, Load.NONE);

  /** The centre position of a 5/3 valve: both solenoids off. */
  public enum Centre {
    CLOSED,
    EXHAUST,
    PRESSURE;

    public String keyword() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What moves a free piston (exhaust centre): nothing, or its weight out or in. */
  public enum Load {
    NONE,
    EXTENDS,
    RETRACTS;

    public String keyword() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
