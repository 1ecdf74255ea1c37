package org.sigmaworkbench.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.Correlations;
import org.sigmaworkbench.kql.KqlOptions;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.lint.Linter;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Everything derived from one version of a rule's text: the loaded rule, its problems (errors and
 * lint, errors first), its KQL for the chosen target and the compiled matcher. Computed off the
 * window's FX thread; any face may use it.
 *
 * @param text the editor text it was computed from
 * @param rule the first detection rule, or {@code null}
 * @param problems all problems, errors first
 * @param kql the KQL result, or {@code null} when the rule has errors
 * @param compiled the matcher, or {@code null} when the rule has errors
 * @param correlations the correlation rules of the text, resolved against its detection rules (none
 *     when there are none or the text has errors)
 */
public record RuleAnalysis(
    String text,
    SigmaRule rule,
    List<RuleProblem> problems,
    KqlResult kql,
    CompiledRule compiled,
    Correlations correlations) {

  public RuleAnalysis(
      String text,
      SigmaRule rule,
      List<RuleProblem> problems,
      KqlResult kql,
      CompiledRule compiled) {
    this(text, rule, problems, kql, compiled, Correlations.none());
  }

  /** Whether the text holds correlations that run on the logs. */
  public boolean correlates() {
    return !correlations.isEmpty();
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(RuleProblem::isError);
  }

  /** The first error, for the preview banner. */
  public RuleProblem firstError() {
    return problems.stream().filter(RuleProblem::isError).findFirst().orElse(null);
  }

  /**
   * Loads, lints, converts and compiles one version of the editor text.
   *
   * @param placeholders the values {@code |expand} uses
   */
  public static RuleAnalysis of(
      String text, String source, Target target, KqlOptions options, Placeholders placeholders) {
    RuleFile file = new RuleLoader(placeholders).load(text, source);
    List<RuleProblem> problems =
        new Linter()
            .problemsWithLint(file).stream()
                .sorted((a, b) -> Boolean.compare(b.isError(), a.isError()))
                .toList();
    SigmaRule rule = file.firstRule().orElse(null);
    if (rule == null && file.problems().stream().noneMatch(RuleProblem::isError)) {
      problems =
          List.of(
              RuleProblem.error(
                  "rule.kind",
                  "this file holds no detection rule (only correlation or filter documents)",
                  Position.NONE,
                  ""));
    }
    if (rule == null || file.hasErrors() || !rule.isUsable()) {
      return new RuleAnalysis(text, rule, problems, null, null);
    }
    KqlWriter writer = new KqlWriter(target, options);
    KqlResult kql = writer.write(rule);
    Correlations correlations = Correlations.of(file.documents());
    if (!correlations.isEmpty()) {
      // The preview shows the correlation's query: the text is about the correlation.
      Map<String, SigmaRule> byReference = new LinkedHashMap<>();
      for (SigmaRule r : file.rules()) {
        if (r.meta().name() != null) {
          byReference.putIfAbsent(r.meta().name(), r);
        }
        if (r.id() != null) {
          byReference.putIfAbsent(r.id(), r);
        }
      }
      kql = writer.write(correlations.rules().get(0), byReference);
    }
    return new RuleAnalysis(text, rule, problems, kql, CompiledRule.compile(rule), correlations);
  }
}
