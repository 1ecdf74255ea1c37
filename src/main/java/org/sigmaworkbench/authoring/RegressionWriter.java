package org.sigmaworkbench.authoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.sigmaworkbench.rule.RuleMeta;

/**
 * "Save as test": writes a rule's regression data in SigmaHQ's layout, {@code
 * <root>/regression_data/<rule folder>/<rule name>/info.yml} with copies of the logs beside it.
 */
public final class RegressionWriter {
  private RegressionWriter() {}

  /**
   * A log and the hits the rule gives on it.
   *
   * @param log the log file
   * @param hits how many events the rule hits
   * @param provider the event provider to note (e.g. {@code Microsoft-Windows-Sysmon}), or {@code
   *     null}
   */
  public record LogCount(Path log, int hits, String provider) {}

  /**
   * Writes the test.
   *
   * @param root the folder that holds (or will hold) {@code regression_data}: a SigmaHQ checkout
   * @param ruleFolder the rule's folder relative to {@code root} ({@code
   *     rules/windows/process_creation})
   * @param ruleFileName the rule's file name ({@code proc_creation_win_x.yml})
   * @param rule the rule's id and title
   * @param logs the logs and their hits; the first log is named after the rule's id, as SigmaHQ
   *     does, the others keep their names
   * @param author who wrote the test
   * @return the info.yml written
   */
  public static Path save(
      Path root,
      String ruleFolder,
      String ruleFileName,
      RuleMeta rule,
      List<LogCount> logs,
      String author,
      Clock clock,
      Supplier<UUID> ids)
      throws IOException {
    if (rule.id() == null || rule.id().isBlank()) {
      throw new IllegalArgumentException("the rule has no id; a test names its rule by id");
    }
    if (logs.isEmpty()) {
      throw new IllegalArgumentException("no log to keep with the rule");
    }
    String name = ruleFileName.replaceFirst("\\.ya?ml$", "");
    String rel = "regression_data/" + trimSlashes(ruleFolder) + "/" + name;
    Path dir = root.resolve(rel);
    Files.createDirectories(dir);
    List<String> paths = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (int i = 0; i < logs.size(); i++) {
      Path log = logs.get(i).log();
      String file = log.getFileName().toString();
      String ext = extension(file);
      String target = i == 0 ? rule.id() + (ext.isEmpty() ? "" : "." + ext) : file;
      while (used.contains(target)) {
        target = "_" + target;
      }
      used.add(target);
      Path to = dir.resolve(target);
      if (!Files.isSameFile(log.toAbsolutePath().getParent(), dir) || !file.equals(target)) {
        Files.copy(log, to, StandardCopyOption.REPLACE_EXISTING);
      }
      paths.add(rel + "/" + target);
    }
    StringBuilder y = new StringBuilder();
    y.append("id: ").append(ids.get()).append('\n');
    y.append("description: N/A\n");
    y.append("date: ").append(LocalDate.now(clock)).append('\n');
    y.append("author: ").append(quote(author == null ? "" : author)).append('\n');
    y.append("rule_metadata:\n");
    y.append("    - id: ").append(rule.id()).append('\n');
    y.append("      title: ").append(quote(rule.title() == null ? "" : rule.title())).append('\n');
    y.append("regression_tests_info:\n");
    for (int i = 0; i < logs.size(); i++) {
      LogCount c = logs.get(i);
      y.append("    - name: Positive Detection Test\n");
      y.append("      type: ").append(extension(paths.get(i))).append('\n');
      if (c.provider() != null) {
        y.append("      provider: ").append(quote(c.provider())).append('\n');
      }
      y.append("      match_count: ").append(c.hits()).append('\n');
      y.append("      path: ").append(quote(paths.get(i))).append('\n');
    }
    Path info = dir.resolve("info.yml");
    Files.writeString(info, y.toString(), StandardCharsets.UTF_8);
    return info;
  }

  private static String trimSlashes(String s) {
    String t = s.replace('\\', '/');
    while (t.startsWith("/")) {
      t = t.substring(1);
    }
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  private static String extension(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** A YAML scalar: plain when safe, else single-quoted. */
  static String quote(String s) {
    if (s.matches("[A-Za-z0-9][A-Za-z0-9 ._/()-]*") && !s.endsWith(" ")) {
      return s;
    }
    return "'" + s.replace("'", "''") + "'";
  }
}
