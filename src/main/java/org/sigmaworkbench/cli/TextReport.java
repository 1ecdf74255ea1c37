package org.sigmaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.engine.Check;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.Explanation;
import org.sigmaworkbench.engine.MatchSpan;
import org.sigmaworkbench.engine.RunWords;
import org.sigmaworkbench.logs.Event;

/**
 * The text form of {@code test}: for one rule, each hit as it is found with the matched part of
 * each field in brackets; for many rules (a hunt), hits grouped by rule with counts, the rules with
 * most hits first, up to {@link #SHOWN} events each. Misses (with {@code --explain-misses}) come
 * with their reason and the entries that did not hold.
 */
final class TextReport {

  /** Events listed per rule in a hunt; the count covers all. */
  static final int SHOWN = 20;

  private final PrintWriter out;
  private final boolean grouped;
  private final Map<CompiledRule, Group> groups = new IdentityHashMap<>();
  private final String queryName;

  private static final class Group {
    long hits;
    long outside;
    long misses;
    final List<String> lines = new ArrayList<>();
    final List<String> outsideLines = new ArrayList<>();
    final List<String> missLines = new ArrayList<>();
  }

  /**
   * @param queryName {@code the Azure Monitor query} when hits are counted for a target, else
   *     {@code null}
   */
  TextReport(PrintWriter out, boolean grouped, String queryName) {
    this.out = out;
    this.grouped = grouped;
    this.queryName = queryName;
  }

  TextReport(PrintWriter out, boolean grouped) {
    this(out, grouped, null);
  }

  /**
   * A hit; {@code outside} says why the target's query cannot return the event, or is {@code null}.
   */
  void hit(CompiledRule rule, Event e, Explanation x, String outside) {
    String mark = outside == null ? "" : "  (" + RunWords.outsideBecause(outside) + ")";
    if (!grouped) {
      out.println(e.file() + "#" + e.record() + "  " + rule.rule().title() + mark + spans(e, x));
      return;
    }
    Group g = groups.computeIfAbsent(rule, k -> new Group());
    List<String> lines = outside == null ? g.lines : g.outsideLines;
    if (outside == null) {
      g.hits++;
    } else {
      g.outside++;
    }
    if (lines.size() < SHOWN) {
      lines.add(
          "  " + e.file() + "#" + e.record() + mark + spans(e, x).replace("\n    ", "\n      "));
    }
  }

  /** Rules with at least one hit in the target query's reach (a hunt). */
  long rulesWithHitsInReach() {
    return groups.values().stream().filter(g -> g.hits > 0).count();
  }

  void miss(CompiledRule rule, Event e, Explanation x) {
    String line =
        e.file()
            + "#"
            + e.record()
            + "  "
            + (grouped ? "" : rule.rule().title() + "  ")
            + "no hit: "
            + x.summary()
            + failedChecks(x);
    if (!grouped) {
      out.println(line);
      return;
    }
    Group g = groups.computeIfAbsent(rule, k -> new Group());
    g.misses++;
    if (g.missLines.size() < SHOWN) {
      g.missLines.add("  " + line.replace("\n    ", "\n      "));
    }
  }

  /** Prints the groups of a hunt. */
  void finish(Map<CompiledRule, Path> paths) {
    if (!grouped) {
      return;
    }
    List<Map.Entry<CompiledRule, Group>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort(
        Comparator.<Map.Entry<CompiledRule, Group>>comparingLong(en -> -en.getValue().hits)
            .thenComparingLong(en -> -en.getValue().outside)
            .thenComparing(en -> en.getKey().rule().title()));
    for (Map.Entry<CompiledRule, Group> en : sorted) {
      Group g = en.getValue();
      CompiledRule r = en.getKey();
      if (g.hits > 0 || g.outside > 0) {
        out.println(
            r.rule().title()
                + " ("
                + paths.get(r)
                + "): "
                + RunWords.count(g.hits, "hit")
                + (g.outside == 0 ? "" : ", " + RunWords.moreOutside(g.outside, queryName)));
        g.lines.forEach(out::println);
        if (g.hits > g.lines.size()) {
          out.println(
              "  ... and " + (g.hits - g.lines.size()) + " more (--format jsonl lists all)");
        }
        g.outsideLines.forEach(out::println);
        if (g.outside > g.outsideLines.size()) {
          out.println(
              "  ... and "
                  + (g.outside - g.outsideLines.size())
                  + " more outside the reach (--format jsonl lists all)");
        }
      }
      if (g.misses > 0) {
        out.println(r.rule().title() + " (" + paths.get(r) + "): " + g.misses + " missed");
        g.missLines.forEach(out::println);
        if (g.misses > g.missLines.size()) {
          out.println(
              "  ... and " + (g.misses - g.missLines.size()) + " more (--format jsonl lists all)");
        }
      }
    }
  }

  static String spans(Event e, Explanation x) {
    StringBuilder b = new StringBuilder();
    for (MatchSpan s : x.spans()) {
      String v = e.value(e.schema().columnSlot(s.column(), s.occurrence()));
      if (v == null || s.start() < 0 || s.end() > v.length()) {
        continue;
      }
      b.append("\n    ").append(s.field()).append(": ");
      b.append(oneLine(v.substring(0, s.start())))
          .append('[')
          .append(oneLine(v.substring(s.start(), s.end())))
          .append(']')
          .append(oneLine(v.substring(s.end())));
    }
    return b.toString();
  }

  private static String failedChecks(Explanation x) {
    StringBuilder b = new StringBuilder();
    for (Check c : x.checks()) {
      if (!c.held()) {
        b.append("\n    ")
            .append(c.identifier())
            .append(": ")
            .append(c.key().isEmpty() ? "keywords" : c.key())
            .append(" held for ")
            .append(c.matchedValues().size())
            .append(" of ")
            .append(RunWords.count(c.values(), "value"))
            .append(c.noValue() == null ? "" : " (" + c.noValueNote() + ")");
      }
    }
    return b.toString();
  }

  private static String oneLine(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }
}
