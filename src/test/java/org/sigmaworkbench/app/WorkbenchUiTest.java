package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.mapping.Target;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The four user steps of the walking skeleton, on the real window (headless under Monocle). */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {

  private static final String HEADLINE_KQL =
      "imProcessCreate\n| where TargetProcessCommandLine contains \"Export-PfxCertificate \" or"
          + " TargetProcessCommandLine contains \"Export-Certificate \"";

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

  private static String clipboard() throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
        .get(10, TimeUnit.SECONDS);
  }

  private String preview() {
    return window.preview().area().getText();
  }

  private String status(FxRobot robot) {
    return robot.lookup("#testStatus").queryAs(Label.class).getText();
  }

  @SuppressWarnings("unchecked")
  private TableView<EventRow> table(FxRobot robot) {
    return robot.lookup("#eventTable").queryAs(TableView.class);
  }

  @Test
  void opensOnTheHeadlineRuleWithHitsShown(FxRobot robot) throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    assertThat(preview()).isEqualTo(HEADLINE_KQL);
    assertThat(status(robot)).isEqualTo("8 hits in 18 events (sysmon-fields.csv)");
    TableView<EventRow> t = table(robot);
    assertThat(t.getItems()).hasSize(18);
    assertThat(t.getItems().stream().filter(EventRow::hit).map(r -> r.event().record()))
        .containsExactly(1L, 3L, 5L, 7L, 9L, 11L, 13L, 15L);
    // The matched part of the command line is highlighted in the cell.
    List<MatchedText> cells =
        robot.lookup(".matched-text").queryAllAs(MatchedText.class).stream()
            .filter(m -> !m.highlighted().isEmpty())
            .toList();
    assertThat(cells).isNotEmpty();
    assertThat(cells)
        .extracting(MatchedText::highlighted)
        .allMatch(
            h ->
                h.equalsIgnoreCase("Export-PfxCertificate ")
                    || h.equalsIgnoreCase("Export-Certificate "));
    // The first hit is selected and explained.
    assertThat(window.testPane().detail().getText())
        .contains("HIT: selection matched")
        .contains("CommandLine|contains");
  }

  @Test
  void pastingARuleUpdatesKqlAndHits(FxRobot robot) throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    String rule = TestFiles.headlineRuleText().replaceAll("(?m)^ *- 'Export-Certificate '\n", "");
    robot.interact(() -> window.editor().area().replaceText(rule));
    waitUntil(() -> preview().endsWith("contains \"Export-PfxCertificate \""));
    assertThat(preview())
        .isEqualTo(
            "imProcessCreate\n| where TargetProcessCommandLine contains \"Export-PfxCertificate \"");
    waitUntil(() -> status(robot).startsWith("5 hits"));
    // Typing goes through the same path.
    robot.interact(
        () ->
            window
                .editor()
                .area()
                .moveTo(window.editor().area().getText().indexOf("'Export-PfxCertificate '") + 1));
    robot.clickOn("#ruleEditor");
    robot.interact(
        () ->
            window
                .editor()
                .area()
                .moveTo(
                    window.editor().area().getText().indexOf("Export-PfxCertificate '")
                        + "Export-PfxCertificate".length()));
    robot.write("X");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.editor().text()).contains("Export-PfxCertificateX '");
    waitUntil(() -> preview().contains("Export-PfxCertificateX "));
    waitUntil(() -> status(robot).startsWith("0 hits"));
  }

  @Test
  void brokenRuleKeepsTheLastGoodQueryMarkedStale(FxRobot robot) throws TimeoutException {
    waitUntil(() -> preview().equals(HEADLINE_KQL));
    String broken =
        TestFiles.headlineRuleText().replace("CommandLine|contains:", "CommandLine|contians:");
    robot.interact(() -> window.editor().area().replaceText(broken));
    waitUntil(() -> robot.lookup("#kqlMessage").queryAs(Label.class).isVisible());
    Label message = robot.lookup("#kqlMessage").queryAs(Label.class);
    assertThat(message.getText())
        .contains("Line 24, column 21")
        .contains("contians")
        .contains("last good query");
    assertThat(preview()).isEqualTo(HEADLINE_KQL);
    assertThat(window.preview().area().getStyleClass()).contains("stale");
    assertThat(window.editor().text()).isEqualTo(broken);
    // Fixing it brings the preview back to fresh.
    robot.interact(() -> window.editor().area().replaceText(TestFiles.headlineRuleText()));
    waitUntil(() -> !window.preview().area().getStyleClass().contains("stale"));
    assertThat(message.isVisible()).isFalse();
  }

  @Test
  void droppingLogsAddsThemAndABadFileIsReportedWithoutLosingEvents(FxRobot robot)
      throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "just some words\n");
    robot.interact(
        () -> window.openLogs(List.of(TestFiles.sample("security-4688-wevtutil.xml"), notes)));
    waitUntil(() -> status(robot).startsWith("11 hits"));
    assertThat(status(robot))
        .isEqualTo("11 hits in 24 events (sysmon-fields.csv, security-4688-wevtutil.xml)");
    Label notice = robot.lookup("#notice").queryAs(Label.class);
    assertThat(notice.isVisible()).isTrue();
    assertThat(notice.getText()).contains("notes.txt").contains("not a log");
  }

  @Test
  void aDragOntoTheTestPaneGoesThroughTheRealDropHandler(FxRobot robot) throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    Label source = new Label("security-4688-wevtutil.xml");
    source.setId("dragSource");
    source.setOnDragDetected(
        e -> {
          javafx.scene.input.Dragboard db =
              source.startDragAndDrop(javafx.scene.input.TransferMode.COPY);
          javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
          c.putFiles(
              List.of(TestFiles.sample("security-4688-wevtutil.xml").toAbsolutePath().toFile()));
          db.setContent(c);
          e.consume();
        });
    robot.interact(() -> ((javafx.scene.layout.HBox) window.getBottom()).getChildren().add(source));
    WaitForAsyncUtils.waitForFxEvents();
    robot.drag("#dragSource").moveBy(8, 0).moveBy(8, -8).dropTo("#eventTable");
    waitUntil(() -> status(robot).startsWith("11 hits"));
    assertThat(status(robot))
        .isEqualTo("11 hits in 24 events (sysmon-fields.csv, security-4688-wevtutil.xml)");
  }

  @Test
  void theLogsMenuShowsTheFormatAndTheUserCanRemapAColumn(FxRobot robot) throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    javafx.scene.control.MenuButton menu =
        robot.lookup("#logsMenu").queryAs(javafx.scene.control.MenuButton.class);
    assertThat(menu.getItems()).hasSize(1);
    assertThat(menu.getItems().get(0).getText())
        .isEqualTo("sysmon-fields.csv — CSV (Sigma field names) (18 events)");
    LoadedLog log = window.model().logs().get(0);
    assertThat(log.columns()).contains("CommandLine", "ParentCommandLine");
    robot.interact(
        () ->
            window
                .model()
                .reopen(
                    log,
                    org.sigmaworkbench.logs.ReadOptions.AUTO.withColumn(
                        "ParentCommandLine", "CommandLine")));
    waitUntil(() -> status(robot).startsWith("1 hit in"));
    assertThat(status(robot)).isEqualTo("1 hit in 18 events (sysmon-fields.csv)");
    assertThat(menu.getItems().get(0).getText()).contains("with your column mapping");
    robot.interact(
        () ->
            window
                .model()
                .reopen(window.model().logs().get(0), org.sigmaworkbench.logs.ReadOptions.AUTO));
    waitUntil(() -> status(robot).startsWith("8 hits"));
  }

  @Test
  void lintWarningsAppearBesideErrorsAndDoNotStopTheQuery(FxRobot robot) throws TimeoutException {
    waitUntil(() -> preview().equals(HEADLINE_KQL));
    String rule =
        TestFiles.headlineRuleText()
            .replace("CommandLine|contains:", "CommandLine|contains|all:")
            .replaceAll("(?m)^ *- 'Export-Certificate '\n", "");
    robot.interact(() -> window.editor().area().replaceText(rule));
    @SuppressWarnings("unchecked")
    javafx.scene.control.ListView<org.sigmaworkbench.rule.RuleProblem> problems =
        robot.lookup("#problems").queryAs(javafx.scene.control.ListView.class);
    waitUntil(() -> !problems.getItems().isEmpty());
    assertThat(problems.getItems()).allMatch(p -> !p.isError());
    assertThat(problems.getItems())
        .anyMatch(p -> p.code().startsWith("lint.") && p.message().contains("all"));
    waitUntil(() -> preview().endsWith("contains \"Export-PfxCertificate \""));
    assertThat(window.preview().area().getStyleClass()).doesNotContain("stale");
  }

  @Test
  void placeholderValuesFlowIntoTheQuery(FxRobot robot) throws TimeoutException {
    waitUntil(() -> preview().equals(HEADLINE_KQL));
    String rule =
        "title: Admin workstation\nlogsource:\n  category: process_creation\n  product: windows\n"
            + "detection:\n  sel:\n    Computer|expand: '%Workstations%'\n  condition: sel\n";
    robot.interact(() -> window.editor().area().replaceText(rule));
    waitUntil(
        () ->
            preview().contains("false")
                || preview().contains("Workstations")
                || window.model().analysisProperty().get().text().equals(rule));
    robot.interact(
        () ->
            window
                .model()
                .placeholdersProperty()
                .set(
                    org.sigmaworkbench.rule.Placeholders.standard()
                        .with("Workstations", List.of("WS-*", "LAPTOP1"))));
    waitUntil(() -> preview().contains("LAPTOP1"));
    assertThat(preview())
        .isEqualTo(
            "imProcessCreate\n| where DvcHostname startswith \"WS-\" or DvcHostname =~ \"LAPTOP1\"");
  }

  @Test
  void selectingAMissExplainsWhyItMissed(FxRobot robot) throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    TableView<EventRow> t = table(robot);
    EventRow miss = t.getItems().stream().filter(r -> !r.hit()).findFirst().orElseThrow();
    robot.interact(() -> t.getSelectionModel().select(miss));
    waitUntil(() -> window.testPane().detail().getText().contains("no hit: "));
    assertThat(window.testPane().detail().getText())
        .contains("record " + miss.event().record() + " — no hit: selection did not match")
        .contains("selection: CommandLine|contains did not hold (2 values)");
  }

  @Test
  void copyPutsExactlyThePreviewOnTheClipboard(FxRobot robot) throws Exception {
    waitUntil(() -> preview().equals(HEADLINE_KQL));
    robot.interact(() -> Clipboard.getSystemClipboard().clear());
    robot.clickOn("#copyKql");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(clipboard()).isEqualTo(HEADLINE_KQL);
    robot.interact(() -> Clipboard.getSystemClipboard().clear());
    robot.clickOn("#ruleEditor");
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C)
        .release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(clipboard()).isEqualTo(HEADLINE_KQL);
  }

  @Test
  void targetSelectorSwitchesTheTable(FxRobot robot) throws TimeoutException {
    waitUntil(() -> preview().equals(HEADLINE_KQL));
    @SuppressWarnings("unchecked")
    ComboBox<Target> targets = robot.lookup("#targetChoice").queryAs(ComboBox.class);
    assertThat(targets.getItems())
        .extracting(Target::name)
        .containsExactly("sentinel_asim", "microsoft_xdr", "azure_monitor");
    robot.interact(() -> targets.getSelectionModel().select(1));
    waitUntil(() -> preview().startsWith("DeviceProcessEvents"));
    assertThat(preview())
        .isEqualTo(
            HEADLINE_KQL
                .replace("imProcessCreate", "DeviceProcessEvents")
                .replace("TargetProcessCommandLine", "ProcessCommandLine"));
    robot.interact(() -> targets.getSelectionModel().select(2));
    waitUntil(() -> preview().startsWith("union\n  (SecurityEvent"));
    assertThat(preview()).contains("\n  (WindowsEvent\n");
  }

  @Test
  void hitsTheTargetsQueryCannotReturnAreMarkedOutsideItsReach(FxRobot robot)
      throws TimeoutException {
    waitUntil(() -> status(robot).equals("8 hits in 18 events (sysmon-fields.csv)"));
    @SuppressWarnings("unchecked")
    ComboBox<Target> targets = robot.lookup("#targetChoice").queryAs(ComboBox.class);
    // Defender's tables hold no Windows event log events: a Sysmon log is outside their reach.
    robot.interact(() -> targets.getSelectionModel().select(1));
    waitUntil(() -> status(robot).contains("outside"));
    assertThat(status(robot))
        .isEqualTo(
            "0 hits in 18 events (sysmon-fields.csv); 8 more outside the reach of the"
                + " Microsoft Defender XDR query");
    TableView<EventRow> t = table(robot);
    assertThat(t.getItems().stream().filter(EventRow::hit))
        .hasSize(8)
        .allSatisfy(r -> assertThat(r.outsideReach()).contains("DeviceProcessEvents"));
    assertThat(t.getItems().stream().filter(r -> !r.hit()))
        .allSatisfy(r -> assertThat(r.outsideReach()).isNull());
    assertThat(robot.lookup(".out-of-reach").queryAll()).isNotEmpty();
    // Azure Monitor reads Sysmon process creation from WindowsEvent: every hit is in reach.
    robot.interact(() -> targets.getSelectionModel().select(2));
    waitUntil(() -> status(robot).equals("8 hits in 18 events (sysmon-fields.csv)"));
    assertThat(table(robot).getItems()).allSatisfy(r -> assertThat(r.outsideReach()).isNull());
    assertThat(robot.lookup(".out-of-reach").queryAll()).isEmpty();
  }

  @Test
  void openRuleReplacesTheEditorText(FxRobot robot) throws Exception {
    waitUntil(() -> preview().equals(HEADLINE_KQL));
    Path other = dir.resolve("whoami.yml");
    Files.writeString(
        other,
        "title: Whoami\nlogsource:\n  category: process_creation\n  product: windows\ndetection:\n  sel:\n    Image|endswith: '\\whoami.exe'\n  condition: sel\n");
    robot.interact(() -> window.openRule(other));
    waitUntil(() -> preview().contains("whoami.exe"));
    assertThat(preview())
        .isEqualTo("imProcessCreate\n| where TargetProcessName endswith \"\\\\whoami.exe\"");
  }
}
