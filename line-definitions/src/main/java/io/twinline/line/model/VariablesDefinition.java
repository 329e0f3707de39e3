package io.twinline.line.model;

import io.twinline.line.SignalDefinition;
import io.twinline.line.SourceLocation;
import java.util.List;

/**
 * Plain PLC-visible variables with no behaviour: recipe parameters, HMI values, handshake
 * words. Inputs are set by the harness or by recipes; outputs by the PLC.
 */
public record VariablesDefinition(
    String name, String description, SourceLocation location, List<SignalDefinition> variables)
    implements ComponentDefinition {

  public static final String TYPE = "variables";

  public VariablesDefinition {
    variables = List.copyOf(variables);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<SignalDefinition> signals() {
    return variables;
  }
}
