package org.sigmaworkbench.engine.kqleval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the tabular KQL of correlation queries over given tables, with KQL's documented meaning:
 * {@code let} names a tabular expression; {@code union} concatenates; {@code project} keeps the
 * columns named (computing those given as {@code name = expr}); {@code summarize} groups rows by
 * the {@code by} values (with no aggregate: the distinct values); aggregates ignore null values
 * ({@code count()} counts rows; {@code count_distinct} counts distinct non-null values; {@code
 * percentile} is the nearest-rank percentile of the non-null values); {@code join kind=inner} pairs
 * every left row with every right row equal on the {@code on} columns, the right's columns whose
 * name is taken getting a suffix {@code 1}; {@code kind=leftouter} keeps unpaired left rows with
 * the right's columns null; {@code sort} orders (nulls first ascending) and serializes, so {@code
 * prev()} sees the row before.
 */
public final class KqlScript {
  private final KqlParser.Script script;

  private KqlScript(KqlParser.Script script) {
    this.script = script;
  }

  /**
   * Parses a script.
   *
   * @throws KqlSyntaxException when the text is outside the subset
   */
  public static KqlScript parse(String text) {
    return new KqlScript(KqlParser.parseScript(text));
  }

  /** The rows the query returns over the given tables (by table name). */
  public List<KqlRow> run(Map<String, List<KqlRow>> tables) {
    Map<String, List<KqlRow>> env = new HashMap<>(tables);
    for (Map.Entry<String, KqlParser.Tab> let : script.lets().entrySet()) {
      env.put(let.getKey(), eval(let.getValue(), env));
    }
    return eval(script.query(), env);
  }

  private List<KqlRow> eval(KqlParser.Tab t, Map<String, List<KqlRow>> env) {
    if (t instanceof KqlParser.Named n) {
      List<KqlRow> rows = env.get(n.name());
      if (rows == null) {
        throw new UnsupportedOperationException("no table " + n.name());
      }
      return rows;
    }
    if (t instanceof KqlParser.Union u) {
      List<KqlRow> out = new ArrayList<>();
      for (String name : u.names()) {
        out.addAll(eval(new KqlParser.Named(name), env));
      }
      return out;
    }
    KqlParser.Piped p = (KqlParser.Piped) t;
    List<KqlRow> rows = eval(p.source(), env);
    for (KqlParser.Op op : p.ops()) {
      rows = apply(op, rows, env);
    }
    return rows;
  }

  private List<KqlRow> apply(KqlParser.Op op, List<KqlRow> rows, Map<String, List<KqlRow>> env) {
    List<KqlRow> out = new ArrayList<>();
    if (op instanceof KqlParser.WhereOp w) {
      for (KqlRow r : rows) {
        if (Boolean.TRUE.equals(new KqlEvaluator(r).eval(w.predicate()))) {
          out.add(r);
        }
      }
      return out;
    }
    if (op instanceof KqlParser.Columns c) {
      KqlRow previous = null;
      for (KqlRow r : rows) {
        KqlRow next = c.project() ? new KqlRow(Map.of()) : r.copy();
        // Each value is computed over the row as it was (project) or as extended so far.
        KqlRow source = r;
        for (int i = 0; i < c.names().size(); i++) {
          Object v =
              new KqlEvaluator(c.project() ? source : next, previous).eval(c.values().get(i));
          next.put(c.names().get(i), v);
        }
        out.add(next);
        previous = next;
      }
      return out;
    }
    if (op instanceof KqlParser.Summarize s) {
      Map<List<Object>, List<KqlRow>> groups = new LinkedHashMap<>();
      for (KqlRow r : rows) {
        List<Object> key = new ArrayList<>();
        for (KqlAst k : s.keyValues()) {
          key.add(new KqlEvaluator(r).eval(k));
        }
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<List<Object>, List<KqlRow>> g : groups.entrySet()) {
        KqlRow row = new KqlRow(Map.of());
        for (int i = 0; i < s.keys().size(); i++) {
          row.put(s.keys().get(i), g.getKey().get(i));
        }
        for (int i = 0; i < s.names().size(); i++) {
          row.put(s.names().get(i), aggregate(s.aggregates().get(i), g.getValue()));
        }
        out.add(row);
      }
      return out;
    }
    if (op instanceof KqlParser.Join j) {
      List<KqlRow> right = eval(j.right(), env);
      for (KqlRow l : rows) {
        boolean paired = false;
        for (KqlRow r : right) {
          boolean equal = true;
          for (String k : j.on()) {
            Object a = l.get(k);
            Object b = r.get(k);
            if (a == null || !a.equals(b)) {
              equal = false;
              break;
            }
          }
          if (equal) {
            paired = true;
            out.add(joined(l, r, right));
          }
        }
        if (!paired && j.kind().equals("leftouter")) {
          out.add(joined(l, null, right));
        } else if (!j.kind().equals("inner") && !j.kind().equals("leftouter")) {
          throw new UnsupportedOperationException("join kind " + j.kind());
        }
      }
      return out;
    }
    KqlParser.Sort s = (KqlParser.Sort) op;
    Comparator<KqlRow> order = null;
    for (int i = 0; i < s.columns().size(); i++) {
      String col = s.columns().get(i);
      Comparator<KqlRow> c = (a, b) -> compareValues(a.get(col), b.get(col));
      if (!s.ascending().get(i)) {
        c = c.reversed();
      }
      order = order == null ? c : order.thenComparing(c);
    }
    out.addAll(rows);
    out.sort(order);
    return out;
  }

  /** The columns of both rows; a right column whose name is taken gets the suffix 1 (11, ...). */
  private static KqlRow joined(KqlRow l, KqlRow r, List<KqlRow> right) {
    KqlRow row = l.copy();
    Set<String> taken = new HashSet<>(l.columns());
    List<String> rightColumns =
        r != null ? r.columns() : right.isEmpty() ? List.of() : right.get(0).columns();
    for (String c : rightColumns) {
      String name = c;
      while (taken.contains(name)) {
        name = name + "1";
      }
      taken.add(name);
      row.put(name, r == null ? null : r.get(c));
    }
    return row;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return ((Comparable) a).compareTo(b);
  }

  private static Object aggregate(KqlAst.Call call, List<KqlRow> rows) {
    List<KqlAst> a = call.args();
    switch (call.function()) {
      case "count" -> {
        return (long) rows.size();
      }
      case "countif" -> {
        long n = 0;
        for (KqlRow r : rows) {
          if (Boolean.TRUE.equals(new KqlEvaluator(r).eval(a.get(0)))) {
            n++;
          }
        }
        return n;
      }
      case "count_distinct", "count_distinctif" -> {
        Set<Object> seen = new HashSet<>();
        for (KqlRow r : rows) {
          if (call.function().endsWith("if")
              && !Boolean.TRUE.equals(new KqlEvaluator(r).eval(a.get(1)))) {
            continue;
          }
          Object v = new KqlEvaluator(r).eval(a.get(0));
          if (v != null) {
            seen.add(v);
          }
        }
        return (long) seen.size();
      }
      case "min" -> {
        Object best = null;
        for (KqlRow r : rows) {
          Object v = new KqlEvaluator(r).eval(a.get(0));
          if (v != null && (best == null || compareValues(v, best) < 0)) {
            best = v;
          }
        }
        return best;
      }
      case "sum", "avgif", "percentile" -> {
        List<Double> values = new ArrayList<>();
        for (KqlRow r : rows) {
          if (call.function().equals("avgif")
              && !Boolean.TRUE.equals(new KqlEvaluator(r).eval(a.get(1)))) {
            continue;
          }
          Object v = new KqlEvaluator(r).eval(a.get(0));
          if (v != null) {
            values.add(((Number) v).doubleValue());
          }
        }
        if (values.isEmpty()) {
          return null;
        }
        double sum = 0;
        for (double v : values) {
          sum += v;
        }
        if (call.function().equals("sum")) {
          return sum;
        }
        if (call.function().equals("avgif")) {
          return sum / values.size();
        }
        double p = ((Number) new KqlEvaluator(rows.get(0)).eval(a.get(1))).doubleValue();
        values.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * values.size());
        return values.get(Math.max(1, Math.min(values.size(), rank)) - 1);
      }
      default -> throw new UnsupportedOperationException(call.function() + "() as an aggregate");
    }
  }
}
