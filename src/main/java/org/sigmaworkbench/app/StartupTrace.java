package org.sigmaworkbench.app;

import java.util.Locale;

/**
 * The window's start, step by step, for measuring it and for training the class data archive.
 *
 * <p>{@code -Dsigmawb.startupTrace=true} (or the environment variable {@code
 * SIGMAWB_STARTUP_TRACE}) prints one line per step to stderr: {@code sigma-workbench: start: STEP
 * at EPOCH_MS ms}, the wall clock in milliseconds, which a script that started the launcher
 * subtracts its own clock from ({@code .ci/bench-window}).
 *
 * <p>{@code -Dsigmawb.exitAfterStart=first-frame} (or {@code SIGMAWB_EXIT_AFTER_START}) closes the
 * window and exits with status 0 once its first frame is drawn; {@code filled} once the rule's KQL
 * is shown and the first run over the logs has put its rows in the table. The build's training run
 * uses it, so that the class data archive holds the window's classes.
 */
final class StartupTrace {
  private StartupTrace() {}

  /** When the window closes itself, if it does. */
  enum ExitAfter {
    NEVER,
    FIRST_FRAME,
    FILLED
  }

  private static final boolean ON =
      Boolean.getBoolean("sigmawb.startupTrace") || System.getenv("SIGMAWB_STARTUP_TRACE") != null;

  /** Whether the steps are printed. */
  static boolean on() {
    return ON;
  }

  /** Prints one step, when tracing. */
  static void step(String what) {
    if (ON) {
      System.err.println(
          "sigma-workbench: start: " + what + " at " + System.currentTimeMillis() + " ms");
    }
  }

  /** When the window closes itself: the property, else the environment variable, else never. */
  static ExitAfter exitAfter() {
    String v = System.getProperty("sigmawb.exitAfterStart");
    if (v == null || v.isBlank()) {
      v = System.getenv("SIGMAWB_EXIT_AFTER_START");
    }
    return exitAfter(v);
  }

  /**
   * The value's meaning: {@code first-frame} or {@code filled}; nothing (or blank) is never.
   *
   * @throws IllegalArgumentException for any other value, naming the two
   */
  static ExitAfter exitAfter(String value) {
    if (value == null || value.isBlank()) {
      return ExitAfter.NEVER;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "first-frame":
        return ExitAfter.FIRST_FRAME;
      case "filled":
        return ExitAfter.FILLED;
      default:
        throw new IllegalArgumentException(
            "sigmawb.exitAfterStart is '" + value + "'; it takes first-frame or filled");
    }
  }
}
