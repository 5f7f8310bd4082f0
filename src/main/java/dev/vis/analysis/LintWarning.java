package dev.vis.analysis;

import dev.vis.spec.Where;

/**
 * Advice about a valid spec: something that will make its figures misleading.
 *
 * @param where the place in the spec (or its prompts file) it concerns
 * @param message what is wrong and what to do
 */
public record LintWarning(Where where, String message) {
  /** {@code spec.yaml:5:13: warning: brands[0].aliases[1]: …}, as compilers write warnings. */
  @Override
  public String toString() {
    String path = where.path().isEmpty() ? "" : where.path() + ": ";
    return where.position() + ": warning: " + path + message;
  }
}
