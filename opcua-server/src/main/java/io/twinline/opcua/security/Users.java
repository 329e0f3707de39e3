package io.twinline.opcua.security;

import io.twinline.line.InvalidDefinitionException;
import io.twinline.line.Problems;
import io.twinline.line.SourceLocation;
import io.twinline.line.TextFiles;
import io.twinline.line.read.MapReader;
import io.twinline.line.yaml.YamlList;
import io.twinline.line.yaml.YamlMap;
import io.twinline.line.yaml.YamlNode;
import io.twinline.line.yaml.YamlReader;
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
   * Reads a users file, checking every entry: a name given once, a known role, and a password
   * hash that {@link PasswordHash} can verify (its work factor within bounds, its salt and hash
   * valid Base64), so that a login never fails silently and no entry can make a login burn a core
   * for minutes.
   *
   * @throws InvalidDefinitionException listing every problem at once, each with
   *     file:line:column and a hint; also if the file is missing, binary or not UTF-8
   */
  public static Users read(Path file) throws InvalidDefinitionException {
    String name = file.toString();
    String text = TextFiles.read(file, "check the path given to --users");
    Problems problems = new Problems();
    if (text.isBlank()) {
      problems.add(new SourceLocation(name, 1, 1), "", "the users file is empty", EXAMPLE);
      problems.throwIfAny();
    }
    Optional<YamlNode> root = YamlReader.read(name, text, problems);
    problems.throwIfAny();
    if (!(root.orElseThrow() instanceof YamlMap map)) {
      problems.add(root.get().location(), "", "a users file must be a mapping", EXAMPLE);
      problems.throwIfAny();
      throw new AssertionError("unreachable");
    }
    MapReader top = new MapReader(map, "", "a users file", problems);
    Optional<YamlList> list = top.list("users", true, "");
    top.finish();
    List<User> users = new ArrayList<>();
    Map<String, SourceLocation> seen = new LinkedHashMap<>();
    List<YamlNode> items = list.map(YamlList::items).orElse(List.of());
    for (int i = 0; i < items.size(); i++) {
      String path = "users[" + i + "]";
      if (!(items.get(i) instanceof YamlMap entry)) {
        problems.add(items.get(i).location(), path, "a user must be a mapping", EXAMPLE);
        continue;
      }
      MapReader u = new MapReader(entry, path, "a user", problems);
      Optional<String> userName = u.text("name", true, "plc1");
      Optional<String> roleName = u.text("role", true, "plc");
      Optional<String> hash = u.text("password", true, "\"pbkdf2-sha256$...\"");
      u.finish();
      Optional<Role> role = roleName.flatMap(Role::parse);
      if (roleName.isPresent() && role.isEmpty()) {
        u.problem("role", "'" + roleName.get() + "' is not a role",
            "choose observer, plc or engineer");
      }
      Optional<String> hashProblem = hash.flatMap(PasswordHash::problemOf);
      hashProblem.ifPresent(p -> u.problem("password", p,
          "paste the line 'twinline hash-password' prints; never the password itself"));
      if (userName.isPresent() && userName.get().isBlank()) {
        u.problem("name", "the user name is empty", "e.g. 'name: plc1'");
        userName = Optional.empty();
      }
      if (userName.isPresent()) {
        SourceLocation first = seen.putIfAbsent(userName.get(), u.location("name"));
        if (first != null) {
          u.problem("name", "user '" + userName.get() + "' is defined twice (first at line "
              + first.line() + ")", "give each user one entry");
          continue;
        }
      }
      if (userName.isPresent() && role.isPresent() && hash.isPresent()
          && hashProblem.isEmpty()) {
        users.add(new User(userName.get(), role.get(), hash.get()));
      }
    }
    problems.throwIfAny();
    return new Users(users);
  }

  private static final String EXAMPLE =
      "write 'users:' and one '- {name: plc1, role: plc, password: \"pbkdf2-sha256$...\"}'"
          + " per user";

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
