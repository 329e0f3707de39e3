package io.twinline.opcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.opcua.ServerOptions;
import io.twinline.opcua.net.ConnectionLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The figures in docs/security.md's tables are the server's defaults. */
class SecurityDocsTest {

  private static final Path DOC = Path.of("..", "docs", "security.md");

  /** Every "| name | value |" row of the page. */
  private static Map<String, String> rows() throws Exception {
    Map<String, String> rows = new HashMap<>();
    Matcher row = Pattern.compile("(?m)^\\| ([^|]+?) \\| ([^|]+?) \\|$").matcher(
        Files.readString(DOC));
    while (row.find()) {
      rows.put(row.group(1), row.group(2));
    }
    return rows;
  }

  @Test
  void theConnectionAndSessionLimitsShownAreTheDefaults() throws Exception {
    Map<String, String> rows = rows();
    ConnectionLimits limits = ConnectionLimits.defaults();

    assertThat(rows.get("connections")).isEqualTo("" + limits.maxConnections());
    assertThat(rows.get("connections from one address"))
        .isEqualTo("" + limits.maxConnectionsPerAddress());
    assertThat(rows.get("time to log in")).isEqualTo(limits.loginDeadline().toSeconds() + " s");
    assertThat(rows.get("activated sessions"))
        .isEqualTo("" + ServerOptions.Limits.defaults().maxSessions());
    assertThat(rows.get("sessions created but not yet activated"))
        .isEqualTo("" + limits.maxUnactivatedSessions());
  }

  @Test
  void theLoginRulesShownAreTheThrottles() throws Exception {
    Map<String, String> rows = rows();

    assertThat(rows.get("failed logins of one user name before it is backed off"))
        .isEqualTo("" + LoginThrottle.FREE_FAILURES_PER_USER);
    assertThat(rows.get("failed logins from one address before it is backed off"))
        .isEqualTo("" + LoginThrottle.FREE_FAILURES_PER_ADDRESS);
    assertThat(rows.get("first backoff, doubled with each further failure"))
        .isEqualTo(LoginThrottle.FIRST_BACKOFF.toSeconds() + " s");
    assertThat(rows.get("longest backoff")).isEqualTo(LoginThrottle.MAX_BACKOFF.toSeconds() + " s");
  }
}
