package org.sigmaworkbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The desktop window's startup options, declared once: the top-level {@code sigma-workbench}
 * command takes them (and lists them in its help), and the window reads them through {@link
 * SigmaCli#windowOptions}.
 */
public final class WindowOptions {

  @Option(
      names = "--rule",
      paramLabel = "FILE",
      description =
          "Sigma rule to open (default: the SigmaHQ rule \"Certificate Exported Via PowerShell\").")
  Path rule;

  @Option(
      names = "--logs",
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "Log files to load (default: the Sysmon sample log); takes the files up to the"
              + " next option.")
  List<Path> logs = new ArrayList<>();

  @Option(
      names = "--target",
      paramLabel = "TARGET",
      defaultValue = "sentinel_asim",
      converter = OptionValues.BuiltInTarget.class,
      completionCandidates = OptionValues.BuiltInTargetNames.class,
      description =
          "Target of the KQL preview: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String target = "sentinel_asim";

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      converter = OptionValues.Folder.class,
      description = "A folder of rules to hunt in the window.")
  Path rulesFolder;

  @Option(names = "--empty", description = "Open with no log (not even the sample).")
  boolean empty;

  /** The rule file to open, if one was named. */
  public Optional<Path> rule() {
    return Optional.ofNullable(rule);
  }

  /** The log files to load, in order. */
  public List<Path> logs() {
    return List.copyOf(logs);
  }

  /** The built-in target the preview is written for. */
  public String target() {
    return target;
  }

  /** The folder of rules to hunt, if one was named (it was a folder when parsed). */
  public Optional<Path> rulesFolder() {
    return Optional.ofNullable(rulesFolder);
  }

  /** Whether the window opens with no log. */
  public boolean empty() {
    return empty;
  }
}
