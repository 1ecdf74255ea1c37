package org.sigmaworkbench.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * The correlation rules among a set of documents, each with the detection rules it names resolved
 * (by id, else by name, among the same documents: the same multi-document file, other files, a
 * folder), ready to be evaluated over the hits of those rules with {@link #start}. A correlation
 * that cannot be evaluated (errors, a rule it names is missing or is itself a correlation, a
 * value_percentile without its percentile) is left out with a problem that says why.
 *
 * <p>Windows slide, as the specification asks ("should not be restricted to boundaries"): see
 * {@link CorrelationRun} for their exact definition, which the KQL writer shares.
 */
public final class Correlations {

  /**
   * One correlation ready to run.
   *
   * @param rule the correlation rule
   * @param refs the referenced rules, as written, in order
   * @param rules the detection rule of each reference
   * @param groupFields per reference, the event field of each group-by name (aliases applied)
   * @param valueFields per reference, the event field of the condition's {@code field}, or null
   * @param percentile the percentile value_percentile and value_median compare (0 to 100)
   */
  record Prepared(
      CorrelationRule rule,
      List<String> refs,
      List<SigmaRule> rules,
      List<List<String>> groupFields,
      List<String> valueFields,
      BigDecimal percentile) {}

  /** A correlation that is left out, and why. */
  public record Problem(CorrelationRule rule, String message) {
    public String describe() {
      String t = rule.meta().title() == null ? rule.meta().id() : rule.meta().title();
      return "correlation '" + t + "': " + message;
    }
  }

  private final List<Prepared> prepared;
  private final List<Problem> problems;
  private final Map<SigmaRule, Boolean> referenced;

  private Correlations(
      List<Prepared> prepared, List<Problem> problems, Map<SigmaRule, Boolean> referenced) {
    this.prepared = prepared;
    this.problems = problems;
    this.referenced = referenced;
  }

  /** No correlations. */
  public static Correlations none() {
    return new Correlations(List.of(), List.of(), new IdentityHashMap<>());
  }

  /** The correlations among {@code documents}, resolved against the detection rules among them. */
  public static Correlations of(List<? extends RuleDocument> documents) {
    Map<String, RuleDocument> byId = new LinkedHashMap<>();
    Map<String, RuleDocument> byName = new LinkedHashMap<>();
    for (RuleDocument d : documents) {
      if (d.meta().id() != null && !d.meta().id().isBlank()) {
        byId.putIfAbsent(d.meta().id().trim(), d);
      }
      if (d.meta().name() != null && !d.meta().name().isBlank()) {
        byName.putIfAbsent(d.meta().name().trim(), d);
      }
    }
    List<Prepared> prepared = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<SigmaRule, Boolean> referenced = new IdentityHashMap<>();
    for (RuleDocument d : documents) {
      if (!(d instanceof CorrelationRule c)) {
        continue;
      }
      String why = null;
      List<SigmaRule> rules = new ArrayList<>();
      if (c.hasErrors() || c.type() == null) {
        why = "the correlation has errors";
      } else {
        for (String ref : c.rules()) {
          RuleDocument target = byId.get(ref.trim());
          if (target == null) {
            target = byName.get(ref.trim());
          }
          if (target == null) {
            why =
                "it names rule '"
                    + ref
                    + "', which is not among the rules given (give the files that hold the rules"
                    + " it names)";
            break;
          }
          if (target instanceof CorrelationRule) {
            why = "it names correlation '" + ref + "'; correlations of correlations are not run";
            break;
          }
          if (!(target instanceof SigmaRule r) || !r.isUsable()) {
            why = "the rule '" + ref + "' it names is not a usable detection rule";
            break;
          }
          rules.add(r);
        }
      }
      BigDecimal percentile = null;
      if (why == null && c.type().equals("value_median")) {
        percentile = BigDecimal.valueOf(50);
      } else if (why == null && c.type().equals("value_percentile")) {
        String p = c.condition().get("percentile");
        if (p == null) {
          why = "a value_percentile correlation names its 'percentile' (0 to 100) in the condition";
        } else {
          percentile = new BigDecimal(p.trim());
        }
      }
      if (why != null) {
        problems.add(new Problem(c, why));
        continue;
      }
      List<List<String>> groupFields = new ArrayList<>();
      List<String> valueFields = new ArrayList<>();
      String valueField = c.condition().get("field");
      for (int i = 0; i < rules.size(); i++) {
        List<String> g = new ArrayList<>();
        for (String name : c.groupBy()) {
          g.add(c.fieldFor(c.rules().get(i), rules.get(i), name));
        }
        groupFields.add(g);
        valueFields.add(
            valueField == null ? null : c.fieldFor(c.rules().get(i), rules.get(i), valueField));
        referenced.merge(rules.get(i), c.generate(), Boolean::logicalOr);
      }
      prepared.add(new Prepared(c, c.rules(), rules, groupFields, valueFields, percentile));
    }
    return new Correlations(List.copyOf(prepared), List.copyOf(problems), referenced);
  }

  /** Whether there is any correlation to run. */
  public boolean isEmpty() {
    return prepared.isEmpty();
  }

  /** The correlation rules that will run. */
  public List<CorrelationRule> rules() {
    return prepared.stream().map(Prepared::rule).toList();
  }

  /** Correlations left out, with why. */
  public List<Problem> problems() {
    return problems;
  }

  /** The detection rules some correlation names. */
  public Set<SigmaRule> referenced() {
    return Collections.unmodifiableSet(referenced.keySet());
  }

  /**
   * Whether a rule's own hits are reported: it is named by no correlation, or by one with {@code
   * generate: true} (the specification's default is to generate only the correlation).
   */
  public boolean reportsOwnHits(SigmaRule rule) {
    Boolean generate = referenced.get(rule);
    return generate == null || generate;
  }

  List<Prepared> prepared() {
    return prepared;
  }

  /**
   * A new evaluation over the events of every log given.
   *
   * @param keepEvents whether the hits hold the events themselves (for showing them), or only their
   *     file and record
   */
  public CorrelationRun start(boolean keepEvents) {
    return new CorrelationRun(this, keepEvents);
  }
}
