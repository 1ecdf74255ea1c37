package org.sigmaworkbench.rule.lint;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sigmaworkbench.rule.DetectionItem;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.SigmaString;

/** How detection items combine modifiers: 'all', windash, base64offset, expand, spellings. */
final class ModifierLint implements ItemLintFamily {

  private static final Map<String, String> SPELLINGS =
      Map.of("ignorecase", "i", "multiline", "m", "dotall", "s");

  static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\\\)%([^%\\s][^%]*?)%");

  @Override
  public void item(LintContext ctx, DetectionItem item, ItemTraits t) {
    Position keyAt = item.keyPosition();
    String what = ItemTraits.describe(item);
    for (String m : item.modifiers()) {
      String spec = SPELLINGS.get(m);
      if (spec != null) {
        ctx.warn(
            "lint.modifier-spelling",
            keyAt,
            "modifier '" + m + "' is written '" + spec + "' in the specification",
            m);
      }
    }
    List<DetectionItem.Value> values = item.values();
    if (t.has("all") && values.size() < 2) {
      ctx.warn(
          "lint.all-single-value",
          keyAt,
          what + " has 'all' with a single value; 'all' joins several values with 'and'",
          item.key());
    }
    if (t.has("all")
        && !item.isKeyword()
        && !t.typed()
        && !t.positioned()
        && !t.has("expand")
        && distinctPlainValues(values, t.caseSensitive()) >= 2) {
      ctx.warn(
          "lint.all-without-contains",
          keyAt,
          what
              + " asks the field to equal each of its values at once, which never matches; did you"
              + " mean '"
              + item.field()
              + "|contains|all'?",
          item.key());
    }
    if (t.has("windash") && t.has("all")) {
      ctx.warn(
          "lint.windash-all",
          keyAt,
          what
              + ": here each value may use any dash, but converters such as pySigma join every"
              + " dash variant with 'and', which never matches; split the values into separate"
              + " items",
          item.key());
    }
    if (t.has("base64offset") && !t.has("contains")) {
      ctx.warn(
          "lint.base64offset-without-contains",
          keyAt,
          what
              + ": 'base64offset' yields fragments found only inside longer base64 text; add"
              + " '|contains' after it",
          item.key());
    }
    if (item.field() != null && item.field().contains(" ")) {
      ctx.warn(
          "lint.space-in-field",
          keyAt,
          "field name '"
              + item.field()
              + "' holds a space; Sigma strips spaces from field names ('"
              + item.field().replace(" ", "")
              + "')",
          item.field());
    }
    if (t.has("expand") && !anyPlaceholder(values)) {
      ctx.warn(
          "lint.expand-without-placeholder",
          keyAt,
          what + " has 'expand' but no %placeholder% in its values",
          item.key());
    }
  }

  private static boolean anyPlaceholder(List<DetectionItem.Value> values) {
    for (DetectionItem.Value v : values) {
      if (v.text().indexOf('%') >= 0 && PLACEHOLDER.matcher(v.text()).find()) {
        return true;
      }
    }
    return false;
  }

  /** Plain values (no unescaped wildcard) that differ from one another. */
  private static int distinctPlainValues(List<DetectionItem.Value> values, boolean cased) {
    Set<String> distinct = new HashSet<>();
    for (DetectionItem.Value v : values) {
      if (v.kind() == DetectionItem.ValueKind.NULL) {
        continue;
      }
      SigmaString s = SigmaString.parse(v.text());
      if (!s.hasWildcards()) {
        distinct.add(cased ? s.plain() : s.plain().toLowerCase(Locale.ROOT));
      }
    }
    return distinct.size();
  }
}
