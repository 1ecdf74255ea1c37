package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sigmaworkbench.authoring.Completion;
import org.sigmaworkbench.authoring.QuickFix;
import org.sigmaworkbench.authoring.QuickFixes;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.lint.LintFixtures;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor's writing help: completion popup, quick fixes with one undo, documentation. */
@ExtendWith(ApplicationExtension.class)
class EditorAssistUiTest {

  static final UUID NEW_ID = UUID.fromString("0b9c7a0e-5f43-4d8e-9a0c-6f2d7b1e3c55");

  private RuleEditorPane pane;

  @Start
  void start(Stage stage) {
    pane = new RuleEditorPane(new WorkbenchModel(Runnable::run, Runnable::run, Runnable::run));
    pane.assistForTests(
        new QuickFixes(
            Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC), () -> NEW_ID));
    Scene scene = new Scene(pane, 900, 600);
    scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
  }

  private void setText(String text, int caret) throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              pane.setText(text, "rule_under_test.yml");
              pane.area().moveTo(caret);
              pane.area().requestFocus();
            })
        .get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String text() {
    return pane.text();
  }

  @SuppressWarnings("unchecked")
  private static ListView<Completion> completionList(FxRobot robot) {
    return robot.lookup("#completionList").queryAs(ListView.class);
  }

  @SuppressWarnings("unchecked")
  private static ListView<QuickFix> fixList(FxRobot robot) {
    return robot.lookup("#quickFixList").queryAs(ListView.class);
  }

  private static List<String> labels(ListView<Completion> l) {
    return l.getItems().stream().map(Completion::label).toList();
  }

  @Test
  void ctrlSpaceCompletesATopLevelKeyAndEnterInsertsIt(FxRobot robot) throws Exception {
    String rule = LintFixtures.CLEAN.replace("level: high\n", "lev");
    setText(rule, rule.length());
    robot.push(KeyCode.CONTROL, KeyCode.SPACE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane.assist().completions().isShowing()).isTrue();
    assertThat(labels(completionList(robot))).containsExactly("level");
    assertThat(completionList(robot).getItems().get(0).description()).isNotEmpty();
    robot.push(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text()).endsWith("\nlevel: ");
    assertThat(pane.assist().completions().isShowing()).isFalse();
  }

  @Test
  void ctrlSpaceOffersProcessCreationFieldsAndTechniqueTagsWithTheirNames(FxRobot robot)
      throws Exception {
    String rule =
        LintFixtures.CLEAN.replace(
            "    condition: selection\n", "        Parent\n    condition: selection\n");
    int caret = rule.indexOf("        Parent") + "        Parent".length();
    setText(rule, caret);
    robot.push(KeyCode.CONTROL, KeyCode.SPACE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane.assist().completions().isShowing()).isTrue();
    assertThat(labels(completionList(robot))).contains("ParentImage", "ParentCommandLine");
    robot.push(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane.assist().completions().isShowing()).isFalse();

    String tagged = LintFixtures.CLEAN.replace("- attack.t1033", "- attack.t1059");
    setText(tagged, tagged.indexOf("attack.t1059") + "attack.t1059".length());
    robot.push(KeyCode.CONTROL, KeyCode.SPACE);
    WaitForAsyncUtils.waitForFxEvents();
    List<Completion> tags = completionList(robot).getItems();
    assertThat(tags.stream().map(Completion::label)).contains("attack.t1059", "attack.t1059.001");
    assertThat(
            tags.stream()
                .filter(c -> c.label().equals("attack.t1059"))
                .findFirst()
                .orElseThrow()
                .description())
        .contains("Command and Scripting Interpreter");
    robot.push(KeyCode.ESCAPE);
  }

  @Test
  void typingABarAfterAFieldOffersModifiers(FxRobot robot) throws Exception {
    String rule = LintFixtures.CLEAN.replace("Image|endswith: '\\whoami.exe'", "CommandLine");
    int caret = rule.indexOf("CommandLine") + "CommandLine".length();
    setText(rule, caret);
    pane.setCompletionTarget(TargetCatalog.get("sentinel_asim"));
    robot.write('|');
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane.assist().completions().isShowing()).isTrue();
    List<String> mods = labels(completionList(robot));
    assertThat(mods).contains("contains", "endswith", "all", "windash").doesNotContain("i");
    int contains = mods.indexOf("contains");
    assertThat(completionList(robot).getSelectionModel().getSelectedIndex()).isZero();
    for (int i = 0; i < contains; i++) {
      robot.push(KeyCode.DOWN);
    }
    robot.push(KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text()).contains("        CommandLine|contains\n");
    // Esc closes a list without inserting anything
    robot.write('|');
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(labels(completionList(robot))).doesNotContain("contains", "startswith");
    robot.push(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane.assist().completions().isShowing()).isFalse();
    assertThat(text()).contains("        CommandLine|contains|\n");
  }

  @Test
  void valuesFromLoadedLogsAreOffered(FxRobot robot) throws Exception {
    String rule = LintFixtures.CLEAN.replace("'\\whoami.exe'", "");
    int caret = rule.indexOf("Image|endswith: ") + "Image|endswith: ".length();
    setText(rule, caret);
    pane.setValueStatistics(
        Map.of("Image", Map.of("C:\\Windows\\System32\\whoami.exe", 7L, "C:\\x\\cmd.exe", 2L)));
    robot.push(KeyCode.CONTROL, KeyCode.SPACE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(labels(completionList(robot)))
        .containsExactly("C:\\Windows\\System32\\whoami.exe", "C:\\x\\cmd.exe");
    assertThat(completionList(robot).getItems().get(0).description()).startsWith("7 events");
    robot.push(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text()).contains("Image|endswith: 'C:\\Windows\\System32\\whoami.exe'\n");
  }

  /** Ctrl+1 on {@code line}, Enter applies the first fix; one Ctrl+Z restores the text. */
  private void fixAndUndo(FxRobot robot, String broken, String lineText, String expected)
      throws Exception {
    int lineStart = broken.indexOf(lineText);
    assertThat(lineStart).as(lineText).isNotNegative();
    setText(broken, lineStart);
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane.assist().quickFixes().isShowing()).as(lineText).isTrue();
    assertThat(fixList(robot).getItems()).isNotEmpty();
    robot.push(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text()).isEqualTo(expected);
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text()).isEqualTo(broken);
  }

  private static String clean(String from, String to) {
    assertThat(LintFixtures.CLEAN).contains(from);
    return LintFixtures.CLEAN.replace(from, to);
  }

  @Test
  void eachQuickFixIsOneUndoableEdit(FxRobot robot) throws Exception {
    String id = "id: 6f3e2987-db24-4c78-a860-b4f4095a7095\n";
    fixAndUndo(
        robot, clean(id, ""), "title:", LintFixtures.CLEAN.replace(id, "id: " + NEW_ID + "\n"));
    fixAndUndo(
        robot,
        clean(id, "id: 42\n"),
        "id: 42",
        LintFixtures.CLEAN.replace(id, "id: " + NEW_ID + "\n"));
    fixAndUndo(
        robot,
        clean("date: 2024-01-15\n", ""),
        "title:",
        clean("date: 2024-01-15\n", "date: 2026-03-04\n"));
    fixAndUndo(
        robot,
        clean("- attack.t1033", "- attack.t1086"),
        "    - attack.t1086",
        clean("- attack.t1033", "- attack.t1059.001"));
    fixAndUndo(
        robot,
        clean("- attack.discovery", "- attack.defense-evasion"),
        "    - attack.defense-evasion",
        clean("- attack.discovery", "- attack.stealth"));
    fixAndUndo(
        robot,
        clean("Image|endswith:", "Image|endswith|all:"),
        "        Image|endswith|all",
        LintFixtures.CLEAN);
    fixAndUndo(
        robot,
        clean("- attack.t1033\n", "- attack.t1033\n    - attack.t1033\n"),
        "    - attack.t1033\nlogsource",
        LintFixtures.CLEAN);
    fixAndUndo(
        robot,
        clean("Image|endswith: '\\whoami.exe'", "Image: '*\\whoami.exe'"),
        "        Image: '*",
        LintFixtures.CLEAN);
  }

  @Test
  void f2ShowsTheTechniqueNameOfATag(FxRobot robot) throws Exception {
    String rule = clean("- attack.t1033", "- attack.t1059.001");
    setText(rule, rule.indexOf("attack.t1059.001") + 9);
    robot.push(KeyCode.F2);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane.assist().docShowing()).isTrue();
    assertThat(pane.assist().docText()).contains("T1059.001").contains("PowerShell");
    setText(rule, rule.indexOf("Image|endswith") + 8);
    robot.push(KeyCode.F2);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane.assist().docText()).startsWith("endswith").contains("Example");
  }
}
