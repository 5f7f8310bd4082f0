package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

/**
 * The one check of how a command ended, shared by the in-process harness and the black-box jar
 * runner so both hold a command to the same rule: the exit code, the messages, no stack trace.
 */
public final class Exits {
  private Exits() {}

  /**
   * Asserts {@code exitCode} is {@code code} and that {@code err} holds each of {@code messages}
   * and no stack trace or exception name, describing the failure with {@code transcript}.
   */
  public static void assertExit(
      int exitCode, String err, Supplier<String> transcript, int code, String... messages) {
    assertThat(exitCode).as(transcript).isEqualTo(code);
    assertThat(err).as(transcript).doesNotContain("Exception", "\tat ");
    for (String message : messages) {
      assertThat(err).as(transcript).contains(message);
    }
  }
}
