package dev.vis.spec;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** The rule that API keys never cross a network in clear: off loopback, a base URL is https. */
final class Urls {
  private Urls() {}

  /** The URL of a {@code base_url} field, refused when it is plain http off this machine. */
  static Optional<URI> checked(Field field, boolean allowInsecureHttp) {
    return field
        .url()
        .flatMap(
            uri -> {
              boolean http = uri.getScheme().toLowerCase(Locale.ROOT).equals("http");
              if (http && !allowInsecureHttp && !Endpoint.isLoopback(uri)) {
                return field.fail(
                    uri
                        + " is not on this machine, so it must use https:// (API keys must not"
                        + " cross a network in clear); set allow_insecure_http: true to allow it");
              }
              return Optional.of(uri);
            });
  }
}
