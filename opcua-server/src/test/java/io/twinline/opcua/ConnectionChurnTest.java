package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static io.twinline.opcua.ServerFixture.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.sim.run.TimeMode;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients come and go all day (PLCs restart, engineers open and close UaExpert): the server must
 * end up where it started, whether a client closes its session or just drops the connection.
 */
class ConnectionChurnTest {

  private static final int CYCLES = 1000;

  @TempDir Path pki;
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private OpcUaClient client(long sessionTimeoutMillis) throws Exception {
    return fixture.create(
        SecurityPolicy.None,
        MessageSecurityMode.None,
        b -> b.setSessionTimeout(Unsigned.uint(sessionTimeoutMillis)));
  }

  /** One client's visit: connect, read, every tenth one subscribes, disconnect properly. */
  private void visit(int i) throws Exception {
    OpcUaClient client = client(60_000);
    client.connect();
    assertThat(read(client, fixture.signal("Belt/MotorOn")).statusCode().isGood()).isTrue();
    if (i % 10 == 0) {
      List<DataValue> sink = new CopyOnWriteArrayList<>();
      subscribe(client, fixture.signal("Belt/AtEnd"), 10, 0, 10, sink);
    }
    fixture.release(client);
  }

  private static long usedHeapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  @Test
  void aThousandVisitsLeaveNoSessionsAndNoHeapBehind() throws Exception {
    fixture = ServerFixture.start(TimeMode.SCALED, 10.0, pki, o -> o);
    for (int i = 0; i < 50; i++) {
      visit(i);
    }
    await().until(() -> fixture.server.sessionCount() == 0);
    long before = usedHeapAfterGc();

    long start = System.nanoTime();
    for (int i = 0; i < CYCLES; i++) {
      visit(i);
    }
    System.out.printf("%d visits in %.1f s%n", CYCLES, (System.nanoTime() - start) / 1e9);

    await().until(() -> fixture.server.sessionCount() == 0);
    assertThat(fixture.server.namespace().pushedItemCount()).isZero();
    long after = usedHeapAfterGc();
    System.out.printf("heap after GC: %d KiB before, %d KiB after %d visits%n", before / 1024,
        after / 1024, CYCLES);
    assertThat(after - before)
        .as("heap growth over %d visits: %d KiB (before %d KiB)", CYCLES, (after - before) / 1024,
            before / 1024)
        .isLessThan(16L * 1024 * 1024);
  }
}
