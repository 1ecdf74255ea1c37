package org.sigmaworkbench.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.Correlations;
import org.sigmaworkbench.engine.RuleFailure;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Rule files loaded and compiled for a run over logs, as the command {@code test} and the window's
 * hunt both load them: the detection rules compiled, each with its file; the correlation rules
 * resolved against the detection rules of all the files; and every file, correlation or rule that
 * could not be used, with why, in the order met (loading, then correlations, then compiling). A
 * file that cannot be used never stops the others.
 *
 * @param rules the compiled detection rules
 * @param files the file of each compiled rule
 * @param correlations the correlation rules that will run
 * @param correlationFiles the file of each correlation rule
 * @param skipped what could not be used
 */
public record LoadedRules(
    List<CompiledRule> rules,
    Map<CompiledRule, Path> files,
    Correlations correlations,
    Map<CorrelationRule, Path> correlationFiles,
    List<Skipped> skipped) {

  /** A file (or a rule or correlation in it) left out, and why. */
  public record Skipped(Path file, String why) {
    /** "broken.yml: why", for a list that names the folder elsewhere. */
    public String describe() {
      return file.getFileName() + ": " + why;
    }
  }

  /** Loads {@code ruleFiles} in order, stopping between files once {@code stopped} says so. */
  public static LoadedRules load(
      List<Path> ruleFiles, Placeholders placeholders, BooleanSupplier stopped) {
    RuleLoader loader = new RuleLoader(placeholders);
    List<SigmaRule> loaded = new ArrayList<>();
    List<Path> loadedFiles = new ArrayList<>();
    List<RuleDocument> documents = new ArrayList<>();
    Map<CorrelationRule, Path> correlationFiles = new IdentityHashMap<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Path p : ruleFiles) {
      if (stopped.getAsBoolean()) {
        break;
      }
      RuleFile file;
      try {
        file = loader.load(p);
      } catch (RuntimeException e) {
        skipped.add(new Skipped(p, String.valueOf(e.getMessage())));
        continue;
      }
      boolean correlates = file.documents().stream().anyMatch(CorrelationRule.class::isInstance);
      if (!file.fileProblems().isEmpty() || (file.rules().isEmpty() && !correlates)) {
        String why = RuleProblem.firstError(file.problems());
        skipped.add(new Skipped(p, why == null ? "no detection rule in the file" : why));
        continue;
      }
      for (SigmaRule rule : file.rules()) {
        loaded.add(rule);
        loadedFiles.add(p);
      }
      for (RuleDocument d : file.documents()) {
        documents.add(d);
        if (d instanceof CorrelationRule c) {
          correlationFiles.put(c, p);
        }
      }
    }
    Correlations correlations = Correlations.of(documents);
    for (Correlations.Problem problem : correlations.problems()) {
      skipped.add(new Skipped(correlationFiles.get(problem.rule()), problem.describe()));
    }
    CompiledRule.Compiled compiled =
        CompiledRule.compileAll(loaded, loadedFiles.stream().map(Path::toString).toList());
    for (RuleFailure f : compiled.failures()) {
      skipped.add(new Skipped(Path.of(f.source()), f.message()));
    }
    Map<CompiledRule, Path> files = new IdentityHashMap<>();
    int next = 0;
    for (CompiledRule c : compiled.rules()) {
      while (loaded.get(next) != c.rule()) {
        next++;
      }
      files.put(c, loadedFiles.get(next));
    }
    return new LoadedRules(
        List.copyOf(compiled.rules()), files, correlations, correlationFiles, List.copyOf(skipped));
  }
}
