package org.sigmaworkbench.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What the window opens on: {@code --rule FILE}, {@code --logs FILE...}, {@code --target NAME}.
 * Without them it opens on the SigmaHQ rule "Certificate Exported Via PowerShell" and the Sysmon
 * sample log ({@code sample-logs/} when started from the project folder, else the copy inside the
 * jar); {@code --empty} opens with no log.
 */
record StartupOptions(
    String ruleText, String ruleSource, Path rulePath, List<Path> logs, String target) {

  static final String HEADLINE_RULE =
      "/org/sigmaworkbench/rules/proc_creation_win_powershell_export_certificate.yml";
  static final String SAMPLE_LOG = "sysmon-fields.csv";

  /** The window's arguments as given, or the first one it does not understand. */
  private record Args(
      String rule, List<String> logs, String target, boolean empty, String misunderstood) {}

  private static Args scan(List<String> args) {
    String rule = null;
    List<String> logs = new ArrayList<>();
    String target = "sentinel_asim";
    boolean empty = false;
    boolean inLogs = false;
    String wrong = null;
    for (int i = 0; i < args.size() && wrong == null; i++) {
      String a = args.get(i);
      if (a.equals("--rule") || a.equals("--target")) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          wrong = "option '" + a + "' needs a value";
        } else if (a.equals("--rule")) {
          rule = args.get(++i);
        } else {
          target = args.get(++i);
        }
        inLogs = false;
      } else if (a.equals("--logs")) {
        inLogs = true;
      } else if (a.equals("--empty")) {
        empty = true;
        inLogs = false;
      } else if (!inLogs || a.startsWith("--")) {
        wrong = (a.startsWith("-") ? "unknown option '" : "unknown command '") + a + "'";
      } else {
        logs.add(a);
      }
    }
    return new Args(rule, logs, target, empty, wrong);
  }

  /**
   * The first argument the window would not understand, described; {@code null} when all are
   * understood.
   */
  static String misunderstood(List<String> args) {
    return scan(args).misunderstood();
  }

  /** Reads what the window opens on; arguments it does not understand are refused. */
  static StartupOptions parse(List<String> args) throws IOException {
    Args a = scan(args);
    if (a.misunderstood() != null) {
      throw new IllegalArgumentException(a.misunderstood());
    }
    Path rule = a.rule() == null ? null : Path.of(a.rule());
    List<Path> logs = new ArrayList<>();
    for (String l : a.logs()) {
      logs.add(Path.of(l));
    }
    boolean empty = a.empty();
    String target = a.target();
    String text;
    String source;
    if (rule != null) {
      text = Files.readString(rule, StandardCharsets.UTF_8);
      source = rule.getFileName().toString();
    } else {
      try (InputStream in = StartupOptions.class.getResourceAsStream(HEADLINE_RULE)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      source = Path.of(HEADLINE_RULE).getFileName().toString();
    }
    if (logs.isEmpty() && !empty) {
      logs.add(sampleLog());
    }
    return new StartupOptions(text, source, rule, logs, target);
  }

  /** The Sysmon sample: from {@code sample-logs/} if present, else copied out of the jar. */
  static Path sampleLog() throws IOException {
    Path local = Path.of("sample-logs", SAMPLE_LOG);
    if (Files.isRegularFile(local)) {
      return local;
    }
    Path dir = Files.createTempDirectory("sigma-workbench-");
    Path copy = dir.resolve(SAMPLE_LOG);
    try (InputStream in =
        StartupOptions.class.getResourceAsStream("/org/sigmaworkbench/sample-logs/" + SAMPLE_LOG)) {
      if (in == null) {
        throw new IOException("the sample log is missing from the application");
      }
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    copy.toFile().deleteOnExit();
    dir.toFile().deleteOnExit();
    return copy;
  }
}
