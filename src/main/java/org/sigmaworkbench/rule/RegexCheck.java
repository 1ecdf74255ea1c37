package org.sigmaworkbench.rule;

import java.util.Map;

/**
 * Finds constructs of backtracking regex dialects (PCRE, Java, .NET) that RE2 does not have. KQL
 * runs regular expressions with RE2, so a rule that needs one of them cannot mean in Sentinel what
 * it says.
 */
public final class RegexCheck {

  /** The groups RE2 does not have, by how they open (no opening begins another). */
  private static final Map<String, String> GROUPS =
      Map.of(
          "(?=", "a look-ahead (?=...)",
          "(?!", "a negative look-ahead (?!...)",
          "(?>", "an atomic group (?>...)",
          "(?<=", "a look-behind (?<=...)",
          "(?<!", "a negative look-behind (?<!...)",
          "(?(", "a conditional group (?(...)");

  private RegexCheck() {}

  /** A description of the first unsupported construct, or {@code null} when there is none. */
  public static String unsupportedConstruct(String pattern) {
    boolean inClass = false;
    int n = pattern.length();
    for (int i = 0; i < n; i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char e = pattern.charAt(i + 1);
        if (!inClass && e >= '1' && e <= '9') {
          return "a back-reference (\\" + e + ")";
        }
        if (!inClass && e == 'k' && i + 2 < n && pattern.charAt(i + 2) == '<') {
          return "a named back-reference (\\k<...>)";
        }
        if (e == 'G') {
          return "the \\G anchor";
        }
        if (e == 'Z') {
          return "the \\Z anchor (use \\z or $)";
        }
        i++;
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
        }
        continue;
      }
      if (c == '[') {
        inClass = true;
        if (i + 1 < n && pattern.charAt(i + 1) == ']') {
          i++;
        } else if (i + 2 < n && pattern.charAt(i + 1) == '^' && pattern.charAt(i + 2) == ']') {
          i += 2;
        }
        continue;
      }
      if (c == '(' && i + 2 < n && pattern.charAt(i + 1) == '?') {
        for (Map.Entry<String, String> g : GROUPS.entrySet()) {
          if (pattern.startsWith(g.getKey(), i)) {
            return g.getValue();
          }
        }
        char k = pattern.charAt(i + 2);
        if (k == 'R' || (k >= '0' && k <= '9')) {
          return "a recursive pattern (?R)";
        }
      }
      if ((c == '+') && i > 0 && isQuantifierEnd(pattern, i - 1)) {
        return "a possessive quantifier (" + pattern.charAt(i - 1) + "+)";
      }
    }
    return null;
  }

  private static boolean isQuantifierEnd(String p, int i) {
    char q = p.charAt(i);
    if (q != '*' && q != '+' && q != '?' && q != '}') {
      return false;
    }
    // An escaped quantifier character is a literal.
    int backslashes = 0;
    for (int j = i - 1; j >= 0 && p.charAt(j) == '\\'; j--) {
      backslashes++;
    }
    if (backslashes % 2 == 1) {
      return false;
    }
    // "(?" or "(+" is not a quantifier; "x?+" after a lazy "?" is not possessive in the "*?" case.
    if (q == '?' && i > 0 && (p.charAt(i - 1) == '(')) {
      return false;
    }
    if (q == '?' && i > 0 && "*+?}".indexOf(p.charAt(i - 1)) >= 0) {
      return false; // "*?+" is rare; treat "?"" after a quantifier as lazy, then "+" is a new
      // quantifier
    }
    return i > 0 || q == '}';
  }
}
