package io.twinline.opcua.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own key store file ({@code pki/own/twinline-server.pfx}) and its password, kept
 * where only the server's user can read them: the folders {@code 0700}, the files {@code 0600}
 * (on file systems with POSIX permissions; elsewhere, e.g. on Windows, the folder's own access
 * rules apply).
 *
 * <p>The password is generated per installation and stored beside the key store in {@code
 * own/.password}; none is fixed in code. Installations made before this had the key store
 * protected by the fixed password {@code twinline}: such a key store is opened with it once and
 * stored again under a new password, keeping its key and certificate (PLCs that trust the
 * server's certificate go on trusting it).
 */
final class OwnKeyStore {

  private static final Logger LOG = LoggerFactory.getLogger(OwnKeyStore.class);

  static final String FILE = "twinline-server.pfx";
  static final String PASSWORD_FILE = ".password";
  /** The password of key stores written before passwords were generated. */
  private static final char[] LEGACY_PASSWORD = "twinline".toCharArray();

  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");

  private final Path file;
  private final char[] password;

  private OwnKeyStore(Path file, char[] password) {
    this.file = file;
    this.password = password;
  }

  /**
   * Prepares {@code root} and {@code root/own} (creating them owner-only) and the password of the
   * key store in {@code own}: read from {@code own/.password}, or generated, or for a key store
   * of an older installation, generated and the key store migrated to it.
   */
  static OwnKeyStore prepare(Path root) throws IOException {
    Path own = root.resolve("own");
    Files.createDirectories(own);
    ownerOnly(root, OWNER_ONLY_FOLDER);
    ownerOnly(own, OWNER_ONLY_FOLDER);
    Path file = own.resolve(FILE);
    Path passwordFile = own.resolve(PASSWORD_FILE);
    char[] password = null;
    if (Files.exists(passwordFile)) {
      password = Files.readString(passwordFile, StandardCharsets.US_ASCII).strip().toCharArray();
      if (password.length == 0) {
        throw new IOException(passwordFile + " is empty; delete it and " + FILE
            + " to have a new key and certificate made");
      }
      ownerOnly(passwordFile, OWNER_ONLY_FILE);
    }
    if (password == null) {
      password = generate();
      writeOwnerOnly(passwordFile, new String(password) + "\n");
    }
    // Also when a migration was cut short after the password was written.
    if (Files.exists(file) && !opens(file, password)) {
      if (!opens(file, LEGACY_PASSWORD)) {
        throw new IOException(file + " does not open with the password in " + passwordFile
            + "; delete both to have a new key and certificate made (PLCs then have to trust"
            + " the new certificate)");
      }
      migrate(file, password);
    }
    OwnKeyStore store = new OwnKeyStore(file, password);
    store.restrict();
    return store;
  }

  private static boolean opens(Path file, char[] password) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore.getInstance("PKCS12").load(in, password);
      return true;
    } catch (IOException e) {
      if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
        return false;
      }
      throw new IOException(file + " is not a readable PKCS#12 key store: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " is not a readable PKCS#12 key store: " + e.getMessage(), e);
    }
  }

  char[] password() {
    return password.clone();
  }

  Path file() {
    return file;
  }

  /** Makes the key store file owner-only; call again once it has been written. */
  void restrict() throws IOException {
    if (Files.exists(file)) {
      ownerOnly(file, OWNER_ONLY_FILE);
    }
  }

  private static char[] generate() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
  }

  /** Stores the legacy key store again under {@code password}, entries and aliases unchanged. */
  private static void migrate(Path file, char[] password) throws IOException {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        keyStore.load(in, LEGACY_PASSWORD);
      }
      for (String alias : Collections.list(keyStore.aliases())) {
        if (keyStore.isKeyEntry(alias)) {
          Key key = keyStore.getKey(alias, LEGACY_PASSWORD);
          keyStore.setKeyEntry(alias, key, password, keyStore.getCertificateChain(alias));
        }
      }
      Path fresh = file.resolveSibling(FILE + ".new");
      Files.deleteIfExists(fresh);
      writeOwnerOnly(fresh, "");
      try (OutputStream out = Files.newOutputStream(fresh)) {
        keyStore.store(out, password);
      }
      Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      LOG.info("{}: moved from the built-in password to one of this installation ({})", file,
          file.resolveSibling(PASSWORD_FILE));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot move " + file + " to a password of its own: "
          + e.getMessage(), e);
    }
  }

  private static void writeOwnerOnly(Path path, String text) throws IOException {
    if (isPosix(path.getParent())) {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
    } else {
      Files.createFile(path);
    }
    Files.writeString(path, text, StandardCharsets.US_ASCII);
  }

  private static void ownerOnly(Path path, Set<PosixFilePermission> permissions)
      throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view != null) {
      view.setPermissions(permissions);
    }
  }

  private static boolean isPosix(Path folder) {
    return Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null;
  }
}
