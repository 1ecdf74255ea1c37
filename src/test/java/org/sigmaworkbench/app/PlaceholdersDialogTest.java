package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.Placeholders;

class PlaceholdersDialogTest {

  @Test
  void rowsBecomeATableWithTheStandardNamesKept() {
    Placeholders p =
        PlaceholdersDialog.table(
            List.of(
                new PlaceholdersDialog.Row("Workstations", "WS-*, LAPTOP1 ,"),
                new PlaceholdersDialog.Row("%dc_hosts%", "dc01"),
                new PlaceholdersDialog.Row("  ", "ignored")));
    assertThat(p.lookup("Workstations")).contains(List.of("WS-*", "LAPTOP1"));
    assertThat(p.lookup("dc_hosts")).contains(List.of("dc01"));
    assertThat(p.lookup("Servers")).contains(List.of());
    assertThat(p.asMap()).doesNotContainKey("");
  }
}
