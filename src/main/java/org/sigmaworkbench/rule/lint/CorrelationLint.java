package org.sigmaworkbench.rule.lint;

import java.util.List;
import java.util.Map;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.FilterRule;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.SigmaKeys;
import org.sigmaworkbench.rule.SourceMap;
import org.sigmaworkbench.rule.Spelling;

/** The shape of correlation and filter documents beyond what loading requires. */
final class CorrelationLint implements LintFamily {

  /** The keys a correlation section may hold. */
  private static final List<String> SECTION_NAMES = SigmaKeys.correlationSectionNames();

  @Override
  public void check(LintContext ctx) {
    if (ctx.doc instanceof FilterRule) {
      for (String field : List.of("status", "level")) {
        if (ctx.src.entry(field) != null) {
          ctx.warn(
              "lint.filter-field",
              ctx.src.key(field),
              "a filter has no '"
                  + field
                  + "'; it changes the rules it applies to, which keep"
                  + " theirs",
              field);
        }
      }
      return;
    }
    if (!(ctx.doc instanceof CorrelationRule c)) {
      return;
    }
    for (Map.Entry<String, SourceMap.Entry> e : ctx.src.entries().entrySet()) {
      String path = e.getKey();
      if (path.startsWith("correlation.")) {
        String key = path.substring("correlation.".length());
        if (!key.contains(".") && !key.contains("[") && !SECTION_NAMES.contains(key)) {
          String near = Spelling.closest(key, SECTION_NAMES, 2);
          ctx.warn(
              "lint.correlation-field",
              e.getValue().keyPosition(),
              "'"
                  + key
                  + "' is not a correlation field ("
                  + String.join(", ", SigmaKeys.names(SigmaKeys.CORRELATION_SECTION))
                  + ")"
                  + (near == null ? "" : "; did you mean '" + near + "'?"),
              key);
        }
      }
    }
    if (ctx.src.entry("correlation.timeframe") != null
        && ctx.src.entry("correlation.timespan") == null) {
      ctx.warn(
          "lint.correlation-timespan",
          ctx.src.key("correlation.timeframe"),
          "'timeframe' is the Sigma 1.x name; correlation rules say 'timespan'",
          "timeframe");
    }
    String span = c.timespanText();
    if (span != null && !span.isEmpty() && "wMy".indexOf(span.charAt(span.length() - 1)) >= 0) {
      ctx.warn(
          "lint.correlation-timespan",
          ctx.at(
              ctx.src.entry("correlation.timespan") != null
                  ? "correlation.timespan"
                  : "correlation.timeframe"),
          "timespan '" + span + "': the specification's units are s, m, h and d; write it in days",
          span);
    }
    if (c.groupBy().isEmpty() && c.type() != null) {
      ctx.warn(
          "lint.correlation-group-by",
          ctx.src.key("correlation").line() > 0 ? ctx.src.key("correlation") : ctx.start(),
          "the correlation has no 'group-by', so it "
              + (c.type().startsWith("temporal") ? "relates" : "counts")
              + " events across all hosts and users together",
          "correlation");
    }
    for (Map.Entry<String, Map<String, String>> alias : c.aliases().entrySet()) {
      Position at = ctx.at("correlation.aliases." + alias.getKey());
      if (!c.groupBy().contains(alias.getKey())) {
        ctx.warn(
            "lint.correlation-alias",
            ctx.src.key("correlation.aliases." + alias.getKey()).line() > 0
                ? ctx.src.key("correlation.aliases." + alias.getKey())
                : at,
            "alias '" + alias.getKey() + "' is not used in group-by",
            alias.getKey());
      }
      for (String rule : alias.getValue().keySet()) {
        if (!c.rules().contains(rule)) {
          ctx.warn(
              "lint.correlation-alias",
              ctx.src.key("correlation.aliases." + alias.getKey() + "." + rule).line() > 0
                  ? ctx.src.key("correlation.aliases." + alias.getKey() + "." + rule)
                  : at,
              "alias '"
                  + alias.getKey()
                  + "' maps rule '"
                  + rule
                  + "', which the correlation does not list under 'rules'",
              rule);
        }
      }
    }
  }
}
