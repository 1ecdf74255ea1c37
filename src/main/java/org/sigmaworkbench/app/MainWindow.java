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
import javafx.scene.input.KeyEvent;
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
  private final SplitPane mainSplit;
  private final SplitPane rightSplit;
  private MenuBar menuBar;
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
    // Divider positions are fractions of the window, kept as it resizes; the minimum sizes leave
    // room for a 1024 x 768 window.
    SplitPane right =
        new ProportionalSplitPane(Orientation.VERTICAL, new double[] {0.30}, preview, testPane);
    SplitPane main =
        new ProportionalSplitPane(Orientation.HORIZONTAL, new double[] {0.36}, editor, right);
    editor.setMinWidth(240);
    right.setMinWidth(420);
    preview.setMinHeight(90);
    testPane.setMinHeight(160);
    mainSplit = main;
    rightSplit = right;
    setTop(menu());
    addEventFilter(KeyEvent.KEY_PRESSED, this::cycleFocus);
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
                      + (errors == 0 ? "no errors" : Counts.of(errors, "error"))
                      + (warnings == 0 ? "" : ", " + Counts.of(warnings, "warning")));
            });
  }

  private MenuBar menu() {
    MenuItem openRule =
        item(
            "_Open Rule…",
            "openRule",
            new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
            this::chooseRule);
    MenuItem saveRule =
        item(
            "_Save Rule",
            "saveRule",
            new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
            this::saveRule);
    MenuItem saveRuleAs =
        item(
            "Save Rule _As…",
            "saveRuleAs",
            new KeyCodeCombination(
                KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            this::saveRuleAs);
    MenuItem openLogs =
        item(
            "Open _Logs…",
            "openLogsMenu",
            new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
            this::chooseLogs);
    MenuItem clearLogs = item("_Clear Logs", "clearLogsMenu", null, model::clearLogs);
    MenuItem exportRule = item("_Export…", "exportRule", null, this::exportRule);
    MenuItem quit =
        item(
            "_Quit",
            "quit",
            new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
            () -> {
              Window w = getScene().getWindow();
              w.fireEvent(
                  new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            });
    Menu file =
        new Menu(
            "_File",
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
            "_Copy KQL",
            "copyKqlMenu",
            new KeyCodeCombination(
                KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            preview::copyToClipboard);
    MenuItem placeholders =
        item("_Placeholders…", "placeholdersMenu", null, this::editPlaceholders);
    Menu edit = new Menu("_Edit", null, copy, new SeparatorMenuItem(), placeholders);
    file.setId("fileMenu");
    edit.setId("editMenu");
    MenuItem keys =
        item(
            "_Keyboard Shortcuts",
            "keyboardHelp",
            new KeyCodeCombination(KeyCode.F1),
            this::showKeyboardHelp);
    Menu help = new Menu("_Help", null, keys);
    help.setId("helpMenu");
    MenuItem findEvents =
        item(
            "_Filter Events",
            "filterEventsMenu",
            new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
            testPane::focusFilter);
    javafx.scene.control.CheckMenuItem dark = new javafx.scene.control.CheckMenuItem("_Dark Theme");
    dark.setId("themeToggle");
    dark.selectedProperty().bindBidirectional(Themes.darkProperty());
    Menu view =
        new Menu("_View", null, findEvents, testPane.columnsMenu(), new SeparatorMenuItem(), dark);
    view.setId("viewMenu");
    MenuBar bar = new MenuBar(file, edit, view, help);
    bar.setUseSystemMenuBar(true);
    menuBar = bar;
    return bar;
  }

  /** Keys that are not menu accelerators, as the keyboard help lists them. */
  private static final List<String[]> OTHER_KEYS =
      List.of(
          new String[] {"Alt+F, Alt+E, Alt+V, Alt+H", "Open the File, Edit, View, Help menu"},
          new String[] {"F6 / Shift+F6", "Next / previous area: rule, KQL, target, events"},
          new String[] {"Tab / Shift+Tab", "Rule editor: indent / outdent the line or selection"},
          new String[] {"Ctrl+Z / Ctrl+Y", "Rule editor: undo / redo"},
          new String[] {"Double-click a problem", "Go to its line in the rule"},
          new String[] {"Ctrl+C", "Events table: copy the selected rows (tab-separated, header)"},
          new String[] {"Esc", "Event filter: clear it (again: back to the table)"});

  /** Every shortcut: the menu accelerators (read from the menus) and the other keys. */
  List<String[]> shortcuts() {
    List<String[]> rows = new java.util.ArrayList<>();
    for (Menu m : menuBar.getMenus()) {
      for (MenuItem i : m.getItems()) {
        if (i.getAccelerator() != null) {
          rows.add(
              new String[] {
                i.getAccelerator().getDisplayText(),
                m.getText().replace("_", "") + " > " + i.getText().replace("_", "")
              });
        }
      }
    }
    rows.addAll(OTHER_KEYS);
    return rows;
  }

  private void showKeyboardHelp() {
    javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
    grid.setId("keyboardHelpList");
    grid.setHgap(18);
    grid.setVgap(4);
    int row = 0;
    for (String[] k : shortcuts()) {
      Label key = new Label(k[0]);
      key.getStyleClass().add("shortcut-key");
      grid.addRow(row++, key, new Label(k[1]));
    }
    javafx.scene.control.Dialog<Void> d = new javafx.scene.control.Dialog<>();
    d.setTitle("Keyboard Shortcuts");
    d.setHeaderText(null);
    d.getDialogPane().setContent(grid);
    d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    d.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
    d.initOwner(getScene().getWindow());
    d.show();
  }

  /** The areas F6 and Shift+F6 move between, in order. */
  List<javafx.scene.Node> focusCycle() {
    return List.of(editor.area(), preview.area(), preview.targetChoice(), testPane.table());
  }

  private void cycleFocus(KeyEvent e) {
    if (e.getCode() != KeyCode.F6 || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
      return;
    }
    List<javafx.scene.Node> cycle = focusCycle();
    javafx.scene.Node owner = getScene() == null ? null : getScene().getFocusOwner();
    int at = -1;
    for (javafx.scene.Node n = owner; n != null && at < 0; n = n.getParent()) {
      at = cycle.indexOf(n);
    }
    int next =
        at < 0
            ? (e.isShiftDown() ? cycle.size() - 1 : 0)
            : Math.floorMod(at + (e.isShiftDown() ? -1 : 1), cycle.size());
    cycle.get(next).requestFocus();
    e.consume();
  }

  SplitPane mainSplit() {
    return mainSplit;
  }

  SplitPane rightSplit() {
    return rightSplit;
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
