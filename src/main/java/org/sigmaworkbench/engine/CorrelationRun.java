package org.sigmaworkbench.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final Map<SigmaRule, List<int[]>> uses = new java.util.IdentityHashMap<>();
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
          withoutTime
              + (withoutTime == 1 ? " event" : " events")
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

  /** The sliding windows of one correlation, group by group. */
  private static final class Sweep {
    private final Correlations.Prepared p;
    private final List<CorrelationHit> out;
    private final long spanNanos;
    private final Map<List<String>, ArrayDeque<Item>> windows = new HashMap<>();

    /** Per group, the last evaluated window start that held (absent when it did not). */
    private final Map<List<String>, Instant> lastHeld = new HashMap<>();

    Sweep(Correlations.Prepared p, List<CorrelationHit> out) {
      this.p = p;
      this.out = out;
      this.spanNanos = p.rule().timespanSeconds() * 1_000_000_000L;
    }

    void run(List<Item> sorted) {
      for (Item it : sorted) {
        ArrayDeque<Item> w = windows.computeIfAbsent(it.group(), k -> new ArrayDeque<>());
        // Windows that end before this event are complete.
        while (!w.isEmpty() && end(w.peekFirst().time()).isBefore(it.time())) {
          evaluateFirst(it.group(), w);
        }
        w.addLast(it);
      }
      for (Map.Entry<List<String>, ArrayDeque<Item>> e : windows.entrySet()) {
        while (!e.getValue().isEmpty()) {
          evaluateFirst(e.getKey(), e.getValue());
        }
      }
    }

    private Instant end(Instant start) {
      return start.plusNanos(spanNanos);
    }

    /** Evaluates the window that starts at the first event's time, then drops that time. */
    private void evaluateFirst(List<String> group, ArrayDeque<Item> w) {
      Instant start = w.peekFirst().time();
      Instant end = end(start);
      List<Item> in = new ArrayList<>();
      for (Item it : w) {
        if (it.time().isAfter(end)) {
          break;
        }
        in.add(it);
      }
      Number value = measure(in);
      boolean held = value != null && holds(value, in);
      Instant previous = lastHeld.get(group);
      if (held) {
        if (previous == null || end(previous).isBefore(start)) {
          out.add(hit(group, start, end, value, in));
        }
        lastHeld.put(group, start);
      } else {
        lastHeld.remove(group);
      }
      while (!w.isEmpty() && w.peekFirst().time().equals(start)) {
        w.pollFirst();
      }
    }

    private CorrelationHit hit(
        List<String> group, Instant start, Instant end, Number value, List<Item> in) {
      Map<String, String> g = new LinkedHashMap<>();
      for (int i = 0; i < p.rule().groupBy().size(); i++) {
        g.put(p.rule().groupBy().get(i), group.get(i));
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
    private Number measure(List<Item> in) {
      switch (p.rule().type()) {
        case "event_count" -> {
          return (long) in.size();
        }
        case "value_count" -> {
          Set<String> distinct = new HashSet<>();
          for (Item it : in) {
            if (it.value() != null && !it.value().isEmpty()) {
              distinct.add(it.value());
            }
          }
          return (long) distinct.size();
        }
        case "temporal", "temporal_ordered" -> {
          Set<Integer> rules = new HashSet<>();
          for (Item it : in) {
            rules.add(distinctRule(it.rule()));
          }
          return (long) rules.size();
        }
        default -> {
          List<Double> values = new ArrayList<>();
          for (Item it : in) {
            BigDecimal d = it.value() == null ? null : KqlNumbers.parse(it.value());
            if (d != null) {
              values.add(d.doubleValue());
            }
          }
          if (values.isEmpty()) {
            return null;
          }
          return switch (p.rule().type()) {
            case "value_sum" -> sum(values);
            case "value_avg" -> sum(values) / values.size();
            default -> percentile(values, p.percentile());
          };
        }
      }
    }

    /** The index of the first reference naming the same rule (a rule listed twice is one). */
    private int distinctRule(int index) {
      SigmaRule r = p.rules().get(index);
      for (int i = 0; i < p.rules().size(); i++) {
        if (p.rules().get(i) == r) {
          return i;
        }
      }
      return index;
    }

    private static double sum(List<Double> values) {
      double s = 0;
      for (double v : values) {
        s += v;
      }
      return s;
    }

    /** Nearest rank: the value at rank ceil(p / 100 * n), at least 1. */
    static double percentile(List<Double> values, BigDecimal p) {
      List<Double> sorted = new ArrayList<>(values);
      sorted.sort(null);
      int n = sorted.size();
      int rank =
          p.multiply(BigDecimal.valueOf(n))
              .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.CEILING)
              .intValue();
      return sorted.get(Math.max(1, Math.min(n, rank)) - 1);
    }

    private boolean holds(Number value, List<Item> in) {
      if (p.rule().type().equals("temporal_ordered") && !ordered(in)) {
        return false;
      }
      boolean anyOp = false;
      BigDecimal v =
          value instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal(value.doubleValue());
      for (Map.Entry<String, String> e : p.rule().condition().entrySet()) {
        int cmp;
        switch (e.getKey()) {
          case "gt", "gte", "lt", "lte", "eq", "neq" -> {
            cmp = v.compareTo(new BigDecimal(e.getValue().trim()));
            anyOp = true;
          }
          default -> {
            continue;
          }
        }
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
        return value.longValue() == distinctRules();
      }
      return anyOp;
    }

    private long distinctRules() {
      return p.rules().stream().map(System::identityHashCode).distinct().count();
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
