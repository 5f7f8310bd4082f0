package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A fingerprint of the rules that decide what counts as a mention or citation of each brand. */
public final class BrandRules {
  private BrandRules() {}

  /**
   * SHA-256 (hex) over each brand's name, aliases, exclude phrases, case and accent rules and
   * domains, in spec order. Whether a brand is primary does not enter it. The accent rule enters
   * only when set, so brands written before it existed keep their fingerprint.
   */
  public static String fingerprint(List<BrandSpec> brands) {
    StringBuilder text = new StringBuilder();
    for (BrandSpec brand : brands) {
      text.append("brand\u0000").append(brand.name()).append('\u0000');
      text.append(brand.caseSensitive()).append('\u0000');
      if (brand.accentSensitive()) {
        text.append("accent_sensitive\u0000");
      }
      append(text, "aliases", brand.aliases());
      append(text, "exclude", brand.exclude());
      append(text, "domains", brand.domains());
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void append(StringBuilder text, String label, List<String> values) {
    text.append(label).append('\u0000').append(values.size()).append('\u0000');
    values.forEach(v -> text.append(v).append('\u0000'));
  }
}
