package org.sigmaworkbench.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.sigmaworkbench.authoring.Completion;
import org.sigmaworkbench.authoring.CompletionEngine;
import org.sigmaworkbench.authoring.HoverDocs;
import org.sigmaworkbench.authoring.QuickFix;
import org.sigmaworkbench.authoring.QuickFixes;
import org.sigmaworkbench.authoring.TextEdit;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.lint.Linter;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Writing help in the rule editor: completion (Ctrl+Space, and after '|' in a key), quick fixes for
 * the caret line's problems (Ctrl+1) and documentation of the key, modifier or ATT&amp;CK tag under
 * the mouse or, with F2, under the caret. The logic is in {@code authoring}; this class only shows
 * it. Every edit is one change of the text, so one undo takes it back.
 */
final class EditorAssist {

  private final CodeArea area;
  private final CompletionEngine engine = new CompletionEngine();
  private QuickFixes fixes;
  private final PopupList<Completion> completions =
      new PopupList<>("completionList", Completion::label, Completion::description);
  private final PopupList<QuickFix> quickFixes =
      new PopupList<>("quickFixList", QuickFix::title, f -> "");
  private final Popup docPopup = new Popup();
  private final Label docLabel = new Label();
  private CompletionEngine.Result shown;
  private volatile Target target;
  private volatile Map<String, Map<String, Long>> valueStats = Map.of();
  private String source = "rule.yml";

  EditorAssist(CodeArea area) {
    this.area = area;
    this.fixes = new QuickFixes(Clock.systemDefaultZone(), UUID::randomUUID);
    completions.onAccept(this::insert);
    quickFixes.onAccept(this::apply);
    docLabel.setId("ruleDoc");
    docLabel.getStyleClass().add("assist-doc");
    docLabel.setWrapText(true);
    docLabel.setMaxWidth(520);
    docPopup.getContent().add(docLabel);
    docPopup.setAutoHide(true);
    docPopup.setHideOnEscape(true);

    area.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    area.addEventFilter(
        KeyEvent.KEY_TYPED,
        e -> {
          if ("|".equals(e.getCharacter()) && area.isEditable()) {
            // after the '|' is in the text: modifiers, when the caret is in a field's key
            Platform.runLater(() -> complete(false));
          }
        });
    area.caretPositionProperty()
        .addListener(
            (o, a, b) -> {
              if (completions.isShowing()) {
                Platform.runLater(this::refresh);
              }
            });
    area.setMouseOverTextDelay(Duration.ofMillis(600));
    area.addEventHandler(
        MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN,
        e -> {
          Optional<String> doc = HoverDocs.at(area.getText(), e.getCharacterIndex());
          doc.ifPresent(d -> showDoc(d, e.getScreenPosition()));
        });
    area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> docPopup.hide());
  }

  void setTarget(Target target) {
    this.target = target;
  }

  void setValueStatistics(Map<String, Map<String, Long>> stats) {
    this.valueStats = stats == null ? Map.of() : stats;
  }

  /** The fixes to offer (a fixed clock and ids in tests). */
  void setQuickFixes(QuickFixes fixes) {
    this.fixes = fixes;
  }

  void setSource(String source) {
    this.source = source;
  }

  PopupList<Completion> completions() {
    return completions;
  }

  PopupList<QuickFix> quickFixes() {
    return quickFixes;
  }

  boolean docShowing() {
    return docPopup.isShowing();
  }

  String docText() {
    return docLabel.getText();
  }

  private void keyPressed(KeyEvent e) {
    PopupList<?> open =
        completions.isShowing() ? completions : quickFixes.isShowing() ? quickFixes : null;
    if (open != null) {
      Runnable action =
          switch (e.getCode()) {
            case UP -> () -> open.move(-1);
            case DOWN -> () -> open.move(1);
            case PAGE_UP -> () -> open.move(-8);
            case PAGE_DOWN -> () -> open.move(8);
            case ENTER, TAB -> open::accept;
            case ESCAPE -> open::hide;
            default -> null;
          };
      if (action != null) {
        action.run();
        e.consume();
        return;
      }
    }
    if (e.getCode() == KeyCode.ESCAPE && docPopup.isShowing()) {
      docPopup.hide();
      e.consume();
      return;
    }
    if (e.isShortcutDown() && e.getCode() == KeyCode.SPACE) {
      complete(true);
      e.consume();
    } else if (e.isShortcutDown()
        && (e.getCode() == KeyCode.DIGIT1 || e.getCode() == KeyCode.NUMPAD1)) {
      showFixes();
      e.consume();
    } else if (e.getCode() == KeyCode.F2 && !e.isShortcutDown() && !e.isAltDown()) {
      showDocAtCaret();
      e.consume();
    }
  }

  private Bounds caretBounds() {
    return area.getCaretBounds().orElse(null);
  }

  /** Opens completion at the caret; {@code explicit} when asked for (Ctrl+Space). */
  void complete(boolean explicit) {
    if (!area.isEditable()) {
      return;
    }
    quickFixes.hide();
    CompletionEngine.Result r =
        engine.complete(area.getText(), area.getCaretPosition(), target, valueStats);
    if (r.items().isEmpty()) {
      completions.hide();
      shown = null;
      return;
    }
    if (!explicit && r.items().stream().noneMatch(c -> c.kind() == Completion.Kind.MODIFIER)) {
      return;
    }
    shown = r;
    completions.show(area, caretBounds(), r.items());
  }

  private void refresh() {
    if (!completions.isShowing()) {
      return;
    }
    CompletionEngine.Result r =
        engine.complete(area.getText(), area.getCaretPosition(), target, valueStats);
    shown = r;
    completions.update(r.items());
  }

  private void insert(Completion c) {
    CompletionEngine.Result r = shown;
    if (r == null) {
      return;
    }
    int to = Math.min(r.to(), area.getLength());
    int from = Math.min(r.from(), to);
    area.getUndoManager().preventMerge();
    area.replaceText(from, to, c.text());
    area.getUndoManager().preventMerge();
    area.moveTo(from + c.text().length());
    area.requestFollowCaret();
    shown = null;
  }

  /** The problems of the text now: loading and lint, positions matching the editor. */
  List<RuleProblem> problems() {
    String text = area.getText();
    return new Linter().problemsWithLint(new RuleLoader().load(text, source));
  }

  /** Shows the fixes of the problems on the caret's line. */
  void showFixes() {
    completions.hide();
    String text = area.getText();
    int line = area.getCurrentParagraph() + 1;
    List<QuickFix> found = fixes.onLine(text, problems(), line);
    if (found.isEmpty()) {
      showDoc("No quick fix for this line", null);
      return;
    }
    quickFixes.show(area, caretBounds(), found);
  }

  /** Makes the fix as one change of the text: one undo takes it back. */
  void apply(QuickFix fix) {
    String text = area.getText();
    TextEdit edit;
    try {
      edit = fix.asSingleEdit(text);
    } catch (IndexOutOfBoundsException e) {
      return; // the text changed under the fix
    }
    int caret = area.getCaretPosition();
    area.getUndoManager().preventMerge();
    area.replaceText(edit.offset(), edit.end(), edit.replacement());
    area.getUndoManager().preventMerge();
    int shift = edit.replacement().length() - edit.length();
    area.moveTo(
        Math.max(0, Math.min(area.getLength(), caret > edit.offset() ? caret + shift : caret)));
  }

  private void showDocAtCaret() {
    Optional<String> doc = HoverDocs.at(area.getText(), area.getCaretPosition());
    showDoc(doc.orElse("No documentation here"), null);
  }

  private void showDoc(String text, Point2D at) {
    docLabel.setText(text);
    Bounds caret = caretBounds();
    double x;
    double y;
    if (at != null) {
      x = at.getX() + 8;
      y = at.getY() + 16;
    } else if (caret != null) {
      x = caret.getMinX();
      y = caret.getMaxY();
    } else {
      Bounds b = area.localToScreen(area.getBoundsInLocal());
      x = b.getMinX() + 40;
      y = b.getMinY() + 40;
    }
    PopupList.styleLike(docPopup, area);
    docPopup.show(area, x, y);
  }
}
