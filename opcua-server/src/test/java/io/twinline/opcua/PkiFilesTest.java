package io.twinline.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.twinline.opcua.security.Pki;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's private key is readable by the server's user only, under a password of its own. */
class PkiFilesTest {

  @TempDir Path dir;

  private static final char[] OLD_BUILT_IN_PASSWORD = "twinline".toCharArray();

  @Test
  void theKeyStoreAndItsPasswordAreOwnerOnlyAndThePasswordIsNotBuiltIn() throws Exception {
    Path root = dir.resolve("pki");
    open(root).close();

    Path keyStore = root.resolve("own").resolve("twinline-server.pfx");
    Path password = root.resolve("own").resolve(".password");
    assumePosix(root);
    assertThat(permissions(root)).isEqualTo("rwx------");
    assertThat(permissions(root.resolve("own"))).isEqualTo("rwx------");
    assertThat(permissions(keyStore)).isEqualTo("rw-------");
    assertThat(permissions(password)).isEqualTo("rw-------");
    char[] generated = Files.readString(password).strip().toCharArray();
    assertThat(new String(generated)).isNotEqualTo("twinline").hasSizeGreaterThanOrEqualTo(32);
    assertThat(load(keyStore, generated).size()).isPositive();
    assertThatThrownBy(() -> load(keyStore, OLD_BUILT_IN_PASSWORD)).hasMessageContaining("password");
  }

  @Test
  void twoInstallationsGetTwoPasswords() throws Exception {
    open(dir.resolve("a")).close();
    open(dir.resolve("b")).close();

    assertThat(Files.readString(dir.resolve("a/own/.password")))
        .isNotEqualTo(Files.readString(dir.resolve("b/own/.password")));
  }

  @Test
  void anInstallationWithTheOldBuiltInPasswordStillOpensWithItsCertificateAndIsMigrated()
      throws Exception {
    Path root = dir.resolve("pki");
    byte[] certificate;
    try (Pki first = open(root)) {
      certificate = first.certificate().getEncoded();
    }
    // Make it what older versions left behind: the built-in password, world-readable, no file.
    Path keyStore = root.resolve("own").resolve("twinline-server.pfx");
    Path password = root.resolve("own").resolve(".password");
    KeyStore store = load(keyStore, Files.readString(password).strip().toCharArray());
    char[] generated = Files.readString(password).strip().toCharArray();
    for (String alias : Collections.list(store.aliases())) {
      Key key = store.getKey(alias, generated);
      store.setKeyEntry(alias, key, OLD_BUILT_IN_PASSWORD, store.getCertificateChain(alias));
    }
    try (OutputStream out = Files.newOutputStream(keyStore)) {
      store.store(out, OLD_BUILT_IN_PASSWORD);
    }
    Files.delete(password);
    setPermissions(keyStore, "rw-r--r--");

    try (Pki again = open(root)) {
      assertThat(again.certificate().getEncoded()).isEqualTo(certificate);
    }

    char[] migrated = Files.readString(password, StandardCharsets.US_ASCII).strip().toCharArray();
    assertThat(load(keyStore, migrated).size()).isEqualTo(store.size());
    assertThatThrownBy(() -> load(keyStore, OLD_BUILT_IN_PASSWORD)).hasMessageContaining("password");
    assumePosix(root);
    assertThat(permissions(keyStore)).isEqualTo("rw-------");
    assertThat(permissions(password)).isEqualTo("rw-------");
  }

  private static Pki open(Path root) throws Exception {
    return Pki.open(root, "urn:twinline:test", Set.of("localhost"), false);
  }

  private static KeyStore load(Path file, char[] password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    }
    return store;
  }

  private static void assumePosix(Path path) {
    assumeThat(Files.getFileAttributeView(path, PosixFileAttributeView.class))
        .as("POSIX permissions").isNotNull();
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static void setPermissions(Path path, String permissions) throws Exception {
    if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
