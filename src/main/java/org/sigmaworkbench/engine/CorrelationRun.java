package org.sigmaworkbench.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * One evaluation of correlations over the events of every log given, in any order: events are added
 * as they are matched ({@link #add}); {@link #finish} sorts what the referenced rules hit by event
 * time and finds the correlation hits. Only the hits of referenced rules are kept (their time,
 * file, record, group and value), not the logs.
 *
 * <p><b>Windows.</b> The specification asks that windows not be fixed to boundaries, so they slide:
 * per group (the values of the group-by fields, aliases applied; a missing field is the empty
 * value), every distinct time {@code s} of an event of a referenced rule starts a window that holds
 * the group's events with times from {@code s} to {@code s + timespan}, both included. A window
 * holds when its measure meets the condition (every operator given must hold):
 *
 * <ul>
 *   <li>event_count: the number of events (an event two referenced rules match counts twice);
 *   <li>value_count: the number of distinct non-empty values of the condition's field;
 *   <li>value_sum, value_avg: sum and mean of the field's numeric values ({@code todouble}; other
 *       values are left out; no numeric value: no hit);
 *   <li>value_percentile, value_median: the nearest-rank percentile (the smallest value with at
 *       least p% of the values at or below it);
 *   <li>temporal: the number of distinct referenced rules; without a condition, all of them;
 *   <li>temporal_ordered: an event of the first rule, then one of the second at a strictly later
 *       time, and so on to the last; a condition, if given, is also applied to the number of
 *       distinct rules.
 * </ul>
 *
 * A holding window is reported unless the window that starts at the group's previous start time
 * also held and reaches this start (so a burst is reported once, at its first window, not once per
 * event). The per-group state is the group's events of the last timespan.
 *
 * <p>Events without a time (no field {@link EventTime} reads) take no part; they are counted in
 * {@link #eventsWithoutTime()} and reported as a problem.
 */
public final class CorrelationRun {

  /** One event a referenced rule matched, for one correlation. */
  private record Item(
      Instant time,
      long seq,
      String file,
      long record,
      int rule,
      List<String> group,
      String value,
      Event event) {}

  private final Correlations correlations;
  private final boolean keepEvents;
  private final Map<SigmaRule, List<int[]>> uses = new IdentityHashMap<>();
  private final List<List<Item>> items = new ArrayList<>();
  private long seq;
  private long withoutTime;
  private String firstWithoutTime;

  CorrelationRun(Correlations correlations, boolean keepEvents) {
    this.correlations = correlations;
    this.keepEvents = keepEvents;
    List<Correlations.Prepared> p = correlations.prepared();
    for (int c = 0; c < p.size(); c++) {
      items.add(new ArrayList<>());
      List<SigmaRule> rules = p.get(c).rules();
      for (int r = 0; r < rules.size(); r++) {
        uses.computeIfAbsent(rules.get(r), k -> new ArrayList<>()).add(new int[] {c, r});
      }
    }
  }

  /** Whether any correlation names this rule (its hits are wanted here). */
  public boolean wants(SigmaRule rule) {
    return uses.containsKey(rule);
  }

  /** An event with the rules that matched it; call in any order, from one thread. */
  public void add(Event event, List<SigmaRule> matched) {
    Instant time = null;
    boolean timed = false;
    for (SigmaRule rule : matched) {
      List<int[]> u = uses.get(rule);
      if (u == null) {
        continue;
      }
      if (!timed) {
        timed = true;
        time = EventTime.of(event);
        if (time == null) {
          withoutTime++;
          if (firstWithoutTime == null) {
            firstWithoutTime = event.file() + " record " + event.record();
          }
          return;
        }
      }
      for (int[] cr : u) {
        Correlations.Prepared p = correlations.prepared().get(cr[0]);
        List<String> group = new ArrayList<>();
        for (String f : p.groupFields().get(cr[1])) {
          String v = event.get(f);
          group.add(v == null ? "" : v);
        }
        String vf = p.valueFields().get(cr[1]);
        String value = vf == null ? null : event.get(vf);
        items
            .get(cr[0])
            .add(
                new Item(
                    time,
                    seq++,
                    event.file(),
                    event.record(),
                    cr[1],
                    List.copyOf(group),
                    value,
                    keepEvents ? event : null));
      }
    }
  }

  /** Convenience for hunts: the event's hits. */
  public void addHits(Event event, List<Hit> hits) {
    if (hits.isEmpty()) {
      return;
    }
    List<SigmaRule> rules = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      rules.add(h.rule().rule());
    }
    add(event, rules);
  }

  /** Events a referenced rule matched that had no time and took no part. */
  public long eventsWithoutTime() {
    return withoutTime;
  }

  /** Problems of this run: events without a time, correlations left out. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    for (Correlations.Problem p : correlations.problems()) {
      out.add(p.describe());
    }
    if (withoutTime > 0) {
      out.add(
          RunWords.count(withoutTime, "event")
              + " matched by correlated rules had no time (first: "
              + firstWithoutTime
              + ") and took no part in correlations; a time is read from "
              + String.join(", ", EventTime.FIELDS.subList(0, 6))
              + ", ...");
    }
    return out;
  }

  /** The correlation hits, ordered by window start, then correlation, then group. */
  public List<CorrelationHit> finish() {
    List<CorrelationHit> out = new ArrayList<>();
    List<Correlations.Prepared> p = correlations.prepared();
    for (int c = 0; c < p.size(); c++) {
      List<Item> list = items.get(c);
      list.sort(Comparator.comparing(Item::time).thenComparingLong(Item::seq));
      new Sweep(p.get(c), out).run(list);
      items.set(c, new ArrayList<>());
    }
    out.sort(Comparator.comparing(CorrelationHit::windowStart));
    return out;
  }

  /**
   * The sliding windows of one correlation, group by group. Per group, the pending events (from the
   * oldest window start not yet evaluated) and the measure of those inside the current window are
   * kept up to date as the window's end moves forward and its start drops out, so a burst of n
   * events costs about n steps, not n times the window.
   */
  private static final class Sweep {
    private final Correlations.Prepared p;
    private final List<CorrelationHit> out;
    private final long spanNanos;
    private final int[] distinct;
    private final int distinctCount;
    private final Map<List<String>, Group> groups = new HashMap<>();

    /** One group's pending events and the measure of the current window. */
    private final class Group {
      final List<Item> pending = new ArrayList<>();
      int head;

      /** Events from {@code head} before this index are in the current window. */
      int inside;

      /** The last evaluated window start if that window held, else null. */
      Instant lastHeld;

      long events;
      final Map<String, Integer> values = new HashMap<>();
      BigDecimal sum = BigDecimal.ZERO;
      long numbers;
      final TreeMap<Double, Integer> sorted = new TreeMap<>();
      final int[] rules = new int[distinct.length];
      int rulesSeen;

      void enter(Item it, int sign) {
        events += sign;
        String v = it.value();
        if (v != null && !v.isEmpty()) {
          values.merge(v, sign, (a, b) -> a + b == 0 ? null : a + b);
        }
        BigDecimal d = v == null ? null : KqlNumbers.parse(v);
        if (d != null) {
          numbers += sign;
          sum = sign > 0 ? sum.add(d) : sum.subtract(d);
          sorted.merge(d.doubleValue(), sign, (a, b) -> a + b == 0 ? null : a + b);
        }
        int r = distinct[it.rule()];
        if (sign > 0 ? rules[r]++ == 0 : --rules[r] == 0) {
          rulesSeen += sign;
        }
      }
    }

    Sweep(Correlations.Prepared p, List<CorrelationHit> out) {
      this.p = p;
      this.out = out;
      this.spanNanos = p.rule().timespanSeconds() * 1_000_000_000L;
      // Each reference's index among the distinct rules named (a rule named twice is one).
      this.distinct = new int[p.rules().size()];
      List<SigmaRule> seen = new ArrayList<>();
      for (int i = 0; i < distinct.length; i++) {
        int at = -1;
        for (int j = 0; j < seen.size(); j++) {
          if (seen.get(j) == p.rules().get(i)) {
            at = j;
          }
        }
        if (at < 0) {
          at = seen.size();
          seen.add(p.rules().get(i));
        }
        distinct[i] = at;
      }
      this.distinctCount = seen.size();
    }

    void run(List<Item> sorted) {
      for (Item it : sorted) {
        Group g = groups.computeIfAbsent(it.group(), k -> new Group());
        // Windows that end before this event are complete.
        while (g.head < g.pending.size() && end(g.pending.get(g.head).time()).isBefore(it.time())) {
          evaluateFirst(it.group(), g);
        }
        g.pending.add(it);
      }
      for (Map.Entry<List<String>, Group> e : groups.entrySet()) {
        Group g = e.getValue();
        while (g.head < g.pending.size()) {
          evaluateFirst(e.getKey(), g);
        }
      }
    }

    private Instant end(Instant start) {
      return start.plusNanos(spanNanos);
    }

    /** Evaluates the window that starts at the first pending event's time, then drops that time. */
    private void evaluateFirst(List<String> key, Group g) {
      Instant start = g.pending.get(g.head).time();
      Instant end = end(start);
      while (g.inside < g.pending.size() && !g.pending.get(g.inside).time().isAfter(end)) {
        g.enter(g.pending.get(g.inside++), 1);
      }
      Number value = measure(g);
      boolean held = value != null && holds(value, g);
      if (held) {
        if (g.lastHeld == null || end(g.lastHeld).isBefore(start)) {
          out.add(hit(key, start, end, value, g.pending.subList(g.head, g.inside)));
        }
        g.lastHeld = start;
      } else {
        g.lastHeld = null;
      }
      while (g.head < g.pending.size() && g.pending.get(g.head).time().equals(start)) {
        g.enter(g.pending.get(g.head++), -1);
      }
      if (g.head > 1024 && g.head * 2 > g.pending.size()) {
        g.pending.subList(0, g.head).clear();
        g.inside -= g.head;
        g.head = 0;
      }
    }

    private CorrelationHit hit(
        List<String> key, Instant start, Instant end, Number value, List<Item> in) {
      Map<String, String> g = new LinkedHashMap<>();
      for (int i = 0; i < p.rule().groupBy().size(); i++) {
        g.put(p.rule().groupBy().get(i), key.get(i));
      }
      List<CorrelationHit.Member> members = new ArrayList<>();
      for (Item it : in) {
        members.add(
            new CorrelationHit.Member(
                it.file(), it.record(), it.time(), p.refs().get(it.rule()), it.event()));
      }
      return new CorrelationHit(p.rule(), g, start, end, value, members);
    }

    /** The window's count or aggregate; {@code null} when there is none. */
    private Number measure(Group g) {
      switch (p.rule().type()) {
        case "event_count" -> {
          return g.events;
        }
        case "value_count" -> {
          return (long) g.values.size();
        }
        case "temporal", "temporal_ordered" -> {
          return (long) g.rulesSeen;
        }
        default -> {
          if (g.numbers == 0) {
            return null;
          }
          return switch (p.rule().type()) {
            case "value_sum" -> g.sum.doubleValue();
            case "value_avg" -> g.sum.doubleValue() / g.numbers;
            default -> percentile(g.sorted, g.numbers, p.percentile());
          };
        }
      }
    }

    /** Nearest rank: the value at rank ceil(p / 100 * n), at least 1. */
    static double percentile(TreeMap<Double, Integer> sorted, long n, BigDecimal p) {
      long rank =
          p.multiply(BigDecimal.valueOf(n))
              .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
              .longValue();
      rank = Math.max(1, Math.min(n, rank));
      long seen = 0;
      for (Map.Entry<Double, Integer> e : sorted.entrySet()) {
        seen += e.getValue();
        if (seen >= rank) {
          return e.getKey();
        }
      }
      return sorted.lastKey();
    }

    private boolean holds(Number value, Group g) {
      if (p.rule().type().equals("temporal_ordered")
          && (g.rulesSeen < distinctCount || !ordered(g.pending.subList(g.head, g.inside)))) {
        return false;
      }
      boolean anyOp = false;
      BigDecimal v =
          value instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal(value.doubleValue());
      for (Map.Entry<String, String> e : p.rule().condition().entrySet()) {
        if (!Set.of("gt", "gte", "lt", "lte", "eq", "neq").contains(e.getKey())) {
          continue;
        }
        anyOp = true;
        int cmp = v.compareTo(new BigDecimal(e.getValue().trim()));
        boolean ok =
            switch (e.getKey()) {
              case "gt" -> cmp > 0;
              case "gte" -> cmp >= 0;
              case "lt" -> cmp < 0;
              case "lte" -> cmp <= 0;
              case "eq" -> cmp == 0;
              default -> cmp != 0;
            };
        if (!ok) {
          return false;
        }
      }
      if (!anyOp && p.rule().type().startsWith("temporal")) {
        return value.longValue() == distinctCount;
      }
      return anyOp;
    }

    /** An event of each rule in the order named, each strictly later than the one before. */
    private boolean ordered(List<Item> in) {
      int next = 0;
      Instant last = null;
      for (Item it : in) {
        if (next == p.rules().size()) {
          break;
        }
        if (p.rules().get(it.rule()) == p.rules().get(next)
            && (last == null || it.time().isAfter(last))) {
          last = it.time();
          next++;
        }
      }
      return next == p.rules().size();
    }
  }
}
