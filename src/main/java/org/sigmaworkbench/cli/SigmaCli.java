package org.sigmaworkbench.cli;

import java.io.PrintWriter;
import org.sigmaworkbench.logs.LogReaders;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sigma-workbench} command with its sub-commands. */
@Command(
    name = "sigma-workbench",
    mixinStandardHelpOptions = true,
    versionProvider = SigmaCli.Version.class,
    description = {
      "Convert Sigma rules to KQL, check them, and test them on logs.",
      "Without a command, the desktop workbench opens."
    },
    subcommands = {
      ConvertCommand.class,
      TestCommand.class,
      CheckCommand.class,
      EventsCommand.class
    })
public final class SigmaCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Names of the sub-commands, so the launcher knows a command line from app options. */
  public static final java.util.Set<String> COMMANDS =
      java.util.Set.of(
          "convert", "test", "check", "events", "--help", "-h", "--version", "-V", "help");

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs a command line; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length > 0 && (args[0].equals("test") || args[0].equals("events"))) {
      prepareLogReadingAhead();
    }
    CommandLine cl = new CommandLine(new SigmaCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
          commandLine.getErr().println("error: " + message);
          return 2;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Loads the log readers' logsource table on another core while the command line is parsed and the
   * rules load; the readers load it on demand anyway, so a failure here changes nothing and is left
   * to show where it is used.
   */
  private static void prepareLogReadingAhead() {
    Thread t =
        new Thread(
            () -> {
              try {
                LogReaders.prepare();
              } catch (RuntimeException | Error e) {
                // Reading loads the same tables and reports what goes wrong.
              }
            },
            "prepare-log-reading");
    t.setDaemon(true);
    t.start();
  }

  /** The version from the jar manifest, or "development". */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SigmaCli.class.getPackage().getImplementationVersion();
      return new String[] {"sigma-workbench " + (v == null ? "development" : v)};
    }
  }
}
