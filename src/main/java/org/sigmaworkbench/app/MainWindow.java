package org.sigmaworkbench.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The one window: menu, rule editor, KQL preview, test pane and status bar, wired to the model. */
public final class MainWindow extends BorderPane {

  private final WorkbenchModel model = new WorkbenchModel();
  private final RuleEditorPane editor = new RuleEditorPane(model);
  private final KqlPreviewPane preview = new KqlPreviewPane(model);
  private final TestPane testPane;
  private final Label statusBar = new Label();
  private Path rulePath;
  private final java.util.concurrent.ExecutorService files =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "rule-files");
            t.setDaemon(true);
            return t;
          });

  public MainWindow() {
    getStyleClass().add("workbench");
    testPane = new TestPane(model, this::chooseLogs);
    SplitPane right = new SplitPane(preview, testPane);
    right.setOrientation(Orientation.VERTICAL);
    right.setDividerPositions(0.30);
    SplitPane main = new SplitPane(editor, right);
    main.setDividerPositions(0.36);
    setTop(menu());
    setCenter(main);
    statusBar.setId("statusBar");
    HBox status = new HBox(statusBar);
    status.getStyleClass().add("status-bar");
    status.setPadding(new Insets(2, 8, 2, 8));
    setBottom(status);
    ErrorReporting.install(statusBar::setText);
    model
        .analysisProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                return;
              }
              long errors = b.problems().stream().filter(p -> p.isError()).count();
              long warnings = b.problems().size() - errors;
              statusBar.setText(
                  (b.rule() != null && b.rule().title() != null ? b.rule().title() + " — " : "")
                      + (errors == 0 ? "no errors" : errors + (errors == 1 ? " error" : " errors"))
                      + (warnings == 0
                          ? ""
                          : ", " + warnings + (warnings == 1 ? " warning" : " warnings")));
            });
  }

  private MenuBar menu() {
    MenuItem openRule =
        item(
            "Open Rule…",
            "openRule",
            new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
            this::chooseRule);
    MenuItem saveRule =
        item(
            "Save Rule",
            "saveRule",
            new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
            this::saveRule);
    MenuItem saveRuleAs =
        item(
            "Save Rule As…",
            "saveRuleAs",
            new KeyCodeCombination(
                KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            this::saveRuleAs);
    MenuItem openLogs =
        item(
            "Open Logs…",
            "openLogsMenu",
            new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
            this::chooseLogs);
    MenuItem clearLogs = item("Clear Logs", "clearLogsMenu", null, model::clearLogs);
    MenuItem exportRule = item("Export…", "exportRule", null, this::exportRule);
    MenuItem quit =
        item(
            "Quit",
            "quit",
            new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
            () -> {
              Window w = getScene().getWindow();
              w.fireEvent(
                  new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            });
    Menu file =
        new Menu(
            "File",
            null,
            openRule,
            saveRule,
            saveRuleAs,
            new SeparatorMenuItem(),
            openLogs,
            clearLogs,
            new SeparatorMenuItem(),
            exportRule,
            new SeparatorMenuItem(),
            quit);
    MenuItem copy =
        item(
            "Copy KQL",
            "copyKqlMenu",
            new KeyCodeCombination(
                KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            preview::copyToClipboard);
    MenuItem placeholders = item("Placeholders…", "placeholdersMenu", null, this::editPlaceholders);
    Menu edit = new Menu("Edit", null, copy, new SeparatorMenuItem(), placeholders);
    MenuBar bar = new MenuBar(file, edit);
    bar.setUseSystemMenuBar(true);
    return bar;
  }

  private static MenuItem item(String text, String id, KeyCombination key, Runnable action) {
    MenuItem m = new MenuItem(text);
    m.setId(id);
    if (key != null) {
      m.setAccelerator(key);
    }
    m.setOnAction(e -> action.run());
    return m;
  }

  /** Shows the opening state: a rule text and the logs to load. */
  void start(StartupOptions options) {
    rulePath = options.rulePath();
    editor.setText(options.ruleText(), options.ruleSource());
    model
        .targetProperty()
        .set(
            org.sigmaworkbench.kql.TargetCatalog.builtIn(options.target())
                .orElse(model.targetProperty().get()));
    model.setRuleText(options.ruleText(), options.ruleSource());
    if (!options.logs().isEmpty()) {
      model.openLogs(options.logs());
    }
  }

  private void chooseRule() {
    if (!confirmDiscard()) {
      return;
    }
    FileChooser fc = new FileChooser();
    fc.setTitle("Open Sigma rule");
    fc.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Sigma rules (*.yml, *.yaml)", "*.yml", "*.yaml"),
            new FileChooser.ExtensionFilter("All files", "*.*"));
    File f = fc.showOpenDialog(getScene().getWindow());
    if (f != null) {
      openRule(f.toPath());
    }
  }

  /**
   * Opens a rule file in the editor (read off the FX thread); a file that cannot be read leaves the
   * editor as it is and says why.
   */
  public void openRule(Path file) {
    files.execute(
        () -> {
          try {
            long size = Files.size(file);
            if (size > org.sigmaworkbench.rule.yaml.RuleLoader.MAX_FILE_BYTES) {
              showStatusLater(
                  file.getFileName() + " is " + size + " bytes; rules are limited to 2 MiB");
              return;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            javafx.application.Platform.runLater(
                () -> {
                  rulePath = file;
                  editor.setText(text, file.getFileName().toString());
                  model.setRuleText(text, file.getFileName().toString());
                });
          } catch (IOException | java.io.UncheckedIOException e) {
            showStatusLater("Cannot open " + file.getFileName() + ": " + e.getMessage());
          }
        });
  }

  private void showStatusLater(String text) {
    javafx.application.Platform.runLater(() -> statusBar.setText(text));
  }

  /** Shows a line in the status bar. */
  void showStatus(String text) {
    statusBar.setText(text);
  }

  private void exportRule() {
    ExportDialog d =
        new ExportDialog(
            editor.area().getText(),
            model.targetProperty().get(),
            model.placeholdersProperty().get());
    d.initOwner(getScene().getWindow());
    d.showAndWait();
  }

  private void editPlaceholders() {
    PlaceholdersDialog d = new PlaceholdersDialog(model.placeholdersProperty().get());
    d.initOwner(getScene().getWindow());
    d.showAndWait()
        .ifPresent(
            table -> {
              model.placeholdersProperty().set(table);
              files.execute(
                  () -> {
                    try {
                      UserSettings.savePlaceholders(table);
                      showStatusLater("Placeholders saved to " + UserSettings.placeholdersFile());
                    } catch (IOException e) {
                      showStatusLater("Cannot save the placeholders: " + e.getMessage());
                    }
                  });
            });
  }

  private void saveRule() {
    if (rulePath == null) {
      saveRuleAs();
      return;
    }
    write(rulePath);
  }

  private void saveRuleAs() {
    FileChooser fc = new FileChooser();
    fc.setTitle("Save Sigma rule");
    fc.setInitialFileName(editor.source());
    File f = fc.showSaveDialog(getScene().getWindow());
    if (f != null) {
      write(f.toPath());
    }
  }

  private void write(Path file) {
    String text = editor.text();
    files.execute(
        () -> {
          try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            javafx.application.Platform.runLater(
                () -> {
                  rulePath = file;
                  editor.markSaved(file.getFileName().toString(), text);
                  statusBar.setText("Saved " + file);
                });
          } catch (IOException e) {
            showStatusLater(
                "Cannot save "
                    + file
                    + ": "
                    + e.getMessage()
                    + " — your text is still in the editor");
          }
        });
  }

  /** Asks before unsaved edits would be replaced; true when it is fine to go on. */
  boolean confirmDiscard() {
    if (!editor.modifiedProperty().get()) {
      return true;
    }
    Alert a =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "The rule has unsaved changes. Discard them?",
            ButtonType.CANCEL,
            ButtonType.OK);
    a.setHeaderText("Unsaved changes");
    a.initOwner(getScene().getWindow());
    Optional<ButtonType> r = a.showAndWait();
    return r.isPresent() && r.get() == ButtonType.OK;
  }

  private void chooseLogs() {
    FileChooser fc = new FileChooser();
    fc.setTitle("Open logs");
    fc.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                "Logs (*.csv, *.tsv, *.txt, *.xml, *.json, *.jsonl, *.evtx)",
                "*.csv",
                "*.tsv",
                "*.txt",
                "*.xml",
                "*.json",
                "*.jsonl",
                "*.ndjson",
                "*.evtx"),
            new FileChooser.ExtensionFilter("All files", "*.*"));
    List<File> files = fc.showOpenMultipleDialog(getScene().getWindow());
    if (files != null) {
      openLogs(files.stream().map(File::toPath).toList());
    }
  }

  /** Loads logs into the test pane (what a drop does). */
  public void openLogs(List<Path> files) {
    model.openLogs(files);
  }

  public WorkbenchModel model() {
    return model;
  }

  void copyKql() {
    preview.copyToClipboard();
  }

  RuleEditorPane editor() {
    return editor;
  }

  KqlPreviewPane preview() {
    return preview;
  }

  TestPane testPane() {
    return testPane;
  }

  void shutdown() {
    files.shutdown();
    model.shutdown();
  }
}
