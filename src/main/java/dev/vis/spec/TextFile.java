package dev.vis.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a small UTF-8 text file, refusing binary, oversized and undecodable input with a reason.
 */
final class TextFile {
  static final int MAX_SPEC_BYTES = 1 << 20;

  /** Why a file could not be read as text, worded for the user. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String reason) {
      super(reason, null, false, false);
    }
  }

  private TextFile() {}

  static String read(Path path, int maxBytes) throws Unreadable {
    if (Files.isDirectory(path)) {
      throw new Unreadable("is a directory, not a file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (NoSuchFileException e) {
      throw new Unreadable("no such file");
    } catch (AccessDeniedException e) {
      throw new Unreadable("permission denied");
    } catch (IOException e) {
      throw new Unreadable("cannot be read (" + e.getMessage() + ")");
    }
    if (bytes.length > maxBytes) {
      throw new Unreadable("is too large (more than " + (maxBytes >> 20) + " MiB)");
    }
    return decode(bytes);
  }

  static String decode(byte[] bytes) throws Unreadable {
    for (byte b : bytes) {
      if (b == 0) {
        throw new Unreadable("is a binary file (it contains NUL bytes), not UTF-8 text");
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new Unreadable("is not UTF-8 text (save it as UTF-8)");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
