package org.sigmaworkbench.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldSchema;

/**
 * Many compiled rules matched against one event at a time. Each rule's needed literals ({@link
 * Prefilter}) go into one {@link LiteralScanner}; per event the fields those literals are needed in
 * are scanned once, and only the rules whose needs are met (and the rules that need nothing) are
 * evaluated, cheapest tests first. The outcome is exactly that of evaluating every rule.
 * Thread-safe; each thread uses its own {@link Scratch}.
 */
public final class RuleSetMatcher {
  private final List<CompiledRule> rules;
  private final LiteralScanner scanner;
  private final String[] fields;

  /** Per literal: pairs (field index or -1 for any field, rule index). */
  private final int[][] entries;

  /** Rules evaluated on every event, ascending. */
  private final int[] always;

  private final boolean anyField;
  private final Map<FieldSchema, Plan> plans = new ConcurrentHashMap<>();

  /** Where to look in events of one schema. */
  private record Plan(FieldSchema schema, int[] fieldSlot, int[] scan) {}

  public RuleSetMatcher(List<CompiledRule> rules) {
    this.rules = List.copyOf(rules);
    Map<String, Integer> literalIds = new LinkedHashMap<>();
    Map<String, Integer> fieldIds = new LinkedHashMap<>();
    List<List<int[]>> perLiteral = new ArrayList<>();
    List<Integer> alwaysList = new ArrayList<>();
    boolean any = false;
    for (int r = 0; r < rules.size(); r++) {
      Set<Prefilter.Need> needs = Prefilter.needs(rules.get(r).rule().condition());
      if (needs == null) {
        alwaysList.add(r);
        continue;
      }
      for (Prefilter.Need n : needs) {
        int lit =
            literalIds.computeIfAbsent(
                n.literal(),
                k -> {
                  perLiteral.add(new ArrayList<>());
                  return perLiteral.size() - 1;
                });
        int field = -1;
        if (n.field() == null) {
          any = true;
        } else {
          field = fieldIds.computeIfAbsent(n.field(), k -> fieldIds.size());
        }
        perLiteral.get(lit).add(new int[] {field, r});
      }
    }
    this.scanner =
        literalIds.isEmpty() ? null : new LiteralScanner(new ArrayList<>(literalIds.keySet()));
    this.fields = fieldIds.keySet().toArray(String[]::new);
    this.entries = new int[perLiteral.size()][];
    for (int i = 0; i < entries.length; i++) {
      List<int[]> l = perLiteral.get(i);
      int[] flat = new int[l.size() * 2];
      for (int j = 0; j < l.size(); j++) {
        flat[2 * j] = l.get(j)[0];
        flat[2 * j + 1] = l.get(j)[1];
      }
      entries[i] = flat;
    }
    this.always = alwaysList.stream().mapToInt(Integer::intValue).toArray();
    this.anyField = any;
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
    private Plan plan;
    private int slot;

    @Override
    public void found(int literal) {
      int[] e = entries[literal];
      for (int i = 0; i < e.length; i += 2) {
        int f = e[i];
        if (f < 0 || plan.fieldSlot()[f] == slot) {
          int r = e[i + 1];
          if (mark[r] != epoch) {
            mark[r] = epoch;
            candidates[count++] = r;
          }
        }
      }
    }
  }

  public Scratch newScratch() {
    return new Scratch();
  }

  /**
   * Calls {@code onHit} with the index of every rule that applies to the event and matches it, in
   * ascending order.
   */
  public void match(Event e, Scratch s, IntConsumer onHit) {
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
    if (scanner == null) {
      return;
    }
    Plan plan = plan(e.schema());
    s.plan = plan;
    for (int slot : plan.scan()) {
      String v = e.value(slot);
      if (v != null && !v.isEmpty()) {
        s.slot = slot;
        scanner.scan(v, s);
      }
    }
    if (s.count > 1) {
      Arrays.sort(s.candidates, 0, s.count);
    }
  }

  private Plan plan(FieldSchema schema) {
    Plan p = plans.get(schema);
    if (p == null) {
      if (plans.size() > 4096) {
        plans.clear();
      }
      int[] fieldSlot = new int[fields.length];
      Map<Integer, Boolean> scan = new HashMap<>();
      for (int f = 0; f < fields.length; f++) {
        fieldSlot[f] = schema.slotOf(fields[f]);
        if (fieldSlot[f] >= 0) {
          scan.put(fieldSlot[f], true);
        }
      }
      int[] slots =
          anyField
              ? java.util.stream.IntStream.range(0, schema.size()).toArray()
              : scan.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      p = new Plan(schema, fieldSlot, slots);
      plans.put(schema, p);
    }
    return p;
  }
}
