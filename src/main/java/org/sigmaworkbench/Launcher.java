package org.sigmaworkbench;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.sigmaworkbench.app.WorkbenchApp;
import org.sigmaworkbench.cli.SigmaCli;

/**
 * Entry point of the jar: a command ({@code convert}, {@code test}, {@code check}, {@code events},
 * {@code export}, {@code help}, or {@code --help}/{@code --version}) runs headless on the command
 * line; anything else opens the desktop workbench on the window's options. This class does not
 * extend {@code Application}, so the jar also starts with JavaFX on the class path.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    if (args.length > 0 && SigmaCli.COMMANDS.contains(args[0])) {
      System.exit(SigmaCli.run(args, out, err));
    }
    // Files the desktop hands over (an opened .yml or .evtx) become --rule / --logs; then the
    // window's options are checked before any window opens: a mistake is one line here.
    // A start with no arguments (from a menu) has nothing to check.
    String[] options = OpenedFiles.asOptions(args);
    int code = options.length == 0 ? -1 : SigmaCli.checkWindowArguments(options, out, err);
    if (code >= 0) {
      System.exit(code);
    }
    Desktop.open(options);
  }

  /** Kept apart so that command-line runs never load a JavaFX class. */
  private static final class Desktop {
    // Held so that the filter set on it stays: JavaFX warns, on every start from a plain jar, that
    // its classes are not in named modules, which tells an analyst nothing. Its other messages
    // pass.
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    static void open(String[] args) {
      JAVAFX_LOG.setFilter(
          r ->
              r.getMessage() == null
                  || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
      try {
        WorkbenchApp.launchApp(args);
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
