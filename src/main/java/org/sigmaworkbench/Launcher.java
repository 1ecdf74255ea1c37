package org.sigmaworkbench;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.sigmaworkbench.cli.SigmaCli;

/**
 * Entry point of the jar: a command ({@code convert}, {@code test}, {@code check}, {@code events})
 * runs headless on the command line; anything else opens the desktop workbench. This class does not
 * extend {@code Application}, so the jar also starts with JavaFX on the class path.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    if (args.length > 0 && SigmaCli.COMMANDS.contains(args[0])) {
      PrintWriter out =
          new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
      PrintWriter err =
          new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
      System.exit(SigmaCli.run(args, out, err));
    }
    Desktop.open(OpenedFiles.asOptions(args));
  }

  /** Kept apart so that command-line runs never load a JavaFX class. */
  private static final class Desktop {
    // Held so that the filter set on it stays: JavaFX warns, on every start from a plain jar, that
    // its classes are not in named modules, which tells an analyst nothing. Its other messages
    // pass.
    private static final java.util.logging.Logger JAVAFX_LOG =
        java.util.logging.Logger.getLogger("javafx");

    static void open(String[] args) {
      String wrong = org.sigmaworkbench.app.WorkbenchApp.misunderstood(args);
      if (wrong != null) {
        System.err.println("error: " + wrong);
        System.err.println("Usage: " + SigmaCli.DESKTOP_USAGE);
        System.err.println("       sigma-workbench COMMAND ...   (sigma-workbench --help)");
        System.exit(2);
      }
      JAVAFX_LOG.setFilter(
          r ->
              r.getMessage() == null
                  || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
      try {
        org.sigmaworkbench.app.WorkbenchApp.launchApp(args);
      } catch (RuntimeException e) {
        System.err.println(
            "error: the desktop workbench cannot open a window ("
                + (e.getMessage() == null ? e.toString() : e.getMessage())
                + "); the commands convert, test, check and events run without one"
                + " (sigma-workbench --help)");
        System.exit(1);
      }
    }
  }
}
