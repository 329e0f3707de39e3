package io.twinline.opcua.namespace;

import io.twinline.line.Analog;
import io.twinline.line.SignalDefinition;
import io.twinline.opcua.mapping.OpcUaTypes;
import io.twinline.sim.run.SetSignal;
import io.twinline.sim.run.SimulationRunner;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;

/**
 * Turns a client's write of a signal's value into a command for the simulation. The node's value
 * is not touched here: it changes when the simulation applies the write at its next I/O cycle and
 * publishes the result, so a read always shows the plant's state.
 *
 * <p>Milo has already checked the access level and the data type; this filter checks the type
 * again (a node never sends the plant a value of the wrong type) and the engineering range
 * ({@code Bad_OutOfRange}). Raw counts are not range checked: analog cards accept overrange.
 */
final class SignalWriteFilter implements AttributeFilter {

  private final SignalDefinition definition;
  private final SimulationRunner runner;

  SignalWriteFilter(SignalDefinition definition, SimulationRunner runner) {
    this.definition = definition;
    this.runner = runner;
  }

  @Override
  public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value)
      throws UaException {
    if (attributeId != AttributeId.Value) {
      ctx.writeAttribute(attributeId, value);
      return;
    }
    DataValue dataValue = (DataValue) value;
    Object plantValue = OpcUaTypes.plantValue(definition.type(), dataValue.value());
    if (plantValue == null) {
      throw new UaException(
          StatusCodes.Bad_TypeMismatch,
          definition.path() + " takes a " + definition.type().displayName());
    }
    if (definition.analog().isPresent() && definition.rawOf().isEmpty()) {
      Analog range = definition.analog().get();
      double number = OpcUaTypes.numeric(definition.type(), plantValue);
      if (!(number >= range.min() && number <= range.max())) {
        throw new UaException(
            StatusCodes.Bad_OutOfRange,
            definition.path() + " takes " + range.min() + ".." + range.max() + " " + range.unit());
      }
    }
    if (runner.termination().isDone()) {
      throw new UaException(StatusCodes.Bad_InvalidState, "the simulation is not running");
    }
    runner.submit(new SetSignal(definition.path(), plantValue));
  }
}
