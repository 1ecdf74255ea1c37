package org.sigmaworkbench.app;

import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;

/**
 * One open rule: its editor (text, problems), the file it edits ({@code null} while untitled) and
 * its title, the file name or "Untitled-N", with " •" while it has unsaved changes.
 */
final class RuleTab extends Tab {

  /** The mark after the title of a tab with unsaved changes. */
  static final String MODIFIED = " •";

  private final RuleEditorPane editor;
  private final String autosaveId;
  private Path path;
  private String name;

  RuleTab(WorkbenchModel model, String name, Path path, String autosaveId) {
    this.editor = new RuleEditorPane(model);
    this.name = name;
    this.path = path;
    this.autosaveId = autosaveId == null ? UUID.randomUUID().toString() : autosaveId;
    setContent(editor);
    editor.modifiedProperty().addListener((o, a, b) -> updateTitle());
    updateTitle();
  }

  RuleEditorPane editor() {
    return editor;
  }

  /** The file, or {@code null} for a rule never saved. */
  Path path() {
    return path;
  }

  /** The file name or "Untitled-N", without the modified mark. */
  String name() {
    return name;
  }

  String autosaveId() {
    return autosaveId;
  }

  boolean isModified() {
    return editor.modifiedProperty().get();
  }

  /** After a save: the tab edits {@code file} now, and its text is the file's. */
  void savedAs(Path file, String text) {
    this.path = file;
    this.name = file.getFileName().toString();
    editor.markSaved(name, text);
    updateTitle();
  }

  private void updateTitle() {
    setText(name + (isModified() ? MODIFIED : ""));
    setTooltip(new Tooltip(path == null ? name + " (not saved yet)" : path.toString()));
  }
}
