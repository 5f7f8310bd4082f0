package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

  @Test
  void no_successes_in_ten_reaches_up_to_about_28_percent() {
    Proportion p = WilsonInterval.of(0, 10);
    assertThat(p.value()).isZero();
    assertThat(p.low()).isZero();
    assertThat(p.high()).isCloseTo(0.27753, within(1e-5));
  }

  @Test
  void ten_successes_in_ten_reaches_down_to_about_72_percent() {
    Proportion p = WilsonInterval.of(10, 10);
    assertThat(p.low()).isCloseTo(0.72247, within(1e-5));
    assertThat(p.high()).isEqualTo(1.0);
  }

  @Test
  void five_in_ten_spans_24_to_76_percent() {
    Proportion p = WilsonInterval.of(5, 10);
    assertThat(p.value()).isEqualTo(0.5);
    assertThat(p.low()).isCloseTo(0.2366, within(1e-4));
    assertThat(p.high()).isCloseTo(0.7634, within(1e-4));
  }

  @Test
  void matches_the_textbook_example_of_81_in_263() {
    Proportion p = WilsonInterval.of(81, 263);
    assertThat(p.low()).isCloseTo(0.2553, within(1e-4));
    assertThat(p.high()).isCloseTo(0.3662, within(1e-4));
  }

  @Test
  void keeps_its_counts() {
    Proportion p = WilsonInterval.of(1, 4);
    assertThat(p.numerator()).isEqualTo(1);
    assertThat(p.denominator()).isEqualTo(4);
    assertThat(p.value()).isEqualTo(0.25);
  }

  @Test
  void no_trials_give_zero_and_an_empty_interval() {
    assertThat(WilsonInterval.of(0, 0)).isEqualTo(new Proportion(0, 0, 0, 0, 0));
  }

  @Test
  void more_successes_than_trials_are_refused() {
    assertThatThrownBy(() -> WilsonInterval.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
