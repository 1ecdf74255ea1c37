package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Rule tabs and files as in an editor, on the real window (headless): new, save, close, switch,
 * recent, drop, autosave and settings. File dialogs are answered by a stand-in; the prompts are the
 * real ones.
 */
@ExtendWith(ApplicationExtension.class)
class RuleTabsUiTest {

  private static final String HEADLINE_KQL =
      "imProcessCreate\n| where TargetProcessCommandLine contains \"Export-PfxCertificate \" or"
          + " TargetProcessCommandLine contains \"Export-Certificate \"";

  private static final String WHOAMI =
      "title: Whoami\nlogsource:\n  category: process_creation\n  product: windows\ndetection:\n"
          + "  sel:\n    Image|endswith: '\\whoami.exe'\n  condition: sel\n";

  /** Answers the file dialogs from queues and records what they were asked. */
  static final class Dialogs implements FileDialogs {
    final Deque<Path> saveAnswers = new ArrayDeque<>();
    final Deque<Path> openAnswers = new ArrayDeque<>();
    final List<String> asked = new ArrayList<>();

    @Override
    public Path openRule(Window owner, Path folder) {
      asked.add("open in " + folder);
      return openAnswers.poll();
    }

    @Override
    public Path saveRule(Window owner, Path folder, String name) {
      asked.add("save " + name + " in " + folder);
      return saveAnswers.poll();
    }

    @Override
    public List<Path> openLogs(Window owner, Path folder) {
      asked.add("logs in " + folder);
      return List.of();
    }
  }

  @TempDir Path dir;

  private final Dialogs dialogs = new Dialogs();
  private Stage stage;
  private MainWindow window;
  private Path settingsDir;

  @Start
  void start(Stage stage) throws IOException {
    this.stage = stage;
    settingsDir = dir.resolve("settings");
    window = new MainWindow(settingsDir, dialogs);
    stage.setScene(WorkbenchApp.createScene(window));
    // As the app does: closing the window asks about unsaved tabs.
    stage.setOnCloseRequest(e -> window.closeRequested(e));
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

  /** A second window on the same settings folder, as the next start of the app. */
  private MainWindow restart(FxRobot robot, List<Path> session) {
    MainWindow[] next = new MainWindow[1];
    robot.interact(
        () -> {
          window.shutdown();
          next[0] = new MainWindow(settingsDir, dialogs);
          stage.setScene(WorkbenchApp.createScene(next[0]));
          try {
            next[0].start(StartupOptions.parse(List.of()), session);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    window = next[0];
    return next[0];
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

  private TabPane tabs(FxRobot robot) {
    return robot.lookup("#ruleTabs").queryAs(TabPane.class);
  }

  private String selectedTitle(FxRobot robot) {
    return tabs(robot).getSelectionModel().getSelectedItem().getText();
  }

  private void press(FxRobot robot, KeyCode... keys) {
    robot.press(keys);
    List<KeyCode> reverse = new ArrayList<>(List.of(keys));
    java.util.Collections.reverse(reverse);
    robot.release(reverse.toArray(KeyCode[]::new));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** File > New Rule by its key, the first template (process creation) taken with Enter. */
  private void newRule(FxRobot robot) throws TimeoutException {
    press(robot, KeyCode.CONTROL, KeyCode.N);
    waitUntil(() -> robot.lookup("#templateList").tryQuery().isPresent());
    press(robot, KeyCode.ENTER);
  }

  private void focusEditor(FxRobot robot) {
    robot.interact(() -> window.editor().area().requestFocus());
  }

  private Path rule(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private String preview() {
    return window.preview().area().getText();
  }

  @Test
  void ctrlNOpensAnUntitledTabWithTheTemplateAndTheTitleSelected(FxRobot robot)
      throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    focusEditor(robot);
    newRule(robot);
    waitUntil(() -> tabs(robot).getTabs().size() == 2);
    assertThat(selectedTitle(robot)).isEqualTo("Untitled-1");
    String text = window.editor().text();
    assertThat(text)
        .startsWith("title: Suspicious Process Execution\nid: ")
        .containsPattern(
            "\nid: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n")
        .contains("\ndate: " + LocalDate.now() + "\n")
        .contains("\nstatus: experimental\n")
        .contains("logsource:\n    category: process_creation\n    product: windows\n");
    assertThat(window.editor().area().getSelectedText()).isEqualTo("Suspicious Process Execution");
    // Typing replaces the title; the tab is marked modified; the KQL follows the new tab.
    robot.write("Whoami");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.editor().text()).startsWith("title: Whoami\nid: ");
    assertThat(selectedTitle(robot)).isEqualTo("Untitled-1" + RuleTab.MODIFIED);
    waitUntil(() -> preview().contains("example.exe"));
    // A second new rule is Untitled-2; the editor id is on the visible editor only.
    newRule(robot);
    waitUntil(() -> tabs(robot).getTabs().size() == 3);
    assertThat(selectedTitle(robot)).isEqualTo("Untitled-2");
    assertThat(robot.lookup("#ruleEditor").queryAll()).containsExactly(window.editor().area());
  }

  @Test
  void ctrlSOnAnUntitledRuleAsksForANameAndWritesTheFileWhole(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    focusEditor(robot);
    newRule(robot);
    waitUntil(() -> selectedTitle(robot).equals("Untitled-1"));
    // A pasted rule stays untitled until it is saved.
    robot.interact(() -> window.editor().area().replaceText(WHOAMI));
    assertThat(selectedTitle(robot)).isEqualTo("Untitled-1" + RuleTab.MODIFIED);
    Path target = dir.resolve("whoami.yml");
    dialogs.saveAnswers.add(target);
    press(robot, KeyCode.CONTROL, KeyCode.S);
    waitUntil(() -> Files.exists(target) && selectedTitle(robot).equals("whoami.yml"));
    assertThat(dialogs.asked).containsExactly("save Untitled-1.yml in null");
    assertThat(Files.readString(target)).isEqualTo(WHOAMI);
    // Saved again: the same file, no question, nothing left beside it.
    robot.interact(() -> window.editor().area().appendText("level: low\n"));
    assertThat(selectedTitle(robot)).isEqualTo("whoami.yml" + RuleTab.MODIFIED);
    press(robot, KeyCode.CONTROL, KeyCode.S);
    waitUntil(() -> selectedTitle(robot).equals("whoami.yml"));
    assertThat(Files.readString(target)).isEqualTo(WHOAMI + "level: low\n");
    assertThat(dialogs.asked).hasSize(1);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .contains("whoami.yml")
          .noneMatch(name -> name.endsWith(".tmp"));
    }
    // The startup rule is not a file of the user's: Ctrl+S asks there too, in the last folder.
    press(robot, KeyCode.CONTROL, KeyCode.TAB);
    waitUntil(() -> tabs(robot).getSelectionModel().getSelectedIndex() == 0);
    press(robot, KeyCode.CONTROL, KeyCode.S);
    assertThat(dialogs.asked)
        .last()
        .isEqualTo("save proc_creation_win_powershell_export_certificate.yml in " + dir);
    assertThat(window.recentRules()).containsExactly(target.toString());
  }

  @Test
  void closingAModifiedTabAsksWithSaveAsTheDefaultAndCancelKeepsIt(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    focusEditor(robot);
    newRule(robot);
    waitUntil(() -> tabs(robot).getTabs().size() == 2);
    robot.interact(() -> window.editor().area().replaceSelection("Kept"));
    press(robot, KeyCode.CONTROL, KeyCode.W);
    waitUntil(() -> robot.lookup("#unsavedPrompt").tryQuery().isPresent());
    DialogPane prompt = robot.lookup("#unsavedPrompt").queryAs(DialogPane.class);
    assertThat(prompt.getHeaderText()).isEqualTo("Save the changes to Untitled-1?");
    Button save = (Button) prompt.lookup("#saveChanges");
    assertThat(save.isDefaultButton()).isTrue();
    assertThat(((Button) prompt.lookup("#dontSave")).isDefaultButton()).isFalse();
    assertThat(prompt.lookup("#cancelClose")).isNotNull();
    // Escape is Cancel: the tab stays, with its text.
    press(robot, KeyCode.ESCAPE);
    waitUntil(() -> robot.lookup("#unsavedPrompt").tryQuery().isEmpty());
    assertThat(tabs(robot).getTabs()).hasSize(2);
    assertThat(window.editor().text()).startsWith("title: Kept\n");
    // Enter takes the default, Save: the file is named, written, and the tab closes.
    Path target = dir.resolve("kept.yml");
    dialogs.saveAnswers.add(target);
    press(robot, KeyCode.CONTROL, KeyCode.W);
    waitUntil(() -> robot.lookup("#unsavedPrompt").tryQuery().isPresent());
    press(robot, KeyCode.ENTER);
    waitUntil(() -> tabs(robot).getTabs().size() == 1);
    assertThat(Files.readString(target)).startsWith("title: Kept\n");
    // An unmodified tab closes without a question.
    newRule(robot);
    waitUntil(() -> tabs(robot).getTabs().size() == 2);
    press(robot, KeyCode.CONTROL, KeyCode.W);
    waitUntil(() -> tabs(robot).getTabs().size() == 1);
    assertThat(robot.lookup("#unsavedPrompt").tryQuery()).isEmpty();
  }

  @Test
  void quittingWithUnsavedChangesAsksAndCancelKeepsTheWindowOpen(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    focusEditor(robot);
    newRule(robot);
    waitUntil(() -> tabs(robot).getTabs().size() == 2);
    robot.interact(() -> window.editor().area().replaceSelection("Draft"));
    press(robot, KeyCode.CONTROL, KeyCode.Q);
    waitUntil(() -> robot.lookup("#unsavedPrompt").tryQuery().isPresent());
    press(robot, KeyCode.ESCAPE);
    waitUntil(() -> robot.lookup("#unsavedPrompt").tryQuery().isEmpty());
    assertThat(stage.isShowing()).isTrue();
    assertThat(tabs(robot).getTabs()).hasSize(2);
    // Don't Save: the window closes and its settings are written.
    press(robot, KeyCode.CONTROL, KeyCode.Q);
    waitUntil(() -> robot.lookup("#unsavedPrompt").tryQuery().isPresent());
    robot.clickOn("#dontSave");
    waitUntil(() -> !stage.isShowing());
    assertThat(new SettingsStore(settingsDir).file()).exists();
    robot.interact(stage::show);
  }

  @Test
  void ctrlTabAndCtrlShiftTabSwitchTabsAndEachTabHasItsOwnKql(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits") && preview().equals(HEADLINE_KQL));
    Path whoami = rule("whoami.yml", WHOAMI);
    robot.interact(() -> window.openRule(whoami));
    waitUntil(() -> tabs(robot).getTabs().size() == 2 && preview().contains("whoami.exe"));
    assertThat(selectedTitle(robot)).isEqualTo("whoami.yml");
    assertThat(preview())
        .isEqualTo("imProcessCreate\n| where TargetProcessName endswith \"\\\\whoami.exe\"");
    waitUntil(() -> status(robot).startsWith("0 hits"));
    focusEditor(robot);
    press(robot, KeyCode.CONTROL, KeyCode.TAB);
    waitUntil(() -> preview().equals(HEADLINE_KQL));
    assertThat(tabs(robot).getSelectionModel().getSelectedIndex()).isZero();
    // The shared logs, run again with this tab's rule.
    waitUntil(() -> status(robot).startsWith("8 hits"));
    assertThat(window.model().logs()).hasSize(1);
    assertThat(window.editor().text()).isEqualTo(TestFiles.headlineRuleText());
    press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
    waitUntil(() -> preview().contains("whoami.exe"));
    assertThat(selectedTitle(robot)).isEqualTo("whoami.yml");
    assertThat(window.editor().text()).isEqualTo(WHOAMI);
    assertThat(window.getScene().getFocusOwner()).isSameAs(window.editor().area());
    waitUntil(() -> status(robot).startsWith("0 hits"));
  }

  @Test
  void openingAnOpenFileSwitchesToItAndOpenRecentListsTheNewestFirst(FxRobot robot)
      throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    Path a = rule("a.yml", WHOAMI.replace("Whoami", "A"));
    Path b = rule("b.yml", WHOAMI.replace("Whoami", "B"));
    robot.interact(() -> window.openRule(a));
    waitUntil(() -> tabs(robot).getTabs().size() == 2);
    robot.interact(() -> window.openRule(b));
    waitUntil(() -> tabs(robot).getTabs().size() == 3);
    assertThat(window.recentRules()).containsExactly(b.toString(), a.toString());
    // Ctrl+O on a file that is open: its tab, not a second one; it becomes the most recent.
    dialogs.openAnswers.add(a);
    focusEditor(robot);
    press(robot, KeyCode.CONTROL, KeyCode.O);
    waitUntil(() -> selectedTitle(robot).equals("a.yml"));
    assertThat(tabs(robot).getTabs()).hasSize(3);
    assertThat(dialogs.asked).containsExactly("open in " + dir);
    assertThat(window.recentRules()).containsExactly(a.toString(), b.toString());
    assertThat(window.recentMenu().getId()).isEqualTo("recentRules");
    assertThat(window.recentMenu().getItems())
        .extracting(i -> i.getText().substring(0, 5))
        .containsExactly("a.yml", "b.yml");
    // A file that is gone leaves the list, with a notice.
    Files.delete(b);
    robot.interact(() -> window.pruneRecent());
    assertThat(window.recentRules()).containsExactly(a.toString());
    assertThat(window.recentMenu().getItems()).hasSize(1);
    assertThat(notice(robot)).contains("Removed from Open Recent").contains("b.yml");
    // The list is remembered for the next start.
    robot.interact(() -> window.saveSettingsNow());
    assertThat(new SettingsStore(settingsDir).load().settings().recentRules)
        .containsExactly(a.toString());
  }

  @Test
  void aLogLoadedAlreadyIsRefusedWithANotice(FxRobot robot) throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    robot.interact(() -> window.openLogs(List.of(TestFiles.sample("sysmon-fields.csv"))));
    waitUntil(() -> robot.lookup("#notice").queryAs(Label.class).isVisible());
    assertThat(notice(robot)).isEqualTo("sysmon-fields.csv is already loaded; not loaded again");
    assertThat(window.model().logs()).hasSize(1);
    assertThat(status(robot)).isEqualTo("8 hits in 18 events (sysmon-fields.csv)");
  }

  @Test
  void aDroppedRuleOpensInANewTabAndTheTargetIsMarkedWhileDragging(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    Path dropped = rule("dropped.yml", WHOAMI);
    Label source = new Label("dropped.yml");
    source.setId("dragSource");
    source.setOnDragDetected(
        e -> {
          javafx.scene.input.Dragboard db =
              source.startDragAndDrop(javafx.scene.input.TransferMode.COPY);
          javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
          c.putFiles(List.of(dropped.toFile()));
          db.setContent(c);
          e.consume();
        });
    robot.interact(() -> ((javafx.scene.layout.HBox) window.getBottom()).getChildren().add(source));
    WaitForAsyncUtils.waitForFxEvents();
    Node target = robot.lookup("#ruleTabs").query();
    robot.drag("#dragSource").moveBy(8, 0).moveBy(8, -8).moveTo("#ruleTabs");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(target.getPseudoClassStates()).contains(MainWindow.DROP_TARGET);
    robot.drop();
    waitUntil(() -> tabs(robot).getTabs().size() == 2);
    assertThat(selectedTitle(robot)).isEqualTo("dropped.yml");
    assertThat(target.getPseudoClassStates()).doesNotContain(MainWindow.DROP_TARGET);
    waitUntil(() -> preview().contains("whoami.exe"));
  }

  @Test
  void unsavedWorkIsOfferedBackAtTheNextStart(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    focusEditor(robot);
    newRule(robot);
    waitUntil(() -> tabs(robot).getTabs().size() == 2);
    robot.interact(() -> window.editor().area().replaceSelection("Not saved yet"));
    String text = window.editor().text();
    robot.interact(() -> window.autosaveNow());
    Autosave store = new Autosave(settingsDir);
    waitUntil(() -> store.list().size() == 1);
    assertThat(store.list().get(0).text()).isEqualTo(text);
    // The app is killed; the next start finds the copy and offers it back.
    MainWindow next = restart(robot, List.of());
    waitUntil(() -> status(robot).startsWith("8 hits"));
    robot.interact(next::offerRestore);
    waitUntil(() -> robot.lookup("#restorePrompt").tryQuery().isPresent());
    DialogPane prompt = robot.lookup("#restorePrompt").queryAs(DialogPane.class);
    assertThat(prompt.getContentText()).contains("Untitled-1");
    assertThat(((Button) prompt.lookup("#restoreAutosave")).isDefaultButton()).isTrue();
    robot.clickOn("#restoreAutosave");
    waitUntil(() -> tabs(robot).getTabs().size() == 2);
    assertThat(selectedTitle(robot)).isEqualTo("Untitled-1" + RuleTab.MODIFIED);
    assertThat(next.editor().text()).isEqualTo(text);
    // Discarding it, by closing the tab without saving, removes the copy.
    press(robot, KeyCode.CONTROL, KeyCode.W);
    waitUntil(() -> robot.lookup("#unsavedPrompt").tryQuery().isPresent());
    robot.clickOn("#dontSave");
    waitUntil(() -> store.list().isEmpty());
  }

  @Test
  void aBrokenSettingsFileIsResetWithANotice(FxRobot robot) throws Exception {
    Files.createDirectories(settingsDir);
    Files.writeString(settingsDir.resolve("settings.json"), "{ \"recentRules\": [ \"a.yml\" ");
    restart(robot, List.of());
    waitUntil(() -> status(robot).startsWith("8 hits"));
    assertThat(notice(robot)).contains("could not be read").contains("settings were reset");
    assertThat(robot.lookup("#notice").queryAs(Label.class).isVisible()).isTrue();
    assertThat(window.recentRules()).isEmpty();
    assertThat(settingsDir.resolve("settings.json.broken")).exists();
  }

  @Test
  void theOpenTabsTargetAndDarkThemeAreRememberedForTheNextStart(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    Path a = rule("a.yml", WHOAMI);
    robot.interact(() -> window.openRule(a));
    waitUntil(() -> tabs(robot).getTabs().size() == 2);
    robot.interact(() -> window.darkThemeProperty().set(true));
    robot.interact(
        () ->
            window
                .model()
                .targetProperty()
                .set(org.sigmaworkbench.mapping.TargetCatalog.get("microsoft_xdr")));
    robot.interact(() -> window.saveSettingsNow());
    Settings saved = new SettingsStore(settingsDir).load().settings();
    assertThat(saved.openTabs).containsExactly(a.toString());
    assertThat(saved.darkTheme).isTrue();
    assertThat(saved.target).isEqualTo("microsoft_xdr");
    assertThat(saved.lastRuleFolder).isEqualTo(dir.toString());
    assertThat(saved.mainDivider).isBetween(0.1, 0.9);
    MainWindow next = restart(robot, saved.openTabs.stream().map(Path::of).toList());
    waitUntil(() -> tabs(robot).getTabs().size() == 1 && selectedTitle(robot).equals("a.yml"));
    assertThat(next.darkThemeProperty().get()).isTrue();
    waitUntil(() -> preview().contains("whoami.exe"));
  }

  @Test
  void theKeyboardHelpListsTheNewShortcuts(FxRobot robot) throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    List<String> keys = window.shortcuts().stream().map(k -> k[0] + " " + k[1]).toList();
    assertThat(String.join("\n", keys))
        .contains("File > New Rule")
        .contains("File > Open Rule")
        .contains("File > Save Rule As")
        .contains("File > Close Rule")
        .contains("File > Open Logs")
        .contains("Ctrl+Tab / Ctrl+Shift+Tab Next / previous rule tab");
  }
}
