package dev.vis.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process working a run: its host and process id.
 *
 * @param host host name
 * @param pid process id
 */
public record Owner(String host, long pid) {

  /** This process. */
  public static Owner current() {
    return new Owner(hostName(), ProcessHandle.current().pid());
  }

  /** Whether this owner is visibly gone: same host and no such process. */
  boolean goneFrom(String thisHost) {
    return host.equals(thisHost) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
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
