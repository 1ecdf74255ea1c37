package org.sigmaworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.sigmaworkbench.analysis.LoadedRules;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.CorrelationHit;
import org.sigmaworkbench.engine.Correlations;
import org.sigmaworkbench.engine.RunWords;
import org.sigmaworkbench.engine.run.LogInput;
import org.sigmaworkbench.engine.run.RunOptions;
import org.sigmaworkbench.engine.run.RunRequest;
import org.sigmaworkbench.engine.run.RunResult;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleMeta;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * A hunt of a rule folder in the window, free of JavaFX: every {@code .yml}/{@code .yaml} file
 * under the folder (recursively) loaded and compiled, the files that could not be used listed with
 * why (never fatal), and the result of a run turned into rows (busiest first) and a status line.
 * Correlation rules run over the hits of the detection rules they name, in any file of the folder,
 * as the command {@code test} runs them: a rule named by a correlation without {@code generate:
 * true} lists no hits of its own.
 */
final class RuleFolderHunt {
  private RuleFolderHunt() {}

  /**
   * The rules of a folder.
   *
   * @param folder the folder
   * @param rules the compiled detection rules
   * @param files the file of each rule
   * @param correlations the correlation rules, resolved against the detection rules
   * @param correlationFiles the file of each correlation rule
   * @param problems the files (or rules, or correlations) that could not be loaded
   */
  record Loaded(
      Path folder,
      List<CompiledRule> rules,
      Map<CompiledRule, Path> files,
      Correlations correlations,
      Map<CorrelationRule, Path> correlationFiles,
      List<LoadedRules.Skipped> problems) {

    /** The rules a hunt runs: the detection rules and the correlation rules that will run. */
    int ruleCount() {
      return rules.size() + correlations.rules().size();
    }
  }

  /**
   * One rule with hits: a row of the hunt table.
   *
   * @param with the other files a correlation's rules are in (empty for a detection rule, or a
   *     correlation written with its rules in one file)
   */
  record Row(String title, String level, long hits, Path file, List<Path> with) {
    Row {
      with = List.copyOf(with);
    }

    String fileName() {
      return file == null ? "" : file.getFileName().toString();
    }
  }

  /** The rule files under {@code folder}, in path order. */
  static List<Path> ruleFiles(Path folder) throws IOException {
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(Files::isRegularFile)
          .filter(
              p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".yml") || n.endsWith(".yaml");
              })
          .sorted()
          .toList();
    }
  }

  /**
   * Loads and compiles every rule under {@code folder}; a file that cannot be read, has errors or
   * holds no rule is a problem, and the others go on. A correlation that names a rule the folder
   * does not hold is a problem too.
   *
   * @throws IOException when the folder itself cannot be walked
   */
  static Loaded load(Path folder, Placeholders placeholders) throws IOException {
    return load(folder, placeholders, () -> false);
  }

  /**
   * As {@link #load(Path, Placeholders)}, stopping between files once {@code stopped} says so (the
   * rules loaded so far are returned).
   */
  static Loaded load(Path folder, Placeholders placeholders, BooleanSupplier stopped)
      throws IOException {
    LoadedRules loaded = LoadedRules.load(ruleFiles(folder), placeholders, stopped);
    return new Loaded(
        folder,
        loaded.rules(),
        loaded.files(),
        loaded.correlations(),
        loaded.correlationFiles(),
        loaded.skipped());
  }

  /**
   * The hunt of {@code loaded} over {@code logs}: hits only, on every core, correlations included,
   * with the hits a correlation takes in folded into it.
   */
  static RunRequest request(Loaded loaded, List<LogInput> logs) {
    RunOptions options =
        RunOptions.onlyHits()
            .threads(Math.max(1, Runtime.getRuntime().availableProcessors()))
            .foldCorrelatedHits(true);
    return RunRequest.of(loaded.rules(), logs, options).withCorrelations(loaded.correlations());
  }

  /**
   * The rules with hits, busiest first (then by title): detection rules by the events they hit (but
   * those a correlation takes in without {@code generate: true}), correlation rules by the windows
   * they found.
   */
  static List<Row> rows(RunResult result, Loaded loaded) {
    List<Row> rows = new ArrayList<>();
    for (RunResult.RuleHits h : result.rules()) {
      long own = h.hits() - h.folded();
      if (own > 0) {
        SigmaRule r = h.rule().rule();
        rows.add(
            new Row(
                text(r.title()), level(r.meta()), own, loaded.files().get(h.rule()), List.of()));
      }
    }
    Map<CorrelationRule, Long> windows = new IdentityHashMap<>();
    for (CorrelationHit h : result.correlationHits()) {
      windows.merge(h.correlation(), 1L, Long::sum);
    }
    windows.forEach(
        (c, n) -> {
          Path file = loaded.correlationFiles().get(c);
          Set<Path> with = new LinkedHashSet<>();
          filesOf(c, loaded, with, new HashSet<>());
          with.remove(file);
          rows.add(new Row(text(c.meta().title()), level(c.meta()), n, file, List.copyOf(with)));
        });
    rows.sort(
        Comparator.comparingLong(Row::hits)
            .reversed()
            .thenComparing(Row::title, String.CASE_INSENSITIVE_ORDER));
    return rows;
  }

  /**
   * Adds the files of the rules {@code c} names to {@code out}, and of the rules a named
   * correlation names, by a rule's name or id as the correlation writes it.
   */
  private static void filesOf(
      CorrelationRule c, Loaded loaded, Set<Path> out, Set<CorrelationRule> seen) {
    if (!seen.add(c)) {
      return;
    }
    for (String ref : c.rules()) {
      loaded
          .files()
          .forEach(
              (rule, file) -> {
                if (names(rule.rule().meta(), ref)) {
                  out.add(file);
                }
              });
      loaded
          .correlationFiles()
          .forEach(
              (other, file) -> {
                if (names(other.meta(), ref)) {
                  out.add(file);
                  filesOf(other, loaded, out, seen);
                }
              });
    }
  }

  private static boolean names(RuleMeta meta, String ref) {
    return meta != null && (ref.equals(meta.name()) || ref.equals(meta.id()));
  }

  /**
   * One YAML text of several rule files, each a further document (a file's own leading {@code ---}
   * dropped): a correlation and the rules it names, which the editor runs together.
   */
  static String bundle(List<String> texts) {
    StringBuilder out = new StringBuilder();
    for (String t : texts) {
      String body = t.startsWith("---\n") ? t.substring(4) : t;
      if (out.length() > 0) {
        out.append(out.charAt(out.length() - 1) == '\n' ? "" : "\n").append("---\n");
      }
      out.append(body);
    }
    return out.toString();
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String level(RuleMeta meta) {
    return meta == null || meta.level() == null ? "" : meta.level();
  }

  /** "12 rules with hits of 340 (3 could not be loaded); 57 hits". */
  static String status(Loaded loaded, List<Row> rows) {
    return RunWords.rulesWithHits(
        rows.size(),
        loaded.ruleCount(),
        loaded.problems().size(),
        rows.stream().mapToLong(Row::hits).sum());
  }
}
