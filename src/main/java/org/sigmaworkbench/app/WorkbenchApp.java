package org.sigmaworkbench.app;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** The JavaFX application: one window on the rule and logs named by the start options. */
public final class WorkbenchApp extends Application {

  private MainWindow window;
  private StartupOptions options;
  private String startupError;
  private UserSettings.LoadedPlaceholders placeholders;

  /** Reads what the window opens on, on the launcher thread (never the FX thread). */
  @Override
  public void init() {
    try {
      options = StartupOptions.parse(getParameters().getRaw());
    } catch (java.io.IOException | RuntimeException e) {
      startupError = e.getMessage();
    }
    placeholders = UserSettings.loadPlaceholders();
  }

  /**
   * What is wrong with the window's arguments ({@code --rule}, {@code --logs}, {@code --target},
   * {@code --empty}), or {@code null}; checked before any window is opened.
   */
  public static String misunderstood(String[] args) {
    return StartupOptions.misunderstood(java.util.List.of(args));
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
    Themes.darkProperty()
        .set(Themes.startsDark(System.getProperty(Themes.PROPERTY), System.getenv()));
    window = new MainWindow();
    Scene scene = createScene(window);
    stage.setTitle("Sigma Workbench");
    stage.setScene(scene);
    stage.setOnCloseRequest(
        e -> {
          if (!window.confirmDiscard()) {
            e.consume();
          }
        });
    stage.show();
    if (Boolean.getBoolean("sigmawb.timing") || System.getenv("SIGMAWB_TIMING") != null) {
      long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      System.err.println("sigma-workbench: first window shown " + ms + " ms after JVM start");
    }
    window.model().placeholdersProperty().set(placeholders.table());
    window.start(options);
    if (!placeholders.messages().isEmpty()) {
      window.showStatus(String.join("; ", placeholders.messages()));
    }
  }

  /** The scene with the workbench stylesheet, also used by UI tests. */
  static Scene createScene(MainWindow window) {
    // 1440 x 900, or 90% of a larger screen (a 1920 x 1080 screen is used, not left empty), or the
    // screen's usable area where it is smaller, so that no edge is off screen.
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
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
