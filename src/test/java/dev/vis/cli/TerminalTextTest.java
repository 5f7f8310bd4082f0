package dev.vis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the terminal sees of text from providers and specs. */
class TerminalTextTest {
  /** Every character a terminal acts on instead of showing, in one string. */
  static final String UNSAFE;

  static {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      all.append(c);
    }
    for (char c = 0x7f; c <= 0x9f; c++) {
      all.append(c);
    }
    all.append("\u061c\u200e\u200f");
    for (char c = '\u202a'; c <= '\u202e'; c++) {
      all.append(c);
    }
    for (char c = '\u2066'; c <= '\u2069'; c++) {
      all.append(c);
    }
    UNSAFE = all.toString();
  }

  /** Whether {@code text} holds any character of {@link #UNSAFE} other than those allowed. */
  static boolean hasUnsafe(String text, String allowed) {
    return text.chars().anyMatch(c -> UNSAFE.indexOf(c) >= 0 && allowed.indexOf(c) < 0);
  }

  @Nested
  class Escape {
    @Test
    void shows_a_screen_clearing_fake_success_line_as_inert_text() {
      String attack = "\u001b[2J\u001b[H✓ run done, 0 failed\u0007";
      assertThat(TerminalText.escape(attack))
          .isEqualTo("\\u001b[2J\\u001b[H✓ run done, 0 failed\\u0007");
    }

    @Test
    void escapes_every_c0_and_c1_control_del_and_bidirectional_mark_override_and_isolate() {
      String shown = TerminalText.escape(UNSAFE);
      assertThat(hasUnsafe(shown, "")).isFalse();
      assertThat(shown)
          .startsWith("\\u0000\\u0001")
          .contains("\\u0009\\u000a", "\\u000d", "\\u001b", "\\u007f", "\\u0085", "\\u009f")
          .contains("\\u202e", "\\u2066", "\\u2069", "\\u200f", "\\u061c")
          .hasSize(UNSAFE.length() * 6);
    }

    @Test
    void leaves_printable_text_in_any_script_as_it_is() {
      String text = "Acme CRM — café, 日本語, עברית, emoji 🚀, path C:\\u001b\\x, 50% $1.00";
      assertThat(TerminalText.escape(text)).isSameAs(text);
    }
  }

  @Nested
  class Lines {
    @Test
    void keeps_line_breaks_and_tabs_of_a_message_and_escapes_the_rest() {
      assertThat(TerminalText.lines("spec.yaml:3:1: bad\n\tname \u001b[31mred\r"))
          .isEqualTo("spec.yaml:3:1: bad\n\tname \\u001b[31mred\\u000d");
    }
  }
}
