package dev.vis.spec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The rule that API keys never cross a network in clear: off loopback, a base URL is https. */
final class Urls {
  private Urls() {}

  /**
   * The {@code base_url} of a field as written, checked with its variables expanded: refused when
   * malformed, when it is plain http off this machine, or when a variable it reads holds a control
   * character. Messages show the URL as written, never a variable's value (SPEC §2 "Secrets").
   */
  static Optional<BaseUrl> checked(Field field, boolean allowInsecureHttp) {
    Optional<String> written = field.raw().map(String::strip);
    if (written.isEmpty()) {
      return Optional.empty();
    }
    List<String> refused =
        Interpolation.references(written.get()).stream()
            .distinct()
            .filter(
                name -> field.ctx().variable(name).filter(Secrets::hasControlCharacter).isPresent())
            .toList();
    if (!refused.isEmpty()) {
      return field.fail(Secrets.refusal(refused));
    }
    return field
        .url()
        .flatMap(
            uri -> {
              boolean http = uri.getScheme().toLowerCase(Locale.ROOT).equals("http");
              if (http && !allowInsecureHttp && !Endpoint.isLoopback(uri)) {
                return field.fail(
                    written.get()
                        + " is not on this machine, so it must use https:// (API keys must not"
                        + " cross a network in clear); set allow_insecure_http: true to allow it");
              }
              return Optional.of(new BaseUrl(written.get()));
            });
  }
}
