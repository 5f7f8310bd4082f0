package dev.vis.store;

import dev.vis.VisException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database named by {@code --db}: {@code postgresql://USER@HOST:PORT/DB} (libpq's
 * form, {@code postgres://} too) or {@code jdbc:postgresql://HOST:PORT/DB?user=…}. The password
 * comes from the URL, else {@code PGPASSWORD}, else the driver's own {@code ~/.pgpass} lookup; it
 * is never part of {@link #display()}, which is what messages show.
 *
 * @param jdbcUrl the driver's URL, without user or password
 * @param user the role to connect as, if named
 * @param password the password, if the URL or {@code PGPASSWORD} gives one
 * @param display the location as messages show it: the user's URL with any password removed
 */
record PostgresLocation(
    String jdbcUrl, Optional<String> user, Optional<String> password, String display) {
  private static final Pattern URL_LIKE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");
  private static final Pattern JDBC_PASSWORD =
      Pattern.compile("([?&])password=[^&]*", Pattern.CASE_INSENSITIVE);

  @Override
  public String toString() {
    return display;
  }

  /** The connection properties the driver takes: the user and password, kept out of the URL. */
  Properties properties() {
    Properties p = new Properties();
    user.ifPresent(u -> p.setProperty("user", u));
    password.ifPresent(pw -> p.setProperty("password", pw));
    return p;
  }

  /**
   * The PostgreSQL database a location names, if it names one.
   *
   * @param env the environment ({@code PGPASSWORD})
   * @throws VisException (exit 2) when the location looks like a URL but is not one vis speaks, or
   *     a PostgreSQL URL that cannot be read
   */
  static Optional<PostgresLocation> parse(String location, Map<String, String> env) {
    String lower = location.toLowerCase(Locale.ROOT);
    Optional<String> envPassword =
        Optional.ofNullable(env.get("PGPASSWORD")).filter(s -> !s.isEmpty());
    if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
      return Optional.of(fromLibpq(location, envPassword));
    }
    if (lower.startsWith("jdbc:postgresql://")) {
      String display = JDBC_PASSWORD.matcher(location).replaceAll("$1password=***");
      return Optional.of(new PostgresLocation(location, Optional.empty(), envPassword, display));
    }
    if (URL_LIKE.matcher(location).matches()) {
      throw VisException.usage(
          "--db "
              + redactUserInfo(location)
              + ": not a database vis can open; give a file path (write ./"
              + "NAME for a file whose name has a colon), postgresql://USER@HOST:PORT/DB or"
              + " jdbc:postgresql://HOST:PORT/DB?user=USER");
    }
    return Optional.empty();
  }

  private static PostgresLocation fromLibpq(String location, Optional<String> envPassword) {
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException e) {
      throw unreadable(location, e.getReason());
    }
    if (uri.getHost() == null) {
      throw unreadable(location, "no host");
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = envPassword;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) {
        password = Optional.of(decode(userInfo.substring(colon + 1)));
      }
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = path.startsWith("/") ? path.substring(1) : path;
    if (database.isEmpty()) {
      database = user.orElse("postgres");
    }
    String host = uri.getHost().contains(":") ? "[" + uri.getHost() + "]" : uri.getHost();
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbc = "jdbc:postgresql://" + host + ":" + port + "/" + database + query;
    return new PostgresLocation(jdbc, user, password, redactUserInfo(location));
  }

  private static VisException unreadable(String location, String why) {
    return VisException.usage(
        "--db "
            + redactUserInfo(location)
            + ": not a PostgreSQL URL vis can read ("
            + why
            + "); write postgresql://USER@HOST:PORT/DB");
  }

  /** The location with a password in its user info replaced by {@code ***}. */
  private static String redactUserInfo(String location) {
    return location.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://[^:/@]*):.*@", "$1:***@");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
