package org.sigmaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options and parameters of one command, the parse of its arguments, and its help text.
 *
 * <p>Options are long ({@code --name}), given as {@code --name value} or {@code --name=value}; a
 * command also takes {@code -h}/{@code --help} and {@code -V}/{@code --version}. An option of
 * several values ({@link #values}) takes every argument after it up to the next option, and may be
 * repeated; {@code --} ends the options, and what follows it is parameters. Parameters are the
 * arguments that are not options, in order.
 */
final class CommandSpec {

  /** A command line that does not fit the command: the message says why. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  enum Kind {
    /** Present or not. */
    FLAG,
    /** One value; given again, the last one counts. */
    VALUE,
    /** One value per occurrence, repeatable. */
    REPEATED,
    /** Every argument up to the next option, repeatable. */
    VALUES,
    /** One value per occurrence split at commas, repeatable. */
    SPLIT
  }

  record Opt(
      String name,
      String label,
      Kind kind,
      boolean required,
      String defaultValue,
      List<String> choices,
      String help) {}

  final String name;
  final List<String> description;
  private final List<Opt> options = new ArrayList<>();
  private String paramLabel = "PARAM";
  private int minParams;
  private String paramHelp = "";

  CommandSpec(String name, String... description) {
    this.name = name;
    this.description = List.of(description);
  }

  /** A switch. */
  CommandSpec flag(String option, String help) {
    return add(new Opt(option, null, Kind.FLAG, false, null, List.of(), help));
  }

  /** An option of one value, with a default ({@code null} for none). */
  CommandSpec value(String option, String label, String defaultValue, String help) {
    return add(new Opt(option, label, Kind.VALUE, false, defaultValue, List.of(), help));
  }

  /** An option whose value is one of {@code choices}, compared without case. */
  CommandSpec choice(String option, String defaultValue, List<String> choices, String help) {
    String label = option.substring(2).toUpperCase(Locale.ROOT);
    return add(new Opt(option, label, Kind.VALUE, false, defaultValue, choices, help));
  }

  /** An option given once per value. */
  CommandSpec repeated(String option, String label, String help) {
    return add(new Opt(option, label, Kind.REPEATED, false, null, List.of(), help));
  }

  /** An option that takes the arguments after it up to the next option. */
  CommandSpec values(String option, String label, boolean required, String help) {
    return add(new Opt(option, label, Kind.VALUES, required, null, List.of(), help));
  }

  /** An option whose values are separated by commas. */
  CommandSpec split(String option, String label, String help) {
    return add(new Opt(option, label, Kind.SPLIT, false, null, List.of(), help));
  }

  /** The parameters: {@code min} or more of them. */
  CommandSpec params(String label, int min, String help) {
    this.paramLabel = label;
    this.minParams = min;
    this.paramHelp = help;
    return this;
  }

  private CommandSpec add(Opt o) {
    options.add(o);
    return this;
  }

  private Opt option(String option) {
    for (Opt o : options) {
      if (o.name.equals(option)) {
        return o;
      }
    }
    return null;
  }

  /** Parses the command's arguments (without the command's name). */
  Parsed parse(List<String> args) throws UsageException {
    Parsed p = new Parsed();
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (optionsEnded || !a.startsWith("-") || a.equals("-")) {
        p.params.add(a);
        continue;
      }
      if (a.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (a.equals("-h") || a.equals("--help")) {
        p.help = true;
        continue;
      }
      if (a.equals("-V") || a.equals("--version")) {
        p.version = true;
        continue;
      }
      if (a.equals("-hV") || a.equals("-Vh")) {
        p.help = true;
        p.version = true;
        continue;
      }
      int eq = a.indexOf('=');
      String optName = eq > 0 ? a.substring(0, eq) : a;
      Opt o = option(optName);
      if (o == null) {
        throw new UsageException("unknown option '" + a + "'");
      }
      if (o.kind == Kind.FLAG) {
        if (eq > 0) {
          throw new UsageException("option '" + optName + "' takes no value");
        }
        p.flags.add(o.name);
        continue;
      }
      List<String> got = p.values.computeIfAbsent(o.name, k -> new ArrayList<>());
      if (o.kind == Kind.VALUE) {
        got.clear();
      }
      int before = got.size();
      if (eq > 0) {
        if (eq == a.length() - 1) {
          throw new UsageException(
              "option '" + o.name + "' needs a value (" + o.name + "=" + o.label + ")");
        }
        take(o, a.substring(eq + 1), got);
      } else if (o.kind != Kind.VALUES
          && i + 1 < args.size()
          && !looksLikeOption(args.get(i + 1))) {
        take(o, args.get(++i), got);
      }
      if (o.kind == Kind.VALUES) {
        while (i + 1 < args.size() && !looksLikeOption(args.get(i + 1))) {
          take(o, args.get(++i), got);
        }
      }
      if (got.size() == before) {
        throw new UsageException(
            "option '" + o.name + "' needs a value (" + o.name + "=" + o.label + ")");
      }
    }
    if (!p.help && !p.version) {
      List<String> missing = new ArrayList<>();
      for (Opt o : options) {
        if (o.required && !p.values.containsKey(o.name)) {
          missing.add("'" + o.name + "=" + o.label + "'");
        }
      }
      if (p.params.size() < minParams) {
        missing.add("'" + paramLabel + "'");
      }
      if (!missing.isEmpty()) {
        throw new UsageException(
            (missing.size() == 1 ? "missing required argument " : "missing required arguments ")
                + String.join(", ", missing));
      }
    }
    for (Opt o : options) {
      if (o.defaultValue != null && !p.values.containsKey(o.name)) {
        p.values.put(o.name, List.of(o.defaultValue));
      }
    }
    return p;
  }

  /**
   * An argument that ends an option's values: an option, known or not (give such a value as {@code
   * --name=value}).
   */
  private static boolean looksLikeOption(String a) {
    return a.startsWith("--") || a.equals("-h") || a.equals("-V") || a.equals("-hV");
  }

  private static void take(Opt o, String value, List<String> got) throws UsageException {
    if (o.kind == Kind.SPLIT) {
      for (String part : value.split(",", -1)) {
        if (!part.isEmpty()) {
          got.add(part);
        }
      }
      return;
    }
    if (!o.choices.isEmpty()) {
      for (String c : o.choices) {
        if (c.equalsIgnoreCase(value)) {
          got.add(c);
          return;
        }
      }
      throw new UsageException(
          "invalid value for option '"
              + o.name
              + "': expected one of "
              + o.choices
              + " (case-insensitive) but was '"
              + value
              + "'");
    }
    got.add(value);
  }

  /** The arguments as parsed, with defaults filled in. */
  static final class Parsed {
    boolean help;
    boolean version;
    private final List<String> params = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    boolean flag(String option) {
      return flags.contains(option);
    }

    /** The value of a one-value option, or {@code null} when it has none. */
    String value(String option) {
      List<String> v = values.get(option);
      return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** Every value of an option, in order. */
    List<String> values(String option) {
      return List.copyOf(values.getOrDefault(option, List.of()));
    }

    List<String> params() {
      return List.copyOf(params);
    }

    /** The value of an option as a whole number, or {@code null} when it has none. */
    Integer integer(String option) throws UsageException {
      String v = value(option);
      if (v == null) {
        return null;
      }
      try {
        return Integer.valueOf(v.trim());
      } catch (NumberFormatException e) {
        throw new UsageException(
            "invalid value for option '" + option + "': '" + v + "' is not a whole number");
      }
    }

    static List<Path> paths(String what, List<String> names) throws UsageException {
      List<Path> out = new ArrayList<>(names.size());
      for (String n : names) {
        try {
          out.add(Path.of(n));
        } catch (InvalidPathException e) {
          throw new UsageException("invalid " + what + " '" + n + "': " + e.getReason());
        }
      }
      return out;
    }

    static Path path(String what, String name) throws UsageException {
      return name == null ? null : paths(what, List.of(name)).get(0);
    }
  }

  // Help text

  private static final int WIDTH = 80;

  /** Prints the usage: synopsis, description, and a line or more per option. */
  void usage(String program, PrintWriter out) {
    synopsis(program, out);
    for (String d : description) {
      wrapWords(out, "", "", Arrays.asList(d.split(" ")));
    }
    options(out);
  }

  /** Prints the one-line form of the command, wrapped. */
  void synopsis(String program, PrintWriter out) {
    List<String> synopsis = new ArrayList<>();
    synopsis.add("[-hV]");
    for (Opt o : options) {
      if (o.kind == Kind.FLAG) {
        synopsis.add("[" + o.name + "]");
      }
    }
    for (Opt o : options) {
      String one = o.name + "=" + o.label;
      switch (o.kind) {
        case FLAG -> {}
        case VALUE -> synopsis.add("[" + one + "]");
        case REPEATED -> synopsis.add("[" + one + "]...");
        case SPLIT -> synopsis.add("[" + one + "[," + o.label + "...]]...");
        case VALUES -> synopsis.add(o.required ? one + "..." : "[" + one + "...]...");
      }
    }
    if (minParams > 0) {
      synopsis.add(paramLabel + "...");
    } else if (!paramHelp.isEmpty()) {
      synopsis.add("[" + paramLabel + "...]");
    }
    String head = "Usage: " + program + " " + name + " ";
    wrapWords(out, head, " ".repeat(head.length()), synopsis);
  }

  private void options(PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    if (!paramHelp.isEmpty()) {
      rows.add(
          new String[] {
            "      " + (minParams > 0 ? paramLabel + "..." : "[" + paramLabel + "...]"), paramHelp
          });
    }
    for (Opt o : options) {
      String left = "      " + o.name + (o.kind == Kind.FLAG ? "" : "=" + o.label);
      if (o.kind == Kind.VALUES) {
        left += "...";
      } else if (o.kind == Kind.SPLIT) {
        left += "[," + o.label + "...]";
      }
      String help = o.help;
      if (o.defaultValue != null) {
        String dflt = " (default: " + o.defaultValue + ")";
        help = help.endsWith(".") ? help.substring(0, help.length() - 1) + dflt + "." : help + dflt;
      }
      rows.add(new String[] {left, help});
    }
    rows.add(new String[] {"  -h, --help", "Show this help message and exit."});
    rows.add(new String[] {"  -V, --version", "Print version information and exit."});
    table(out, rows);
  }

  /** Two columns, the second wrapped; a first column too wide takes a line of its own. */
  static void table(PrintWriter out, List<String[]> rows) {
    int col = 0;
    for (String[] r : rows) {
      if (r[0].length() <= 28) {
        col = Math.max(col, r[0].length());
      }
    }
    col += 2;
    String pad = " ".repeat(col);
    for (String[] r : rows) {
      String first;
      if (r[0].length() + 2 > col) {
        out.println(r[0]);
        first = pad;
      } else {
        first = r[0] + " ".repeat(col - r[0].length());
      }
      wrapWords(out, first, pad + "  ", Arrays.asList(r[1].split(" ")));
    }
  }

  private static void wrapWords(PrintWriter out, String first, String rest, List<String> words) {
    StringBuilder line = new StringBuilder(first);
    int start = first.length();
    for (String w : words) {
      if (line.length() > start && line.length() + 1 + w.length() > WIDTH) {
        out.println(line.toString().stripTrailing());
        line.setLength(0);
        line.append(rest);
        start = rest.length();
      } else if (line.length() > start) {
        line.append(' ');
      }
      line.append(w);
    }
    out.println(line.toString().stripTrailing());
  }
}
