package org.sigmaworkbench.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsLogsourcesTest {

  private final WindowsLogsources table = WindowsLogsources.builtIn();

  @Test
  void sysmonEventIdsGiveTheTaxonomyCategories() {
    assertThat(table.of("Microsoft-Windows-Sysmon/Operational", null, "1"))
        .usingComparator(Places.BY_PLACE)
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
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(new EventSource("windows", "security", List.of("process_creation")));
    assertThat(table.of("Security", null, "4624"))
        .usingComparator(Places.BY_PLACE)
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
        .usingComparator(Places.BY_PLACE)
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
  void onlyARecordWithNoChannelProviderOrEventIdIsOfUnknownKind() {
    assertThat(table.of(null, null, null)).isEqualTo(EventSource.UNKNOWN);
    assertThat(table.of("", " ", null)).isEqualTo(EventSource.UNKNOWN);
    // An event id that several channels use says only that the event is a Windows one.
    EventSource idOnly = table.of(null, null, "1");
    assertThat(idOnly.placement()).isEqualTo(EventSource.Placement.PRODUCT);
    assertThat(idOnly.product()).isEqualTo("windows");
    assertThat(idOnly.service()).isNull();
    assertThat(table.of("", " ", "x").placement()).isEqualTo(EventSource.Placement.UNKNOWN);
  }

  @Test
  void aChannelTheTableDoesNotListIsOutsideEveryLogsource() {
    EventSource other = table.of("Microsoft-Windows-Foo/Operational", null, "1");
    assertThat(other.isKnown()).isTrue();
    assertThat(other.isOutsideLogsources()).isTrue();
    assertThat(other.placement()).isEqualTo(EventSource.Placement.UNLISTED);
    assertThat(other.service()).isNull();
    assertThat(other.product()).isEqualTo("windows");
    assertThat(other.origin()).isEqualTo("channel Microsoft-Windows-Foo/Operational");
    EventSource rdp =
        table.of("Microsoft-Windows-RemoteDesktopServices-RdpCoreTS/Operational", null, "131");
    assertThat(rdp.placement()).isEqualTo(EventSource.Placement.NONE);
  }

  @Test
  void anEventWithoutAChannelIsPlacedByItsProvider() {
    EventSource rpc = table.of(null, "Microsoft-Windows-RPC", "6");
    assertThat(rpc.placement()).isEqualTo(EventSource.Placement.NONE);
    assertThat(rpc.origin()).isEqualTo("provider Microsoft-Windows-RPC, no channel");
    assertThat(rpc.isOutsideLogsources()).isTrue();

    EventSource unlisted = table.of(null, "Contoso-Agent", "6");
    assertThat(unlisted.placement()).isEqualTo(EventSource.Placement.UNLISTED);

    EventSource file = table.of(null, "Microsoft-Windows-Kernel-File", "12");
    assertThat(file.placement()).isEqualTo(EventSource.Placement.LOGSOURCE);
    assertThat(file.categories()).containsExactly("file_access");
    assertThat(table.of(null, "microsoft-windows-kernel-file", "19").categories())
        .containsExactly("file_rename");
    assertThat(table.of(null, "Microsoft-Windows-Kernel-File", "14").categories()).isEmpty();

    EventSource ldap = table.of(null, "Microsoft-Windows-LDAP-Client", "30");
    assertThat(ldap.service()).isEqualTo("ldap_debug");

    // A provider that writes to several channels: which one is not known, the product is.
    EventSource eventlog = table.of(null, "Microsoft-Windows-Eventlog", "1102");
    assertThat(eventlog.placement()).isEqualTo(EventSource.Placement.PRODUCT);
    assertThat(eventlog.product()).isEqualTo("windows");

    // The channel decides when there is one.
    assertThat(table.of("Security", "Microsoft-Windows-Eventlog", "1102").service())
        .isEqualTo("security");
    assertThat(table.of("Security", "Microsoft-Windows-RPC", "1").service()).isEqualTo("security");
  }

  @Test
  void windowsSpellingOfTheDnsServerChannelsIsKnown() {
    assertThat(table.of("Microsoft-Windows-DNSServer/Analytical", null, "256").service())
        .isEqualTo("dns-server-analytic");
    assertThat(table.of("Microsoft-Windows-DNSServer/Audit", null, "541").service())
        .isEqualTo("dns-server-audit");
  }

  @Test
  void noProviderIsBothPlacedAndOfNoLogsource() {
    for (String p : table.providersOfNoLogsource()) {
      EventSource s = table.of(null, p, "1");
      assertThat(s.placement()).as(p).isEqualTo(EventSource.Placement.NONE);
    }
    for (WindowsLogsources.Provider p : table.etwProviders()) {
      assertThat(table.of(null, p.name(), null).placement())
          .as(p.name())
          .isEqualTo(EventSource.Placement.LOGSOURCE);
      assertThat(p.events()).isNotEmpty();
    }
  }

  @Test
  void theDataFileMayLeaveOutTheProviderSections() {
    WindowsLogsources small =
        WindowsLogsources.parse(
            java.util.Map.of(
                "product",
                "windows",
                "channels",
                List.of(java.util.Map.of("channel", "Security", "service", "security"))));
    assertThat(small.of(null, "Microsoft-Windows-RPC", "6").placement())
        .isEqualTo(EventSource.Placement.UNLISTED);
    assertThat(small.of("Security", null, "6").service()).isEqualTo("security");
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

  @Test
  void anEventIdPastTheIntegerRangeIsNoEventId() {
    // Found by fuzzing a CSV export's message text: "3333333333" threw NumberFormatException.
    assertThat(WindowsLogsources.parseId("3333333333")).isNull();
    assertThat(WindowsLogsources.parseId("2147483647")).isEqualTo(Integer.MAX_VALUE);
    assertThat(WindowsLogsources.parseId(" 4688.0 ")).isEqualTo(4688);
    assertThat(WindowsLogsources.parseId("4688x")).isNull();
  }
}
