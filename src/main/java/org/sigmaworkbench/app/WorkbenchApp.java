package org.sigmaworkbench.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: one window on the rule and logs named by the start options. */
public final class WorkbenchApp extends Application {

  private MainWindow window;
  private StartupOptions options;
  private String startupError;
  private UserSettings.LoadedPlaceholders placeholders;
  private SettingsStore.Loaded settings;
  private List<Path> session = List.of();

  /**
   * Reads what the window opens on, on the launcher thread (never the FX thread); the launcher has
   * checked the arguments already ({@code SigmaCli.checkWindowArguments}), so a message here is
   * about a file that cannot be read.
   */
  @Override
  public void init() {
    try {
      options = StartupOptions.parse(getParameters().getRaw());
    } catch (IOException | RuntimeException e) {
      startupError = e.getMessage();
    }
    placeholders = UserSettings.loadPlaceholders();
    settings = new SettingsStore(UserSettings.dir()).load();
    List<String> raw = getParameters().getRaw();
    if (options != null) {
      if (raw.stream().noneMatch(a -> a.equals("--target") || a.startsWith("--target="))
          && settings.settings().target != null) {
        options =
            new StartupOptions(
                options.ruleText(),
                options.ruleSource(),
                options.rulePath(),
                options.logs(),
                settings.settings().target,
                options.rulesFolder());
      }
      if (raw.stream().noneMatch(a -> a.equals("--rule") || a.startsWith("--rule="))) {
        // The tabs of the last session whose files are still there.
        session =
            settings.settings().openTabs.stream()
                .map(Path::of)
                .filter(Files::isRegularFile)
                .toList();
      }
    }
  }

  /** Starts the desktop app (called by the launcher). */
  public static void launchApp(String[] args) {
    Application.launch(WorkbenchApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    if (options == null) {
      Alert a = new Alert(Alert.AlertType.ERROR, "Cannot start: " + startupError);
      a.showAndWait();
      Platform.exit();
      return;
    }
    // The theme: -Dsigmawb.theme when given, else the one remembered (MainWindow applies it), else
    // the system's as far as it can be told.
    String theme = System.getProperty(Themes.PROPERTY);
    Themes.darkProperty().set(Themes.startsDark(theme, System.getenv()));
    window = new MainWindow(settings, UserSettings.dir(), FileDialogs.standard());
    if (theme != null && !theme.isBlank()) {
      Themes.darkProperty().set(Themes.startsDark(theme, System.getenv()));
    }
    Scene scene = createScene(window);
    stage.setTitle("Sigma Workbench");
    stage.setScene(scene);
    window.applyWindowSettings(stage);
    stage.setOnCloseRequest(window::closeRequested);
    stage.show();
    if (Boolean.getBoolean("sigmawb.timing") || System.getenv("SIGMAWB_TIMING") != null) {
      long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      System.err.println("sigma-workbench: first window shown " + ms + " ms after JVM start");
    }
    window.model().placeholdersProperty().set(placeholders.table());
    window.start(options, session);
    window.offerRestore();
    if (!placeholders.messages().isEmpty()) {
      window.showStatus(String.join("; ", placeholders.messages()));
    }
  }

  /** The scene with the workbench stylesheet, also used by UI tests. */
  static Scene createScene(MainWindow window) {
    // 1440 x 900, or 90% of a larger screen (a 1920 x 1080 screen is used, not left empty), or the
    // screen's usable area where it is smaller, so that no edge is off screen.
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    Scene scene =
        new Scene(
            window,
            Math.min(screen.getWidth(), Math.max(1440, Math.floor(screen.getWidth() * 0.9))),
            Math.min(screen.getHeight(), Math.max(900, Math.floor(screen.getHeight() * 0.9))));
    scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
    Themes.install();
    Themes.style(scene);
    return scene;
  }

  @Override
  public void stop() {
    if (window != null) {
      window.shutdown();
    }
  }
}
