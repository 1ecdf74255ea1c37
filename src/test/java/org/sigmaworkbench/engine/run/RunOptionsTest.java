package org.sigmaworkbench.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunOptionsTest {

  private static final RunOptions ALL_SET =
      RunOptions.allEvents()
          .explainMisses(true)
          .threads(3)
          .limits(40, 50)
          .keepLogs(600, 70)
          .foldCorrelatedHits(true);

  @Test
  void eachChangeSetsItsOwnPartsAndKeepsTheOthers() {
    assertThat(ALL_SET).isEqualTo(new RunOptions(true, true, 3, 40, 50, 600, 70, true));
    assertThat(ALL_SET.threads(2)).isEqualTo(new RunOptions(true, true, 2, 40, 50, 600, 70, true));
    assertThat(ALL_SET.explainMisses(false))
        .isEqualTo(new RunOptions(true, false, 3, 40, 50, 600, 70, true));
    assertThat(ALL_SET.limits(1, 2)).isEqualTo(new RunOptions(true, true, 3, 1, 2, 600, 70, true));
    assertThat(ALL_SET.keepLogs(8, 9)).isEqualTo(new RunOptions(true, true, 3, 40, 50, 8, 9, true));
    assertThat(ALL_SET.foldCorrelatedHits(false))
        .isEqualTo(new RunOptions(true, true, 3, 40, 50, 600, 70, false));
    assertThat(RunOptions.onlyHits().everyEvent()).isFalse();
  }

  @Test
  void aChangedCopyIsCheckedLikeANewOne() {
    assertThatThrownBy(() -> ALL_SET.threads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("thread");
    assertThatThrownBy(() -> ALL_SET.limits(-1, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not negative");
    assertThatThrownBy(() -> ALL_SET.keepLogs(5, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
