package org.sigmaworkbench.app;

import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.sigmaworkbench.analysis.RuleAnalysis;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.RuleProblem;

/**
 * The live KQL preview: the target selector, the query, a Copy button. While the rule has errors
 * the last good query stays, marked stale, under a banner that says what is wrong and where.
 */
final class KqlPreviewPane extends BorderPane {

  private static final String COPY = "Copy KQL";

  private final CodeArea area = new CodeArea();
  private final Label message = new Label();
  private final Button copy = new Button(COPY);
  private final Button runOnWorkspace = new Button("Run on Workspace…");
  private Runnable onRunOnWorkspace = () -> {};
  private final ComboBox<Target> targets = new ComboBox<>();
  private final PauseTransition copied = new PauseTransition(Duration.seconds(1.5));
  private final WorkbenchModel model;

  KqlPreviewPane(WorkbenchModel model) {
    this.model = model;
    getStyleClass().add("pane");
    area.setId("kqlPreview");
    area.getStyleClass().add("kql-preview");
    area.setEditable(false);
    area.setWrapText(true);
    Highlighting.install(area, KqlHighlighter::compute, null);

    targets.setId("targetChoice");
    targets.getItems().setAll(TargetCatalog.all());
    targets.setCellFactory(lv -> new TargetCell());
    targets.setButtonCell(new TargetCell());
    targets.valueProperty().bindBidirectional(model.targetProperty());
    targets.setTooltip(new Tooltip("Where the query will run"));

    CheckBox keep = new CheckBox("Keep unmapped fields");
    keep.setId("keepUnmapped");
    keep.selectedProperty().bindBidirectional(model.keepUnmappedProperty());
    keep.setTooltip(
        new Tooltip(
            "Write a field the target does not map under its Sigma name instead of failing"));

    copy.setId("copyKql");
    copy.setTooltip(new Tooltip("Copy the query to the clipboard (Ctrl+Shift+C)"));
    copy.setOnAction(e -> copyToClipboard());
    copy.disableProperty().bind(model.kqlTextProperty().isEmpty());

    copied.setOnFinished(e -> copy.setText(COPY));

    Label title = new Label("KQL");
    title.getStyleClass().add("pane-title");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    // The target list shrinks (its name cut with "…") before anything leaves the bar; the
    // checkbox moves into the "⋯" menu when even that is not enough; Copy KQL always stays.
    targets.setMinWidth(140);
    targets.setMaxWidth(420);
    CheckMenuItem keepItem = new CheckMenuItem("Keep unmapped fields");
    keepItem.setId("keepUnmappedItem");
    keepItem.selectedProperty().bindBidirectional(model.keepUnmappedProperty());
    MenuItem runItem = runOnWorkspaceSetup();
    PriorityBar header =
        new PriorityBar("kqlMore")
            .primary(title)
            .flexible(targets, 0)
            .secondary(keep, keepItem)
            .primary(spacer)
            .secondary(runOnWorkspace, runItem)
            .primary(copy);

    message.setId("kqlMessage");
    message.getStyleClass().add("kql-message");
    message.setWrapText(true);
    message.setMaxWidth(Double.MAX_VALUE);
    message.managedProperty().bind(message.visibleProperty());
    message.setVisible(false);

    setTop(new VBox(header, message));
    setCenter(new VirtualizedScrollPane<>(area));

    model.kqlTextProperty().addListener((o, a, b) -> area.replaceText(b));
    model.kqlStaleProperty().addListener((o, a, b) -> updateMessage());
    model.analysisProperty().addListener((o, a, b) -> updateMessage());
  }

  private void updateMessage() {
    RuleAnalysis a = model.analysisProperty().get();
    boolean stale = model.kqlStaleProperty().get();
    area.getStyleClass().remove("stale");
    if (stale) {
      area.getStyleClass().add("stale");
    }
    String text = null;
    if (a != null && a.hasErrors()) {
      RuleProblem p = a.firstError();
      text =
          (p.line() > 0 ? "Line " + p.line() + ", column " + p.column() + ": " : "")
              + p.message()
              + (model.kqlTextProperty().get().isEmpty() ? "" : "\nShowing the last good query.");
    } else if (a != null && a.kql() != null && !a.kql().ok()) {
      text =
          String.join("\n", a.kql().errors())
              + (model.kqlTextProperty().get().isEmpty() ? "" : "\nShowing the last good query.");
    } else if (a != null && a.kql() != null && !a.kql().warnings().isEmpty()) {
      text = "Note: " + String.join("\n", a.kql().warnings());
    }
    message.getStyleClass().removeAll("error", "note");
    if (text == null) {
      message.setVisible(false);
      message.setText("");
    } else {
      message.getStyleClass().add(stale ? "error" : "note");
      message.setText(text);
      message.setVisible(true);
    }
  }

  /** Puts exactly the preview text on the system clipboard. */
  void copyToClipboard() {
    String text = area.getText();
    if (text.isEmpty()) {
      return;
    }
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
    // Says it worked, on the button, for a moment.
    copy.setText("Copied ✓");
    copied.playFromStart();
  }

  /** The Run on Workspace button, and its item for the "⋯" menu when the bar is narrow. */
  private MenuItem runOnWorkspaceSetup() {
    runOnWorkspace.setId("runOnWorkspace");
    runOnWorkspace.setTooltip(
        new Tooltip(
            "Run this query on a Log Analytics workspace, an Azure Data Explorer database or"
                + " Defender XDR, and see its rows in the test pane (Ctrl+Shift+R)"));
    runOnWorkspace.setOnAction(e -> onRunOnWorkspace.run());
    runOnWorkspace.disableProperty().bind(model.kqlTextProperty().isEmpty());
    MenuItem item = new MenuItem("Run on Workspace…");
    item.setId("runOnWorkspaceItem");
    item.setOnAction(e -> onRunOnWorkspace.run());
    item.disableProperty().bind(runOnWorkspace.disableProperty());
    return item;
  }

  /** What Run on Workspace does (the window opens its dialog). */
  void setOnRunOnWorkspace(Runnable action) {
    onRunOnWorkspace = action;
  }

  Button runOnWorkspaceButton() {
    return runOnWorkspace;
  }

  ComboBox<Target> targetChoice() {
    return targets;
  }

  Button copyButton() {
    return copy;
  }

  CodeArea area() {
    return area;
  }

  private static final class TargetCell extends ListCell<Target> {
    @Override
    protected void updateItem(Target t, boolean empty) {
      super.updateItem(t, empty);
      setText(empty || t == null ? null : t.name() + " — " + t.title());
    }
  }
}
