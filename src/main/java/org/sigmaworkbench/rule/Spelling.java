package org.sigmaworkbench.rule;

import java.util.Collection;
import java.util.Locale;

/** Suggestions for misspelled names: the closest known name by edit distance. */
public final class Spelling {
  private Spelling() {}

  /**
   * The candidate closest to {@code name} (ignoring case) within {@code maxDistance} edits, or
   * {@code null}.
   */
  public static String closest(String name, Collection<String> candidates, int maxDistance) {
    String lower = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = maxDistance + 1;
    for (String c : candidates) {
      if (Math.abs(c.length() - lower.length()) >= bestDistance) {
        continue; // at least that many insertions or deletions
      }
      int d = distance(lower, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  /** The Levenshtein distance between two strings. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
