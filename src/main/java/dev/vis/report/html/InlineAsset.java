package dev.vis.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A style sheet or script shipped inside vis and inlined into a page, with the hash its
 * Content-Security-Policy allows it by: the page runs that exact text and nothing else.
 *
 * @param text the file's text, inlined as it is
 * @param hash {@code 'sha256-…'}, as a CSP source expression
 */
public record InlineAsset(String text, String hash) {
  /** The resource {@code name} beside this class. */
  static InlineAsset load(String name) {
    try (InputStream in = InlineAsset.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return new InlineAsset(text, "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
