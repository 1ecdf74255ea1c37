package org.sigmaworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.analysis.LoadedRules;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.Correlations;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.Placeholders;

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
    LoadedRules loaded = LoadedRules.load(RuleInputs.expand(inputs), placeholders, () -> false);
    RuleSet set = new RuleSet();
    for (LoadedRules.Skipped s : loaded.skipped()) {
      set.failed++;
      err.println(s.file() + ": skipped: " + s.why());
    }
    set.rules.addAll(loaded.rules());
    set.paths.putAll(loaded.files());
    set.correlations = loaded.correlations();
    set.correlationPaths.putAll(loaded.correlationFiles());
    return set;
  }
}
