package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window for all-day use: layout at 1024x768, keyboard, feedback, counts in words. */
@ExtendWith(ApplicationExtension.class)
class WindowUiTest {

  private MainWindow window;
  private Stage stage;

  @TempDir Path dir;

  @Start
  void start(Stage stage) throws IOException {
    this.stage = stage;
    window = new MainWindow();
    stage.setScene(WorkbenchApp.createScene(window));
    stage.show();
    window.start(StartupOptions.parse(List.of()));
  }

  private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String status(FxRobot robot) {
    return robot.lookup("#testStatus").queryAs(Label.class).getText();
  }

  private void resize(FxRobot robot, double width, double height) {
    robot.interact(
        () -> {
          stage.setWidth(width);
          stage.setHeight(height);
        });
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Menu menu(FxRobot robot, String id) {
    return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
        .filter(m -> id.equals(m.getId()))
        .findFirst()
        .orElseThrow();
  }

  /** Shown, at its full preferred width, and entirely inside the window. */
  private void assertFullyShown(Node n) {
    assertThat(n.isVisible()).as(n.getId() + " visible").isTrue();
    assertThat(n.getParent().isVisible()).isTrue();
    Bounds b = n.localToScene(n.getBoundsInLocal());
    double w = n.getScene().getWidth();
    double h = n.getScene().getHeight();
    assertThat(b.getMinX()).as(n.getId() + " left edge").isGreaterThanOrEqualTo(0);
    assertThat(b.getMaxX()).as(n.getId() + " right edge").isLessThanOrEqualTo(w);
    assertThat(b.getMinY()).isGreaterThanOrEqualTo(0);
    assertThat(b.getMaxY()).isLessThanOrEqualTo(h);
    if (n instanceof Button button) {
      assertThat(button.getWidth())
          .as(n.getId() + " not cut")
          .isGreaterThanOrEqualTo(button.prefWidth(-1) - 0.5);
    }
  }

  @Test
  void at1024x768ThePrimaryActionsAreWholeAndInsideTheWindow(FxRobot robot)
      throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    resize(robot, 1024, 768);
    assertThat(window.getScene().getWidth()).isEqualTo(1024);
    assertFullyShown(robot.lookup("#copyKql").query());
    assertFullyShown(robot.lookup("#openLogs").query());
    assertFullyShown(robot.lookup("#targetChoice").query());
    Label testStatus = robot.lookup("#testStatus").queryAs(Label.class);
    assertThat(testStatus.getWidth()).isGreaterThan(100);
    // Keep unmapped fields is either in the bar or an item of its "⋯" menu, never cut.
    Node keep = robot.lookup("#keepUnmapped").query();
    MenuButton more = robot.lookup("#kqlMore").queryAs(MenuButton.class);
    assertThat(keep.isVisible() || more.isVisible()).isTrue();
  }

  @Test
  void aNarrowWindowMovesSecondaryItemsIntoTheOverflowMenuOneByOne(FxRobot robot)
      throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    resize(robot, 1600, 900);
    MenuButton kqlMore = robot.lookup("#kqlMore").queryAs(MenuButton.class);
    MenuButton testMore = robot.lookup("#testMore").queryAs(MenuButton.class);
    assertThat(robot.lookup("#keepUnmapped").query().isVisible()).isTrue();
    assertThat(robot.lookup("#clearLogs").query().isVisible()).isTrue();
    assertThat(kqlMore.isVisible()).isFalse();
    assertThat(testMore.isVisible()).isFalse();
    resize(robot, 700, 700);
    assertFullyShown(robot.lookup("#copyKql").query());
    assertFullyShown(robot.lookup("#openLogs").query());
    // Clear leaves first; whatever left the bar is offered in the menu instead.
    assertThat(testMore.isVisible()).isTrue();
    assertThat(robot.lookup("#clearLogs").query().isVisible()).isFalse();
    assertThat(testMore.getItems().stream().filter(i -> i.isVisible()).map(i -> i.getText()))
        .contains("Clear");
    if (!robot.lookup("#keepUnmapped").query().isVisible()) {
      assertThat(kqlMore.isVisible()).isTrue();
      assertThat(kqlMore.getItems())
          .anyMatch(i -> i.isVisible() && i.getId().equals("keepUnmappedItem"));
    }
    resize(robot, 1600, 900);
    assertThat(robot.lookup("#clearLogs").query().isVisible()).isTrue();
    assertThat(testMore.isVisible()).isFalse();
  }

  @Test
  void dividersKeepTheirProportionsWhenTheWindowResizes(FxRobot robot) throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    resize(robot, 1600, 900);
    double main = window.mainSplit().getDividerPositions()[0];
    double right = window.rightSplit().getDividerPositions()[0];
    for (double[] size : new double[][] {{1024, 768}, {1440, 960}, {1024, 768}}) {
      resize(robot, size[0], size[1]);
      assertThat(window.mainSplit().getDividerPositions()[0]).isCloseTo(main, within(0.01));
      assertThat(window.rightSplit().getDividerPositions()[0]).isCloseTo(right, within(0.01));
    }
    // New content (a second log, another rule) does not move them either.
    javafx.scene.control.TableColumn<EventRow, ?> file =
        window.testPane().table().getColumns().stream()
            .filter(c -> "fileColumn".equals(c.getId()))
            .findFirst()
            .orElseThrow();
    assertThat(file.isVisible()).as("File column with one log").isFalse();
    robot.interact(() -> window.openLogs(List.of(TestFiles.sample("security-4688-wevtutil.xml"))));
    waitUntil(() -> status(robot).startsWith("11 hits"));
    assertThat(file.isVisible()).as("File column with two logs").isTrue();
    assertThat(window.mainSplit().getDividerPositions()[0]).isCloseTo(main, within(0.01));
    assertThat(window.rightSplit().getDividerPositions()[0]).isCloseTo(right, within(0.01));
  }

  @Test
  void altFAndAltEOpenTheirMenus(FxRobot robot) throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    robot.interact(() -> window.editor().area().requestFocus());
    robot.press(KeyCode.ALT, KeyCode.F).release(KeyCode.F, KeyCode.ALT);
    waitUntil(() -> menu(robot, "fileMenu").isShowing());
    robot.interact(() -> menu(robot, "fileMenu").hide());
    robot.interact(() -> window.editor().area().requestFocus());
    robot.press(KeyCode.ALT, KeyCode.E).release(KeyCode.E, KeyCode.ALT);
    waitUntil(() -> menu(robot, "editMenu").isShowing());
    robot.interact(() -> menu(robot, "editMenu").hide());
    assertThat(menu(robot, "helpMenu").getItems())
        .anyMatch(i -> "keyboardHelp".equals(i.getId()) && i.getText().contains("Keyboard"));
  }

  @Test
  void f1ListsEveryShortcut(FxRobot robot) throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    robot.interact(() -> window.editor().area().requestFocus());
    robot.press(KeyCode.F1).release(KeyCode.F1);
    waitUntil(() -> robot.lookup("#keyboardHelpList").tryQuery().isPresent());
    GridPane list = robot.lookup("#keyboardHelpList").queryAs(GridPane.class);
    List<String> texts = list.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    // Every menu accelerator is listed, with the other keys.
    for (Menu m : robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()) {
      m.getItems().stream()
          .filter(i -> i.getAccelerator() != null)
          .forEach(i -> assertThat(texts).contains(i.getAccelerator().getDisplayText()));
    }
    assertThat(texts).contains("F6 / Shift+F6", "Tab / Shift+Tab");
    assertThat(String.join("\n", texts)).contains("Copy KQL").contains("Open Logs");
    robot.interact(() -> list.getScene().getWindow().hide());
  }

  @Test
  void tabIndentsWithSpacesAndShiftTabOutdents(FxRobot robot) throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    String rule =
        "title: t\nlogsource:\n  product: windows\ndetection:\n  sel:\n    a: 1\n"
            + "    b: 2\n  condition: sel\n";
    robot.interact(
        () -> {
          window.editor().area().replaceText(rule);
          window.editor().area().moveTo(rule.indexOf("    b: 2") + 6);
          window.editor().area().requestFocus();
        });
    robot.press(KeyCode.TAB).release(KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.editor().text()).doesNotContain("\t").contains("\n      b: 2\n");
    robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
    robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.editor().text()).contains("\n  b: 2\n");
    // A keyboard selection of two lines indents both.
    robot.interact(() -> window.editor().area().moveTo(rule.indexOf("logsource")));
    robot.press(KeyCode.SHIFT, KeyCode.DOWN).release(KeyCode.DOWN);
    robot.press(KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.SHIFT);
    robot.press(KeyCode.TAB).release(KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.editor().text())
        .startsWith("title: t\n  logsource:\n    product: windows\ndetection:\n");
    robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.editor().text()).startsWith(rule.substring(0, rule.indexOf("detection")));
  }

  @Test
  void f6MovesFocusThroughTheFourAreas(FxRobot robot) throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    robot.interact(() -> window.editor().area().requestFocus());
    List<String> order = List.of("kqlPreview", "targetChoice", "eventTable", "ruleEditor");
    for (String id : order) {
      robot.press(KeyCode.F6).release(KeyCode.F6);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(focusedArea()).isEqualTo(id);
    }
    robot.press(KeyCode.SHIFT, KeyCode.F6).release(KeyCode.F6, KeyCode.SHIFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(focusedArea()).isEqualTo("eventTable");
  }

  /** The id of the focus owner or of its nearest ancestor that has one of the areas' ids. */
  private String focusedArea() {
    List<String> ids = List.of("ruleEditor", "kqlPreview", "targetChoice", "eventTable");
    for (Node n = window.getScene().getFocusOwner(); n != null; n = n.getParent()) {
      if (ids.contains(n.getId())) {
        return n.getId();
      }
    }
    return String.valueOf(window.getScene().getFocusOwner());
  }

  @Test
  void copyKqlSaysCopiedAndTheClipboardHoldsTheQuery(FxRobot robot) throws Exception {
    waitUntil(() -> !window.preview().area().getText().isEmpty());
    robot.interact(() -> Clipboard.getSystemClipboard().clear());
    robot.clickOn("#copyKql");
    WaitForAsyncUtils.waitForFxEvents();
    Button copy = robot.lookup("#copyKql").queryAs(Button.class);
    assertThat(copy.getText()).startsWith("Copied");
    String clip =
        WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
            .get(10, TimeUnit.SECONDS);
    assertThat(clip).isEqualTo(window.preview().area().getText()).startsWith("imProcessCreate");
    waitUntil(() -> copy.getText().equals("Copy KQL"));
  }

  @Test
  void countsAreSaidInWords(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    List<String> lines = Files.readAllLines(TestFiles.sample("sysmon-fields.csv"));
    Path one = dir.resolve("one.csv");
    Files.writeString(one, lines.get(0) + "\n" + lines.get(1) + "\n");
    robot.interact(
        () -> {
          window.model().clearLogs();
          window.openLogs(List.of(one));
        });
    waitUntil(() -> status(robot).endsWith("(one.csv)"));
    assertThat(status(robot)).isEqualTo("1 hit in 1 event (one.csv)");
    MenuButton logs = robot.lookup("#logsMenu").queryAs(MenuButton.class);
    assertThat(logs.getItems().get(0).getText()).endsWith("(1 event)");
  }
}
