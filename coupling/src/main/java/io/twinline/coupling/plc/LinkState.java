package io.twinline.coupling.plc;

/** The state of the link to the PLC, as the coupling sees it. */
public enum LinkState {
  /** Opening the connection (at the start, and after each backoff). */
  CONNECTING,
  /** Connected: the process image is exchanged every cycle. */
  UP,
  /** The last attempt or exchange failed; waiting out the backoff before the next attempt. */
  DOWN
}
