package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.threads.DaemonThreads;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A hunt over a folder of rules in the window (headless): File > Open Rule Folder (Ctrl+Shift+O)
 * and {@code --rules DIR}, the hunt table, Stop, Run again, Enter on a row, F6.
 */
@ExtendWith(ApplicationExtension.class)
class HuntUiTest {

  /** Answers the folder dialog with {@link #folderAnswer} and records the folder it starts in. */
  final class Dialogs implements FileDialogs {
    final List<String> asked = new ArrayList<>();

    @Override
    public Path openRule(Window owner, Path folder) {
      return null;
    }

    @Override
    public Path saveRule(Window owner, Path folder, String name) {
      return null;
    }

    @Override
    public List<Path> openLogs(Window owner, Path folder) {
      return List.of();
    }

    @Override
    public Path openRuleFolder(Window owner, Path folder) {
      asked.add("folder in " + folder);
      return folderAnswer;
    }
  }

  /** Holds tasks back until released; after that runs each on a thread of its own. */
  static final class HeldExecutor implements Executor {
    private final List<Runnable> held = new ArrayList<>();
    private boolean released;

    @Override
    public synchronized void execute(Runnable task) {
      if (released) {
        DaemonThreads.start("held-task", task);
      } else {
        held.add(task);
      }
    }

    synchronized int held() {
      return held.size();
    }

    synchronized void release() {
      released = true;
      held.forEach(t -> DaemonThreads.start("held-task", t));
      held.clear();
    }
  }

  @TempDir Path dir;

  private final Dialogs dialogs = new Dialogs();
  private Path folderAnswer;
  private Path rules;
  private Stage stage;
  private MainWindow window;
  private Path settingsDir;

  @Start
  void start(Stage stage) throws IOException {
    this.stage = stage;
    settingsDir = dir.resolve("settings");
    rules = dir.resolve("rules");
    Files.createDirectories(rules.resolve("more"));
    Files.writeString(rules.resolve("headline.yml"), TestFiles.headlineRuleText());
    Files.writeString(rules.resolve("more/powershell.yaml"), RuleFolderHuntTest.POWERSHELL);
    Files.writeString(rules.resolve("nothing.yml"), RuleFolderHuntTest.NOTHING);
    Files.writeString(rules.resolve("broken.yml"), RuleFolderHuntTest.BROKEN);
    window = new MainWindow(settingsDir, dialogs);
    stage.setScene(WorkbenchApp.createScene(window));
    stage.show();
    window.start(StartupOptions.parse(List.of()));
  }

  @AfterEach
  void closeDialogs(FxRobot robot) {
    robot.interact(
        () ->
            new ArrayList<>(Window.getWindows())
                .stream().filter(w -> w != stage).forEach(Window::hide));
  }

  private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @SuppressWarnings("unchecked")
  private TableView<RuleFolderHunt.Row> table(FxRobot robot) {
    return robot.lookup("#huntTable").queryAs(TableView.class);
  }

  private String huntStatus(FxRobot robot) {
    return robot.lookup("#huntStatus").queryAs(Label.class).getText();
  }

  private void waitForLogs() throws TimeoutException {
    waitUntil(() -> !window.model().logs().isEmpty() && !window.model().runningProperty().get());
  }

  private void waitForHunt(FxRobot robot) throws TimeoutException {
    waitUntil(
        () ->
            robot.lookup("#huntTable").tryQuery().isPresent()
                && !window.hunt().runningProperty().get()
                && !table(robot).getItems().isEmpty());
  }

  /** Shown and entirely inside the window. */
  private static void assertInside(Node n) {
    assertThat(n.isVisible()).as(n.getId() + " visible").isTrue();
    Bounds b = n.localToScene(n.getBoundsInLocal());
    assertThat(b.getMinX()).as(n.getId() + " left").isGreaterThanOrEqualTo(0);
    assertThat(b.getMaxX()).as(n.getId() + " right").isLessThanOrEqualTo(n.getScene().getWidth());
    assertThat(b.getMinY()).as(n.getId() + " top").isGreaterThanOrEqualTo(0);
    assertThat(b.getMaxY()).as(n.getId() + " bottom").isLessThanOrEqualTo(n.getScene().getHeight());
    if (n instanceof Button button) {
      assertThat(button.getWidth())
          .as(n.getId() + " not cut")
          .isGreaterThanOrEqualTo(button.prefWidth(-1) - 0.5);
    }
  }

  @Test
  void ctrlShiftOHuntsTheFolderBusiestFirstAndListsTheBrokenRule(FxRobot robot)
      throws TimeoutException {
    waitForLogs();
    folderAnswer = rules;
    robot.interact(() -> window.editor().area().requestFocus());
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT);
    robot.release(KeyCode.CONTROL);
    waitForHunt(robot);

    long headline = RuleFolderHuntTest.hitsAlone(TestFiles.headlineRuleText());
    long powershell = RuleFolderHuntTest.hitsAlone(RuleFolderHuntTest.POWERSHELL);
    List<RuleFolderHunt.Row> rows = table(robot).getItems();
    assertThat(rows)
        .extracting(RuleFolderHunt.Row::hits)
        .containsExactly(Math.max(headline, powershell), Math.min(headline, powershell));
    assertThat(rows)
        .extracting(RuleFolderHunt.Row::title)
        .containsExactlyInAnyOrder("Certificate Exported Via PowerShell", "PowerShell Started");
    assertThat(table(robot).getColumns())
        .extracting(c -> c.getText())
        .containsExactly("Rule", "Level", "Hits", "File");
    assertThat(table(robot).getColumns()).allMatch(c -> c.isSortable());
    assertThat(huntStatus(robot))
        .isEqualTo(
            "2 rules with hits of 3 (1 could not be loaded); " + (headline + powershell) + " hits");
    ListView<?> problems = robot.lookup("#huntProblems").queryAs(ListView.class);
    assertThat(problems.isVisible()).isTrue();
    assertThat(problems.getItems()).hasSize(1);
    assertThat(problems.getItems().get(0).toString()).startsWith("broken.yml: ");
    // The folder is remembered as the last rule folder.
    assertThat(window.currentSettings().lastRuleFolder)
        .isEqualTo(rules.toAbsolutePath().normalize().toString());
    assertThat(dialogs.asked).contains("folder in null");

    // Everything the window needs fits at 1024 x 768 with the hunt view open.
    robot.interact(
        () -> {
          stage.setWidth(1024);
          stage.setHeight(768);
        });
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitForFxEvents();
    for (String id : List.of("#copyKql", "#openLogs", "#huntStop", "#huntRunAgain", "#huntClose")) {
      assertInside(robot.lookup(id).query());
    }
    assertInside(robot.lookup("#stopRun").query().getParent());
    assertThat(table(robot).getHeight()).isGreaterThan(60);
  }

  @Test
  void enterOnARowOpensThatRuleInATabWithItsHitsInTheTestPane(FxRobot robot)
      throws TimeoutException {
    waitForLogs();
    robot.interact(() -> window.huntFolder(rules));
    waitForHunt(robot);
    TabPane tabs = robot.lookup("#ruleTabs").queryAs(TabPane.class);
    int tabsBefore = tabs.getTabs().size();

    // F6 reaches the hunt table.
    robot.interact(() -> window.editor().area().requestFocus());
    for (int i = 0; i < window.focusCycle().size() && !table(robot).isFocused(); i++) {
      robot.press(KeyCode.F6).release(KeyCode.F6);
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertThat(table(robot).isFocused()).isTrue();
    RuleFolderHunt.Row row = table(robot).getItems().get(1);
    robot.interact(() -> table(robot).getSelectionModel().select(1));
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);

    waitUntil(() -> tabs.getSelectionModel().getSelectedItem().getText().equals(row.fileName()));
    assertThat(tabs.getTabs()).hasSize(tabsBefore + 1);
    waitUntil(
        () ->
            robot
                .lookup("#testStatus")
                .queryAs(Label.class)
                .getText()
                .startsWith(row.hits() + " hit"));

    // Enter again switches to the open tab instead of opening another.
    robot.interact(() -> tabs.getSelectionModel().select(0));
    robot.interact(() -> table(robot).requestFocus());
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    waitUntil(() -> tabs.getSelectionModel().getSelectedItem().getText().equals(row.fileName()));
    assertThat(tabs.getTabs()).hasSize(tabsBefore + 1);
  }

  @Test
  void stopDuringAHuntLeavesTheWindowUsableAndRunAgainHunts(FxRobot robot) throws TimeoutException {
    waitForLogs();
    HeldExecutor held = new HeldExecutor();
    robot.interact(
        () -> {
          window.hunt().useExecutor(held);
          window.huntFolder(rules);
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.hunt().runningProperty().get()).isTrue();
    assertThat(held.held()).isEqualTo(1);
    Button stop = robot.lookup("#huntStop").queryAs(Button.class);
    assertThat(stop.isDisabled()).isFalse();
    robot.clickOn(stop);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(window.hunt().runningProperty().get()).isFalse();
    assertThat(huntStatus(robot)).startsWith("Stopped.");
    assertThat(stop.isDisabled()).isTrue();
    // The stopped hunt's work, let go now, shows nothing.
    held.release();
    WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(table(robot).getItems()).isEmpty();
    assertThat(huntStatus(robot)).startsWith("Stopped.");

    // The window goes on: the rule still runs in the test pane, and Run again hunts.
    robot.interact(() -> window.editor().area().appendText("\n"));
    waitUntil(() -> !window.model().runningProperty().get());
    robot.clickOn("#huntRunAgain");
    waitForHunt(robot);
    assertThat(huntStatus(robot)).startsWith("2 rules with hits of 3");
  }

  /** Closes the window and starts a new one on {@code options}, as a new start of the app does. */
  private void restart(FxRobot robot, StartupOptions options) {
    MainWindow[] next = new MainWindow[1];
    robot.interact(
        () -> {
          window.shutdown();
          next[0] = new MainWindow(settingsDir, dialogs);
          stage.setScene(WorkbenchApp.createScene(next[0]));
          next[0].start(options);
        });
    window = next[0];
  }

  @Test
  void aCorrelationRowOpensWithItsRulesFilesAndShowsItsWindow(FxRobot robot)
      throws TimeoutException, IOException {
    Path recon = Files.createDirectories(dir.resolve("recon"));
    Files.writeString(recon.resolve("recon_burst.yml"), RuleFolderHuntTest.CORRELATION);
    Files.writeString(recon.resolve("whoami.yml"), RuleFolderHuntTest.WHOAMI);
    Files.writeString(recon.resolve("ipconfig.yml"), RuleFolderHuntTest.IPCONFIG);
    Path log = Files.writeString(dir.resolve("recon.csv"), RuleFolderHuntTest.RECON_LOG);
    StartupOptions options =
        StartupOptions.parse(List.of("--rules", recon.toString(), "--logs", log.toString()));
    restart(robot, options);
    waitForHunt(robot);
    assertThat(huntStatus(robot)).isEqualTo("1 rule with hits of 3; 1 hit");
    assertThat(table(robot).getItems().get(0).title()).isEqualTo("Recon burst");

    robot.interact(() -> table(robot).requestFocus());
    robot.interact(() -> table(robot).getSelectionModel().select(0));
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);

    TabPane tabs = robot.lookup("#ruleTabs").queryAs(TabPane.class);
    waitUntil(
        () ->
            tabs.getSelectionModel()
                .getSelectedItem()
                .getText()
                .startsWith("recon_burst.yml + 2 files"));
    waitUntil(
        () ->
            robot
                .lookup("#correlationTable")
                .tryQueryAs(TreeTableView.class)
                .filter(t -> t.isVisible() && t.getRoot().getChildren().size() == 1)
                .isPresent());
  }

  @Test
  void theRulesOptionStartsAHuntOnceTheLogsAreRead(FxRobot robot)
      throws TimeoutException, IOException {
    StartupOptions options = StartupOptions.parse(List.of("--rules", rules.toString()));
    restart(robot, options);
    waitForHunt(robot);
    assertThat(huntStatus(robot)).startsWith("2 rules with hits of 3 (1 could not be loaded)");
    assertThat(window.model().logs()).isNotEmpty();
  }

  @Test
  void whenTheLogsChangeTheViewSaysSoAndRunAgainHuntsTheNewLogs(FxRobot robot)
      throws TimeoutException {
    waitForLogs();
    robot.interact(() -> window.huntFolder(rules));
    waitForHunt(robot);
    Label stale = robot.lookup("#huntStale").queryAs(Label.class);
    assertThat(stale.isVisible()).isFalse();
    String before = huntStatus(robot);

    robot.interact(() -> window.openLogs(List.of(TestFiles.sample("security-4688-wevtutil.xml"))));
    waitUntil(() -> window.model().logs().size() == 2 && !window.model().runningProperty().get());
    assertThat(stale.isVisible()).isTrue();
    // Not hunted again by itself.
    assertThat(huntStatus(robot)).isEqualTo(before);

    robot.clickOn("#huntRunAgain");
    waitForHunt(robot);
    assertThat(stale.isVisible()).isFalse();
    assertThat(huntStatus(robot)).startsWith("2 rules with hits of 3 (1 could not be loaded)");
  }

  @Test
  void theKeyboardHelpListsCtrlShiftO() {
    assertThat(window.shortcuts())
        .anyMatch(k -> k[0].equals("Ctrl+Shift+O") && k[1].equals("File > Open Rule Folder…"));
  }
}
