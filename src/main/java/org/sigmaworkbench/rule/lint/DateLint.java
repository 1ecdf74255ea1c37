package org.sigmaworkbench.rule.lint;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sigmaworkbench.rule.RuleMeta;
import org.sigmaworkbench.rule.SigmaRule;

/** The {@code date} and {@code modified} fields: present, written YYYY-MM-DD, in order. */
final class DateLint implements LintFamily {

  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern SLASHED = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2})");

  @Override
  public void check(LintContext ctx) {
    RuleMeta m = ctx.meta();
    LocalDate date = parse(ctx, "date", m.date());
    LocalDate modified = parse(ctx, "modified", m.modified());
    if (m.date() == null) {
      if (m.modified() != null) {
        ctx.warn(
            "lint.modified-without-date",
            ctx.at("modified"),
            "the rule has 'modified' but no 'date'; a new rule has only 'date'",
            "modified");
      } else if (ctx.doc instanceof SigmaRule) {
        ctx.warn("lint.date-missing", ctx.start(), "the rule has no 'date' (YYYY-MM-DD)", "");
      }
    }
    if (date != null && modified != null) {
      if (modified.isBefore(date)) {
        ctx.warn(
            "lint.date-order",
            ctx.at("modified"),
            "modified " + modified + " is earlier than date " + date,
            m.modified());
      } else if (modified.equals(date)) {
        ctx.warn(
            "lint.modified-redundant",
            ctx.at("modified"),
            "modified is the same day as date; leave 'modified' out until the rule changes",
            m.modified());
      }
    }
  }

  /** The date, or {@code null} when absent or unreadable (reported). */
  private static LocalDate parse(LintContext ctx, String field, String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    Matcher iso = ISO.matcher(t);
    Matcher slashed = SLASHED.matcher(t);
    Matcher parts = iso.matches() ? iso : slashed.matches() ? slashed : null;
    if (parts == null) {
      ctx.warn(
          "lint.date-format",
          ctx.at(field),
          field + " '" + text + "' is not a date written YYYY-MM-DD",
          text);
      return null;
    }
    LocalDate d;
    try {
      d =
          LocalDate.of(
              Integer.parseInt(parts.group(1)),
              Integer.parseInt(parts.group(2)),
              Integer.parseInt(parts.group(3)));
    } catch (DateTimeException e) {
      ctx.warn(
          "lint.date-format", ctx.at(field), field + " '" + text + "' is not a calendar day", text);
      return null;
    }
    if (parts == slashed) {
      ctx.warn(
          "lint.date-format",
          ctx.at(field),
          field + " '" + text + "' uses the Sigma 1.x form; write it " + d + " (YYYY-MM-DD)",
          text);
    }
    return d;
  }
}
