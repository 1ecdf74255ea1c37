package org.sigmaworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleLoader;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaRule;

/** Rules loaded and compiled from command-line inputs, with the path of each. */
final class RuleSet {
  final List<CompiledRule> rules = new ArrayList<>();
  final java.util.Map<CompiledRule, Path> paths = new java.util.IdentityHashMap<>();
  int failed;

  /** Loads every rule; rules with errors are reported on {@code err} and left out. */
  static RuleSet load(List<Path> inputs, PrintWriter err) throws IOException {
    return load(inputs, org.sigmaworkbench.rule.Placeholders.standard(), err);
  }

  /** Loads every rule with a placeholder table for {@code |expand}. */
  static RuleSet load(
      List<Path> inputs, org.sigmaworkbench.rule.Placeholders placeholders, PrintWriter err)
      throws IOException {
    RuleSet set = new RuleSet();
    RuleLoader loader = new RuleLoader(placeholders);
    for (Path p : RuleInputs.expand(inputs)) {
      RuleFile file = loader.load(p);
      boolean any = false;
      for (SigmaRule rule : file.rules()) {
        any = true;
        if (rule.isUsable() && file.fileProblems().isEmpty()) {
          CompiledRule c = CompiledRule.compile(rule);
          set.rules.add(c);
          set.paths.put(c, p);
        } else {
          set.failed++;
          err.println(
              p
                  + ": skipped: "
                  + rule.problems().stream()
                      .filter(RuleProblem::isError)
                      .findFirst()
                      .map(RuleProblem::describe)
                      .orElse("the rule has errors"));
        }
      }
      if (!any) {
        set.failed++;
        err.println(
            p
                + ": skipped: "
                + file.problems().stream()
                    .filter(RuleProblem::isError)
                    .findFirst()
                    .map(RuleProblem::describe)
                    .orElse("no detection rule in the file"));
      }
    }
    return set;
  }
}
