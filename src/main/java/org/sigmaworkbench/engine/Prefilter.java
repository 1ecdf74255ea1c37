package org.sigmaworkbench.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sigmaworkbench.rule.CaseFolding;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.LogonIds;
import org.sigmaworkbench.rule.Predicate;
import org.sigmaworkbench.rule.SigmaString;

/**
 * What text a rule needs before it can match: a set of literals of which at least one occurs
 * (folded, see {@link LiteralScanner#fold}) in a given field, or in any field for a keyword. It is
 * derived from the normalized condition: a comparison needs its text (a wildcard pattern its
 * longest literal piece, a regular expression what {@link RegexFacts} finds), {@code or} needs what
 * any term needs, {@code and} what its most telling term needs; negations, numbers, addresses,
 * regular expressions and the like tell nothing. Events that lack every literal a rule needs cannot
 * match it, so the rule is not evaluated on them.
 */
final class Prefilter {
  private Prefilter() {}

  /** Longest literal kept; a piece of a needed literal is needed too. */
  static final int MAX_LITERAL = 12;

  /** Shortest literal worth looking for (two characters will do when one is not ASCII). */
  static final int MIN_LITERAL = 3;

  /** A literal needed in a field ({@code null}: any field). */
  record Need(String field, String literal) {
    // Written out: a record's generated equals and hashCode link through a bootstrap method on
    // first use, a cost every command paid at start.
    @Override
    public boolean equals(Object o) {
      return o == this
          || (o instanceof Need n
              && Objects.equals(n.field, field)
              && Objects.equals(n.literal, literal));
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(field) * 31 + Objects.hashCode(literal);
    }
  }

  /**
   * The needs of an expression: when it holds, at least one of them is met. {@code null} when
   * nothing is known; an empty set when the expression never holds.
   */
  static Set<Need> needs(Expr e) {
    if (e instanceof Expr.Named n) {
      return needs(n.body());
    }
    if (e instanceof Expr.Const c) {
      return c.value() ? null : Set.of();
    }
    if (e instanceof Expr.Or o) {
      Set<Need> all = new LinkedHashSet<>();
      for (Expr t : o.terms()) {
        Set<Need> n = needs(t);
        if (n == null) {
          return null;
        }
        all.addAll(n);
      }
      return all;
    }
    if (e instanceof Expr.And a) {
      Set<Need> best = null;
      for (Expr t : a.terms()) {
        Set<Need> n = needs(t);
        if (n != null && (best == null || better(n, best))) {
          best = n;
        }
      }
      return best;
    }
    if (e instanceof Expr.Match m) {
      if (m.predicate() instanceof Predicate.Regex r) {
        Set<String> literals = RegexFacts.of(r.pattern(), r.ignoreCase()).needs;
        if (literals == null) {
          return null;
        }
        Set<Need> out = new LinkedHashSet<>();
        for (String l : literals) {
          String u = usable(l);
          if (u == null) {
            return null;
          }
          out.add(new Need(m.field(), u));
        }
        return out;
      }
      String literal = literal(m);
      return literal == null ? null : Set.of(new Need(m.field(), literal));
    }
    return null; // not: what holds under a negation is not needed
  }

  /** Fewer events meet needs with longer, less common literals and fewer alternatives. */
  private static boolean better(Set<Need> a, Set<Need> b) {
    int la = shortest(a);
    int lb = shortest(b);
    return la != lb ? la > lb : a.size() < b.size();
  }

  private static int shortest(Set<Need> needs) {
    int min = Integer.MAX_VALUE;
    for (Need n : needs) {
      // A literal that is only common text tells little, however long.
      int telling = 0;
      for (String piece : pieces(n.literal())) {
        telling = Math.max(telling, piece.length());
      }
      min = Math.min(min, telling);
    }
    return needs.isEmpty() ? Integer.MAX_VALUE : min;
  }

  /** The folded literal a comparison needs, or {@code null}. */
  private static String literal(Expr.Match m) {
    Predicate p = m.predicate();
    if (!m.isKeyword() && LogonIds.equalityNumber(m.field(), p) != null) {
      return null; // a logon id may be written in the other notation (LogonIds)
    }
    if (p instanceof Predicate.StringMatch s) {
      boolean lowered = !s.cased() && !m.isKeyword() && CaseFolding.lowersBeyondAscii(s.text());
      // Lower-cased comparisons: only ASCII characters are sure to fold onto themselves.
      return lowered
          ? longestAsciiRun(List.of(CaseFolding.toLower(s.text())))
          : usable(fold(s.text()));
    }
    if (p instanceof Predicate.Wildcard w) {
      // RE2 folds an ASCII letter only with its other case (and k, s with the Kelvin and long s).
      List<String> pieces =
          w.pattern().tokens().stream()
              .filter(t -> t instanceof SigmaString.Literal)
              .map(t -> ((SigmaString.Literal) t).text())
              .toList();
      return longestAsciiRun(pieces);
    }
    return null;
  }

  private static String longestAsciiRun(List<String> texts) {
    String best = "";
    for (String t : texts) {
      int start = 0;
      for (int i = 0; i <= t.length(); i++) {
        if (i == t.length() || t.charAt(i) >= 128) {
          if (i - start > best.length()) {
            best = t.substring(start, i);
          }
          start = i + 1;
        }
      }
    }
    return usable(fold(best));
  }

  /**
   * Text common in Windows process events (folded), which says little about an event: a needed
   * literal is cut at these and its most telling remaining piece is looked for.
   */
  private static final List<String> COMMON =
      List.of(
          "c:\\windows\\system32\\",
          "c:\\windows\\syswow64\\",
          "c:\\program files (x86)\\",
          "c:\\program files\\",
          "c:\\programdata\\",
          "c:\\windows\\",
          "c:\\users\\",
          ":\\windows\\system32\\",
          ":\\windows\\",
          ":\\users\\",
          "\\windows\\system32\\",
          "\\windows\\syswow64\\",
          "\\system32\\",
          "\\syswow64\\",
          "\\windows\\",
          "\\appdata\\local\\",
          "\\appdata\\roaming\\",
          "\\appdata\\",
          "\\users\\",
          "\\program files\\",
          "windowspowershell\\v1.0\\",
          "powershell.exe",
          "cmd.exe",
          ".exe");

  /**
   * The part of a needed literal worth looking for: its longest piece between common text when that
   * is telling enough, else the literal itself (at most its last {@link #MAX_LITERAL} characters);
   * {@code null} only for the empty literal, which every value holds.
   */
  static String usable(String folded) {
    if (folded.isEmpty()) {
      return null;
    }
    String best = "";
    for (String piece : pieces(folded)) {
      if (piece.length() > best.length()) {
        best = piece;
      }
    }
    boolean rare = best.chars().anyMatch(c -> c >= 128);
    if (best.length() < (rare ? 2 : MIN_LITERAL)) {
      best = folded;
    }
    return best.length() > MAX_LITERAL ? best.substring(best.length() - MAX_LITERAL) : best;
  }

  /** The parts of a literal between common text. */
  private static List<String> pieces(String folded) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < folded.length()) {
      String hit = null;
      for (String c : COMMON) {
        if (folded.startsWith(c, i)) {
          hit = c;
          break;
        }
      }
      if (hit == null) {
        i++;
        continue;
      }
      out.add(folded.substring(start, i));
      i += hit.length();
      start = i;
    }
    out.add(folded.substring(start));
    return out;
  }

  private static String fold(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = LiteralScanner.fold(c[i]);
    }
    return new String(c);
  }
}
