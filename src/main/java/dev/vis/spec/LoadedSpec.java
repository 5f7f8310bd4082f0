package dev.vis.spec;

import java.nio.file.Path;

/**
 * A spec as loaded: where it came from, its text as written and the validated model.
 *
 * @param path the spec file
 * @param text the file's text as written, {@code ${VAR}} not expanded (what runs store)
 * @param sha256 lower-case hex SHA-256 of the text's UTF-8 bytes
 * @param spec the validated, expanded spec
 * @param places where its brand terms, prompts and models were written
 */
public record LoadedSpec(Path path, String text, String sha256, RunSpec spec, SpecPlaces places) {

  /** A spec whose places are unknown (built in code, not read from a file). */
  public LoadedSpec(Path path, String text, String sha256, RunSpec spec) {
    this(path, text, sha256, spec, SpecPlaces.NONE);
  }
}
