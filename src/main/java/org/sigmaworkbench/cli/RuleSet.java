package org.sigmaworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.Correlations;
import org.sigmaworkbench.engine.RuleFailure;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/** Rules loaded and compiled from command-line inputs, with the path of each. */
final class RuleSet {
  final List<CompiledRule> rules = new ArrayList<>();
  final Map<CompiledRule, Path> paths = new IdentityHashMap<>();

  /** The correlation rules among the inputs, resolved against the detection rules there. */
  Correlations correlations = Correlations.none();

  /** The file of each correlation rule. */
  final Map<CorrelationRule, Path> correlationPaths = new IdentityHashMap<>();

  int failed;

  /** Loads every rule; rules with errors are reported on {@code err} and left out. */
  static RuleSet load(List<Path> inputs, PrintWriter err) throws IOException {
    return load(inputs, Placeholders.standard(), err);
  }

  /** Loads every rule with a placeholder table for {@code |expand}. */
  static RuleSet load(List<Path> inputs, Placeholders placeholders, PrintWriter err)
      throws IOException {
    RuleSet set = new RuleSet();
    RuleLoader loader = new RuleLoader(placeholders);
    List<SigmaRule> loaded = new ArrayList<>();
    List<Path> loadedPaths = new ArrayList<>();
    List<RuleDocument> documents = new ArrayList<>();
    for (Path p : RuleInputs.expand(inputs)) {
      RuleFile file = loader.load(p);
      boolean correlates = file.documents().stream().anyMatch(CorrelationRule.class::isInstance);
      if (!file.fileProblems().isEmpty() || (file.rules().isEmpty() && !correlates)) {
        set.failed++;
        String why = RuleInputs.firstError(file.problems());
        err.println(p + ": skipped: " + (why == null ? "no detection rule in the file" : why));
        continue;
      }
      for (SigmaRule rule : file.rules()) {
        loaded.add(rule);
        loadedPaths.add(p);
      }
      for (RuleDocument d : file.documents()) {
        documents.add(d);
        if (d instanceof CorrelationRule c) {
          set.correlationPaths.put(c, p);
        }
      }
    }
    set.correlations = Correlations.of(documents);
    for (Correlations.Problem problem : set.correlations.problems()) {
      set.failed++;
      err.println(set.correlationPaths.get(problem.rule()) + ": skipped: " + problem.describe());
    }
    CompiledRule.Compiled compiled =
        CompiledRule.compileAll(loaded, loadedPaths.stream().map(Path::toString).toList());
    for (RuleFailure f : compiled.failures()) {
      set.failed++;
      err.println(f.source() + ": skipped: " + f.message());
    }
    int next = 0;
    for (CompiledRule c : compiled.rules()) {
      while (loaded.get(next) != c.rule()) {
        next++;
      }
      set.rules.add(c);
      set.paths.put(c, loadedPaths.get(next));
    }
    return set;
  }
}
