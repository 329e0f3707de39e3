package io.twinline.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The log configuration the {@code twinline} command ships (cli/src/main/resources/logback.xml)
 * leaves refused connections to {@link ConnectionRefusals}: Milo's handshake loggers, which log
 * each one at ERROR with a stack trace, are off.
 */
class LoggingConfigurationTest {

  private static final Path CLI_LOGBACK =
      Path.of("..", "cli", "src", "main", "resources", "logback.xml");

  @Test
  void theCommandsLogConfigurationSilencesMilosHandshakeLoggersAndKeepsOurRefusalLine()
      throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);

    configurator.doConfigure(CLI_LOGBACK.toFile());

    assertThat(context.getStatusManager().getCopyOfStatusList())
        .as("logback found every included file")
        .noneMatch(s -> s.getLevel() >= Status.WARN);
    String uasc = "org.eclipse.milo.opcua.stack.transport.server.uasc.";
    assertThat(context.getLogger(uasc + "UascServerHelloHandler").getEffectiveLevel())
        .isEqualTo(Level.OFF);
    assertThat(context.getLogger(uasc + "UascServerAsymmetricHandler").getEffectiveLevel())
        .isEqualTo(Level.OFF);
    assertThat(
            context.getLogger(ConnectionRefusals.class).isEnabledFor(Level.WARN))
        .isTrue();
    context.stop();
  }
}
