package io.twinline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinline.line.LineDefinitions;
import io.twinline.opcua.security.Pki;
import io.twinline.sim.run.TimeMode;
import java.net.URL;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with the OPC UA server's own key store: the browser sees the certificate PLCs trust. */
class TlsTest {

  @Test
  void theConsoleServesHttpsWithTheServersCertificate(@TempDir Path folder) throws Exception {
    try (Pki pki = Pki.open(folder, "urn:twinline:test", Set.of("localhost", "127.0.0.1"),
        false);
        ConsoleFixture web = new ConsoleFixture(LineDefinitions.parse("r.yaml",
            ConsoleFixture.LINE), TimeMode.STEPPED,
            WebOptions.defaults().withTls(pki.keyStore(), pki.keyStorePassword()))) {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String type) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String type) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }}, null);
      HttpsURLConnection connection = (HttpsURLConnection) new URL(
          "https://127.0.0.1:" + web.port() + "/api/health").openConnection();
      connection.setSSLSocketFactory(tls.getSocketFactory());
      connection.setHostnameVerifier((host, session) -> true);

      assertThat(connection.getResponseCode()).isEqualTo(200);
      assertThat(connection.getServerCertificates()[0]).isEqualTo(pki.certificate());
      connection.disconnect();
    }
  }
}
