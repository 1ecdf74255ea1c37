package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.mapping.TargetCatalog;

/**
 * The model's logic without JavaFX started: its work runs on the calling thread (a direct executor)
 * and its "FX thread" runs each task at once, so every step is done when the call returns.
 */
class WorkbenchModelTest {

  private static final String HEADLINE_KQL =
      "imProcessCreate\n| where TargetProcessCommandLine contains \"Export-PfxCertificate \" or"
          + " TargetProcessCommandLine contains \"Export-Certificate \"";

  @TempDir Path dir;

  private final List<Runnable> published = new ArrayList<>();
  private final Executor fx =
      r -> {
        published.add(r);
        r.run();
      };
  private final WorkbenchModel model = new WorkbenchModel(Runnable::run, Runnable::run, fx);

  @Test
  void analysesTheRuleAndPublishesTheQueryThroughTheFxRunner() {
    model.setRuleText(TestFiles.headlineRuleText(), "h.yml");
    assertThat(model.kqlTextProperty().get()).isEqualTo(HEADLINE_KQL);
    assertThat(model.kqlStaleProperty().get()).isFalse();
    assertThat(model.analysisProperty().get().problems()).noneMatch(p -> p.isError());
    assertThat(published).isNotEmpty();
  }

  @Test
  void aBrokenRuleKeepsTheLastGoodQueryMarkedStale() {
    model.setRuleText(TestFiles.headlineRuleText(), "h.yml");
    model.setRuleText(
        TestFiles.headlineRuleText().replace("CommandLine|contains:", "CommandLine|contians:"),
        "h.yml");
    assertThat(model.kqlTextProperty().get()).isEqualTo(HEADLINE_KQL);
    assertThat(model.kqlStaleProperty().get()).isTrue();
    assertThat(model.analysisProperty().get().hasErrors()).isTrue();
  }

  @Test
  void runsTheRuleOverTheLogsAndAgainWhenTheRuleChanges() {
    model.setRuleText(TestFiles.headlineRuleText(), "h.yml");
    model.openLogs(List.of(TestFiles.sample("sysmon-fields.csv")));
    assertThat(model.testStatusProperty().get())
        .isEqualTo("8 hits in 18 events (sysmon-fields.csv)");
    assertThat(model.rows()).hasSize(18);
    assertThat(model.runningProperty().get()).isFalse();
    // Another rule over the same logs (what switching tabs does).
    String pfxOnly =
        TestFiles.headlineRuleText().replaceAll("(?m)^ *- 'Export-Certificate '\n", "");
    model.setRuleText(pfxOnly, "other.yml");
    assertThat(model.testStatusProperty().get())
        .isEqualTo("5 hits in 18 events (sysmon-fields.csv)");
    model.setRuleText(TestFiles.headlineRuleText(), "h.yml");
    assertThat(model.rows().stream().filter(EventRow::hit)).hasSize(8);
  }

  @Test
  void aLogLoadedAlreadyIsNotReadAgainAndTheNoticeSaysSo() {
    model.setRuleText(TestFiles.headlineRuleText(), "h.yml");
    Path log = TestFiles.sample("sysmon-fields.csv");
    model.openLogs(List.of(log));
    assertThat(model.noticeProperty().get()).isEmpty();
    // The same file, named another way.
    model.openLogs(
        List.of(log.toAbsolutePath().getParent().resolve(".").resolve("sysmon-fields.csv")));
    assertThat(model.logs()).hasSize(1);
    assertThat(model.rows()).hasSize(18);
    assertThat(model.noticeProperty().get())
        .isEqualTo("sysmon-fields.csv is already loaded; not loaded again");
    // A new file with a loaded one: the new one is read, the notice stays beside the run's.
    model.openLogs(List.of(log, TestFiles.sample("security-4688-wevtutil.xml")));
    assertThat(model.logs()).hasSize(2);
    assertThat(model.testStatusProperty().get()).startsWith("11 hits in 24 events");
    assertThat(model.noticeProperty().get()).contains("sysmon-fields.csv is already loaded");
  }

  @Test
  void theSameFileTwiceInOneRequestIsReadOnce() throws Exception {
    Path a = dir.resolve("a.csv");
    Files.writeString(a, "Image,CommandLine\nx.exe,Export-PfxCertificate -Cert 1\n");
    model.setRuleText(TestFiles.headlineRuleText(), "h.yml");
    model.openLogs(List.of(a, a));
    assertThat(model.logs()).hasSize(1);
    assertThat(model.testStatusProperty().get()).isEqualTo("1 hit in 1 event (a.csv)");
  }

  @Test
  void aTargetSwitchRewritesTheQueryWithoutLosingTheRows() {
    model.setRuleText(TestFiles.headlineRuleText(), "h.yml");
    model.openLogs(List.of(TestFiles.sample("sysmon-fields.csv")));
    model.targetProperty().set(TargetCatalog.get("microsoft_xdr"));
    assertThat(model.kqlTextProperty().get()).startsWith("DeviceProcessEvents");
    assertThat(model.rows()).hasSize(18);
    assertThat(model.testStatusProperty().get()).contains("8 more outside the reach");
  }

  @Test
  void clearingTheLogsEmptiesTheTableAndTheNotice() {
    model.setRuleText(TestFiles.headlineRuleText(), "h.yml");
    model.openLogs(List.of(TestFiles.sample("sysmon-fields.csv")));
    model.openLogs(List.of(TestFiles.sample("sysmon-fields.csv")));
    model.clearLogs();
    assertThat(model.rows()).isEmpty();
    assertThat(model.noticeProperty().get()).isEmpty();
    assertThat(model.testStatusProperty().get())
        .isEqualTo("Drop a log file here, or File > Open Logs");
  }

  @Test
  void aShownNoticeIsKept() {
    model.showNotice("first");
    model.showNotice("second");
    assertThat(model.noticeProperty().get()).isEqualTo("first\nsecond");
  }
}
