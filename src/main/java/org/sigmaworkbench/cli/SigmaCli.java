package org.sigmaworkbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sigmaworkbench.logs.detect.LogReaders;

/**
 * The {@code sigma-workbench} command with its sub-commands. The command line is parsed by {@link
 * CommandSpec}, which costs next to nothing at start, where a reflective parser's model took a
 * quarter of a {@code test} run's start.
 */
public final class SigmaCli {

  private SigmaCli() {}

  static final String PROGRAM = "sigma-workbench";

  /** How the desktop workbench is started, with the arguments its window takes. */
  public static final String DESKTOP_USAGE =
      PROGRAM + " [--rule FILE] [--logs FILE...] [--target NAME] [--empty]";

  /** Names of the sub-commands, so the launcher knows a command line from app options. */
  public static final java.util.Set<String> COMMANDS =
      java.util.Set.of(
          "convert",
          "test",
          "check",
          "events",
          "export",
          "query",
          "--help",
          "-h",
          "--version",
          "-V",
          "help");

  private static final List<String> NAMES =
      List.of("convert", "test", "check", "events", "export", "query");

  private static CliCommand command(String name) {
    return switch (name) {
      case "convert" -> new ConvertCommand();
      case "test" -> new TestCommand();
      case "check" -> new CheckCommand();
      case "events" -> new EventsCommand();
      case "export" -> new ExportCommand();
      case "query" -> new QueryCommand();
      default -> null;
    };
  }

  /** Runs a command line; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length > 0 && (args[0].equals("test") || args[0].equals("events"))) {
      prepareLogReadingAhead();
    }
    int code = dispatch(args, out, err);
    out.flush();
    err.flush();
    return code;
  }

  private static int dispatch(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      usage(out);
      return 0;
    }
    if (args[0].equals("-V") || args[0].equals("--version")) {
      out.println(version());
      return 0;
    }
    if (args[0].equals("help")) {
      if (args.length == 1 || args[1].equals("help")) {
        usage(out);
        return 0;
      }
      CliCommand c = command(args[1]);
      if (c == null) {
        err.println("error: unknown command '" + args[1] + "'");
        usage(err);
        return 2;
      }
      c.spec().usage(PROGRAM, out);
      return 0;
    }
    CliCommand c = command(args[0]);
    if (c == null) {
      err.println("error: unknown command '" + args[0] + "'");
      usage(err);
      return 2;
    }
    CommandSpec spec = c.spec();
    try {
      CommandSpec.Parsed parsed = spec.parse(Arrays.asList(args).subList(1, args.length));
      if (parsed.help) {
        spec.usage(PROGRAM, out);
        return 0;
      }
      if (parsed.version) {
        out.println(version());
        return 0;
      }
      c.set(parsed);
    } catch (CommandSpec.UsageException e) {
      err.println("error: " + e.getMessage());
      spec.synopsis(PROGRAM, err);
      err.println("Run '" + PROGRAM + " " + spec.name + " --help' for the options.");
      return 2;
    }
    try {
      return c.call(out, err);
    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      out.flush();
      err.println("error: " + message);
      return 2;
    }
  }

  private static void usage(PrintWriter out) {
    out.println("Usage: " + PROGRAM + " [-hV] [COMMAND]");
    out.println("Convert Sigma rules to KQL, check them, and test them on logs.");
    out.println("Without a command, the desktop workbench opens:");
    out.println("  " + DESKTOP_USAGE);
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"  -h, --help", "Show this help message and exit."});
    rows.add(new String[] {"  -V, --version", "Print version information and exit."});
    CommandSpec.table(out, rows);
    out.println("Commands:");
    List<String[]> commands = new ArrayList<>();
    for (String name : NAMES) {
      commands.add(new String[] {"  " + name, command(name).spec().description.get(0)});
    }
    commands.add(new String[] {"  help", "Print the help of a command: help COMMAND."});
    CommandSpec.table(out, commands);
  }

  /** The version from the jar manifest, or "development". */
  static String version() {
    String v = SigmaCli.class.getPackage().getImplementationVersion();
    return PROGRAM + " " + (v == null ? "development" : v);
  }

  /**
   * Loads the log readers' logsource table on another core while the command line is parsed and the
   * rules load; the readers load it on demand anyway, so a failure here changes nothing and is left
   * to show where it is used.
   */
  private static void prepareLogReadingAhead() {
    // A class, not a lambda: the first lambda of a process links its machinery, which this thread
    // is not to wait for.
    final class Prepare implements Runnable {
      @Override
      public void run() {
        try {
          LogReaders.prepare();
        } catch (RuntimeException | Error e) {
          // Reading loads the same tables and reports what goes wrong.
        }
      }
    }
    Thread t = new Thread(new Prepare(), "prepare-log-reading");
    t.setDaemon(true);
    t.start();
  }
}
