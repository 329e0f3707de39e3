package io.twinline.opcua;

import static io.twinline.opcua.ServerFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.twinline.opcua.security.Pki;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endpoints and certificates: the server offers None (unless switched off), Basic256Sha256 and
 * Aes128_Sha256_RsaOaep; it makes its own certificate on first start; it refuses a client whose
 * certificate it does not trust and puts that certificate in {@code rejected/}, from where an
 * admin moves it to {@code trusted/certs/}.
 */
class SecurityTest {

  @TempDir Path pki;
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** A PLC's application instance certificate. */
  private record ClientIdentity(KeyPair keys, X509Certificate certificate) {
    static ClientIdentity create() throws Exception {
      KeyPair keys = Pki.newKeyPair();
      X509Certificate certificate =
          new SelfSignedCertificateBuilder(keys)
              .setCommonName("Test PLC")
              .setOrganization("Twinline tests")
              .setApplicationUri("urn:twinline:test-client")
              .addDnsName("localhost")
              .build();
      return new ClientIdentity(keys, certificate);
    }

    /** Configures a client with this certificate, trusting only {@code server}'s. */
    Consumer<OpcUaClientConfigBuilder> config(X509Certificate server) {
      CertificateValidator onlyTheServer =
          (chain, applicationUri, hostnames) -> {
            if (!chain.get(0).equals(server)) {
              throw new UaException(StatusCodes.Bad_CertificateUntrusted);
            }
          };
      return b ->
          b.setKeyPair(keys)
              .setCertificate(certificate)
              .setCertificateChain(new X509Certificate[] {certificate})
              .setCertificateValidator(onlyTheServer);
    }

    void trustIn(Path pkiFolder) throws Exception {
      Path trusted = pkiFolder.resolve("trusted").resolve("certs");
      Files.createDirectories(trusted);
      Files.write(trusted.resolve("test-plc.der"), certificate.getEncoded());
    }
  }

  private OpcUaClient connect(
      ClientIdentity client, SecurityPolicy policy, MessageSecurityMode mode) throws UaException {
    return fixture.connect(policy, mode, client.config(fixture.server.pki().certificate()));
  }

  @Test
  void theServerOffersNoneAndTheSecurePoliciesAndMakesItsCertificateOnce() throws Exception {
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o);

    List<EndpointDescription> endpoints =
        DiscoveryClient.getEndpoints(fixture.server.endpointUrl()).get();
    assertThat(endpoints.stream().map(e -> shortName(e)).distinct())
        .containsExactlyInAnyOrder(
            "None/None",
            "Basic256Sha256/Sign",
            "Basic256Sha256/SignAndEncrypt",
            "Aes128_Sha256_RsaOaep/Sign",
            "Aes128_Sha256_RsaOaep/SignAndEncrypt");
    assertThat(pki.resolve("own").resolve("twinline-server.pfx")).exists();
    X509Certificate first = fixture.server.pki().certificate();
    assertThat(first.getSubjectX500Principal().getName()).contains("CN=Twinline");

    fixture.close();
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o);
    assertThat(fixture.server.pki().certificate())
        .as("the certificate is kept across restarts, so PLCs need to trust it once")
        .isEqualTo(first);
  }

  private static String shortName(EndpointDescription e) {
    return SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri()).map(Enum::name).orElse("?")
        + "/" + e.getSecurityMode().name();
  }

  @Test
  void withoutNoneOnlySecureEndpointsAreOffered() throws Exception {
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o.withAllowNone(false));

    List<EndpointDescription> endpoints =
        DiscoveryClient.getEndpoints(fixture.server.endpointUrl()).get();

    assertThat(endpoints)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getSecurityMode()).isNotEqualTo(MessageSecurityMode.None));
    assertThatThrownBy(() -> fixture.connect()).isInstanceOf(UaException.class);
  }

  @Test
  void aTrustedClientConnectsWithEveryPolicyAndMode() throws Exception {
    ClientIdentity plc = ClientIdentity.create();
    plc.trustIn(pki);
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o.withAllowNone(false));

    for (SecurityPolicy policy :
        List.of(SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep)) {
      for (MessageSecurityMode mode :
          List.of(MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt)) {
        OpcUaClient client = connect(plc, policy, mode);
        assertThat(read(client, fixture.signal("Belt/MotorOn")).value().value())
            .as(policy + " " + mode)
            .isEqualTo(false);
        client.disconnect();
      }
    }
    assertThat(pki.resolve("rejected")).isEmptyDirectory();
  }

  @Test
  void anUntrustedClientIsRefusedAndLandsInRejectedUntilAnAdminTrustsIt() throws Exception {
    ClientIdentity plc = ClientIdentity.create();
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o);

    assertThatThrownBy(
            () -> connect(plc, SecurityPolicy.Basic256Sha256, MessageSecurityMode.SignAndEncrypt))
        .isInstanceOf(UaException.class)
        .satisfies(
            e ->
                assertThat(((UaException) e).getStatusCode().getValue())
                    .isEqualTo(StatusCodes.Bad_SecurityChecksFailed));
    Path rejected = pki.resolve("rejected");
    List<Path> quarantined;
    try (Stream<Path> files = Files.list(rejected)) {
      quarantined = files.toList();
    }
    assertThat(quarantined).hasSize(1);
    assertThat(Files.readAllBytes(quarantined.get(0))).isEqualTo(plc.certificate().getEncoded());

    // The admin's fix: move the certificate to trusted/certs. The server picks it up.
    Files.move(
        quarantined.get(0),
        pki.resolve("trusted").resolve("certs").resolve(quarantined.get(0).getFileName()));
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(
            () -> {
              OpcUaClient client =
                  connect(plc, SecurityPolicy.Basic256Sha256, MessageSecurityMode.SignAndEncrypt);
              return read(client, fixture.signal("Belt/MotorOn")).statusCode().isGood();
            });
  }

  @Test
  void trustAllAcceptsAnUnknownClientForLabUse() throws Exception {
    ClientIdentity plc = ClientIdentity.create();
    fixture = ServerFixture.start(TimeMode.STEPPED, 1.0, pki, o -> o.withTrustAllClients(true));

    OpcUaClient client =
        connect(plc, SecurityPolicy.Aes128_Sha256_RsaOaep, MessageSecurityMode.SignAndEncrypt);

    assertThat(read(client, fixture.signal("Belt/MotorOn")).statusCode().isGood()).isTrue();
  }
}
