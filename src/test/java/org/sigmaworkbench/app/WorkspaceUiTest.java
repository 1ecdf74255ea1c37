package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Run on Workspace from the window, against a loopback Log Analytics stand-in: the dialog opened by
 * keyboard, the preview's text sent, the rows in the test pane with their hits, a rejected query in
 * the notice bar, and Stop.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceUiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String ROWS =
      "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":["
          + "{\"name\":\"TimeGenerated\",\"type\":\"datetime\"},"
          + "{\"name\":\"DvcHostname\",\"type\":\"string\"},"
          + "{\"name\":\"ActorUsername\",\"type\":\"string\"},"
          + "{\"name\":\"TargetProcessName\",\"type\":\"string\"},"
          + "{\"name\":\"TargetProcessCommandLine\",\"type\":\"string\"}],"
          + "\"rows\":["
          + "[\"2026-03-02T10:15:00Z\",\"fin-ws-07\",\"CORP\\\\jdoe\","
          + "\"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe\","
          + "\"powershell.exe Export-PfxCertificate -Cert $c -FilePath C:\\\\Users\\\\Public\\\\c.pfx\"],"
          + "[\"2026-03-02T10:16:00Z\",\"fin-ws-08\",\"CORP\\\\asmith\","
          + "\"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe\","
          + "\"powershell.exe Export-Certificate -Cert $c -FilePath C:\\\\temp\\\\c.cer\"]]}]}";

  private final MockWebServer server = new MockWebServer();
  private MainWindow window;

  @Start
  void start(Stage stage) throws IOException {
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    window = new MainWindow();
    stage.setScene(WorkbenchApp.createScene(window));
    stage.setWidth(1280);
    stage.setHeight(800);
    stage.show();
    window.start(StartupOptions.parse(List.of()));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String status(FxRobot robot) {
    return robot.lookup("#testStatus").queryAs(Label.class).getText();
  }

  private String notice(FxRobot robot) {
    return robot.lookup("#notice").queryAs(Label.class).getText();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** Opens the dialog with Ctrl+Shift+R and fills it in with the keyboard; Enter runs. */
  private void runByKeyboard(FxRobot robot, String workspace) throws TimeoutException {
    robot.interact(() -> window.editor().area().requestFocus());
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R)
        .release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#workspaceDialog").tryQuery().isPresent());
    TextField id = robot.lookup("#wsWorkspaceId").queryAs(TextField.class);
    waitUntil(id::isFocused);
    // Typed text goes to the dialog's window.
    robot.targetWindow(id.getScene().getWindow());
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write(workspace);
    // Tab: the next field shown, the endpoint (cluster and database are Data Explorer's).
    robot.press(KeyCode.TAB).release(KeyCode.TAB);
    TextField endpoint = robot.lookup("#wsEndpoint").queryAs(TextField.class);
    waitUntil(endpoint::isFocused);
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write("http://example.com");
    Label error = robot.lookup("#wsEndpointError").queryAs(Label.class);
    waitUntil(error::isVisible);
    assertThat(error.getText()).startsWith("Refusing plain http to example.com");
    assertThat(robot.lookup("#wsRun").queryButton().isDisabled()).isTrue();
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write("http://127.0.0.1:" + server.getPort());
    waitUntil(() -> !error.isVisible());
    assertThat(robot.lookup("#wsRun").queryButton().isDisabled()).isFalse();
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#workspaceDialog").tryQuery().isEmpty());
  }

  @SuppressWarnings("unchecked")
  private TableView<EventRow> table(FxRobot robot) {
    return robot.lookup("#eventTable").queryAs(TableView.class);
  }

  @Test
  void theRowsOfTheWorkspaceJoinTheTestPaneWithTheirHits(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    server.enqueue(json(200, ROWS));

    runByKeyboard(robot, "1234abcd-0000-4000-8000-00000000cafe");

    RecordedRequest req = server.takeRequest(20, TimeUnit.SECONDS);
    assertThat(req).isNotNull();
    assertThat(req.getTarget())
        .isEqualTo("/v1/workspaces/1234abcd-0000-4000-8000-00000000cafe/query");
    String preview = window.preview().area().getText();
    assertThat(JSON.readTree(req.getBody().utf8()).get("query").asText()).isEqualTo(preview);
    assertThat(req.getHeaders().get("Authorization")).isNull();

    waitUntil(() -> status(robot).startsWith("10 hits"));
    assertThat(status(robot)).contains("workspace 1234abcd…");
    List<EventRow> ws =
        table(robot).getItems().stream()
            .filter(r -> r.event().file().equals("workspace 1234abcd…"))
            .toList();
    assertThat(ws).hasSize(2).allMatch(EventRow::hit);
    assertThat(ws.get(0).explanation().spans()).isNotEmpty();
    // The File column says which rows are the workspace's.
    assertThat(
            table(robot).getColumns().stream()
                .filter(c -> "fileColumn".equals(c.getId()))
                .findFirst()
                .orElseThrow()
                .isVisible())
        .isTrue();
    // Shown marked as hits, like a log's.
    robot.interact(() -> table(robot).scrollTo(ws.get(0)));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(
            robot
                .lookup(".table-row-cell")
                .match(
                    n ->
                        n instanceof TableRow<?> row
                            && row.getItem() == ws.get(0)
                            && n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("hit")))
                .tryQuery())
        .isPresent();

    // A rejected query: one sentence with the position, in the notice bar.
    server.enqueue(
        json(
            400,
            "{\"error\":{\"code\":\"BadArgumentError\",\"message\":\"The request had some invalid"
                + " properties\",\"innererror\":{\"code\":\"SyntaxError\",\"message\":\"Query"
                + " could not be parsed at '|'\",\"line\":2,\"pos\":3}}}"));
    robot.clickOn("#runOnWorkspace");
    waitUntil(() -> robot.lookup("#workspaceDialog").tryQuery().isPresent());
    assertThat(robot.lookup("#wsEndpoint").queryAs(TextField.class).getText())
        .as("remembered")
        .isEqualTo("http://127.0.0.1:" + server.getPort());
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    waitUntil(() -> notice(robot).contains("rejected"));
    assertThat(notice(robot))
        .isEqualTo(
            "Log Analytics workspace 1234abcd-0000-4000-8000-00000000cafe rejected the query (at"
                + " line 2, column 3): The request had some invalid properties: Query could not"
                + " be parsed at '|'.");
  }

  @Test
  void stopCancelsASlowQuery(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body(ROWS)
            .headersDelay(30, TimeUnit.SECONDS)
            .build());
    runByKeyboard(robot, "slow-ws");
    assertThat(server.takeRequest(20, TimeUnit.SECONDS)).isNotNull();
    waitUntil(() -> robot.lookup("#stopRun").query().isVisible());
    assertThat(robot.lookup("#runProgress").query().isVisible()).isTrue();
    assertThat(status(robot)).isEqualTo("Running the query on workspace slow-ws…");
    robot.clickOn("#stopRun");
    waitUntil(() -> !robot.lookup("#stopRun").query().isVisible());
    assertThat(notice(robot)).isEqualTo("The query on workspace slow-ws was stopped.");
    assertThat(status(robot)).isEqualTo("8 hits in 18 events (sysmon-fields.csv)");
    assertThat(table(robot).getItems()).noneMatch(r -> r.event().file().startsWith("workspace"));
  }
}
