package org.sigmaworkbench.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.mapping.EventSource;
import org.sigmaworkbench.mapping.WindowsLogsources;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * A rule compiled once for matching: its normalized condition as a tree of tests over field slots,
 * with the meaning the KQL writer gives the same rule. Field names are resolved to slots once per
 * {@link FieldSchema}; matching allocates nothing. Thread-safe.
 */
public final class CompiledRule {

  private final SigmaRule rule;
  private final Node root;
  private final String[] fields;
  private final List<Identifier> identifiers = new ArrayList<>();
  private final Set<String> keywordIdentifiers = new HashSet<>();
  private final Map<FieldSchema, int[]> slotCache = new ConcurrentHashMap<>();
  private SchemaSlots last;

  private volatile SourceFit lastFit;

  private record SourceFit(EventSource source, boolean applies) {}

  /** Schemas remembered per rule; logs with more shapes than this resolve slots again. */
  private static final int MAX_CACHED_SCHEMAS = 4096;

  /** The slots of the rule's fields in one schema; immutable, so safe to share without locks. */
  private record SchemaSlots(FieldSchema schema, int[] slots) {}

  /** A search identifier with its entries, for explanations. */
  private record Identifier(String name, Node body, List<Entry> entries) {}

  /** One entry of an identifier: its node, and its leaves grouped by rule value. */
  private record Entry(
      String key, Node node, List<String> values, List<List<LeafNode>> leaves, int line) {}

  private CompiledRule(SigmaRule rule) {
    this.rule = rule;
    NodeCompiler compiler = new NodeCompiler();
    for (Expr.Named named : rule.identifiers().values()) {
      Node body = compiler.compile(named.body());
      List<Entry> entries = new ArrayList<>();
      collectEntries(named.body(), compiler, entries);
      identifiers.add(new Identifier(named.name(), body, entries));
      List<LeafNode> leaves = new ArrayList<>();
      body.leaves(leaves);
      if (!leaves.isEmpty() && leaves.stream().allMatch(l -> l.match.isKeyword())) {
        keywordIdentifiers.add(named.name());
      }
    }
    this.root = compiler.compile(rule.condition());
    this.fields = compiler.fields().toArray(String[]::new);
  }

  /**
   * Compiles a usable rule.
   *
   * @throws IllegalArgumentException when the rule has errors
   */
  public static CompiledRule compile(SigmaRule rule) {
    if (!rule.isUsable()) {
      throw new IllegalArgumentException("the rule has errors and cannot be matched");
    }
    return new CompiledRule(rule);
  }

  /** Rules compiled together, and those that could not be. */
  public record Compiled(List<CompiledRule> rules, List<RuleFailure> failures) {}

  /**
   * Compiles rules; a rule that has errors or fails to compile is reported, the others are kept.
   *
   * @param sources where each rule comes from, for messages (same order as {@code rules})
   */
  public static Compiled compileAll(List<SigmaRule> rules, List<String> sources) {
    List<CompiledRule> ok = new ArrayList<>();
    List<RuleFailure> failed = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      SigmaRule r = rules.get(i);
      String source = sources.get(i);
      if (!r.isUsable()) {
        failed.add(
            new RuleFailure(
                source,
                r.problems().stream()
                    .filter(p -> p.isError())
                    .findFirst()
                    .map(p -> p.describe())
                    .orElse("the rule has errors")));
        continue;
      }
      try {
        ok.add(compile(r));
      } catch (RuntimeException e) {
        failed.add(new RuleFailure(source, "cannot compile: " + e.getMessage()));
      }
    }
    return new Compiled(ok, failed);
  }

  /**
   * Why this rule did not match an event: its explanation, or why it was not tried at all when its
   * logsource does not fit the event.
   */
  public Explanation explainMiss(Event e) {
    return appliesTo(e) ? explain(e) : notApplicable(e);
  }

  /** Why this rule was not tried on an event at all. */
  Explanation notApplicable(Event e) {
    Map<String, Boolean> ids = new LinkedHashMap<>();
    for (Expr.Named n : rule.identifiers().values()) {
      ids.put(n.name(), false);
    }
    return new Explanation(false, ids, List.of(), List.of(), whyNotTried(e));
  }

  /** The sentence saying why this rule's logsource does not fit an event. */
  private String whyNotTried(Event e) {
    EventSource source = e.schema().layout().source();
    String logsource = rule.logsource().describe();
    if (source.isOutsideLogsources()) {
      return "the event's source ("
          + source.origin()
          + ") belongs to no logsource of this rule ("
          + logsource
          + ")"
          + (source.placement() == EventSource.Placement.NONE
              ? ""
              : "; the logsource table does not list it, so only rules that name neither a"
                  + " category nor a service are tried on it");
    }
    return "the rule's logsource ("
        + logsource
        + ") does not fit this event: "
        + (e.schema().layout().category() == null
            ? source.isKnown() ? source.describe() : "of unknown kind"
            : e.schema().layout().category())
        + " ("
        + e.schema().layout().name()
        + ")";
  }

  public SigmaRule rule() {
    return rule;
  }

  /** The Sigma fields the rule reads. */
  public List<String> fields() {
    return List.of(fields);
  }

  /** Whether the rule matches the event. */
  public boolean matches(Event event) {
    return root.eval(event, slots(event.schema()));
  }

  /**
   * Whether the rule's logsource fits the event. An event of unknown kind (a flat export that names
   * no channel, provider or event id) fits every rule. The product, when both say one, must be the
   * event's. An event whose channel or provider belongs to no Sigma logsource, or that the
   * logsource table does not list, fits only rules that name neither a category nor a service (a
   * rule whose service the table does not know may name the unlisted channel, so it fits too).
   * Otherwise a rule's category must be one of the event's, and its service the event's.
   */
  public boolean appliesTo(Event event) {
    EventSource source = event.schema().layout().source();
    SourceFit fit = lastFit;
    if (fit != null && fit.source() == source) {
      return fit.applies();
    }
    boolean applies = fits(rule.logsource(), source);
    lastFit = new SourceFit(source, applies);
    return applies;
  }

  static boolean fits(LogSource rule, EventSource event) {
    if (!event.isKnown()) {
      return true;
    }
    if (rule.product() != null
        && event.product() != null
        && !rule.product().equalsIgnoreCase(event.product())) {
      return false;
    }
    if (event.placement() == EventSource.Placement.PRODUCT) {
      return true;
    }
    String service =
        rule.service() == null ? null : WindowsLogsources.builtIn().eventService(rule.service());
    if (event.isOutsideLogsources()) {
      return rule.category() == null
          && (rule.service() == null
              || (service == null && event.placement() == EventSource.Placement.UNLISTED));
    }
    if (rule.category() != null && !event.hasCategory(rule.category())) {
      return false;
    }
    if (rule.service() == null) {
      return true;
    }
    // A service no known channel has may be the channel of an event we cannot name either.
    return service == null ? event.service() == null : service.equalsIgnoreCase(event.service());
  }

  /** Why the rule matches the event or not: identifiers, matched spans, entries, a sentence. */
  public Explanation explain(Event event) {
    int[] slots = slots(event.schema());
    boolean matched = root.eval(event, slots);
    Map<String, Boolean> values = new LinkedHashMap<>();
    for (Identifier id : identifiers) {
      values.put(id.name(), id.body().eval(event, slots));
    }
    List<MatchSpan> spans = new ArrayList<>();
    if (matched) {
      root.spans(event, slots, spans);
    } else {
      List<LeafNode> leaves = new ArrayList<>();
      for (Identifier id : identifiers) {
        id.body().leaves(leaves);
      }
      Set<LeafNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (LeafNode leaf : leaves) {
        if (seen.add(leaf)) {
          leaf.spans(event, slots, spans);
        }
      }
    }
    List<Check> checks = new ArrayList<>();
    for (Identifier id : identifiers) {
      for (Entry entry : id.entries()) {
        List<String> held = new ArrayList<>();
        for (int i = 0; i < entry.values().size(); i++) {
          for (LeafNode leaf : entry.leaves().get(i)) {
            if (leaf.eval(event, slots)) {
              held.add(entry.values().get(i));
              break;
            }
          }
        }
        String noValue = null;
        for (List<LeafNode> group : entry.leaves()) {
          for (LeafNode leaf : group) {
            if (noValue == null) {
              noValue = leaf.fieldWithoutValue(event, slots);
            }
          }
        }
        checks.add(
            new Check(
                id.name(),
                entry.key(),
                entry.node().eval(event, slots),
                held,
                entry.values().size(),
                entry.line(),
                noValue));
      }
    }
    return new Explanation(
        matched,
        values,
        dedupe(spans),
        checks,
        Summary.of(rule.condition(), values, keywordIdentifiers));
  }

  private static List<MatchSpan> dedupe(List<MatchSpan> spans) {
    return new ArrayList<>(new LinkedHashSet<>(spans));
  }

  /**
   * The entries of an identifier's body: the largest parts whose comparisons all come from one key
   * (one {@code field|modifiers} entry, or the keyword list).
   */
  private static void collectEntries(Expr e, NodeCompiler compiler, List<Entry> out) {
    List<Expr.Match> matches = new ArrayList<>();
    matches(e, matches);
    if (matches.isEmpty()) {
      return;
    }
    Set<String> keys = new HashSet<>();
    for (Expr.Match m : matches) {
      keys.add(m.origin().key());
    }
    if (keys.size() > 1) {
      for (Expr c : terms(e)) {
        collectEntries(c, compiler, out);
      }
      return;
    }
    Map<String, List<LeafNode>> byValue = new LinkedHashMap<>();
    for (Expr.Match m : matches) {
      Node n = compiler.compile(m);
      if (n instanceof LeafNode leaf) {
        Expr.Origin o = m.origin();
        byValue
            .computeIfAbsent(o.value() + "\u0000" + o.position(), k -> new ArrayList<>())
            .add(leaf);
      }
    }
    List<String> values = new ArrayList<>();
    for (List<LeafNode> group : byValue.values()) {
      values.add(group.get(0).match.origin().value());
    }
    out.add(
        new Entry(
            matches.get(0).origin().key(),
            compiler.compile(e),
            values,
            new ArrayList<>(byValue.values()),
            matches.get(0).origin().position().line()));
  }

  private static void matches(Expr e, List<Expr.Match> out) {
    if (e instanceof Expr.Match m) {
      out.add(m);
    } else if (e instanceof Expr.Named n) {
      matches(n.body(), out);
    } else {
      terms(e).forEach(t -> matches(t, out));
    }
  }

  /** The terms of an {@code and}, an {@code or} or a {@code not}; none for other nodes. */
  private static List<Expr> terms(Expr e) {
    if (e instanceof Expr.And a) {
      return a.terms();
    }
    if (e instanceof Expr.Or o) {
      return o.terms();
    }
    return e instanceof Expr.Not n ? List.of(n.term()) : List.of();
  }

  private int[] slots(FieldSchema schema) {
    SchemaSlots l = last;
    if (l != null && l.schema() == schema) {
      return l.slots();
    }
    if (slotCache.size() > MAX_CACHED_SCHEMAS) {
      slotCache.clear();
    }
    int[] s = slotCache.computeIfAbsent(schema, this::resolve);
    last = new SchemaSlots(schema, s);
    return s;
  }

  private int[] resolve(FieldSchema schema) {
    int[] s = new int[fields.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = schema.slotOf(fields[i]);
    }
    return s;
  }
}
