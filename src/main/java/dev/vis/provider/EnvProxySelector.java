package dev.vis.provider;

import dev.vis.VisException;
import dev.vis.spec.Endpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses a proxy the way curl does, from {@code HTTPS_PROXY} / {@code HTTP_PROXY} and {@code
 * NO_PROXY} (lower-case spellings first): loopback and {@code NO_PROXY} hosts go direct.
 *
 * <p>{@code NO_PROXY} entries are host names (matching the host and its subdomains, a leading
 * {@code .} or {@code *.} allowed), IPv4 addresses or IPv4 CIDR blocks, an optional {@code :port},
 * or {@code *} for every host. Proxy credentials are not supported. Immutable and thread-safe.
 */
final class EnvProxySelector extends ProxySelector {
  private final Optional<InetSocketAddress> httpsProxy;
  private final Optional<InetSocketAddress> httpProxy;
  private final List<String> noProxy;

  EnvProxySelector(Map<String, String> env) {
    this.httpsProxy = proxy(env, "https_proxy", "HTTPS_PROXY");
    this.httpProxy = proxy(env, "http_proxy", "HTTP_PROXY");
    this.noProxy =
        variable(env, "no_proxy", "NO_PROXY")
            .map(v -> Arrays.stream(v.split(",")).map(String::strip))
            .orElseGet(java.util.stream.Stream::empty)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .toList();
  }

  @Override
  public List<Proxy> select(URI uri) {
    Optional<InetSocketAddress> proxy =
        "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
    if (proxy.isEmpty() || uri.getHost() == null || Endpoint.isLoopback(uri) || bypass(uri)) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(new Proxy(Proxy.Type.HTTP, proxy.get()));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // One proxy or none: nothing to fall back to, and the failure surfaces as the call's error.
  }

  private boolean bypass(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    int port =
        uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    for (String entry : noProxy) {
      if (matches(entry, host, port)) {
        return true;
      }
    }
    return false;
  }

  static boolean matches(String entry, String host, int port) {
    if (entry.equals("*")) {
      return true;
    }
    String pattern = entry;
    int colon = pattern.lastIndexOf(':');
    if (colon > 0
        && pattern.indexOf(':') == colon
        && pattern.substring(colon + 1).matches("\\d+")) {
      if (Integer.parseInt(pattern.substring(colon + 1)) != port) {
        return false;
      }
      pattern = pattern.substring(0, colon);
    }
    if (pattern.contains("/")) {
      return Ipv4.inBlock(host, pattern);
    }
    if (pattern.startsWith("*.")) {
      pattern = pattern.substring(2);
    } else if (pattern.startsWith(".")) {
      pattern = pattern.substring(1);
    }
    return host.equals(pattern) || host.endsWith("." + pattern);
  }

  private static Optional<InetSocketAddress> proxy(
      Map<String, String> env, String lower, String upper) {
    return variable(env, lower, upper)
        .map(
            value -> {
              URI uri = parse(value.contains("://") ? value : "http://" + value, upper);
              if (uri.getHost() == null) {
                throw VisException.usage(upper + " is not a proxy URL like http://proxy:3128");
              }
              int port =
                  uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
              return InetSocketAddress.createUnresolved(uri.getHost(), port);
            });
  }

  private static URI parse(String value, String name) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      // The value may carry credentials: name the variable only.
      throw VisException.usage(name + " is not a proxy URL like http://proxy:3128");
    }
  }

  private static Optional<String> variable(Map<String, String> env, String lower, String upper) {
    return Optional.ofNullable(env.get(lower))
        .or(() -> Optional.ofNullable(env.get(upper)))
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }

  /** IPv4 CIDR matching on literal addresses only: no name is resolved to decide. */
  private static final class Ipv4 {
    private Ipv4() {}

    static boolean inBlock(String host, String cidr) {
      String[] parts = cidr.split("/", 2);
      Optional<Long> address = parse(host);
      Optional<Long> network = parse(parts[0]);
      if (address.isEmpty() || network.isEmpty() || !parts[1].matches("\\d{1,2}")) {
        return false;
      }
      int bits = Integer.parseInt(parts[1]);
      if (bits > 32) {
        return false;
      }
      long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
      return (address.get() & mask) == (network.get() & mask);
    }

    private static Optional<Long> parse(String s) {
      String[] octets = s.split("\\.", -1);
      if (octets.length != 4) {
        return Optional.empty();
      }
      long value = 0;
      for (String octet : octets) {
        if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
          return Optional.empty();
        }
        value = (value << 8) | Integer.parseInt(octet);
      }
      return Optional.of(value);
    }
  }
}
