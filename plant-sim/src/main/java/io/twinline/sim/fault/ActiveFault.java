package io.twinline.sim.fault;

import io.twinline.line.fault.FaultSpec;

/**
 * A fault in force.
 *
 * @param spec what was injected
 * @param since simulated time it started, ns
 * @param until simulated time it ends by itself, ns, or {@link Long#MAX_VALUE}
 */
public record ActiveFault(FaultSpec spec, long since, long until) {}
