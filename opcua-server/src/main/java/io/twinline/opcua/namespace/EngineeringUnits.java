package io.twinline.opcua.namespace;

import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;

/**
 * Engineering units as OPC UA describes them: UNECE Recommendation 20 codes, as Part 8 asks, so
 * that clients show the right unit.
 */
final class EngineeringUnits {

  private static final String UNECE = "http://www.opcfoundation.org/UA/units/un/cefact";

  /** Unit as written in line files to its UNECE common code. */
  private static final Map<String, String> CODES =
      Map.ofEntries(
          Map.entry("m", "MTR"),
          Map.entry("mm", "MMT"),
          Map.entry("cm", "CMT"),
          Map.entry("m/s", "MTS"),
          Map.entry("%", "P1"),
          Map.entry("°C", "CEL"),
          Map.entry("K", "KEL"),
          Map.entry("s", "SEC"),
          Map.entry("ms", "C26"),
          Map.entry("l", "LTR"),
          Map.entry("m3", "MTQ"),
          Map.entry("l/s", "G51"),
          Map.entry("m3/s", "MQS"),
          Map.entry("m3/h", "MQH"),
          Map.entry("W", "WTT"),
          Map.entry("kW", "KWT"),
          Map.entry("bar", "BAR"),
          Map.entry("kg", "KGM"),
          Map.entry("rpm", "RPM"),
          Map.entry("Hz", "HTZ"));

  private EngineeringUnits() {}

  static EUInformation of(String unit) {
    String code = CODES.get(unit);
    int unitId = code == null ? -1 : unitId(code);
    return new EUInformation(UNECE, unitId, LocalizedText.english(unit),
        LocalizedText.english(unit));
  }

  /** Part 8: the UnitId is the code's characters packed into an Int32, left to right. */
  private static int unitId(String code) {
    int id = 0;
    for (char c : code.toCharArray()) {
      id = (id << 8) | c;
    }
    return id;
  }
}
