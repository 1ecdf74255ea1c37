package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.engine.CorrelationHit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A correlation rule in the editor: its hits are rows that open, with the keyboard, to events. */
@ExtendWith(ApplicationExtension.class)
class CorrelationPaneUiTest {

  private static final String RULE =
      "title: Many recon commands\ncorrelation:\n  type: event_count\n  rules: [recon_cmd]\n"
          + "  group-by: [User]\n  timespan: 5m\n  condition:\n    gte: 3\n---\n"
          + "title: Recon command\nname: recon_cmd\n"
          + "logsource:\n  category: process_creation\n  product: windows\n"
          + "detection:\n  selection:\n    CommandLine|contains: [whoami, ipconfig]\n"
          + "  condition: selection\n";

  private MainWindow window;

  @TempDir Path dir;

  @Start
  void start(Stage stage) throws IOException {
    window = new MainWindow();
    stage.setScene(WorkbenchApp.createScene(window));
    stage.show();
    window.start(StartupOptions.parse(List.of()));
  }

  private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static String line(String time, String user, String command) {
    return "{\"@timestamp\":\""
        + time
        + "\",\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"User\":\""
        + user
        + "\",\"CommandLine\":\""
        + command
        + "\"}\n";
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCorrelationHitOpensToItsEvents(FxRobot robot) throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Files.writeString(
        a,
        line("2026-11-20T09:03:00Z", "jdoe", "whoami")
            + line("2026-11-20T09:00:00Z", "jdoe", "whoami /all"));
    Files.writeString(
        b,
        line("2026-11-20T09:01:00Z", "jdoe", "ipconfig")
            + line("2026-11-20T09:02:00Z", "other", "notepad"));
    TreeTableView<Object> table = robot.lookup("#correlationTable").queryAs(TreeTableView.class);
    assertThat(table.isVisible()).isFalse();
    robot.interact(() -> window.editor().area().replaceText(RULE));
    robot.interact(() -> window.model().clearLogs());
    robot.interact(() -> window.openLogs(List.of(a, b)));
    waitUntil(() -> window.model().correlationHits().size() == 1 && table.isVisible());
    waitUntil(
        () ->
            robot
                .lookup("#testStatus")
                .queryAs(Label.class)
                .getText()
                .endsWith("; 1 correlation hit"));
    assertThat(robot.lookup("#eventTable").tryQuery()).isPresent();
    // The preview shows the correlation's query.
    assertThat(window.preview().area().getText())
        .contains("let Events = recon_cmd;")
        .contains("| extend Hit = EventCount >= 3");
    TreeItem<Object> hit = table.getRoot().getChildren().get(0);
    assertThat(hit.isExpanded()).isFalse();
    assertThat(((CorrelationHit) hit.getValue()).group()).containsEntry("User", "jdoe");

    // Select the hit with the keyboard, open it with Right, go down to its second event.
    robot.interact(
        () -> {
          table.requestFocus();
          table.getSelectionModel().select(0);
          table.getFocusModel().focus(0);
        });
    assertThat(window.testPane().detail().getText())
        .startsWith("CORRELATION: Many recon commands [event_count] User=jdoe")
        .contains("a.jsonl #2")
        .contains("b.jsonl #1")
        .contains("a.jsonl #1");
    robot.type(KeyCode.RIGHT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(hit.isExpanded()).isTrue();
    assertThat(hit.getChildren()).hasSize(3);
    robot.type(KeyCode.DOWN, KeyCode.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    Object selected = table.getSelectionModel().getSelectedItem().getValue();
    assertThat(selected).isInstanceOf(CorrelationHit.Member.class);
    assertThat(((CorrelationHit.Member) selected).file()).isEqualTo("b.jsonl");
    assertThat(window.testPane().detail().getText())
        .startsWith("b.jsonl")
        .contains("record 1")
        .contains("CommandLine: ipconfig");
  }
}
