package org.sigmaworkbench.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sigmaworkbench.cli.SigmaCli;
import org.sigmaworkbench.cli.WindowOptions;

/**
 * What the window opens on: {@code --rule FILE}, {@code --logs FILE...}, {@code --target NAME},
 * {@code --rules DIR} (a folder of rules to hunt). Without them it opens on the SigmaHQ rule
 * "Certificate Exported Via PowerShell" and the Sysmon sample log ({@code sample-logs/} when
 * started from the project folder, else the copy inside the jar); {@code --empty} opens with no
 * log. The options are declared once, in {@link WindowOptions}, which the command line's help lists
 * too.
 */
record StartupOptions(
    String ruleText,
    String ruleSource,
    Path rulePath,
    List<Path> logs,
    String target,
    Optional<Path> rulesFolder) {

  static final String HEADLINE_RULE =
      "/org/sigmaworkbench/rules/proc_creation_win_powershell_export_certificate.yml";
  static final String SAMPLE_LOG = "sysmon-fields.csv";

  /**
   * Reads what the window opens on.
   *
   * @throws IllegalArgumentException with a one-line message when the arguments do not fit
   * @throws IOException when the rule cannot be read
   */
  static StartupOptions parse(List<String> args) throws IOException {
    WindowOptions given = SigmaCli.windowOptions(args);
    Path rule = given.rule().orElse(null);
    List<Path> logs = new ArrayList<>(given.logs());
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
    if (logs.isEmpty() && !given.empty()) {
      logs.add(sampleLog());
    }
    return new StartupOptions(text, source, rule, logs, given.target(), given.rulesFolder());
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
