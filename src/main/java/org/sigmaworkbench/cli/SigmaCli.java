package org.sigmaworkbench.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sigmaworkbench.logs.detect.LogReaders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code sigma-workbench} command: its own options are the desktop window's ({@link
 * WindowOptions}), its sub-commands run headless. picocli parses both from the annotated fields of
 * each command, and writes every help text and usage error.
 */
public final class SigmaCli {

  private SigmaCli() {}

  static final String PROGRAM = "sigma-workbench";

  /** The commands, in the order the help lists them. */
  static final List<String> NAMES =
      List.of("convert", "test", "check", "events", "export", "query");

  /**
   * What the launcher hands to {@link #run}: a command's name, {@code help}, or the top level's
   * help and version switches; anything else starts the window.
   */
  public static final Set<String> COMMANDS = commands();

  private static Set<String> commands() {
    Set<String> s = new LinkedHashSet<>(NAMES);
    s.addAll(List.of("help", "--help", "-h", "--version", "-V"));
    return Set.copyOf(s);
  }

  /** A new instance of the command of that name ({@link #NAMES}). */
  private static CliCommand command(String name) {
    return switch (name) {
      case "convert" -> new ConvertCommand();
      case "test" -> new TestCommand();
      case "check" -> new CheckCommand();
      case "events" -> new EventsCommand();
      case "export" -> new ExportCommand();
      case "query" -> new QueryCommand();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

  /** The top level: the window's options, the help and version switches; the commands below. */
  @Command(
      name = PROGRAM,
      description = {
        "Convert Sigma rules to KQL, check them, and test them on logs.",
        "Without a command, the desktop workbench opens on what the options below name."
      },
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      sortOptions = false,
      synopsisSubcommandLabel = "[COMMAND]",
      commandListHeading = "Commands:%n")
  static final class Root {
    @Mixin WindowOptions window = new WindowOptions();
  }

  /** The version line of every command's {@code --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {version()};
    }
  }

  /**
   * The command tree over {@code root}, printing to {@code out} and {@code err}: with the command
   * named {@code only} below it (none when it names none, as {@code ""}), or with every command and
   * {@code help} when {@code only} is {@code null}. picocli reads a command's annotations and the
   * signatures of its methods when it is added, so a run adds its own command only.
   */
  static CommandLine commandLine(Root root, String only, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(root);
    for (String name : NAMES) {
      if (only == null || only.equals(name)) {
        cl.addSubcommand(name, command(name));
      }
    }
    if (only == null) {
      cl.addSubcommand("help", new HelpCommand());
    }
    // Set after the commands are added: each setting reaches the commands present.
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // An option of one value given twice: the last one counts.
    cl.setOverwrittenOptionsAllowed(true);
    // An argument that looks like an option is never taken as an option's value (--logs a --x).
    cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
    OptionValues.register(cl);
    return cl;
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
    CommandLine cl =
        commandLine(
            new Root(), args.length > 0 && NAMES.contains(args[0]) ? args[0] : null, out, err);
    if (args.length == 0) {
      cl.usage(out);
      return 0;
    }
    ParseResult parsed;
    try {
      parsed = cl.parseArgs(args);
      if (CommandLine.printHelpIfRequested(parsed)) {
        return 0;
      }
    } catch (ParameterException e) {
      return usageError(e.getCommandLine(), describe(e), err);
    }
    ParseResult sub = parsed.subcommand();
    if (sub == null) {
      return usageError(cl, "name a command (the options alone open the desktop workbench)", err);
    }
    CliCommand c = (CliCommand) sub.commandSpec().userObject();
    try {
      c.validate();
    } catch (CliCommand.UsageException e) {
      return usageError(sub.commandSpec().commandLine(), e.getMessage(), err);
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

  /** The exit code of a command line that does not fit. */
  static final int USAGE = 2;

  /** One line that says what is wrong, and one that says where the options are described. */
  private static int usageError(CommandLine where, String message, PrintWriter err) {
    err.println("error: " + message);
    err.println(helpHint(where));
    return USAGE;
  }

  private static String helpHint(CommandLine where) {
    return "Run '" + where.getCommandSpec().qualifiedName() + " --help' for the options.";
  }

  /**
   * picocli's message in one line, in the style of the other errors: lower case, no final period;
   * an unknown name with the names it is likely a typo of; a missing option with its accepted
   * values.
   */
  static String describe(ParameterException e) {
    String said = e.getMessage() == null ? "" : e.getMessage();
    if (said.startsWith("Unknown option: '") && said.indexOf('\'', 17) > 17) {
      // An option where an option's value was expected (--logs a --bogus).
      String name = said.substring(17, said.indexOf('\'', 17));
      List<String> close =
          closest(name, List.copyOf(e.getCommandLine().getCommandSpec().optionsMap().keySet()));
      return "unknown option '"
          + name
          + "'"
          + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?");
    }
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().get(0);
      String what;
      if (first.startsWith("-") && first.length() > 1) {
        what = "unknown option '" + first + "'";
      } else if (!u.getCommandLine().getSubcommands().isEmpty()) {
        what = "unknown command '" + first + "'";
      } else {
        what = "unexpected argument '" + first + "'";
      }
      List<String> close = closest(first, u.getSuggestions());
      if (!close.isEmpty()) {
        what += "; did you mean " + String.join(" or ", close) + "?";
      }
      return what;
    }
    String m = said.strip().replace(System.lineSeparator(), " ").replace('\n', ' ');
    if (m.endsWith(".")) {
      m = m.substring(0, m.length() - 1);
    }
    // Compiled here, on the error path only: a regular expression links lambdas at start.
    for (String[] r : REWRITTEN) {
      java.util.regex.Matcher found = java.util.regex.Pattern.compile(r[0]).matcher(m);
      if (found.matches()) {
        return found.replaceFirst(r[1]);
      }
    }
    for (String[] r : REWORDED) {
      if (m.startsWith(r[0])) {
        m = r[1] + m.substring(r[0].length());
        break;
      }
    }
    m = m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    if (e instanceof MissingParameterException missing && missing.getMissing().size() == 1) {
      ArgSpec a = missing.getMissing().get(0);
      if (a instanceof OptionSpec o && o.completionCandidates() != null) {
        m += " (one of " + String.join(", ", o.completionCandidates()) + ")";
      }
    }
    return m;
  }

  /** picocli's wording, and ours. */
  /** picocli's messages that name an option, as a pattern and its rewording. */
  private static final String[][] REWRITTEN = {
    {
      "Missing required parameter for option '([^']+)' \\((.+)\\)",
      "option '$1' needs a value ($1=$2)"
    },
    {
      "Expected parameter for option '([^']+)' but found '(.*)'",
      "option '$1' needs a value before '$2'"
    },
  };

  private static final String[][] REWORDED = {
    {"Unknown subcommand ", "unknown command "},
    {"Missing required option: ", "missing required option "},
    {"Missing required options: ", "missing required options "},
    {"Missing required parameter: ", "missing required argument "},
    {"Missing required parameters: ", "missing required arguments "},
    {"Missing required options and parameters: ", "missing required arguments "},
  };

  /**
   * The window's options, parsed by the same declaration the top-level help lists.
   *
   * @throws IllegalArgumentException with a one-line message when the arguments do not fit
   */
  public static WindowOptions windowOptions(List<String> args) {
    PrintWriter silent = new PrintWriter(Writer.nullWriter());
    Root root = new Root();
    // Without the commands: the window needs only its own options, and no command's model.
    CommandLine cl = commandLine(root, "", silent, silent);
    try {
      cl.parseArgs(args.toArray(String[]::new));
    } catch (UnmatchedArgumentException e) {
      if (e.getUnmatched().isEmpty()) {
        throw new IllegalArgumentException(describe(e), e);
      }
      String first = e.getUnmatched().get(0);
      if (NAMES.contains(first)) {
        throw new IllegalArgumentException(
            "a command comes first, before any option: " + PROGRAM + " " + first + " ...", e);
      }
      if (!first.startsWith("-")) {
        String what = "unknown command '" + first + "'";
        List<String> close = closest(first, NAMES);
        throw new IllegalArgumentException(
            close.isEmpty() ? what : what + "; did you mean " + String.join(" or ", close) + "?",
            e);
      }
      throw new IllegalArgumentException(describe(e), e);
    } catch (ParameterException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
    return root.window;
  }

  /**
   * The names among {@code candidates} that {@code given} is likely a typo of: at most one edit
   * away per three letters of the name, and at least one.
   */
  static List<String> closest(String given, List<String> candidates) {
    String g = given.replaceFirst("^-+", "");
    List<String> out = new ArrayList<>();
    for (String c : candidates) {
      String n = c.replaceFirst("^-+", "");
      if (distance(g, n) <= Math.max(1, n.length() / 3)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Edits from one text to the other: insert, delete, replace, or swap two neighbours (a typo's
   * usual edits).
   */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int same = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + same, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /**
   * Checks the window's arguments before any window opens: {@code -1} when it is to open; else the
   * exit code, after printing the help or version asked for, or what does not fit (one line) with
   * where the options are described.
   */
  public static int checkWindowArguments(String[] args, PrintWriter out, PrintWriter err) {
    try {
      CommandLine cl = commandLine(new Root(), "", out, err);
      try {
        ParseResult parsed = cl.parseArgs(args);
        if (parsed.isUsageHelpRequested()) {
          commandLine(new Root(), null, out, err).usage(out);
          return 0;
        }
        if (parsed.isVersionHelpRequested()) {
          cl.printVersionHelp(out);
          return 0;
        }
      } catch (ParameterException e) {
        // Said below, in the window's words.
      }
      try {
        windowOptions(List.of(args));
        return -1;
      } catch (IllegalArgumentException e) {
        return usageError(cl, e.getMessage(), err);
      }
    } finally {
      out.flush();
      err.flush();
    }
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
    org.sigmaworkbench.threads.DaemonThreads.start("prepare-log-reading", new Prepare());
  }
}
