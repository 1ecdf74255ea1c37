package org.sigmaworkbench.app;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: one window on the rule and logs named by the start options.
 *
 * <p>The start shows the window first and fills it right after: the settings are read on a thread
 * of their own while JavaFX starts ({@link StartupLoad}), the window maps with its size, place,
 * title and theme's background as soon as the toolkit is up, and the workbench (menus, panes,
 * stylesheets) is built on the FX thread once that first frame is drawn; the rule, its KQL and the
 * logs follow as soon as they are read.
 */
public final class WorkbenchApp extends Application {

  /** The files read for the start, begun by {@link #launchApp} before JavaFX starts. */
  private static volatile StartupLoad preloaded;

  private MainWindow window;
  private StartupLoad load;
  private SettingsStore.Loaded settings;
  private StartupTrace.ExitAfter exitAfter = StartupTrace.ExitAfter.NEVER;

  /**
   * Takes the start's files being read (or starts reading them); the launcher has checked the
   * arguments already ({@code SigmaCli.checkWindowArguments}), so a message later is about a file
   * that cannot be read.
   */
  @Override
  public void init() {
    StartupTrace.step("init");
    load = preloaded;
    preloaded = null;
    if (load == null) {
      load = StartupLoad.start(getParameters().getRaw());
    }
    try {
      exitAfter = StartupTrace.exitAfter();
    } catch (IllegalArgumentException e) {
      // Said by the opening, as any other start error.
    }
  }

  /** Starts the desktop app (called by the launcher). */
  public static void launchApp(String[] args) {
    StartupTrace.step("launch");
    preloaded = StartupLoad.start(List.of(args));
    Application.launch(WorkbenchApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    StartupTrace.step("toolkit up");
    settings = load.settings();
    // The theme: -Dsigmawb.theme when given, else the one remembered, else the system's as far as
    // it can be told (MainWindow applies the remembered one; a given one wins over it).
    String theme = System.getProperty(Themes.PROPERTY);
    boolean given = theme != null && !theme.isBlank();
    boolean dark =
        !given && settings.settings().darkTheme != null
            ? settings.settings().darkTheme
            : Themes.startsDark(theme, System.getenv());
    Themes.darkProperty().set(dark);
    // The first frame: no control yet (no stylesheet to parse), only the theme's background.
    StackPane first = new StackPane();
    first.setBackground(
        new Background(new BackgroundFill(dark ? DARK_BACKGROUND : LIGHT_BACKGROUND, null, null)));
    Scene scene = new Scene(first, defaultWidth(), defaultHeight());
    stage.setTitle("Sigma Workbench");
    stage.setScene(scene);
    MainWindow.applyWindowSettings(stage, settings.settings());
    stage.show();
    StartupTrace.step("shown");
    afterFirstFrame(scene, () -> Platform.runLater(() -> fill(stage, scene)));
  }

  /** The background of the first frame: AtlantaFX Primer's, light and dark. */
  private static final Color LIGHT_BACKGROUND = Color.web("#ffffff");

  private static final Color DARK_BACKGROUND = Color.web("#0d1117");

  /** The workbench in the shown window, then what it opens on once that is read. */
  private void fill(Stage stage, Scene scene) {
    window = new MainWindow(settings, UserSettings.dir(), FileDialogs.standard());
    String theme = System.getProperty(Themes.PROPERTY);
    if (theme != null && !theme.isBlank()) {
      Themes.darkProperty().set(Themes.startsDark(theme, System.getenv()));
    }
    StartupTrace.step("window built");
    scene.setRoot(window);
    style(scene);
    stage.setOnCloseRequest(window::closeRequested);
    StartupTrace.step("workbench in the window");
    if (StartupTrace.on() || exitAfter == StartupTrace.ExitAfter.FILLED) {
      whenFilled(window.model());
    }
    load.opening()
        .whenComplete(
            (opening, e) ->
                Platform.runLater(
                    () -> {
                      if (opening == null || opening.options() == null) {
                        String why =
                            opening != null
                                ? opening.error()
                                : e.getCause() == null ? e.toString() : e.getCause().toString();
                        Alert a = new Alert(Alert.AlertType.ERROR, "Cannot start: " + why);
                        a.initOwner(stage);
                        a.showAndWait();
                        Platform.exit();
                        return;
                      }
                      open(opening);
                    }));
  }

  /** Opens the rule (or the last session's tabs) and the logs in the built window. */
  private void open(StartupLoad.Opening opening) {
    StartupTrace.step("opening read");
    window.model().placeholdersProperty().set(opening.placeholders().table());
    window.start(opening.options(), opening.session());
    // The scene's first focus went to the first frame's empty root: the keyboard starts in the
    // rule.
    if (window.getScene() != null && window.getScene().getFocusOwner() == null) {
      window.focusCycle().get(0).requestFocus();
    }
    window.offerRestore();
    if (!opening.placeholders().messages().isEmpty()) {
      window.showStatus(String.join("; ", opening.placeholders().messages()));
    }
    StartupTrace.step("opened");
  }

  /** The scene with the workbench stylesheet, also used by UI tests. */
  static Scene createScene(MainWindow window) {
    Scene scene = new Scene(window, defaultWidth(), defaultHeight());
    style(scene);
    return scene;
  }

  // 1440 x 900, or 90% of a larger screen (a 1920 x 1080 screen is used, not left empty), or the
  // screen's usable area where it is smaller, so that no edge is off screen.
  private static double defaultWidth() {
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    return Math.min(screen.getWidth(), Math.max(1440, Math.floor(screen.getWidth() * 0.9)));
  }

  private static double defaultHeight() {
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    return Math.min(screen.getHeight(), Math.max(900, Math.floor(screen.getHeight() * 0.9)));
  }

  private static void style(Scene scene) {
    scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
    Themes.install();
    Themes.style(scene);
  }

  @Override
  public void stop() {
    if (window != null) {
      window.shutdown();
    }
  }

  /** Traces the first frame drawn, and exits then when asked to. */
  private void afterFirstFrame(Scene scene, Runnable then) {
    Runnable[] once = new Runnable[1];
    once[0] =
        () -> {
          scene.removePostLayoutPulseListener(once[0]);
          StartupTrace.step("first frame");
          if (exitAfter == StartupTrace.ExitAfter.FIRST_FRAME) {
            Platform.runLater(Platform::exit);
          } else {
            then.run();
          }
        };
    scene.addPostLayoutPulseListener(once[0]);
  }

  /**
   * Traces the window filled: the rule's KQL shown and, when logs are open, the first run's rows in
   * the table; exits then when asked to.
   */
  private void whenFilled(WorkbenchModel model) {
    boolean[] done = new boolean[1];
    InvalidationListener check =
        o -> {
          if (done[0]
              || model.kqlTextProperty().get().isEmpty()
              || model.runningProperty().get()
              || (!model.logs().isEmpty() && model.rows().isEmpty())) {
            return;
          }
          done[0] = true;
          StartupTrace.step("filled (KQL and " + model.rows().size() + " rows)");
          if (exitAfter == StartupTrace.ExitAfter.FILLED) {
            Platform.runLater(Platform::exit);
          }
        };
    model.kqlTextProperty().addListener(check);
    model.runningProperty().addListener(check);
    model.rows().addListener(check);
  }
}
