package io.twinline.opcua.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes for the users file: PBKDF2 with HMAC-SHA256, a random salt and a work factor,
 * written as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64). A users file never holds
 * a password itself.
 */
public final class PasswordHash {

  static final String SCHEME = "pbkdf2-sha256";
  private static final int ITERATIONS = 120_000;
  /** Below this a stolen users file is cheap to crack. */
  static final int MIN_ITERATIONS = 10_000;
  /** Above this one login costs seconds of a core: an easy way to stall the server. */
  static final int MAX_ITERATIONS = 10_000_000;
  private static final int MIN_SALT_BYTES = 8;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** A new hash of {@code password} with a fresh salt. */
  public static String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return format(ITERATIONS, salt, derive(password, salt, ITERATIONS));
  }

  /** Whether {@code password} matches {@code stored}; false for a hash {@link #problemOf} refuses. */
  public static boolean matches(char[] password, String stored) {
    if (problemOf(stored).isPresent()) {
      return false;
    }
    String[] parts = stored.split("\\$");
    int iterations = Integer.parseInt(parts[1]);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(password, salt, iterations));
  }

  /** Whether {@code text} is a hash this class can verify. */
  public static boolean isHash(String text) {
    return problemOf(text).isEmpty();
  }

  /**
   * What is wrong with {@code text} as a stored hash, or empty if it can be verified: the scheme,
   * four {@code $}-separated parts, iterations from {@value #MIN_ITERATIONS} to {@value
   * #MAX_ITERATIONS}, a Base64 salt of at least {@value #MIN_SALT_BYTES} bytes and a Base64
   * 256-bit hash.
   */
  public static Optional<String> problemOf(String text) {
    String[] parts = text.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return Optional.of("the password must be a hash '" + SCHEME
          + "$<iterations>$<salt>$<hash>', not a password or another format");
    }
    int iterations;
    try {
      iterations = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return Optional.of("the hash's iterations '" + parts[1] + "' are not a whole number");
    }
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      return Optional.of("the hash's iterations " + iterations + " are outside "
          + MIN_ITERATIONS + ".." + MAX_ITERATIONS
          + (iterations < MIN_ITERATIONS ? " (too weak)" : " (each login would take minutes)"));
    }
    byte[] salt;
    try {
      salt = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return Optional.of("the hash's salt is not valid Base64");
    }
    if (salt.length < MIN_SALT_BYTES) {
      return Optional.of("the hash's salt is " + (salt.length == 0 ? "empty"
          : "only " + salt.length + " bytes") + "; at least " + MIN_SALT_BYTES + " are needed");
    }
    try {
      if (Base64.getDecoder().decode(parts[3]).length != HASH_BITS / 8) {
        return Optional.of("the hash part is not " + HASH_BITS + " bits long");
      }
    } catch (IllegalArgumentException e) {
      return Optional.of("the hash part is not valid Base64");
    }
    return Optional.empty();
  }

  private static String format(int iterations, byte[] salt, byte[] hash) {
    Base64.Encoder base64 = Base64.getEncoder();
    return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
        + base64.encodeToString(hash);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    }
  }
}
