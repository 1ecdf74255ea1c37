package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.MatchSpan;
import org.sigmaworkbench.workspace.SignIn;
import org.sigmaworkbench.workspace.WorkspaceConnection;
import org.sigmaworkbench.workspace.WorkspaceConnection.Service;

/**
 * Workspace rows in the model, without JavaFX started: the rule's query goes to a loopback Log
 * Analytics stand-in and its rows join the test pane's rows. The "FX thread" is this test's thread,
 * running what the model publishes in order.
 */
class WorkspaceSourceTest {

  @StartStop final MockWebServer server = new MockWebServer();

  private final BlockingQueue<Runnable> fxTasks = new LinkedBlockingQueue<>();
  private final WorkbenchModel model =
      new WorkbenchModel(Runnable::run, Runnable::run, fxTasks::add);

  private static final String ROWS =
      "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":["
          + "{\"name\":\"TimeGenerated\",\"type\":\"datetime\"},"
          + "{\"name\":\"DvcHostname\",\"type\":\"string\"},"
          + "{\"name\":\"TargetProcessCommandLine\",\"type\":\"string\"}],"
          + "\"rows\":["
          + "[\"2026-01-02T03:04:05Z\",\"pc1\",\"powershell Export-Certificate -Cert $c\"],"
          + "[\"2026-01-02T03:04:06Z\",\"pc2\",\"cmd /c dir\"],"
          + "[\"2026-01-02T03:04:07Z\",\"pc3\",\"powershell Export-PfxCertificate x\"]]}]%s}";

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private WorkspaceConnection connection() {
    return new WorkspaceConnection(
        Service.LOG_ANALYTICS,
        "1234abcd-aaaa-bbbb",
        "",
        "",
        server.url("/").toString(),
        "P1D",
        "1000",
        SignIn.AUTO);
  }

  /** Runs what the model publishes until {@code done} holds. */
  private void pump(BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!done.getAsBoolean()) {
      Runnable r = fxTasks.poll(50, TimeUnit.MILLISECONDS);
      if (r != null) {
        r.run();
      }
      assertThat(System.nanoTime()).as("waited too long").isLessThan(end);
    }
    for (Runnable r; (r = fxTasks.poll()) != null; ) {
      r.run();
    }
  }

  private List<EventRow> workspaceRows() {
    return model.rows().stream().filter(r -> r.event().file().startsWith("workspace")).toList();
  }

  private void headline() throws InterruptedException {
    model.setRuleText(TestFiles.headlineRuleText(), "h.yml");
    pump(() -> !model.kqlTextProperty().get().isEmpty());
  }

  @Test
  void theRowsJoinTheLogsRowsAsASourceNamedAfterTheWorkspaceAndFollowTheRule() throws Exception {
    headline();
    model.openLogs(List.of(TestFiles.sample("sysmon-fields.csv")));
    pump(() -> model.testStatusProperty().get().startsWith("8 hits"));
    int local = model.rows().size();
    server.enqueue(json(200, ROWS.formatted("")));

    model.runOnWorkspace(connection());
    assertThat(model.runningProperty().get()).isTrue();
    assertThat(model.testStatusProperty().get())
        .isEqualTo("Running the query on workspace 1234abcd…");
    pump(() -> !model.runningProperty().get());

    assertThat(model.rows()).hasSize(local + 3);
    List<EventRow> ws = workspaceRows();
    assertThat(ws).extracting(EventRow::hit).containsExactly(true, false, true);
    assertThat(ws).allMatch(r -> r.event().file().equals("workspace 1234abcd…"));
    assertThat(ws).allMatch(r -> r.outsideReach() == null);
    MatchSpan span = ws.get(0).explanation().spans().get(0);
    assertThat(span.field()).isEqualTo("CommandLine");
    assertThat(model.testStatusProperty().get())
        .isEqualTo("10 hits in 21 events (sysmon-fields.csv, workspace 1234abcd…)");
    assertThat(model.noticeProperty().get()).isEmpty();

    // Another rule: the same rows, matched again, like a log's events.
    model.setRuleText(
        TestFiles.headlineRuleText().replace("'Export-PfxCertificate '", "'Export-Nothing '"),
        "h.yml");
    pump(() -> !workspaceRows().isEmpty() && !workspaceRows().get(2).hit());
    assertThat(workspaceRows()).extracting(EventRow::hit).containsExactly(true, false, false);

    model.clearLogs();
    pump(() -> model.rows().isEmpty());
    assertThat(model.testStatusProperty().get()).startsWith("Drop a log file");
  }

  @Test
  void partialRowsAndAFailureGoToTheNoticeBarAsSentences() throws Exception {
    headline();
    server.enqueue(
        json(
            200,
            ROWS.formatted(
                ",\"error\":{\"code\":\"PartialError\",\"message\":\"There were some errors when"
                    + " processing your query.\"}")));
    model.runOnWorkspace(connection());
    pump(() -> !model.runningProperty().get());
    assertThat(workspaceRows()).hasSize(3);
    assertThat(model.noticeProperty().get())
        .isEqualTo(
            "The workspace 1234abcd… rows may be incomplete: There were some errors when"
                + " processing your query.");

    server.enqueue(
        json(
            400,
            "{\"error\":{\"code\":\"BadArgumentError\",\"message\":\"Bad query\","
                + "\"innererror\":{\"code\":\"SemanticError\",\"message\":\"'x' is not a"
                + " column\",\"line\":1,\"pos\":9}}}"));
    model.runOnWorkspace(connection());
    pump(() -> !model.runningProperty().get());
    assertThat(model.noticeProperty().get())
        .startsWith(
            "Log Analytics workspace 1234abcd-aaaa-bbbb rejected the query (at line 1, column 9)")
        .doesNotContain("\n");
    // The rows of the last good answer stay.
    assertThat(workspaceRows()).hasSize(3);
  }

  @Test
  void stopCancelsASlowAnswer() throws Exception {
    headline();
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body(ROWS.formatted(""))
            .headersDelay(30, TimeUnit.SECONDS)
            .build());
    model.runOnWorkspace(connection());
    assertThat(model.runningProperty().get()).isTrue();
    server.takeRequest(10, TimeUnit.SECONDS);
    model.cancelRun();
    assertThat(model.runningProperty().get()).isFalse();
    assertThat(model.noticeProperty().get())
        .isEqualTo("The query on workspace 1234abcd… was stopped.");
    pump(() -> true);
    assertThat(workspaceRows()).isEmpty();
  }

  @Test
  void aRuleWithErrorsIsNotSent() throws Exception {
    headline();
    model.setRuleText(
        TestFiles.headlineRuleText().replace("CommandLine|contains:", "CommandLine|contians:"),
        "h.yml");
    pump(() -> model.kqlStaleProperty().get());
    model.runOnWorkspace(connection());
    assertThat(model.runningProperty().get()).isFalse();
    assertThat(model.noticeProperty().get()).startsWith("The rule has errors");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theSettingsRememberTheConnection() {
    Settings s = new Settings();
    assertThat(WorkspaceSource.connection(s)).isEqualTo(WorkspaceConnection.defaults());
    WorkspaceConnection c =
        new WorkspaceConnection(
            Service.DATA_EXPLORER,
            "",
            "https://help.kusto.windows.net",
            "Samples",
            "",
            "PT12H",
            "50",
            SignIn.AZURE_CLI);
    WorkspaceSource.remember(s, c);
    Settings copy = new Settings();
    copy.copyWorkspace(s);
    assertThat(WorkspaceSource.connection(copy)).isEqualTo(c);
    assertThat(copy.workspaceSignIn).isEqualTo("azure-cli");
  }
}
