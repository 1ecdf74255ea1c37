package org.sigmaworkbench.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.sigmaworkbench.analysis.RuleAnalysis;
import org.sigmaworkbench.authoring.QuickFixes;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.rule.RuleProblem;

/**
 * The Sigma rule editor: syntax highlighted YAML with line numbers, error lines marked, and the
 * list of problems under it (double-click one to go there). Each rule tab has one; the active one
 * hands its text to the model after a pause in typing and shows the model's problems. The ids
 * {@code ruleEditor} and {@code problems} are on the active tab's nodes only, so that a lookup
 * finds the ones the user sees.
 */
final class RuleEditorPane extends BorderPane {

  private final CodeArea area = new CodeArea();
  private final ListView<RuleProblem> problems = new ListView<>();
  private final Label title = new Label("Sigma rule");
  private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(false);
  private String source = "rule.yml";
  private String savedText = "";
  private boolean active;
  private final EditorAssist assist = new EditorAssist(area);

  RuleEditorPane(WorkbenchModel model) {
    getStyleClass().add("pane");
    setActive(true);
    area.getStyleClass().add("rule-editor");
    area.setParagraphGraphicFactory(LineNumberFactory.get(area));
    area.setWrapText(false);
    Highlighting.install(
        area, YamlHighlighter::compute, t -> markErrors(model.analysisProperty().get()));
    area.multiPlainChanges()
        .successionEnds(Duration.ofMillis(200))
        .subscribe(
            ignore -> {
              if (active) {
                model.setRuleText(area.getText(), source);
              }
            });
    area.textProperty().addListener((o, a, b) -> modified.set(!b.equals(savedText)));
    modified.addListener((o, a, b) -> updateTitle());

    problems.getStyleClass().add("problems");
    problems.setPrefHeight(96);
    problems.setPlaceholder(new Label("No problems"));
    problems.setCellFactory(
        Cells.list(
            (cell, p) -> {
              cell.getStyleClass().removeAll("problem-error", "problem-warning");
              if (p == null) {
                cell.setText(null);
                return;
              }
              cell.getStyleClass().add(p.isError() ? "problem-error" : "problem-warning");
              cell.setText(
                  (p.line() > 0 ? "Line " + p.line() + ", col " + p.column() + "  " : "")
                      + p.severity().label()
                      + ": "
                      + p.message());
            }));
    problems.setOnMouseClicked(
        e -> {
          RuleProblem p = problems.getSelectionModel().getSelectedItem();
          if (e.getClickCount() == 2 && p != null && p.line() > 0) {
            goTo(p.line(), p.column());
          }
        });
    model
        .analysisProperty()
        .addListener(
            (o, a, b) -> {
              if (active) {
                problems.getItems().setAll(b == null ? List.of() : b.problems());
                markErrors(b);
              }
            });

    title.getStyleClass().add("pane-title");
    HBox header = new HBox(8, title);
    header.getStyleClass().add("pane-header");
    header.setPadding(new Insets(4, 8, 4, 8));
    setTop(header);
    VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    setCenter(scroll);
    setBottom(problems);
    // Tab and Shift+Tab indent and outdent lines with spaces: YAML refuses tabs.
    area.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.TAB
              && !e.isControlDown()
              && !e.isAltDown()
              && !e.isMetaDown()
              && area.isEditable()) {
            indent(e.isShiftDown());
            e.consume();
          }
        });
    area.addEventFilter(
        KeyEvent.KEY_TYPED,
        e -> {
          if ("\t".equals(e.getCharacter())) {
            e.consume();
          }
        });
  }

  /**
   * Makes this the editor of the selected tab (its text goes to the model, the model's problems
   * come here), or one in the background.
   */
  void setActive(boolean active) {
    this.active = active;
    area.setId(active ? "ruleEditor" : null);
    problems.setId(active ? "problems" : null);
  }

  boolean isActive() {
    return active;
  }

  /** Indents (or outdents) the caret's line or the selected lines by the document's step. */
  void indent(boolean outdent) {
    String text = area.getText();
    Indentation.Edit edit =
        Indentation.apply(
            text, area.getAnchor(), area.getCaretPosition(), Indentation.step(text), outdent);
    if (!edit.replacement().equals(text.substring(edit.from(), edit.to()))) {
      area.replaceText(edit.from(), edit.to(), edit.replacement());
    }
    area.selectRange(edit.anchor(), edit.caret());
  }

  private void markErrors(RuleAnalysis a) {
    int paragraphs = area.getParagraphs().size();
    for (int i = 0; i < paragraphs; i++) {
      if (!area.getParagraph(i).getParagraphStyle().isEmpty()) {
        area.setParagraphStyle(i, List.of());
      }
    }
    if (a == null || !a.text().equals(area.getText())) {
      return;
    }
    for (RuleProblem p : a.problems()) {
      if (p.line() > 0 && p.line() <= paragraphs) {
        area.setParagraphStyle(p.line() - 1, List.of(p.isError() ? "error-line" : "warning-line"));
      }
    }
  }

  void goTo(int line, int column) {
    int paragraph = Math.min(Math.max(line - 1, 0), area.getParagraphs().size() - 1);
    int col = Math.min(Math.max(column - 1, 0), area.getParagraph(paragraph).length());
    area.moveTo(paragraph, col);
    area.requestFollowCaret();
    area.requestFocus();
  }

  /** Replaces the whole text (a newly opened rule); the model hears of it after the usual pause. */
  void setText(String text, String source) {
    this.source = source;
    assist.setSource(source);
    this.savedText = text;
    area.replaceText(text);
    area.moveTo(0);
    area.getUndoManager().forgetHistory();
    modified.set(false);
    updateTitle();
  }

  /**
   * Shows a text that differs from the file's ({@code saved}, empty for a rule never saved): a
   * restored copy of unsaved work, marked modified.
   */
  void setText(String text, String source, String saved) {
    setText(text, source);
    this.savedText = saved;
    modified.set(!text.equals(saved));
    updateTitle();
  }

  /** The editor's text as it was saved ({@code text}); later edits keep it marked modified. */
  void markSaved(String source, String text) {
    this.source = source;
    this.savedText = text;
    modified.set(!area.getText().equals(text));
    updateTitle();
  }

  private void updateTitle() {
    title.setText("Sigma rule — " + source + (modified.get() ? " (modified)" : ""));
  }

  String text() {
    return area.getText();
  }

  String source() {
    return source;
  }

  ReadOnlyBooleanProperty modifiedProperty() {
    return modified.getReadOnlyProperty();
  }

  CodeArea area() {
    return area;
  }

  /**
   * The target whose field mapping ranks field completions (the one the KQL preview uses); {@code
   * null} for none.
   */
  void setCompletionTarget(Target target) {
    assist.setTarget(target);
  }

  /**
   * Values seen in the loaded logs, field to value to count, offered when completing a field's
   * value (most frequent first); empty when no logs are loaded.
   */
  void setValueStatistics(Map<String, Map<String, Long>> stats) {
    assist.setValueStatistics(stats);
  }

  EditorAssist assist() {
    return assist;
  }

  /** Replaces the writing help with one whose fixes use a fixed clock and ids (tests). */
  void assistForTests(QuickFixes fixes) {
    assist.setQuickFixes(fixes);
  }
}
