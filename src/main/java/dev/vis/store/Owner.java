package dev.vis.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process working a run: its host and process id.
 *
 * @param host host name
 * @param pid process id
 */
public record Owner(String host, long pid) {

  /**
   * This process.
   *
   * @param env the environment: {@code HOSTNAME}, when set, names the host
   */
  public static Owner current(Map<String, String> env) {
    return new Owner(hostName(env), ProcessHandle.current().pid());
  }

  /** Whether this owner is visibly gone: same host and no such process. */
  boolean goneFrom(String thisHost) {
    return host.equals(thisHost) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  /** This host's name, as {@link #current} records it and staleness compares it. */
  static String hostName(Map<String, String> env) {
    String named = env.get("HOSTNAME");
    if (named != null && !named.isBlank()) {
      return named.strip();
    }
    try {
      Path etc = Path.of("/etc/hostname");
      if (Files.isReadable(etc)) {
        String name = Files.readString(etc).strip();
        if (!name.isEmpty()) {
          return name;
        }
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
