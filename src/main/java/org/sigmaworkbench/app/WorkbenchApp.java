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

  /** Starts the desktop app (called by the launcher). */
  public static void launchApp(String[] args) {
    Application.launch(WorkbenchApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    StartupOptions options;
    try {
      options = StartupOptions.parse(getParameters().getRaw());
    } catch (java.io.IOException | RuntimeException e) {
      Alert a = new Alert(Alert.AlertType.ERROR, "Cannot start: " + e.getMessage());
      a.showAndWait();
      Platform.exit();
      return;
    }
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
    window.start(options);
  }

  /** The scene with the workbench stylesheet, also used by UI tests. */
  static Scene createScene(MainWindow window) {
    Scene scene = new Scene(window, 1440, 900);
    scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
    return scene;
  }

  @Override
  public void stop() {
    if (window != null) {
      window.shutdown();
    }
  }
}
