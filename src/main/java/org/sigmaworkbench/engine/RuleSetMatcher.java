package org.sigmaworkbench.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.logs.TextFilter;

/**
 * Many compiled rules matched against one event at a time. The literals each rule needs ({@link
 * Prefilter}) go into one {@link LiteralScanner} per field (and one for keywords, run over every
 * field); per event each such field is scanned once, and only the rules whose needs are met (and
 * the rules that need nothing) are evaluated, cheapest tests first. The outcome is exactly that of
 * evaluating every rule. Thread-safe; each thread uses its own {@link Scratch}.
 */
public final class RuleSetMatcher {
  private final List<CompiledRule> rules;
  private final String[] fields;
  private final LiteralScanner[] scanners;

  /** Per field, per literal: the rules needing it. */
  private final int[][][] entries;

  private final LiteralScanner anyScanner;
  private final int[][] anyEntries;

  /** Rules evaluated on every event, ascending. */
  private final int[] always;

  private final Map<FieldSchema, int[]> plans = new ConcurrentHashMap<>();

  /** Literals of one field (or of any field), with the rules needing each. */
  private static final class Needs {
    final Map<String, List<Integer>> rulesByLiteral = new LinkedHashMap<>();

    void add(String literal, int rule) {
      rulesByLiteral.computeIfAbsent(literal, k -> new ArrayList<>()).add(rule);
    }

    LiteralScanner scanner() {
      return new LiteralScanner(
          new ArrayList<>(rulesByLiteral.keySet()), LiteralScanner.Fold.ASCII);
    }

    int[][] entries() {
      return rulesByLiteral.values().stream()
          .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
          .toArray(int[][]::new);
    }
  }

  public RuleSetMatcher(List<CompiledRule> rules) {
    this(rules, DIRECT);
  }

  /**
   * @param direct up to this many rules are tried one by one instead of through the prefilter
   *     (tests pass 0 to exercise the prefilter on small sets)
   */
  RuleSetMatcher(List<CompiledRule> rules, int direct) {
    this.direct = direct;
    this.rules = List.copyOf(rules);
    Map<String, Needs> byField = new LinkedHashMap<>();
    Needs any = new Needs();
    List<Integer> alwaysList = new ArrayList<>();
    Set<String> literals = new LinkedHashSet<>();
    for (int r = 0; r < rules.size(); r++) {
      Set<Prefilter.Need> needs = Prefilter.needs(rules.get(r).rule().condition());
      if (needs == null) {
        alwaysList.add(r);
        continue;
      }
      for (Prefilter.Need n : needs) {
        literals.add(n.literal());
        (n.field() == null ? any : byField.computeIfAbsent(n.field(), k -> new Needs()))
            .add(n.literal(), r);
      }
    }
    this.fields = byField.keySet().toArray(String[]::new);
    this.scanners = byField.values().stream().map(Needs::scanner).toArray(LiteralScanner[]::new);
    this.entries = byField.values().stream().map(Needs::entries).toArray(int[][][]::new);
    boolean anyNeeds = !any.rulesByLiteral.isEmpty();
    this.anyScanner = anyNeeds ? any.scanner() : null;
    this.anyEntries = anyNeeds ? any.entries() : null;
    this.always = alwaysList.stream().mapToInt(Integer::intValue).toArray();
    this.textFilter = always.length > 0 ? null : new NeedsFilter(List.copyOf(literals));
  }

  private final TextFilter textFilter;

  /**
   * What an event must hold, somewhere in its text, for any of the rules to match it; {@code null}
   * when some rule needs no literal.
   */
  public TextFilter textFilter() {
    return textFilter;
  }

  public List<CompiledRule> rules() {
    return rules;
  }

  /** How many rules are evaluated on every event because they need no literal. */
  public int unfilteredRules() {
    return always.length;
  }

  /** Per-thread working memory. */
  public final class Scratch implements LiteralScanner.Found {
    private final int[] mark = new int[rules.size()];
    private final int[] candidates = new int[rules.size()];
    private int count;
    private int epoch;
    private int[][] current;

    @Override
    public boolean found(int literal, String value, int start) {
      for (int r : current[literal]) {
        if (mark[r] != epoch) {
          mark[r] = epoch;
          candidates[count++] = r;
        }
      }
      return false;
    }
  }

  /** Up to this many rules are tried one by one, without the prefilter. */
  static final int DIRECT = 4;

  private final int direct;

  public Scratch newScratch() {
    return new Scratch();
  }

  /**
   * Calls {@code onHit} with the index of every rule that applies to the event and matches it, in
   * ascending order.
   */
  public void match(Event e, Scratch s, IntConsumer onHit) {
    if (rules.size() <= direct) {
      // A few rules: trying each is cheaper than scanning the event for every rule's text.
      for (int r = 0; r < rules.size(); r++) {
        CompiledRule rule = rules.get(r);
        if (rule.appliesTo(e) && rule.matches(e)) {
          onHit.accept(r);
        }
      }
      return;
    }
    candidates(e, s);
    int[] c = s.candidates;
    int n = s.count;
    int a = 0;
    int i = 0;
    while (i < n || a < always.length) {
      int r;
      if (a >= always.length || (i < n && c[i] < always[a])) {
        r = c[i++];
      } else {
        r = always[a++];
      }
      CompiledRule rule = rules.get(r);
      if (rule.appliesTo(e) && rule.matches(e)) {
        onHit.accept(r);
      }
    }
  }

  /** Fills the scratch with the rules whose needs the event meets, ascending. */
  private void candidates(Event e, Scratch s) {
    s.count = 0;
    if (++s.epoch == 0) {
      Arrays.fill(s.mark, -1);
      s.epoch = 1;
    }
    int[] slots = plan(e.schema());
    FieldSchema schema = e.schema();
    for (int f = 0; f < slots.length; f++) {
      for (int slot = slots[f]; slot >= 0; slot = schema.nextOfSameName(slot)) {
        String v = e.value(slot);
        if (v != null && !v.isEmpty()) {
          s.current = entries[f];
          scanners[f].scan(v, s);
        }
      }
    }
    if (anyScanner != null) {
      s.current = anyEntries;
      int n = e.schema().size();
      for (int slot = 0; slot < n; slot++) {
        String v = e.value(slot);
        if (v != null && !v.isEmpty()) {
          anyScanner.scan(v, s);
        }
      }
    }
    if (s.count > 1) {
      Arrays.sort(s.candidates, 0, s.count);
    }
  }

  /** The slot of each field with needs in events of a schema (-1 when absent). */
  private int[] plan(FieldSchema schema) {
    int[] p = plans.get(schema);
    if (p == null) {
      if (plans.size() > 4096) {
        plans.clear();
      }
      p = new int[fields.length];
      for (int f = 0; f < fields.length; f++) {
        p[f] = schema.slotOf(fields[f]);
      }
      plans.put(schema, p);
    }
    return p;
  }
}
