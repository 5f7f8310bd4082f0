package dev.vis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build and the commit it was built from, as Maven recorded them. */
public final class Version {
  private static final String UNKNOWN = "unknown";

  private Version() {}

  public static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** The git commit of the build ({@code ./build} records it), or {@code unknown}. */
  public static String commit() {
    String commit = buildProperties().getProperty("commit", UNKNOWN).strip();
    // an unfiltered resource (an IDE build) still holds Maven's placeholder
    return commit.isEmpty() || commit.startsWith("${") ? UNKNOWN : commit;
  }

  private static Properties buildProperties() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
