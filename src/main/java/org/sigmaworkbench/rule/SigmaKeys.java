package org.sigmaworkbench.rule;

import static org.sigmaworkbench.rule.RuleIndex.Kind.CORRELATION;
import static org.sigmaworkbench.rule.RuleIndex.Kind.FILTER;
import static org.sigmaworkbench.rule.RuleIndex.Kind.RULE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The keys the Sigma specification gives a rule document and its {@code correlation} section, and
 * the correlation types: the one table of them that the rule readers, lint and completion read.
 * Each key is written once, with the kinds of document that carry it and whether its value is a
 * block (a map or a list) rather than a scalar.
 */
public final class SigmaKeys {

  /**
   * A key.
   *
   * @param name the key as written
   * @param block whether its value is a map or a list
   * @param documents the kinds of document that carry it
   */
  public record Key(String name, boolean block, Set<RuleIndex.Kind> documents) {
    public Key {
      documents = Set.copyOf(documents);
    }

    /** Whether a document of {@code kind} carries it. */
    public boolean in(RuleIndex.Kind kind) {
      return documents.contains(kind);
    }
  }

  /** The top-level keys, in the order rules are written (SigmaHQ's convention). */
  public static final List<Key> TOP_LEVEL =
      List.of(
          scalar("title", RULE, CORRELATION, FILTER),
          scalar("id", RULE, CORRELATION, FILTER),
          block("related", RULE),
          scalar("name", RULE, CORRELATION, FILTER),
          scalar("taxonomy", RULE),
          scalar("status", RULE, CORRELATION),
          scalar("description", RULE, CORRELATION, FILTER),
          block("references", RULE, CORRELATION),
          scalar("author", RULE, CORRELATION, FILTER),
          scalar("date", RULE, CORRELATION, FILTER),
          scalar("modified", RULE, CORRELATION, FILTER),
          block("tags", RULE, CORRELATION),
          block("logsource", RULE, FILTER),
          block("detection", RULE),
          block("correlation", CORRELATION),
          block("filter", FILTER),
          block("fields", RULE),
          block("falsepositives", RULE, CORRELATION),
          scalar("level", RULE, CORRELATION),
          scalar("license", RULE),
          block("scope", RULE));

  /** The keys of a correlation rule's {@code correlation} section. */
  public static final List<Key> CORRELATION_SECTION =
      List.of(
          scalar("type", CORRELATION),
          block("rules", CORRELATION),
          block("group-by", CORRELATION),
          scalar("timespan", CORRELATION),
          block("condition", CORRELATION),
          block("aliases", CORRELATION),
          scalar("generate", CORRELATION));

  /** The older name of a correlation's {@code timespan}, still read. */
  public static final String OLD_TIMESPAN = "timeframe";

  /** The correlation types of the specification, and pySigma's {@code value_median}. */
  public static final List<String> CORRELATION_TYPES =
      List.of(
          "event_count",
          "value_count",
          "temporal",
          "temporal_ordered",
          "value_sum",
          "value_avg",
          "value_percentile",
          "value_median");

  /** The comparisons of a correlation's {@code condition}, each with a number. */
  public static final List<String> CORRELATION_THRESHOLDS =
      List.of("gte", "gt", "lte", "lt", "eq", "neq");

  private SigmaKeys() {}

  /** The names of every top-level key, of any kind of document. */
  public static List<String> topLevelNames() {
    return names(TOP_LEVEL);
  }

  /** The names of the top-level keys a document of {@code kind} carries, in writing order. */
  public static List<String> topLevelNames(RuleIndex.Kind kind) {
    List<String> out = new ArrayList<>();
    for (Key k : TOP_LEVEL) {
      if (k.in(kind)) {
        out.add(k.name());
      }
    }
    return List.copyOf(out);
  }

  /** The names a correlation section may hold: its keys' and {@link #OLD_TIMESPAN}. */
  public static List<String> correlationSectionNames() {
    List<String> out = new ArrayList<>(names(CORRELATION_SECTION));
    out.add(OLD_TIMESPAN);
    return List.copyOf(out);
  }

  /** The names of {@code keys}, in their order. */
  public static List<String> names(List<Key> keys) {
    return keys.stream().map(Key::name).toList();
  }

  private static Key scalar(String name, RuleIndex.Kind first, RuleIndex.Kind... rest) {
    return new Key(name, false, EnumSet.of(first, rest));
  }

  private static Key block(String name, RuleIndex.Kind first, RuleIndex.Kind... rest) {
    return new Key(name, true, EnumSet.of(first, rest));
  }
}
