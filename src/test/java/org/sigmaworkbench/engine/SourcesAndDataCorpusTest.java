package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.run.LogResult;
import org.sigmaworkbench.engine.run.OneLog;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.mapping.EventSource;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * The attack samples with events that carry no channel (an ETW trace) and with unnamed data (MSSQL
 * and ESENT in the Application log), matched with the SigmaHQ rules written for them.
 */
class SourcesAndDataCorpusTest {

  private static Path sample(String name) throws Exception {
    try (Stream<Path> s = Files.walk(TestFiles.corpus("evtx-attack"))) {
      return s.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
    }
  }

  private static CompiledRule sigmaRule(String relative) {
    Path p = TestFiles.corpus("sigma-rules/rules/windows/builtin/application/" + relative);
    return CompiledRule.compile(new RuleLoader().load(p).firstRule().orElseThrow());
  }

  private static CompiledRule rule(String logsource) {
    String text =
        "title: t\nlogsource:\n"
            + logsource.indent(2)
            + "detection:\n  sel:\n    EventID: 6\n  condition: sel\n";
    return CompiledRule.compile(new RuleLoader().load(text, "t.yml").firstRule().orElseThrow());
  }

  private record Seen(Event event, boolean hit) {}

  private static List<Seen> run(Path log, CompiledRule rule) {
    List<Seen> out = new ArrayList<>();
    LogResult r = OneLog.run(log, List.of(rule), (e, h) -> out.add(new Seen(e, !h.isEmpty())));
    assertThat(r.error()).isNull();
    assertThat(out).isNotEmpty();
    return out;
  }

  private static List<String> data(Event e) {
    return e.values(e.schema().columnSlot("Data"));
  }

  @Test
  void etwRpcEventsWithoutAChannelAreTriedOnlyByProductOnlyRules() throws Exception {
    Path log = sample("etw_rpc_zerologon.evtx");
    for (Seen s : run(log, rule("product: windows"))) {
      EventSource source = s.event().schema().layout().source();
      assertThat(source.placement()).isEqualTo(EventSource.Placement.NONE);
      assertThat(source.origin()).isEqualTo("provider Microsoft-Windows-RPC, no channel");
      assertThat(s.hit()).isEqualTo("6".equals(s.event().get("EventID")));
    }
    for (String logsource :
        List.of(
            "product: windows\ncategory: process_creation",
            "product: windows\nservice: security",
            "category: network_connection")) {
      assertThat(run(log, rule(logsource))).as(logsource).noneMatch(Seen::hit);
    }
  }

  @Test
  void theMssqlFailedLogonRuleFiltersInternalClientsFoundInAnyUnnamedValue() throws Exception {
    List<Seen> seen =
        run(
            sample("MSSQL_multiple_failed_logon_EventID_18456.evtx"),
            sigmaRule("mssqlserver/win_mssql_failed_logon_from_external_network.yml"));
    int failedLogons = 0;
    for (Seen s : seen) {
      if (!"18456".equals(s.event().get("EventID"))) {
        assertThat(s.hit()).isFalse();
        continue;
      }
      failedLogons++;
      List<String> values = data(s.event());
      assertThat(values).hasSizeGreaterThan(1);
      boolean internal =
          values.stream()
              .anyMatch(
                  v ->
                      v.matches("(?s).*CLIENT: (10\\.|127\\.|192\\.168\\.|169\\.254\\.).*")
                          || v.matches("(?s).*CLIENT: 172\\.(1[6-9]|2\\d|3[01])\\..*")
                          || v.contains("CLIENT: <local machine>"));
      assertThat(s.hit()).as(values.toString()).isEqualTo(!internal);
    }
    assertThat(failedLogons).isPositive();
  }

  @Test
  void theNtdsutilRulesSeeTheDatabasePathInAnyUnnamedValue() throws Exception {
    Path log = sample("dc_applog_ntdsutil_dfir_325_326_327.evtx");
    List<Seen> seen = run(log, sigmaRule("esent/win_esent_ntdsutil_abuse.yml"));
    long hits = 0;
    for (Seen s : seen) {
      boolean expected =
          "ESENT".equals(s.event().get("Provider_Name"))
              && List.of("216", "325", "326", "327").contains(s.event().get("EventID"))
              && data(s.event()).stream().anyMatch(v -> v.contains("ntds.dit"));
      assertThat(s.hit()).as(data(s.event()).toString()).isEqualTo(expected);
      hits += s.hit() ? 1 : 0;
    }
    assertThat(hits).isPositive();
    // The database path is not the first unnamed value: only reading all of them finds it.
    assertThat(seen)
        .filteredOn(Seen::hit)
        .allSatisfy(s -> assertThat(data(s.event()).get(0)).doesNotContain("ntds.dit"));
  }
}
