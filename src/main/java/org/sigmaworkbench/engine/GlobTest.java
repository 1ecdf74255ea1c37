package org.sigmaworkbench.engine;

import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.rule.SigmaString;

/**
 * A Sigma wildcard pattern matched against the whole value without a regex engine, with exactly the
 * meaning of its regex form {@link SigmaString#toRegex} under RE2: {@code *} any run of code points
 * (line breaks too), {@code ?} one code point, literals exact or, ignoring case, folded as RE2
 * folds them. Used when that folding is simple to state: every literal character is ASCII (ignoring
 * case, where RE2 adds the Kelvin sign to {@code k} and the long s to {@code s}) or not a surrogate
 * (cased); other patterns go to the regex.
 */
final class GlobTest extends ValueTest {
  private static final int ANY_CHAR = -1;
  private static final int ANY_STRING = -2;

  /** Per position: a character (with {@link #mask}), or {@link #ANY_CHAR} / {@link #ANY_STRING}. */
  private final int[] prog;

  private final char[] mask;
  private final char[] alt;

  private GlobTest(int[] prog, char[] mask, char[] alt) {
    this.prog = prog;
    this.mask = mask;
    this.alt = alt;
  }

  /** The glob for a pattern, or {@code null} when it needs the regex engine. */
  static GlobTest of(SigmaString pattern, boolean cased) {
    List<Integer> prog = new ArrayList<>();
    StringBuilder masks = new StringBuilder();
    StringBuilder alts = new StringBuilder();
    for (SigmaString.Token t : pattern.tokens()) {
      if (t instanceof SigmaString.AnyString) {
        prog.add(ANY_STRING);
        masks.append('\0');
        alts.append('\0');
      } else if (t instanceof SigmaString.AnyChar) {
        prog.add(ANY_CHAR);
        masks.append('\0');
        alts.append('\0');
      } else {
        String text = ((SigmaString.Literal) t).text();
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          if (cased ? Character.isSurrogate(c) : c >= 128) {
            return null;
          }
          boolean letter = !cased && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
          char m = letter ? (char) 0x20 : 0;
          char want = (char) (c | m);
          prog.add((int) want);
          masks.append(m);
          alts.append(!letter ? want : want == 'k' ? '\u212A' : want == 's' ? '\u017F' : want);
        }
      }
    }
    return new GlobTest(
        prog.stream().mapToInt(Integer::intValue).toArray(),
        masks.toString().toCharArray(),
        alts.toString().toCharArray());
  }

  @Override
  boolean test(String v) {
    int[] p = prog;
    int m = p.length;
    int n = v.length();
    int pi = 0;
    int vi = 0;
    int starP = -1;
    int starV = 0;
    while (vi < n) {
      if (pi < m) {
        int want = p[pi];
        if (want == ANY_STRING) {
          starP = pi++;
          starV = vi;
          continue;
        }
        if (want == ANY_CHAR) {
          vi += charsAt(v, vi);
          pi++;
          continue;
        }
        char c = v.charAt(vi);
        if ((c | mask[pi]) == want || c == alt[pi]) {
          vi++;
          pi++;
          continue;
        }
      }
      if (starP < 0) {
        return false;
      }
      pi = starP + 1;
      starV += charsAt(v, starV);
      if (pi < m && p[pi] >= 0) {
        // Skip to where the literal after the star can start (a literal never matches a
        // surrogate, so stepping by chars lands on the same places as by code points).
        int want = p[pi];
        char mk = mask[pi];
        char al = alt[pi];
        while (starV < n) {
          char c = v.charAt(starV);
          if ((c | mk) == want || c == al) {
            break;
          }
          starV++;
        }
      }
      vi = starV;
    }
    while (pi < m && p[pi] == ANY_STRING) {
      pi++;
    }
    return pi == m;
  }

  /** The chars of the code point at {@code i}: 2 for a surrogate pair, else 1. */
  private static int charsAt(String v, int i) {
    return Character.isHighSurrogate(v.charAt(i))
            && i + 1 < v.length()
            && Character.isLowSurrogate(v.charAt(i + 1))
        ? 2
        : 1;
  }

  @Override
  int cost() {
    return 8;
  }
}
