package io.twinline.opcua.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users file: who may log in with a user name and password, and in which role.
 *
 * <pre>
 * users:
 *   - {name: plc1, role: plc, password: "pbkdf2-sha256$120000$...$..."}
 *   - {name: anna, role: engineer, password: "pbkdf2-sha256$..."}
 * </pre>
 *
 * <p>Passwords are stored as hashes ({@code twinline hash-password} prints one).
 */
public final class Users {

  /** One user. */
  public record User(String name, Role role, String passwordHash) {}

  private final Map<String, User> byName;

  public Users(List<User> users) {
    Map<String, User> map = new LinkedHashMap<>();
    for (User user : users) {
      map.put(user.name(), user);
    }
    this.byName = Map.copyOf(map);
  }

  public static Users none() {
    return new Users(List.of());
  }

  /**
   * Reads a users file.
   *
   * @throws IOException if it cannot be read, or naming every entry that is wrong
   */
  public static Users read(Path file) throws IOException {
    JsonNode root = new YAMLMapper().readTree(file.toFile());
    List<String> problems = new ArrayList<>();
    List<User> users = new ArrayList<>();
    JsonNode list = root == null ? null : root.get("users");
    if (list == null || !list.isArray()) {
      throw new IOException(file + ": expected 'users:' and a list of {name, role, password}");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String name = text(entry, "name");
      String roleName = text(entry, "role");
      String hash = text(entry, "password");
      Optional<Role> role = roleName == null ? Optional.empty() : Role.parse(roleName);
      if (name == null || name.isBlank()) {
        problems.add("users[" + i + "]: needs a 'name'");
      } else if (role.isEmpty()) {
        problems.add("users[" + i + "] (" + name + "): 'role' must be observer, plc or engineer");
      } else if (hash == null || !PasswordHash.isHash(hash)) {
        problems.add("users[" + i + "] (" + name + "): 'password' must be a hash from"
            + " 'twinline hash-password', never the password itself");
      } else {
        users.add(new User(name, role.get(), hash));
      }
    }
    if (!problems.isEmpty()) {
      throw new IOException(file + ": " + String.join("; ", problems));
    }
    return new Users(users);
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node == null ? null : node.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  /**
   * The user if {@code password} is right, else empty. Takes as long for a name that is not in the
   * file as for one that is (the password is hashed against a stand-in), so the time of an answer
   * does not tell which names exist.
   */
  public Optional<User> authenticate(String name, String password) {
    User user = name == null ? null : byName.get(name);
    char[] given = password == null ? new char[0] : password.toCharArray();
    boolean matches =
        PasswordHash.matches(given, user == null ? StandIn.HASH : user.passwordHash());
    return user != null && password != null && matches ? Optional.of(user) : Optional.empty();
  }

  /** A hash no password matches in practice, made once, with the work factor of real ones. */
  private static final class StandIn {
    static final String HASH = PasswordHash.hash(
        java.util.UUID.randomUUID().toString().toCharArray());
  }

  public Optional<Role> roleOf(String name) {
    return Optional.ofNullable(byName.get(name)).map(User::role);
  }

  public int size() {
    return byName.size();
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }
}
