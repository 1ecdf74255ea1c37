package org.sigmaworkbench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void shortAndIsoFormsParse() {
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1H")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("14d")).isEqualTo(Duration.ofDays(14));
    assertThat(Durations.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("P1DT2H")).isEqualTo(Duration.ofHours(26));
    assertThatThrownBy(() -> Durations.parse("soon"))
        .hasMessageContaining("'soon' is not a duration");
    assertThatThrownBy(() -> Durations.parse("P")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.parse("PT")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writtenAsArmAndTheContentYamlWriteThem() {
    assertThat(Durations.iso(Duration.ofDays(1))).isEqualTo("P1D");
    assertThat(Durations.iso(Duration.ofHours(5))).isEqualTo("PT5H");
    assertThat(Durations.iso(Duration.ofMinutes(90))).isEqualTo("PT1H30M");
    assertThat(Durations.shortForm(Duration.ofDays(14))).isEqualTo("14d");
    assertThat(Durations.shortForm(Duration.ofHours(5))).isEqualTo("5h");
    assertThat(Durations.shortForm(Duration.ofMinutes(90))).isEqualTo("90m");
    for (String s : new String[] {"PT5M", "PT1H30M", "P2D", "P1DT1H"}) {
      assertThat(Durations.iso(Durations.parse(s))).isEqualTo(Durations.iso(Durations.parse(s)));
      assertThat(Durations.isIso(Durations.iso(Durations.parse(s)))).isTrue();
    }
  }
}
