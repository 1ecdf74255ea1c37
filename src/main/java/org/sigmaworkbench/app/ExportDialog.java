package org.sigmaworkbench.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.sigmaworkbench.export.Export;
import org.sigmaworkbench.export.ExportFormat;
import org.sigmaworkbench.export.ExportOptions;
import org.sigmaworkbench.export.Exporter;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * File › Export…: the current rule as a Sentinel analytics rule (ARM or content YAML) or a Defender
 * custom detection, shown as it would be written, with why the service would refuse it; copied to
 * the clipboard or saved to a file. Defaults as on the command line (hourly, on for stable and test
 * rules).
 */
final class ExportDialog extends Dialog<Void> {

  /** What the dialog shows for one format: the document, or the refusals, and the target used. */
  record Shown(String text, boolean ok, String target) {}

  /**
   * Exports the first rule of an editor text; the window's target is used when the format's service
   * can query it, else the format's default target.
   */
  static Shown export(String ruleText, ExportFormat format, Target current, Placeholders table) {
    String targetName =
        format.targets().contains(current.name()) ? current.name() : format.targets().get(0);
    RuleFile file = new RuleLoader(table).load(ruleText, "editor");
    if (file.documents().isEmpty()) {
      return new Shown("Nothing to export: the editor holds no rule.", false, targetName);
    }
    Map<String, SigmaRule> rules = new HashMap<>();
    for (SigmaRule r : file.rules()) {
      if (r.id() != null) {
        rules.putIfAbsent(r.id(), r);
      }
      if (r.meta().name() != null) {
        rules.putIfAbsent(r.meta().name(), r);
      }
    }
    RuleDocument first = file.documents().get(0);
    Target target = targetName.equals(current.name()) ? current : TargetCatalog.get(targetName);
    Export e = new Exporter(format, target, ExportOptions.DEFAULT).export(first, rules);
    if (!e.ok()) {
      return new Shown(
          "Cannot be exported as " + format.id + ":\n  " + String.join("\n  ", e.problems()),
          false,
          targetName);
    }
    return new Shown(e.text(), true, targetName);
  }

  ExportDialog(String ruleText, Target current, Placeholders table) {
    setTitle("Export");
    setHeaderText("The rule as a deployable detection, checked against the service's rules.");
    ChoiceBox<ExportFormat> format = new ChoiceBox<>();
    format.setId("exportFormat");
    format.getItems().addAll(ExportFormat.values());
    Label target = new Label();
    target.setId("exportTarget");
    TextArea text = new TextArea();
    text.setId("exportText");
    text.setEditable(false);
    text.setPrefColumnCount(90);
    text.setPrefRowCount(28);
    text.getStyleClass().add("monospace");
    Button copy = new Button("Copy");
    copy.setId("exportCopy");
    Button save = new Button("Save…");
    save.setId("exportSave");
    format
        .valueProperty()
        .addListener(
            (o, a, f) -> {
              Shown s = export(ruleText, f, current, table);
              text.setText(s.text());
              target.setText("Target: " + s.target());
              copy.setDisable(!s.ok());
              save.setDisable(!s.ok());
            });
    copy.setOnAction(
        e -> {
          ClipboardContent c = new ClipboardContent();
          c.putString(text.getText());
          Clipboard.getSystemClipboard().setContent(c);
        });
    save.setOnAction(
        e -> {
          ExportFormat f = format.getValue();
          FileChooser chooser = new FileChooser();
          chooser.setTitle("Save Export");
          chooser.setInitialFileName(
              "rule" + (f == ExportFormat.DEFENDER ? ".defender" : "") + f.extension);
          File chosen = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
          if (chosen != null) {
            try {
              Files.writeString(chosen.toPath(), text.getText(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
              text.setText("Cannot write " + chosen + ": " + ex.getMessage());
            }
          }
        });
    HBox top = new HBox(8, new Label("Format:"), format, target);
    HBox buttons = new HBox(8, copy, save);
    BorderPane pane = new BorderPane(text, top, null, buttons, null);
    BorderPane.setMargin(text, new Insets(8, 0, 8, 0));
    getDialogPane().setContent(pane);
    getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    format.setValue(List.of(ExportFormat.values()).get(0));
  }
}
