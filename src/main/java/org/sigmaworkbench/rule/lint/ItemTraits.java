package org.sigmaworkbench.rule.lint;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.sigmaworkbench.rule.DetectionItem;

/**
 * What the modifiers of one detection item make of its values, for the lint families that judge
 * items.
 *
 * @param modifiers the modifier names in lower case
 * @param typed whether a modifier makes the values something other than Sigma strings (re, cidr, a
 *     comparison, exists, fieldref, a date part)
 * @param positioned whether contains, startswith or endswith is given
 * @param encoded whether an encoding (base64, utf16, ...) changes the values' text
 */
record ItemTraits(Set<String> modifiers, boolean typed, boolean positioned, boolean encoded) {

  private static final Set<String> TYPE_MODIFIERS =
      Set.of(
          "re",
          "cidr",
          "exists",
          "fieldref",
          "lt",
          "lte",
          "gt",
          "gte",
          "minute",
          "hour",
          "day",
          "week",
          "month",
          "year");

  private static final Set<String> POSITIONS = Set.of("contains", "startswith", "endswith");

  private static final Set<String> ENCODINGS =
      Set.of("base64", "base64offset", "utf16le", "utf16be", "utf16", "wide");

  static ItemTraits of(DetectionItem item) {
    Set<String> mods = new HashSet<>();
    boolean typed = false;
    boolean positioned = false;
    boolean encoded = false;
    for (String m : item.modifiers()) {
      String lower = m.toLowerCase(Locale.ROOT);
      mods.add(lower);
      typed |= TYPE_MODIFIERS.contains(lower);
      positioned |= POSITIONS.contains(lower);
      encoded |= ENCODINGS.contains(lower);
    }
    return new ItemTraits(mods, typed, positioned, encoded);
  }

  boolean has(String modifier) {
    return modifiers.contains(modifier);
  }

  /** Whether values are compared with their case (cased, regular expressions, encodings). */
  boolean caseSensitive() {
    return has("cased") || has("re") || encoded;
  }

  /** How messages name the item. */
  static String describe(DetectionItem item) {
    return item.isKeyword() ? "this keyword list" : "'" + item.key() + "'";
  }
}
