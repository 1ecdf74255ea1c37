package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupOptionsTest {

  @Test
  void theWindowsOwnOptionsAreUnderstood() {
    assertThat(StartupOptions.misunderstood(List.of())).isNull();
    assertThat(
            StartupOptions.misunderstood(
                List.of(
                    "--rule", "r.yml", "--logs", "a.evtx", "b.csv", "--target", "x", "--empty")))
        .isNull();
  }

  @Test
  void anythingElseIsNamedBeforeAWindowOpens() {
    assertThat(StartupOptions.misunderstood(List.of("conevrt", "r.yml")))
        .isEqualTo("unknown command 'conevrt'");
    assertThat(StartupOptions.misunderstood(List.of("--rul", "r.yml")))
        .isEqualTo("unknown option '--rul'");
    assertThat(StartupOptions.misunderstood(List.of("--logs", "a.evtx", "--bogus")))
        .isEqualTo("unknown option '--bogus'");
    assertThat(StartupOptions.misunderstood(List.of("--rule")))
        .isEqualTo("option '--rule' needs a value");
    assertThat(StartupOptions.misunderstood(List.of("--target", "--empty")))
        .isEqualTo("option '--target' needs a value");
    assertThat(StartupOptions.misunderstood(List.of("--empty", "stray.csv")))
        .isEqualTo("unknown command 'stray.csv'");
  }
}
