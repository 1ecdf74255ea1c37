package org.sigmaworkbench.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds many literals in a value in one pass (Aho-Corasick, compiled to a table: one lookup per
 * character). Values and literals are compared after a {@link Fold}; the folds only merge
 * characters, so what a comparison under a fold finds, the scanner finds too (callers verify where
 * the fold merges more than their comparison).
 */
final class LiteralScanner {

  /** How characters are merged before comparing. */
  enum Fold {
    /** No merging: exact comparison. */
    EXACT,
    /**
     * ASCII letters with their other case, and the characters that KQL's tolower() or RE2's case
     * folding turn into or pair with an ASCII letter (Kelvin sign, long s, I with dot).
     */
    ASCII,
    /** Lower case of each character, as tolower() on text without cased supplementary letters. */
    LOWER;

    char apply(char c) {
      switch (this) {
        case EXACT:
          return c;
        case LOWER:
          return Character.isSurrogate(c) ? c : Character.toLowerCase(c);
        default:
          if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
          }
          return switch (c) {
            case '\u212A' -> 'k';
            case '\u017F' -> 's';
            case '\u0130' -> 'i';
            default -> c;
          };
      }
    }
  }

  /**
   * Receives each literal found in {@code value}, starting at {@code start}; returning true stops
   * the scan. A caller that needs a stricter comparison than the fold checks the literal here.
   */
  interface Found {
    boolean found(int literal, String value, int start);
  }

  /**
   * Reports the literals occurring in {@code value} until {@code found} returns true; returns
   * whether it did. Allocates nothing.
   */
  boolean scan(String value, Found found) {
    int[] nx = next;
    char[] ac = asciiClass;
    int row = 0;
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      row = nx[row + (c < 128 ? ac[c] : classOf(c))];
      if (row < 0) {
        row = ~row;
        int state = row / classes;
        for (int o = outStart[state]; o < outStart[state + 1]; o++) {
          int lit = outs[o];
          if (found.found(lit, value, i + 1 - lengths[lit])) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether some literal occurs in {@code text}. Allocates nothing. */
  boolean any(CharSequence text) {
    int[] nx = next;
    char[] ac = asciiClass;
    int row = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      row = nx[row + (c < 128 ? ac[c] : classOf(c))];
      if (row < 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether some literal occurs in the UTF-16LE text of {@code b[off, off + len)}, read as it is
   * stored (an odd last byte is ignored). Allocates nothing.
   */
  boolean anyUtf16le(byte[] b, int off, int len) {
    int[] nx = next;
    char[] ac = asciiClass;
    int row = 0;
    int end = off + (len & ~1);
    for (int p = off; p < end; p += 2) {
      char c = (char) ((b[p] & 0xFF) | (b[p + 1] << 8));
      row = nx[row + (c < 128 ? ac[c] : classOf(c))];
      if (row < 0) {
        return true;
      }
    }
    return false;
  }

  /** The ASCII fold of a character (see {@link Fold#ASCII}). */
  static char fold(char c) {
    return Fold.ASCII.apply(c);
  }

  private final Fold fold;
  private final char[] asciiClass = new char[128];
  private final char[] high;
  private final char[] highClass;
  private final int classes;
  private final int[] next;
  private final int[] outStart;
  private final int[] outs;
  private final int[] lengths;

  /**
   * @param literals the literals as written (folded here), none empty
   */
  LiteralScanner(List<String> literals, Fold fold) {
    this.fold = fold;
    List<String> folded = new ArrayList<>();
    TreeSet<Character> alphabet = new TreeSet<>();
    lengths = new int[literals.size()];
    for (int i = 0; i < literals.size(); i++) {
      char[] c = literals.get(i).toCharArray();
      for (int j = 0; j < c.length; j++) {
        c[j] = fold.apply(c[j]);
        alphabet.add(c[j]);
      }
      folded.add(new String(c));
      lengths[i] = c.length;
    }
    List<Character> highChars = new ArrayList<>();
    int k = 1;
    char[] ids = new char[128];
    List<Character> highIds = new ArrayList<>();
    for (char c : alphabet) {
      if (c < 128) {
        ids[c] = (char) k++;
      } else {
        highChars.add(c);
        highIds.add((char) k++);
      }
    }
    classes = k;
    for (int c = 0; c < 128; c++) {
      char f = fold.apply((char) c);
      asciiClass[c] = f < 128 ? ids[f] : 0;
    }
    high = new char[highChars.size()];
    highClass = new char[highChars.size()];
    for (int i = 0; i < high.length; i++) {
      high[i] = highChars.get(i);
      highClass[i] = highIds.get(i);
    }
    // The trie.
    List<int[]> go = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    go.add(new int[classes]);
    out.add(new ArrayList<>());
    for (int li = 0; li < folded.size(); li++) {
      int s = 0;
      for (char c : folded.get(li).toCharArray()) {
        int cl = classOf(c);
        if (go.get(s)[cl] == 0) {
          go.add(new int[classes]);
          out.add(new ArrayList<>());
          go.get(s)[cl] = go.size() - 1;
        }
        s = go.get(s)[cl];
      }
      out.get(s).add(li);
    }
    int states = go.size();
    int[] fail = new int[states];
    next = new int[states * classes];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int cl = 0; cl < classes; cl++) {
      int t = go.get(0)[cl];
      next[cl] = t;
      if (t != 0) {
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.get(s).addAll(out.get(fail[s]));
      for (int cl = 0; cl < classes; cl++) {
        int t = go.get(s)[cl];
        if (t != 0) {
          fail[t] = next[fail[s] * classes + cl];
          next[s * classes + cl] = t;
          queue.add(t);
        } else {
          next[s * classes + cl] = next[fail[s] * classes + cl];
        }
      }
    }
    // Transitions hold the target state's row offset (state * classes), negative when the target
    // state reports literals, so the scan loop neither multiplies nor looks up outputs per step.
    for (int i = 0; i < next.length; i++) {
      int t = next[i];
      next[i] = out.get(t).isEmpty() ? t * classes : ~(t * classes);
    }
    outStart = new int[states + 1];
    int total = 0;
    for (int s = 0; s < states; s++) {
      outStart[s] = total;
      total += out.get(s).size();
    }
    outStart[states] = total;
    outs = new int[total];
    for (int s = 0; s < states; s++) {
      List<Integer> o = out.get(s);
      for (int i = 0; i < o.size(); i++) {
        outs[outStart[s] + i] = o.get(i);
      }
    }
  }

  private int classOf(char c) {
    if (c < 128) {
      return asciiClass[c];
    }
    char f = fold.apply(c);
    if (f < 128) {
      return asciiClass[f];
    }
    int i = Arrays.binarySearch(high, f);
    return i >= 0 ? highClass[i] : 0;
  }

  /** The length of a literal in chars. */
  int length(int literal) {
    return lengths[literal];
  }

  int states() {
    return outStart.length - 1;
  }
}
