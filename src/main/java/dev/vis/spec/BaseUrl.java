package dev.vis.spec;

import dev.vis.VisException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code base_url} as the spec wrote it: {@code ${VAR}} references stay unexpanded until a call
 * needs the address, so a key carried in a URL is never stored, copied by {@code replay} or shown
 * (SPEC §2 "Secrets").
 *
 * @param written the URL as written, references and all
 */
public record BaseUrl(String written) {
  public BaseUrl {
    Objects.requireNonNull(written, "written");
  }

  /** A URL without references. */
  public static BaseUrl of(URI uri) {
    return new BaseUrl(uri.toString());
  }

  /** The variables it reads from the environment (secrets, all of them). */
  public List<String> variables() {
    return Interpolation.references(written);
  }

  /**
   * The address to call, references expanded from {@code env}.
   *
   * @param where names the URL's owner in an error message (the expanded URL is never shown)
   * @throws VisException (usage) when a variable is not set or the expanded URL is malformed
   */
  public URI resolve(Map<String, String> env, String where) {
    List<String> errors = new ArrayList<>();
    String expanded = Interpolation.expand(written, env, errors);
    if (!errors.isEmpty()) {
      throw VisException.usage(where + ": base_url " + written + ": " + errors.getFirst());
    }
    try {
      return new URI(expanded.strip());
    } catch (URISyntaxException e) {
      throw VisException.usage(
          where + ": base_url " + written + " is not a valid URL once its variables are expanded");
    }
  }

  /**
   * Whether it points at this machine, judged on the text as written: a host taken from a variable
   * counts as another machine, since the stored run cannot know the value a later session reads.
   */
  public boolean isLoopback() {
    int start = written.indexOf("://");
    if (start < 0) {
      return false;
    }
    String authority = written.substring(start + 3).split("[/?#]", 2)[0];
    String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
    if (hostAndPort.contains("${")) {
      return false;
    }
    try {
      return Endpoint.isLoopback(new URI(written.substring(0, start + 3) + hostAndPort));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The URL as written: what is stored and shown. */
  @Override
  public String toString() {
    return written;
  }
}
