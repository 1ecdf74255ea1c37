package org.sigmaworkbench.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsLogsourcesTest {

  private final WindowsLogsources table = WindowsLogsources.builtIn();

  @Test
  void sysmonEventIdsGiveTheTaxonomyCategories() {
    assertThat(table.of("Microsoft-Windows-Sysmon/Operational", null, "1"))
        .isEqualTo(new EventSource("windows", "sysmon", List.of("process_creation")));
    assertThat(table.of("Microsoft-Windows-Sysmon/Operational", null, "3").categories())
        .containsExactly("network_connection");
    assertThat(table.of("Microsoft-Windows-Sysmon/Operational", null, "22").categories())
        .containsExactly("dns_query");
    assertThat(table.of("microsoft-windows-sysmon/operational ", null, "13").categories())
        .containsExactly("registry_event", "registry_set");
    assertThat(table.of("Microsoft-Windows-Sysmon/Operational", null, "26").categories())
        .contains("file_delete");
  }

  @Test
  void securityEventsAreOfTheSecurityServiceAnd4688IsProcessCreation() {
    assertThat(table.of("Security", null, "4688"))
        .isEqualTo(new EventSource("windows", "security", List.of("process_creation")));
    assertThat(table.of("Security", null, "4624"))
        .isEqualTo(new EventSource("windows", "security", List.of()));
    assertThat(table.of("System", null, "7045").service()).isEqualTo("system");
  }

  @Test
  void powerShellScriptBlocksAndModules() {
    assertThat(table.of("Microsoft-Windows-PowerShell/Operational", null, "4104").categories())
        .containsExactly("ps_script");
    assertThat(table.of("Microsoft-Windows-PowerShell/Operational", null, "4103").categories())
        .containsExactly("ps_module");
    assertThat(table.of("Windows PowerShell", null, "400"))
        .isEqualTo(new EventSource("windows", "powershell-classic", List.of("ps_classic_start")));
  }

  @Test
  void providersAbbreviationsAndBareIdsIdentifyTheChannel() {
    assertThat(table.of(null, "Microsoft-Windows-Security-Auditing", "4688").categories())
        .containsExactly("process_creation");
    assertThat(table.of(null, "Microsoft Windows security auditing.", "4624").service())
        .isEqualTo("security");
    assertThat(table.of("Sec", null, "4688").categories()).containsExactly("process_creation");
    assertThat(table.of("Sysmon", null, "1").categories()).containsExactly("process_creation");
    assertThat(table.of(null, null, "4688").service()).isEqualTo("security");
    assertThat(table.of(null, null, 4104 + ".0").categories()).containsExactly("ps_script");
  }

  @Test
  void whatTheRecordDoesNotSayStaysUnknown() {
    assertThat(table.of(null, null, "1")).isEqualTo(EventSource.UNKNOWN);
    assertThat(table.of(null, null, null)).isEqualTo(EventSource.UNKNOWN);
    assertThat(table.of(null, "Microsoft-Windows-Eventlog", "1102")).isEqualTo(EventSource.UNKNOWN);
    assertThat(table.of("", " ", "x")).isEqualTo(EventSource.UNKNOWN);
    EventSource other = table.of("Microsoft-Windows-Foo/Operational", null, "1");
    assertThat(other.isKnown()).isTrue();
    assertThat(other.service()).isNull();
    assertThat(other.product()).isEqualTo("windows");
  }

  @Test
  void everyChannelHasAServiceAndNoAliasIsShared() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (WindowsLogsources.Channel c : table.channels()) {
      assertThat(c.service()).isNotBlank();
      java.util.List<String> names = new java.util.ArrayList<>(c.aliases());
      names.add(c.name());
      for (String n : names) {
        assertThat(seen.add(n.toLowerCase(java.util.Locale.ROOT))).as(n).isTrue();
      }
    }
  }
}
