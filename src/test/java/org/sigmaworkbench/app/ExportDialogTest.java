package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.export.ExportFormat;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.Placeholders;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ExportDialogTest {

  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = new MainWindow();
    stage.setScene(WorkbenchApp.createScene(window));
    stage.show();
  }

  @Test
  void theWindowTargetIsUsedWhenTheServiceCanQueryIt() {
    String rule = TestFiles.headlineRuleText();
    ExportDialog.Shown arm =
        ExportDialog.export(
            rule,
            ExportFormat.SENTINEL_ARM,
            TargetCatalog.get("azure_monitor"),
            Placeholders.standard());
    assertThat(arm.ok()).isTrue();
    assertThat(arm.target()).isEqualTo("azure_monitor");
    assertThat(arm.text())
        .contains("\"query\" : \"union\\n  (SecurityEvent\\n  | where CommandLine contains");
    ExportDialog.Shown defender =
        ExportDialog.export(
            rule,
            ExportFormat.DEFENDER,
            TargetCatalog.get("azure_monitor"),
            Placeholders.standard());
    assertThat(defender.target()).isEqualTo("microsoft_xdr");
    assertThat(defender.text()).contains("\"queryText\" : \"DeviceProcessEvents");
  }

  @Test
  void aRefusedRuleShowsWhyAndCannotBeCopied() {
    String rule =
        TestFiles.headlineRuleText()
            .replace("title: Certificate Exported Via PowerShell", "title: " + "x".repeat(300));
    ExportDialog.Shown s =
        ExportDialog.export(
            rule,
            ExportFormat.SENTINEL_YAML,
            TargetCatalog.get("sentinel_asim"),
            Placeholders.standard());
    assertThat(s.ok()).isFalse();
    assertThat(s.text()).contains("name: 300 characters, more than the 256 allowed");
  }

  @Test
  void fileExportOpensTheDialogOnTheCurrentRule() throws Exception {
    MenuItem item =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  MenuBar bar = (MenuBar) window.getTop();
                  return bar.getMenus().get(0).getItems().stream()
                      .filter(i -> "exportRule".equals(i.getId()))
                      .findFirst()
                      .orElseThrow();
                })
            .get(10, TimeUnit.SECONDS);
    assertThat(item.getText().replace("_", "")).isEqualTo("Export…");
    ExportDialog d =
        WaitForAsyncUtils.asyncFx(
                () ->
                    new ExportDialog(
                        TestFiles.headlineRuleText(),
                        TargetCatalog.get("sentinel_asim"),
                        Placeholders.standard()))
            .get(10, TimeUnit.SECONDS);
    TextArea text = (TextArea) d.getDialogPane().lookup("#exportText");
    @SuppressWarnings("unchecked")
    ChoiceBox<ExportFormat> format =
        (ChoiceBox<ExportFormat>) d.getDialogPane().lookup("#exportFormat");
    assertThat(text.getText())
        .contains("Microsoft.OperationalInsights/workspaces/providers/alertRules");
    WaitForAsyncUtils.asyncFx(() -> format.setValue(ExportFormat.SENTINEL_YAML))
        .get(10, TimeUnit.SECONDS);
    assertThat(text.getText()).startsWith("id: ").contains("kind: Scheduled");
  }
}
