package org.sigmaworkbench.rule.lint;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.FilterRule;
import org.sigmaworkbench.rule.LegacyAggregation;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.SourceMap;
import org.sigmaworkbench.rule.yaml.ConditionParser;

/** How the condition uses the search identifiers. */
final class ConditionLint implements LintFamily {

  private static final Pattern ALL_OF_THEM = Pattern.compile("\\ball\\s+of\\s+them\\b");
  private static final Pattern OF_THEM = Pattern.compile("\\b(?:1|all|any)\\s+of\\s+them\\b");
  private static final Pattern OF_PATTERN =
      Pattern.compile("\\b(?:1|all|any)\\s+of\\s+([A-Za-z0-9_*?.\\-]+)");

  @Override
  public void check(LintContext ctx) {
    Map<String, Expr.Named> identifiers;
    Expr condition;
    LegacyAggregation aggregation = null;
    if (ctx.doc instanceof SigmaRule r) {
      identifiers = r.identifiers();
      condition = r.condition();
      aggregation = r.aggregation();
    } else if (ctx.doc instanceof FilterRule f) {
      identifiers = f.identifiers();
      condition = f.condition();
    } else {
      return;
    }
    if (condition != null) {
      Set<String> used = new HashSet<>();
      collect(condition, used);
      for (Expr.Named n : identifiers.values()) {
        if (!used.contains(n.name())) {
          ctx.warn(
              "lint.unused-identifier",
              n.position(),
              "search identifier '"
                  + n.name()
                  + "' is not used by the condition"
                  + (n.name().startsWith("_")
                      ? " ('1 of them' leaves out names starting with _)"
                      : ""),
              n.name());
        }
      }
    }
    for (SourceMap.Condition c : ctx.src.conditions()) {
      texts(ctx, c, identifiers);
    }
    if (aggregation == null && ctx.src.entry("detection.timeframe") != null) {
      ctx.warn(
          "lint.timeframe",
          ctx.src.key("detection.timeframe"),
          "'timeframe' belongs to Sigma 1.x aggregations; without one nothing reads it (a"
              + " correlation rule has 'timespan')",
          "timeframe");
    }
  }

  private static void texts(
      LintContext ctx, SourceMap.Condition c, Map<String, Expr.Named> identifiers) {
    String text = c.text();
    if (!text.contains("of")) {
      return; // no quantifier
    }
    Matcher all = ALL_OF_THEM.matcher(text);
    if (all.find()) {
      ctx.warn(
          "lint.all-of-them",
          c.position().plusColumns(all.start()),
          "'all of them' makes every identifier required, so no filter can be added; name them"
              + " with a pattern such as 'all of selection_*'",
          all.group());
    }
    Matcher them = OF_THEM.matcher(text);
    if (them.find() && identifiers.size() == 1) {
      ctx.warn(
          "lint.of-them-single",
          c.position().plusColumns(them.start()),
          "'" + them.group() + "' with one search identifier: name it directly",
          them.group());
    }
    Matcher of = OF_PATTERN.matcher(text);
    while (of.find()) {
      String pattern = of.group(1);
      if (pattern.equals("them")) {
        continue;
      }
      Position at = c.position().plusColumns(of.start(1));
      if (!pattern.contains("*") && !pattern.contains("?")) {
        ctx.warn(
            "lint.of-without-wildcard",
            at,
            "'"
                + of.group()
                + "' names one identifier; write '"
                + pattern
                + "' alone, or use a"
                + " pattern such as '"
                + pattern
                + "*'",
            pattern);
        continue;
      }
      if (pattern.endsWith("_*")
          && (pattern.startsWith("selection_") || pattern.startsWith("filter_"))) {
        continue; // SigmaHQ's convention: room for more selections or filters later
      }
      int matches = 0;
      for (String name : identifiers.keySet()) {
        if (ConditionParser.globMatches(pattern, name)) {
          matches++;
        }
      }
      if (matches == 1) {
        ctx.warn(
            "lint.of-single-match",
            at,
            "'" + pattern + "' matches a single search identifier; name it directly",
            pattern);
      }
    }
  }

  /** The search identifiers {@code e} names (not looking into their bodies). */
  private static void collect(Expr e, Set<String> used) {
    if (e instanceof Expr.Named n) {
      used.add(n.name());
    } else {
      e.children().forEach(t -> collect(t, used));
    }
  }
}
