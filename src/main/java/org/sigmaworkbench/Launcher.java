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
    Desktop.open(args);
  }

  /** Kept apart so that command-line runs never load a JavaFX class. */
  private static final class Desktop {
    static void open(String[] args) {
      org.sigmaworkbench.app.WorkbenchApp.launchApp(args);
    }
  }
}
