package io.twinline.opcua.security;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's PKI folder, the layout OPC UA tools expect:
 *
 * <ul>
 *   <li>{@code own/} the application instance certificate and key (a PKCS#12 key store),
 *       generated on first start, and the key store's password, generated per installation; the
 *       PKI folder and {@code own/} are readable by the server's user only (see {@link
 *       OwnKeyStore});
 *   <li>{@code trusted/certs/} client certificates the server accepts (copy a PLC's certificate
 *       here to trust it), {@code issuer/} their CAs;
 *   <li>{@code rejected/} certificates of clients that were refused, to be moved to {@code
 *       trusted/certs/} by an administrator.
 * </ul>
 */
public final class Pki implements java.io.Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(Pki.class);

  static {
    // Some security policies need algorithms only Bouncy Castle provides.
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }

  private final Path root;
  private final FileBasedTrustListManager trustList;
  private final DefaultCertificateManager certificateManager;
  private final X509Certificate certificate;

  private Pki(
      Path root,
      FileBasedTrustListManager trustList,
      DefaultCertificateManager manager,
      X509Certificate certificate) {
    this.root = root;
    this.trustList = trustList;
    this.certificateManager = manager;
    this.certificate = certificate;
  }

  /**
   * Opens (and on first use creates) the PKI folder.
   *
   * @param applicationUri put into a new certificate
   * @param hostnames put into a new certificate's subject alternative names
   * @param trustAllClients accept every client certificate (for the lab only)
   */
  public static Pki open(
      Path root, String applicationUri, Set<String> hostnames, boolean trustAllClients)
      throws IOException {
    try {
      OwnKeyStore own = OwnKeyStore.prepare(root);
      FileBasedTrustListManager trustList = FileBasedTrustListManager.createAndInitialize(root);
      CertificateQuarantine rejected = FileBasedCertificateQuarantine.create(root.resolve("rejected"));
      CertificateStore store =
          KeyStoreCertificateStore.createAndInitialize(
              new KeyStoreCertificateStore.Settings(
                  own.file(), own::password, alias -> own.password()));
      CertificateValidator validator =
          trustAllClients
              ? new TrustAll()
              : new DefaultServerCertificateValidator(trustList, rejected);
      RsaSha256CertificateFactory factory =
          new RsaSha256CertificateFactory() {
            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair)
                throws Exception {
              LOG.info("creating the application instance certificate in {}", root.resolve("own"));
              SelfSignedCertificateBuilder builder =
                  new SelfSignedCertificateBuilder(keyPair)
                      .setCommonName("Twinline")
                      .setOrganization("Twinline")
                      .setApplicationUri(applicationUri);
              for (String host : hostnames) {
                if (host.matches("[0-9.]+")) {
                  builder.addIpAddress(host);
                } else {
                  builder.addDnsName(host);
                }
              }
              return new X509Certificate[] {builder.build()};
            }
          };
      DefaultApplicationGroup group =
          DefaultApplicationGroup.createAndInitialize(trustList, store, factory, validator);
      own.restrict(); // written just now if this is the first start
      DefaultCertificateManager manager = new DefaultCertificateManager(rejected, group);
      X509Certificate certificate =
          group.getCertificateChain(NodeIds.RsaSha256ApplicationCertificateType)
              .orElseThrow(() -> new IOException("no application certificate in " + root))[0];
      return new Pki(root, trustList, manager, certificate);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot set up the PKI folder " + root + ": " + e.getMessage(), e);
    }
  }

  public Path root() {
    return root;
  }

  public Path trustedCertificates() {
    return root.resolve("trusted").resolve("certs");
  }

  public Path rejected() {
    return root.resolve("rejected");
  }

  /** The client certificates trusted now (the trusted folder is watched for changes). */
  public List<X509Certificate> trusted() {
    return trustList.getTrustedCertificates();
  }

  public DefaultCertificateManager certificateManager() {
    return certificateManager;
  }

  /**
   * The PKCS#12 key store holding the server's key and certificate, for TLS on the other
   * endpoints of the same server (the web console): they then show the certificate PLCs trust.
   */
  public Path keyStore() {
    return root.resolve("own").resolve(OwnKeyStore.FILE);
  }

  /** The password of {@link #keyStore()} (and of its key). */
  public char[] keyStorePassword() throws IOException {
    return OwnKeyStore.prepare(root).password();
  }

  /** The application instance certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** Stops watching the trusted folder. */
  @Override
  public void close() throws IOException {
    trustList.close();
  }

  /** A fresh RSA key pair, e.g. for a test client. */
  public static KeyPair newKeyPair() throws Exception {
    return SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
  }

  /** Accepts every client certificate: {@code --trust-all-clients}, for the lab only. */
  private static final class TrustAll implements CertificateValidator {
    @Override
    public void validateCertificateChain(
        List<X509Certificate> certificateChain, String applicationUri, String[] validHostnames)
        throws UaException {
      // trusted by configuration
    }
  }
}
