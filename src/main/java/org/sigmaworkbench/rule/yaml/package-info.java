/**
 * Reading rule text: {@link org.sigmaworkbench.rule.yaml.RuleLoader} turns YAML into detection
 * rules, correlation rules and filters, with line and column for every node ({@link
 * org.sigmaworkbench.rule.yaml.SourceMapBuilder}) and errors as positioned {@code RuleProblem}
 * values. Reading is safe: no YAML tag builds objects; aliases, nesting and size are bounded
 * ({@link org.sigmaworkbench.rule.yaml.SigmaYaml}). Here too are the condition grammar ({@link
 * org.sigmaworkbench.rule.yaml.ConditionParser}), what each value modifier means ({@link
 * org.sigmaworkbench.rule.yaml.DetectionItemNormalizer}, {@link
 * org.sigmaworkbench.rule.yaml.ValueTransforms}), and placeholder files.
 *
 * <p>May use the {@code rule} model only; never {@code rule.lint}, the rest of the project or
 * JavaFX.
 */
package org.sigmaworkbench.rule.yaml;
