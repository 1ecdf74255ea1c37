package org.sigmaworkbench.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.sigmaworkbench.authoring.Template;
import org.sigmaworkbench.engine.RunWords;
import org.sigmaworkbench.engine.run.LogInput;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.yaml.RuleLoader;
import org.sigmaworkbench.threads.DaemonThreads;

/**
 * The one window: menu, rule tabs, KQL preview, test pane and status bar, wired to the model. Each
 * tab holds one rule (its editor and problems); the KQL preview and the test pane show the selected
 * tab's rule over the logs all tabs share. Files are handled as in an editor: new, open, recent,
 * save (atomic), save as, close with a prompt for unsaved changes, autosave of unsaved tabs, and
 * settings kept between runs.
 */
public final class MainWindow extends BorderPane {

  /** Seconds after the last change before a tab's unsaved text is copied to the autosave folder. */
  static final double AUTOSAVE_SECONDS = 3;

  /** On a pane while files are dragged over it. */
  static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

  private static final Pattern UNTITLED = Pattern.compile("Untitled-(\\d+)");

  private final ExecutorService analysisThread = singleThread("rule-analysis");
  private final ExecutorService runThread = singleThread("test-run");
  private final ExecutorService files = singleThread("rule-files");
  private final ExecutorService huntThreads =
      Executors.newFixedThreadPool(
          Math.max(1, Runtime.getRuntime().availableProcessors()), DaemonThreads.numbered("hunt"));
  private final WorkbenchModel model =
      new WorkbenchModel(analysisThread, runThread, Platform::runLater);
  private final TabPane tabs = new TabPane();

  /** The rule tabs, with the hunt view under them while there is one. */
  private final BorderPane leftArea = new BorderPane();

  private final HuntPane huntPane;

  /** A folder to hunt with once the logs being read are read. */
  private Path huntWhenRead;

  private final SplitPane huntSplit = new ProportionalSplitPane(Orientation.VERTICAL, 0.55);
  private final KqlPreviewPane preview = new KqlPreviewPane(model);
  private final TestPane testPane;
  private final AuthoringActions authoring;
  private final Label statusBar = new Label();
  private final SplitPane mainSplit;
  private final SplitPane rightSplit;
  private final Menu recentMenu = new Menu("Open _Recent");
  private final SettingsStore settingsStore;
  private final Settings settings;
  private final String settingsProblem;
  private final Autosave autosave;
  private final FileDialogs dialogs;
  private final BooleanProperty darkTheme = new SimpleBooleanProperty();

  /** The tabs whose text has a copy in the autosave folder. */
  private final Set<String> autosaved = new HashSet<>();

  private MenuBar menuBar;
  private int untitled;

  /** The window with the user's settings folder and the platform's file dialogs. */
  public MainWindow() {
    this(UserSettings.dir(), FileDialogs.standard());
  }

  /** The window with its settings (and autosaved tabs) in {@code settingsDir}. */
  MainWindow(Path settingsDir, FileDialogs dialogs) {
    this(new SettingsStore(settingsDir).load(), settingsDir, dialogs);
  }

  /** The window with settings already read (off the FX thread) from {@code settingsDir}. */
  MainWindow(SettingsStore.Loaded loaded, Path settingsDir, FileDialogs dialogs) {
    getStyleClass().add("workbench");
    this.settingsStore = new SettingsStore(settingsDir);
    this.settings = loaded.settings();
    this.settingsProblem = loaded.problem();
    this.autosave = new Autosave(settingsDir);
    this.dialogs = dialogs;
    // The remembered theme, if any; else the one the start chose (Themes follows the system).
    if (settings.darkTheme != null) {
      Themes.darkProperty().set(settings.darkTheme);
    }
    darkTheme.bindBidirectional(Themes.darkProperty());
    darkTheme.addListener((o, a, b) -> saveSettingsLater());
    if (settings.target != null) {
      TargetCatalog.builtIn(settings.target).ifPresent(t -> model.targetProperty().set(t));
    }
    model.targetProperty().addListener((o, a, b) -> saveSettingsLater());
    testPane = new TestPane(model, this::chooseLogs);
    authoring =
        new AuthoringActions(
            model,
            tabs,
            testPane.table(),
            this::openRendered,
            () -> getScene() == null ? null : getScene().getWindow());
    huntPane = huntPane();
    model
        .logs()
        .addListener(
            (ListChangeListener<LoadedLog>)
                c -> huntPane.logsNow(model.logs().stream().map(LoadedLog::path).toList()));

    tabs.setId("ruleTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
    // A long file name ends in "…" (its full path is the tab's tooltip) so several tabs fit.
    tabs.setTabMaxWidth(240);
    tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> activate(b));
    // Divider positions are fractions of the window, kept as it resizes; the minimum sizes leave
    // room for a 1024 x 768 window.
    SplitPane right =
        new ProportionalSplitPane(
            Orientation.VERTICAL, divider(settings.rightDivider, 0.30), preview, testPane);
    SplitPane main =
        new ProportionalSplitPane(
            Orientation.HORIZONTAL, divider(settings.mainDivider, 0.36), leftArea, right);
    leftArea.setCenter(tabs);
    leftArea.setMinWidth(240);
    tabs.setMinWidth(240);
    right.setMinWidth(420);
    preview.setMinHeight(90);
    testPane.setMinHeight(160);
    mainSplit = main;
    rightSplit = right;
    setTop(menu());
    addEventFilter(KeyEvent.KEY_PRESSED, this::cycleFocus);
    addEventFilter(KeyEvent.KEY_PRESSED, this::cycleTabs);
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
                      + (errors == 0 ? "no errors" : RunWords.count(errors, "error"))
                      + (warnings == 0 ? "" : ", " + RunWords.count(warnings, "warning")));
            });
    dropTarget(tabs, true);
    dropTarget(testPane, false);
    if (settingsProblem != null) {
      model.showNotice(settingsProblem);
    }
  }

  /** The divider position the settings remember, else {@code fallback}. */
  private static double divider(Double saved, double fallback) {
    return saved == null ? fallback : saved;
  }

  /** Runs file work on the files thread; after shutdown (the window closed) it is dropped. */
  private void background(Runnable task) {
    try {
      files.execute(task);
    } catch (RejectedExecutionException e) {
      // The window is closing: nothing more is written.
    }
  }

  private static ExecutorService singleThread(String name) {
    return Executors.newSingleThreadExecutor(DaemonThreads.named(name));
  }

  private MenuBar menu() {
    MenuItem newRule = item("_New Rule", "newRule", shortcut(KeyCode.N), this::newRule);
    MenuItem openRule = item("_Open Rule…", "openRule", shortcut(KeyCode.O), this::chooseRule);
    MenuItem openRuleFolder =
        item(
            "Open Rule _Folder…",
            "openRuleFolder",
            shiftShortcut(KeyCode.O),
            this::chooseRuleFolder);
    recentMenu.setId("recentRules");
    recentMenu.setOnShowing(e -> pruneRecent());
    fillRecentMenu();
    MenuItem saveRule =
        item("_Save Rule", "saveRule", shortcut(KeyCode.S), () -> save(selected(), false));
    MenuItem saveRuleAs =
        item(
            "Save Rule _As…", "saveRuleAs", shiftShortcut(KeyCode.S), () -> save(selected(), true));
    MenuItem closeRule =
        item("_Close Rule", "closeRule", shortcut(KeyCode.W), () -> closeTab(selected()));
    MenuItem openLogs = item("Open _Logs…", "openLogsMenu", shortcut(KeyCode.L), this::chooseLogs);
    MenuItem clearLogs = item("_Clear Logs", "clearLogsMenu", null, model::clearLogs);
    MenuItem exportRule = item("_Export…", "exportRule", null, this::exportRule);
    MenuItem quit =
        item(
            "_Quit",
            "quit",
            shortcut(KeyCode.Q),
            () -> {
              Window w = getScene().getWindow();
              w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST));
            });
    Menu file =
        new Menu(
            "_File",
            null,
            newRule,
            openRule,
            openRuleFolder,
            recentMenu,
            saveRule,
            saveRuleAs,
            closeRule,
            new SeparatorMenuItem(),
            openLogs,
            clearLogs,
            new SeparatorMenuItem(),
            exportRule,
            new SeparatorMenuItem(),
            quit);
    MenuItem copy =
        item("_Copy KQL", "copyKqlMenu", shiftShortcut(KeyCode.C), preview::copyToClipboard);
    MenuItem placeholders =
        item("_Placeholders…", "placeholdersMenu", null, this::editPlaceholders);
    Menu edit =
        new Menu("_Edit", null, copy, runOnWorkspaceItem(), new SeparatorMenuItem(), placeholders);
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
        item("_Filter Events", "filterEventsMenu", shortcut(KeyCode.F), testPane::focusFilter);
    CheckMenuItem dark = new CheckMenuItem("_Dark Theme");
    dark.setId("themeToggle");
    dark.selectedProperty().bindBidirectional(Themes.darkProperty());
    Menu view =
        new Menu("_View", null, findEvents, testPane.columnsMenu(), new SeparatorMenuItem(), dark);
    view.setId("viewMenu");
    MenuBar bar = new MenuBar(file, edit, ruleMenu(), view, help);
    bar.setUseSystemMenuBar(true);
    menuBar = bar;
    return bar;
  }

  private static KeyCombination shortcut(KeyCode key) {
    return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
  }

  private static KeyCombination shiftShortcut(KeyCode key) {
    return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  }

  /** Keys that are not menu accelerators, as the keyboard help lists them. */
  private static final List<String[]> OTHER_KEYS =
      List.of(
          new String[] {"Ctrl+Tab / Ctrl+Shift+Tab", "Next / previous rule tab"},
          new String[] {
            "Alt+F, Alt+E, Alt+R, Alt+V, Alt+H", "Open the File, Edit, Rule, View, Help menu"
          },
          new String[] {"F6 / Shift+F6", "Next / previous area: rule, KQL, target, events, hunt"},
          new String[] {"Enter / double-click a hunt row", "Open that rule in a tab"},
          new String[] {"Tab / Shift+Tab", "Rule editor: indent / outdent the line or selection"},
          new String[] {"Ctrl+Space", "Rule editor: complete a key, modifier, field or value"},
          new String[] {"Ctrl+1", "Rule editor: quick fixes for the problem at the caret"},
          new String[] {"F2", "Rule editor: documentation of the key or field at the caret"},
          new String[] {"Ctrl+Z / Ctrl+Y", "Rule editor: undo / redo"},
          new String[] {"Double-click a problem", "Go to its line in the rule"},
          new String[] {"Drop a .yml / .yaml file", "Open the rule in a new tab"},
          new String[] {"Drop a log file", "Load it into the test pane"},
          new String[] {"Ctrl+C", "Events table: copy the selected rows (tab-separated, header)"},
          new String[] {"Esc", "Event filter: clear it (again: back to the table)"});

  /** Every shortcut: the menu accelerators (read from the menus) and the other keys. */
  List<String[]> shortcuts() {
    List<String[]> rows = new ArrayList<>();
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
    GridPane grid = new GridPane();
    grid.setId("keyboardHelpList");
    grid.setHgap(18);
    grid.setVgap(4);
    int row = 0;
    for (String[] k : shortcuts()) {
      Label key = new Label(k[0]);
      key.getStyleClass().add("shortcut-key");
      grid.addRow(row++, key, new Label(k[1]));
    }
    Dialog<Void> d = new Dialog<>();
    d.setTitle("Keyboard Shortcuts");
    d.setHeaderText(null);
    d.getDialogPane().setContent(grid);
    d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    d.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
    d.initOwner(getScene().getWindow());
    d.show();
  }

  /** The areas F6 and Shift+F6 move between, in order. */
  List<Node> focusCycle() {
    List<Node> cycle = new ArrayList<>();
    if (editor() != null) {
      cycle.add(editor().area());
    }
    cycle.addAll(List.of(preview.area(), preview.targetChoice(), testPane.table()));
    if (huntShown()) {
      cycle.add(huntPane.table());
    }
    return cycle;
  }

  private void cycleFocus(KeyEvent e) {
    if (e.getCode() != KeyCode.F6 || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
      return;
    }
    List<Node> cycle = focusCycle();
    Node owner = getScene() == null ? null : getScene().getFocusOwner();
    int at = -1;
    for (Node n = owner; n != null && at < 0; n = n.getParent()) {
      at = cycle.indexOf(n);
    }
    int next =
        at < 0
            ? (e.isShiftDown() ? cycle.size() - 1 : 0)
            : Math.floorMod(at + (e.isShiftDown() ? -1 : 1), cycle.size());
    cycle.get(next).requestFocus();
    e.consume();
  }

  /** Ctrl+Tab and Ctrl+Shift+Tab: the next and previous tab, wherever the focus is. */
  private void cycleTabs(KeyEvent e) {
    if (e.getCode() != KeyCode.TAB || !e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
      return;
    }
    e.consume();
    int n = tabs.getTabs().size();
    if (n == 0) {
      return;
    }
    int at = tabs.getSelectionModel().getSelectedIndex();
    tabs.getSelectionModel().select(Math.floorMod(at + (e.isShiftDown() ? -1 : 1), n));
    editor().area().requestFocus();
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

  // ---- Start ----------------------------------------------------------------------------------

  /** Shows the opening state: a rule text in the first tab and the logs to load. */
  void start(StartupOptions options) {
    start(options, List.of());
  }

  /**
   * Shows the opening state: the tabs of the last session ({@code session}, files known to exist)
   * or else the options' rule, and the options' logs and target.
   */
  void start(StartupOptions options, List<Path> session) {
    model
        .targetProperty()
        .set(TargetCatalog.builtIn(options.target()).orElse(model.targetProperty().get()));
    if (session.isEmpty()) {
      String name = options.ruleSource();
      Path path = options.rulePath() == null ? null : options.rulePath().toAbsolutePath();
      addTab(name, path, options.ruleText(), options.ruleText(), null);
    } else {
      int selected = Math.max(0, Math.min(settings.selectedTab, session.size() - 1));
      for (Path p : session) {
        openRule(p);
      }
      background(
          () ->
              Platform.runLater(
                  () -> {
                    if (tabs.getTabs().isEmpty()) {
                      authoring.newDefaultRule();
                    } else if (selected < tabs.getTabs().size()) {
                      tabs.getSelectionModel().select(selected);
                    }
                  }));
    }
    if (!options.logs().isEmpty()) {
      model.openLogs(options.logs());
    }
    if (settingsProblem != null && !model.noticeProperty().get().contains(settingsProblem)) {
      model.showNotice(settingsProblem);
    }
    options.rulesFolder().ifPresent(this::huntFolder);
  }

  /**
   * Puts the window where it was last time ({@code settings}), fitted to the screen it is on now
   * ({@link #fitToScreen}); static, as the start shows the window before the workbench in it is
   * built.
   */
  static void applyWindowSettings(Stage stage, Settings settings) {
    if (settings.windowWidth != null && settings.windowHeight != null) {
      Rectangle2D at =
          fitToScreen(
              settings.windowX,
              settings.windowY,
              settings.windowWidth,
              settings.windowHeight,
              Screen.getScreens().stream().map(Screen::getVisualBounds).toList(),
              Screen.getPrimary().getVisualBounds());
      stage.setWidth(at.getWidth());
      stage.setHeight(at.getHeight());
      if (settings.windowX != null && settings.windowY != null) {
        stage.setX(at.getMinX());
        stage.setY(at.getMinY());
      }
    }
    stage.setMaximized(settings.maximized);
  }

  /**
   * A remembered window place fitted to the screens there are now (a laptop after a large screen):
   * on the screen its title bar is on, else the primary one; no larger than that screen's usable
   * area, and moved inside it, so that no edge and no control is out of sight.
   *
   * @param x the remembered left edge, or {@code null} (then the window is fitted to the primary
   *     screen and placed at its corner, and the caller leaves the place to the system)
   * @param screens the usable area of each screen
   */
  static Rectangle2D fitToScreen(
      Double x,
      Double y,
      double width,
      double height,
      List<Rectangle2D> screens,
      Rectangle2D primary) {
    Rectangle2D screen = primary;
    if (x != null && y != null) {
      Rectangle2D titleBar = new Rectangle2D(x, y, Math.max(1, width), 40);
      for (Rectangle2D s : screens) {
        if (s.intersects(titleBar)) {
          screen = s;
          break;
        }
      }
    }
    double w = Math.min(width, screen.getWidth());
    double h = Math.min(height, screen.getHeight());
    double left = x == null ? screen.getMinX() : x;
    double top = y == null ? screen.getMinY() : y;
    left = Math.max(screen.getMinX(), Math.min(left, screen.getMaxX() - w));
    top = Math.max(screen.getMinY(), Math.min(top, screen.getMaxY() - h));
    return new Rectangle2D(left, top, w, h);
  }

  // ---- Tabs -----------------------------------------------------------------------------------

  private RuleTab addTab(String name, Path path, String text, String saved, String autosaveId) {
    RuleTab t = new RuleTab(model, name, path, autosaveId);
    t.editor().setActive(false);
    t.editor().setText(text, name, saved);
    t.setOnCloseRequest(
        e -> {
          e.consume();
          closeTab(t);
        });
    PauseTransition later = new PauseTransition(Duration.seconds(AUTOSAVE_SECONDS));
    later.setOnFinished(e -> autosave(t));
    // A few seconds after the first change, not after the last: steady typing is copied too.
    t.editor()
        .area()
        .textProperty()
        .addListener(
            (o, a, b) -> {
              if (later.getStatus() != Animation.Status.RUNNING) {
                later.playFromStart();
              }
            });
    Matcher m = UNTITLED.matcher(name);
    if (m.matches()) {
      untitled = Math.max(untitled, Integer.parseInt(m.group(1)));
    }
    tabs.getTabs().add(t);
    tabs.getSelectionModel().select(t);
    return t;
  }

  /** Makes {@code tab}'s rule the one the KQL preview and the test pane show. */
  private void activate(Tab tab) {
    for (Tab t : tabs.getTabs()) {
      ((RuleTab) t).editor().setActive(t == tab);
    }
    if (tab instanceof RuleTab t) {
      model.setRuleText(t.editor().text(), t.name());
    }
  }

  private RuleTab selected() {
    return (RuleTab) tabs.getSelectionModel().getSelectedItem();
  }

  /** The open rule tabs, in order. */
  List<RuleTab> ruleTabs() {
    return tabs.getTabs().stream().map(t -> (RuleTab) t).toList();
  }

  TabPane tabPane() {
    return tabs;
  }

  /** Asks for a template and opens it in a new tab, the caret on the title's value (selected). */
  void newRule() {
    authoring.newRuleFromTemplate();
  }

  /** A new untitled tab with {@code r}'s text, the caret and selection where it says. */
  void openRendered(Template.Rendered r) {
    RuleTab t = addTab("Untitled-" + (untitled + 1), null, r.text(), r.text(), null);
    t.editor().area().selectRange(r.caret(), r.selectionEnd());
    t.editor().area().requestFocus();
  }

  /** The Rule menu (New Rule from Event, Tests) and the event table's New Rule from Event. */
  private Menu ruleMenu() {
    KeyCombination fromEventKey = shiftShortcut(KeyCode.N);
    MenuItem fromEvent =
        item("New Rule from _Event…", "ruleFromEventMenu", fromEventKey, this::newRuleFromEvent);
    MenuItem tests = item("_Tests…", "ruleTestsMenu", shiftShortcut(KeyCode.T), this::showTests);
    Menu rule = new Menu("_Rule", null, fromEvent, tests);
    rule.setId("ruleMenu");
    MenuItem inTable = item("New Rule from Event…", "ruleFromEvent", null, this::newRuleFromEvent);
    testPane.table().getContextMenu().getItems().addAll(new SeparatorMenuItem(), inTable);
    return rule;
  }

  private void newRuleFromEvent() {
    authoring.newRuleFromEvent(statusBar::setText);
  }

  /** The Tests dialog of the selected tab's rule. */
  RuleTestsDialog showTests() {
    return authoring.showTests(
        selected(),
        () -> folder(settings.regressionFolder),
        f -> {
          settings.regressionFolder = f.toAbsolutePath().toString();
          saveSettingsLater();
        },
        dialogs);
  }

  AuthoringActions authoring() {
    return authoring;
  }

  private void chooseRule() {
    Path f = dialogs.openRule(getScene().getWindow(), folder(settings.lastRuleFolder));
    if (f != null) {
      openRule(f);
    }
  }

  private static Path folder(String name) {
    return name == null ? null : Path.of(name);
  }

  private RuleTab tabOf(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    for (RuleTab t : ruleTabs()) {
      if (t.path() != null && t.path().toAbsolutePath().normalize().equals(abs)) {
        return t;
      }
    }
    return null;
  }

  /**
   * Opens a rule file in a new tab (read off the FX thread), or switches to its tab when it is open
   * already; a file that cannot be read leaves the tabs as they are and says why.
   */
  public void openRule(Path file) {
    RuleTab open = tabOf(file);
    if (open != null) {
      tabs.getSelectionModel().select(open);
      noteRecent(open.path());
      return;
    }
    Path abs = file.toAbsolutePath().normalize();
    background(
        () -> {
          try {
            long size = Files.size(abs);
            if (size > RuleLoader.MAX_FILE_BYTES) {
              showStatusLater(
                  abs.getFileName() + " is " + size + " bytes; rules are limited to 2 MiB");
              return;
            }
            String text = Files.readString(abs, StandardCharsets.UTF_8);
            Platform.runLater(
                () -> {
                  RuleTab again = tabOf(abs);
                  if (again != null) {
                    tabs.getSelectionModel().select(again);
                  } else {
                    addTab(abs.getFileName().toString(), abs, text, text, null);
                  }
                  noteRecent(abs);
                });
          } catch (IOException | UncheckedIOException e) {
            showStatusLater("Cannot open " + abs.getFileName() + ": " + e.getMessage());
          }
        });
  }

  /**
   * Opens a row of the hunt: its rule's file; a correlation whose rules are in other files as one
   * untitled tab holding the correlation and those files as further YAML documents, so that the
   * test pane runs the correlation over them.
   */
  void openHuntRow(RuleFolderHunt.Row row) {
    if (row.file() == null) {
      return;
    }
    if (row.with().isEmpty()) {
      openRule(row.file());
      return;
    }
    List<Path> files = new ArrayList<>();
    files.add(row.file());
    files.addAll(row.with());
    background(
        () -> {
          List<String> texts = new ArrayList<>();
          try {
            for (Path f : files) {
              texts.add(Files.readString(f, StandardCharsets.UTF_8));
            }
          } catch (IOException | UncheckedIOException e) {
            showStatusLater("Cannot open " + row.fileName() + ": " + e.getMessage());
            return;
          }
          String text = RuleFolderHunt.bundle(texts);
          Platform.runLater(
              () ->
                  addTab(
                      row.fileName() + " + " + RunWords.count(row.with().size(), "file"),
                      null,
                      text,
                      text,
                      null));
        });
  }

  /**
   * Saves a tab: to its file, or (untitled, or {@code as}) to a file the user names. Completes with
   * true once the file is written, false when the user cancelled or the write failed (the text
   * stays in the tab).
   */
  CompletableFuture<Boolean> save(RuleTab t, boolean as) {
    if (t == null) {
      return CompletableFuture.completedFuture(false);
    }
    Path target = t.path();
    if (as || target == null) {
      Path dir = t.path() != null ? t.path().getParent() : folder(settings.lastRuleFolder);
      String name =
          t.path() != null || Dropped.isRule(Path.of(t.name())) ? t.name() : t.name() + ".yml";
      target = dialogs.saveRule(getScene().getWindow(), dir, name);
      if (target == null) {
        return CompletableFuture.completedFuture(false);
      }
    }
    Path file = target.toAbsolutePath().normalize();
    String text = t.editor().text();
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    background(
        () -> {
          try {
            AtomicFiles.write(file, text);
            autosave.delete(t.autosaveId());
            Platform.runLater(
                () -> {
                  autosaved.remove(t.autosaveId());
                  t.savedAs(file, text);
                  if (t == selected()) {
                    model.setRuleText(t.editor().text(), t.name());
                  }
                  noteRecent(file);
                  statusBar.setText("Saved " + file);
                  done.complete(true);
                });
          } catch (IOException e) {
            Platform.runLater(
                () -> {
                  statusBar.setText(
                      "Cannot save "
                          + file
                          + ": "
                          + e.getMessage()
                          + " — your text is still in the editor");
                  done.complete(false);
                });
          }
        });
    return done;
  }

  /** What the user answered to "save the changes?". */
  enum Unsaved {
    SAVE,
    DONT_SAVE,
    CANCEL
  }

  static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
  static final ButtonType DONT_SAVE = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);

  /** Asks whether to save a tab's changes: Save (the default), Don't Save, Cancel. */
  private Unsaved askUnsaved(RuleTab t) {
    tabs.getSelectionModel().select(t);
    Alert a =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "Your changes are lost if you don't save them.",
            SAVE,
            DONT_SAVE,
            ButtonType.CANCEL);
    a.setTitle("Unsaved changes");
    a.setHeaderText("Save the changes to " + t.name() + "?");
    a.getDialogPane().setId("unsavedPrompt");
    ((Button) a.getDialogPane().lookupButton(SAVE)).setDefaultButton(true);
    ((Button) a.getDialogPane().lookupButton(DONT_SAVE)).setDefaultButton(false);
    a.getDialogPane().lookupButton(SAVE).setId("saveChanges");
    a.getDialogPane().lookupButton(DONT_SAVE).setId("dontSave");
    a.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelClose");
    a.initOwner(getScene().getWindow());
    Optional<ButtonType> r = a.showAndWait();
    if (r.isEmpty() || r.get() == ButtonType.CANCEL) {
      return Unsaved.CANCEL;
    }
    return r.get() == SAVE ? Unsaved.SAVE : Unsaved.DONT_SAVE;
  }

  /** Closes a tab, asking first when it has unsaved changes. */
  void closeTab(RuleTab t) {
    if (t == null) {
      return;
    }
    if (!t.isModified()) {
      remove(t);
      return;
    }
    switch (askUnsaved(t)) {
      case SAVE -> save(t, false).thenAccept(ok -> closeIf(ok, t));
      case DONT_SAVE -> remove(t);
      case CANCEL -> {}
    }
  }

  private void closeIf(boolean ok, RuleTab t) {
    if (ok) {
      remove(t);
    }
  }

  private void remove(RuleTab t) {
    tabs.getTabs().remove(t);
    dropAutosave(t);
    if (tabs.getTabs().isEmpty()) {
      addTab("Untitled-" + (untitled + 1), null, "", "", null);
    }
  }

  /**
   * The window is asked to close: each tab with unsaved changes is asked about in turn; Cancel
   * keeps the window open. Then the settings are written and the window closes.
   */
  void closeRequested(WindowEvent e) {
    e.consume();
    closeAll(new ArrayList<>(ruleTabs()), () -> getScene().getWindow().hide());
  }

  private void closeAll(List<RuleTab> left, Runnable then) {
    while (!left.isEmpty() && !left.get(0).isModified()) {
      left.remove(0);
    }
    if (left.isEmpty()) {
      saveSettingsNow();
      then.run();
      return;
    }
    RuleTab t = left.remove(0);
    switch (askUnsaved(t)) {
      case SAVE ->
          save(t, false)
              .thenAccept(
                  ok -> {
                    if (ok) {
                      closeAll(left, then);
                    }
                  });
      case DONT_SAVE -> {
        dropAutosave(t);
        closeAll(left, then);
      }
      case CANCEL -> {}
    }
  }

  // ---- Autosave -------------------------------------------------------------------------------

  /** Copies a tab's unsaved text to the autosave folder (or removes its copy once it is saved). */
  private void autosave(RuleTab t) {
    if (!tabs.getTabs().contains(t)) {
      return;
    }
    if (!t.isModified()) {
      dropAutosave(t);
      return;
    }
    Autosave.Entry entry =
        new Autosave.Entry(
            t.autosaveId(),
            t.path() == null ? null : t.path().toString(),
            t.name(),
            t.editor().text());
    autosaved.add(t.autosaveId());
    background(
        () -> {
          try {
            autosave.write(entry);
          } catch (IOException ex) {
            showStatusLater("Cannot autosave " + entry.title() + ": " + ex.getMessage());
          }
        });
  }

  private void dropAutosave(RuleTab t) {
    if (autosaved.remove(t.autosaveId())) {
      String id = t.autosaveId();
      background(
          () -> {
            try {
              autosave.delete(id);
            } catch (IOException ex) {
              showStatusLater("Cannot remove the autosaved copy: " + ex.getMessage());
            }
          });
    }
  }

  /** Autosaves every tab now instead of after the pause. */
  void autosaveNow() {
    ruleTabs().forEach(this::autosave);
  }

  /** The autosave folder. */
  Autosave autosaveStore() {
    return autosave;
  }

  /** A copy left by an earlier session and the text of its file now ("" when untitled). */
  private record Left(Autosave.Entry entry, String saved) {}

  /**
   * Looks (off the FX thread) for unsaved work left by an earlier session, which crashed or was
   * killed, and offers it back: Restore opens each copy in a tab, Discard deletes them.
   */
  void offerRestore() {
    Set<String> open = new HashSet<>();
    ruleTabs().forEach(t -> open.add(t.autosaveId()));
    background(
        () -> {
          List<Left> left = new ArrayList<>();
          for (Autosave.Entry e : autosave.list()) {
            if (open.contains(e.id())) {
              continue;
            }
            String saved = "";
            try {
              if (e.path() != null && Files.isRegularFile(Path.of(e.path()))) {
                saved = Files.readString(Path.of(e.path()), StandardCharsets.UTF_8);
              }
            } catch (IOException | RuntimeException ex) {
              saved = "";
            }
            left.add(new Left(e, saved));
          }
          if (!left.isEmpty()) {
            Platform.runLater(() -> askRestore(left));
          }
        });
  }

  static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.YES);
  static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

  private void askRestore(List<Left> left) {
    Alert a =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            String.join("\n", left.stream().map(l -> "• " + l.entry().title()).toList()),
            RESTORE,
            DISCARD);
    a.setTitle("Unsaved work");
    a.setHeaderText(
        "The last session ended with unsaved changes in "
            + RunWords.count(left.size(), "rule")
            + ". Restore them?");
    a.getDialogPane().setId("restorePrompt");
    a.getDialogPane().lookupButton(RESTORE).setId("restoreAutosave");
    a.getDialogPane().lookupButton(DISCARD).setId("discardAutosave");
    ((Button) a.getDialogPane().lookupButton(RESTORE)).setDefaultButton(true);
    if (getScene() != null) {
      a.initOwner(getScene().getWindow());
    }
    a.setOnHidden(
        e -> {
          if (a.getResult() == RESTORE) {
            restore(left);
          } else {
            List<String> ids = left.stream().map(l -> l.entry().id()).toList();
            background(
                () -> {
                  for (String id : ids) {
                    try {
                      autosave.delete(id);
                    } catch (IOException ex) {
                      showStatusLater("Cannot remove the autosaved copy: " + ex.getMessage());
                    }
                  }
                });
          }
        });
    a.show();
  }

  private void restore(List<Left> left) {
    for (Left l : left) {
      Autosave.Entry e = l.entry();
      Path path = e.path() == null ? null : Path.of(e.path());
      RuleTab open = path == null ? null : tabOf(path);
      RuleTab t;
      if (open != null && !open.isModified()) {
        t = open;
        t.editor().setText(e.text(), t.name(), l.saved());
        tabs.getSelectionModel().select(t);
        background(
            () -> {
              try {
                autosave.delete(e.id());
              } catch (IOException ex) {
                showStatusLater("Cannot remove the autosaved copy: " + ex.getMessage());
              }
            });
      } else {
        t = addTab(e.title(), path, e.text(), l.saved(), e.id());
        autosaved.add(e.id());
      }
      activate(t);
    }
    statusBar.setText("Restored " + RunWords.count(left.size(), "rule") + " with unsaved changes");
  }

  // ---- Recent rules and settings --------------------------------------------------------------

  private void noteRecent(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    settings.recentRules = Settings.withRecent(settings.recentRules, abs.toString());
    if (abs.getParent() != null) {
      settings.lastRuleFolder = abs.getParent().toString();
    }
    fillRecentMenu();
    saveSettingsLater();
  }

  /** Takes files that are no longer there out of Open Recent, saying so in the notice bar. */
  void pruneRecent() {
    List<String> missing =
        settings.recentRules.stream().filter(f -> !Files.isRegularFile(Path.of(f))).toList();
    if (!missing.isEmpty()) {
      forgetRecent(missing);
    }
  }

  private void forgetRecent(List<String> missing) {
    settings.recentRules = new ArrayList<>(settings.recentRules);
    settings.recentRules.removeAll(missing);
    model.showNotice(
        "Removed from Open Recent, no longer there: "
            + String.join(", ", missing.stream().map(f -> Path.of(f).getFileName() + "").toList()));
    fillRecentMenu();
    saveSettingsLater();
  }

  private void fillRecentMenu() {
    recentMenu.getItems().clear();
    int i = 0;
    for (String f : settings.recentRules) {
      Path p = Path.of(f);
      MenuItem m = new MenuItem(p.getFileName() + "  —  " + p.getParent());
      m.setMnemonicParsing(false);
      m.setId("recentRule-" + i++);
      m.setOnAction(
          e -> {
            if (Files.isRegularFile(p)) {
              openRule(p);
            } else {
              forgetRecent(List.of(f));
            }
          });
      recentMenu.getItems().add(m);
    }
    if (recentMenu.getItems().isEmpty()) {
      MenuItem none = new MenuItem("No recent rules");
      none.setDisable(true);
      recentMenu.getItems().add(none);
    }
  }

  /** Recent rule files, most recent first. */
  List<String> recentRules() {
    return List.copyOf(settings.recentRules);
  }

  Menu recentMenu() {
    return recentMenu;
  }

  /**
   * Dark theme on or off, remembered in the settings ({@code darkTheme}); the theme itself is
   * applied by whoever listens.
   */
  public BooleanProperty darkThemeProperty() {
    return darkTheme;
  }

  /** The settings as they are now (a copy): window, dividers, target, files, folders, tabs. */
  Settings currentSettings() {
    Settings s = new Settings();
    s.windowX = settings.windowX;
    s.windowY = settings.windowY;
    s.windowWidth = settings.windowWidth;
    s.windowHeight = settings.windowHeight;
    Window w = getScene() == null ? null : getScene().getWindow();
    if (w instanceof Stage stage && w.isShowing()) {
      s.maximized = stage.isMaximized();
      if (!stage.isMaximized() && !stage.isIconified()) {
        s.windowX = stage.getX();
        s.windowY = stage.getY();
        s.windowWidth = stage.getWidth();
        s.windowHeight = stage.getHeight();
      }
    }
    s.mainDivider = mainSplit.getDividerPositions()[0];
    s.rightDivider = rightSplit.getDividerPositions()[0];
    s.target = model.targetProperty().get() == null ? null : model.targetProperty().get().name();
    s.recentRules = new ArrayList<>(settings.recentRules);
    s.lastRuleFolder = settings.lastRuleFolder;
    s.lastLogFolder = settings.lastLogFolder;
    s.darkTheme = darkTheme.get();
    s.regressionFolder = settings.regressionFolder;
    s.copyWorkspace(settings);
    RuleTab sel = selected();
    for (RuleTab t : ruleTabs()) {
      if (t.path() != null) {
        if (t == sel) {
          s.selectedTab = s.openTabs.size();
        }
        s.openTabs.add(t.path().toString());
      }
    }
    return s;
  }

  private void saveSettingsLater() {
    Settings s = currentSettings();
    background(() -> writeSettings(s, this::showStatusLater));
  }

  /** Writes the settings now (at exit). */
  void saveSettingsNow() {
    writeSettings(currentSettings(), statusBar::setText);
  }

  private void writeSettings(Settings s, Consumer<String> problem) {
    try {
      settingsStore.save(s);
    } catch (IOException e) {
      problem.accept("Cannot save the settings to " + settingsStore.file() + ": " + e.getMessage());
    }
  }

  // ---- Drag and drop --------------------------------------------------------------------------

  /**
   * Files dragged over {@code target} mark it; dropped .yml and .yaml files open as rules in tabs,
   * other files go to the test pane as logs.
   */
  private void dropTarget(Node target, boolean rulesArea) {
    target.addEventFilter(
        DragEvent.DRAG_OVER,
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            target.pseudoClassStateChanged(DROP_TARGET, true);
            if (rulesArea) {
              e.consume();
            }
          }
        });
    target.addEventHandler(
        DragEvent.DRAG_EXITED, e -> target.pseudoClassStateChanged(DROP_TARGET, false));
    target.addEventFilter(
        DragEvent.DRAG_DROPPED,
        e -> {
          target.pseudoClassStateChanged(DROP_TARGET, false);
          if (!e.getDragboard().hasFiles()) {
            return;
          }
          List<Path> paths = e.getDragboard().getFiles().stream().map(File::toPath).toList();
          Dropped d = Dropped.split(paths);
          if (rulesArea || !d.rules().isEmpty()) {
            dropFiles(paths);
            e.setDropCompleted(true);
            e.consume();
          }
          // Only logs on the test pane: its own handler loads them.
        });
  }

  /** Opens dropped files: rules in tabs, the rest as logs. */
  void dropFiles(List<Path> paths) {
    Dropped d = Dropped.split(paths);
    d.rules().forEach(this::openRule);
    if (!d.logs().isEmpty()) {
      openLogs(d.logs());
    }
  }

  // ---- Hunt over a rule folder ---------------------------------------------------------------

  private HuntPane huntPane() {
    return new HuntPane(
        huntThreads,
        Platform::runLater,
        this::huntInputs,
        () -> model.placeholdersProperty().get(),
        this::openHuntRow,
        this::hideHunt);
  }

  /** The logs loaded now, as a run reads them (kept events, or the file again). */
  private List<LogInput> huntInputs() {
    return model.logs().stream()
        .map(
            l ->
                l.cached() == null
                    ? LogInput.file(l.path(), l.options())
                    : LogInput.events(l.path(), l.options(), l.cached()))
        .toList();
  }

  private void chooseRuleFolder() {
    Path dir = dialogs.openRuleFolder(getScene().getWindow(), folder(settings.lastRuleFolder));
    if (dir != null) {
      settings.lastRuleFolder = dir.toAbsolutePath().normalize().toString();
      saveSettingsLater();
      huntFolder(dir);
    }
  }

  /**
   * Shows the hunt view and runs every rule of {@code dir} over the loaded logs; while logs are
   * being read, once they are.
   */
  void huntFolder(Path dir) {
    if (!huntShown()) {
      leftArea.setCenter(null);
      huntSplit.getItems().setAll(tabs, huntPane);
      leftArea.setCenter(huntSplit);
    }
    if (!model.runningProperty().get()) {
      huntPane.start(dir);
      return;
    }
    // Logs are being read: the hunt starts once they are (the newest folder asked for).
    boolean waiting = huntWhenRead != null;
    huntWhenRead = dir;
    if (!waiting) {
      ChangeListener<Boolean> once =
          new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean a, Boolean b) {
              if (!b) {
                model.runningProperty().removeListener(this);
                Path next = huntWhenRead;
                huntWhenRead = null;
                huntPane.start(next);
              }
            }
          };
      model.runningProperty().addListener(once);
    }
  }

  private boolean huntShown() {
    return leftArea.getCenter() == huntSplit;
  }

  private void hideHunt() {
    leftArea.setCenter(null);
    huntSplit.getItems().clear();
    leftArea.setCenter(tabs);
  }

  HuntPane hunt() {
    return huntPane;
  }

  // ---- Other actions --------------------------------------------------------------------------

  private void showStatusLater(String text) {
    Platform.runLater(() -> statusBar.setText(text));
  }

  /** Shows a line in the status bar. */
  void showStatus(String text) {
    statusBar.setText(text);
  }

  private void exportRule() {
    if (editor() == null) {
      return;
    }
    ExportDialog d =
        new ExportDialog(
            editor().area().getText(),
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
              background(
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

  // ---- Run on workspace ------------------------------------------------------------------------

  private MenuItem runOnWorkspaceItem() {
    preview.setOnRunOnWorkspace(this::runOnWorkspace);
    MenuItem run =
        item(
            "Run on _Workspace…",
            "runOnWorkspaceMenu",
            shiftShortcut(KeyCode.R),
            this::runOnWorkspace);
    run.disableProperty().bind(preview.runOnWorkspaceButton().disableProperty());
    return run;
  }

  /**
   * Asks where to run the rule's query (the connection the settings remember filled in), then runs
   * it; its rows join the test pane.
   */
  private void runOnWorkspace() {
    String why = model.whyNoWorkspaceQuery();
    if (why != null) {
      model.showNotice(why);
      return;
    }
    WorkspaceDialog d =
        new WorkspaceDialog(WorkspaceSource.connection(settings), model.targetProperty().get());
    d.initOwner(getScene().getWindow());
    d.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
    if (getScene().getRoot().getStyleClass().contains("dark")) {
      d.getDialogPane().getStyleClass().add("dark");
    }
    d.setOnHidden(
        e -> {
          org.sigmaworkbench.workspace.WorkspaceConnection c = d.getResult();
          if (c != null) {
            WorkspaceSource.remember(settings, c);
            saveSettingsLater();
            model.runOnWorkspace(c);
          }
        });
    d.show();
  }

  private void chooseLogs() {
    List<Path> chosen = dialogs.openLogs(getScene().getWindow(), folder(settings.lastLogFolder));
    if (!chosen.isEmpty()) {
      Path parent = chosen.get(0).toAbsolutePath().getParent();
      if (parent != null) {
        settings.lastLogFolder = parent.toString();
        saveSettingsLater();
      }
      openLogs(chosen);
    }
  }

  /** Loads logs into the test pane (what a drop does); a log loaded already is not read again. */
  public void openLogs(List<Path> files) {
    model.openLogs(files);
  }

  public WorkbenchModel model() {
    return model;
  }

  /** The selected tab's editor ({@code null} before the first tab opens). */
  RuleEditorPane editor() {
    RuleTab t = selected();
    return t == null ? null : t.editor();
  }

  KqlPreviewPane preview() {
    return preview;
  }

  TestPane testPane() {
    return testPane;
  }

  void shutdown() {
    model.shutdown();
    authoring.shutdown();
    files.shutdown();
    try {
      // Let the last writes (settings, removing autosaved copies) finish before the JVM exits.
      files.awaitTermination(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    analysisThread.shutdownNow();
    runThread.shutdownNow();
    huntThreads.shutdownNow();
  }
}
