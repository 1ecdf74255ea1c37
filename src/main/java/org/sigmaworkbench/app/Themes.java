package org.sigmaworkbench.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The light and the dark theme. The controls are styled by AtlantaFX (Primer Light, Primer Dark) as
 * the user-agent stylesheet; the workbench's own colours (highlighting, hit rows, selection,
 * notices) are looked-up colours in workbench.css with a dark variant under the style class {@code
 * dark}, which this class puts on the root of every window's scene while the dark theme is on.
 *
 * <p>{@link #darkProperty()} is the state to bind a menu item to, or to save and restore.
 */
public final class Themes {
  /** Style class on each scene root while the dark theme is on. */
  public static final String DARK = "dark";

  /** The system property that chooses the starting theme: {@code light} or {@code dark}. */
  public static final String PROPERTY = "sigmawb.theme";

  private static final BooleanProperty dark = new SimpleBooleanProperty(Themes.class, "dark");
  private static boolean installed;

  private Themes() {}

  /** Whether the dark theme is on; setting it restyles every open window at once. */
  public static BooleanProperty darkProperty() {
    return dark;
  }

  /**
   * The theme to start with: the system property {@code sigmawb.theme} ({@code light} or {@code
   * dark}) when set, else dark when the GTK theme named by {@code GTK_THEME} is a dark variant
   * ({@code Adwaita:dark}) or a theme named dark ({@code Yaru-dark}), else light.
   */
  static boolean startsDark(String property, Map<String, String> env) {
    if (property != null && !property.isBlank()) {
      return property.strip().equalsIgnoreCase("dark");
    }
    String gtk = env.get("GTK_THEME");
    return gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark");
  }

  /** The AtlantaFX stylesheet of a theme. */
  static String userAgentStylesheet(boolean dark) {
    return dark
        ? new PrimerDark().getUserAgentStylesheet()
        : new PrimerLight().getUserAgentStylesheet();
  }

  /**
   * Applies the theme now and whenever it changes, to the application and to every window (the ones
   * open and the ones opened later: dialogs, menus). Call on the FX thread; calling again does
   * nothing more.
   */
  static void install() {
    if (installed) {
      apply();
      return;
    }
    installed = true;
    dark.addListener((o, a, b) -> apply());
    Window.getWindows()
        .addListener(
            (ListChangeListener<Window>)
                c -> {
                  while (c.next()) {
                    for (Window w : c.getAddedSubList()) {
                      style(w.getScene());
                      w.sceneProperty().addListener((ob, x, s) -> style(s));
                    }
                  }
                });
    apply();
  }

  private static void apply() {
    Application.setUserAgentStylesheet(userAgentStylesheet(dark.get()));
    for (Window w : Window.getWindows()) {
      style(w.getScene());
    }
  }

  /** Puts the theme's style class on a scene's root (also for a scene not yet in a window). */
  static void style(Scene scene) {
    if (scene == null || scene.getRoot() == null) {
      return;
    }
    var classes = scene.getRoot().getStyleClass();
    if (dark.get() && !classes.contains(DARK)) {
      classes.add(DARK);
    } else if (!dark.get()) {
      classes.remove(DARK);
    }
  }
}
