package org.sigmaworkbench.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds many literals in a value in one pass (Aho-Corasick, compiled to a table: one lookup per
 * character). Values and literals are compared after {@link #fold}, which maps every character that
 * a case-insensitive comparison of the matcher, KQL or RE2 treats as an ASCII letter onto that
 * lower-case letter, so a literal found by any of those comparisons is also found here.
 */
final class LiteralScanner {

  /** Receives the index of each literal found. */
  interface Found {
    void found(int literal);
  }

  private final char[] classOf = new char[65536];
  private final int classes;
  private final int[] next;
  private final int[] outStart;
  private final int[] outs;

  /** The folded form of a character (see the class comment). */
  static char fold(char c) {
    if (c >= 'A' && c <= 'Z') {
      return (char) (c + 32);
    }
    return switch (c) {
      case '\u212A' -> 'k'; // Kelvin sign: RE2 folds it with k; tolower() gives k
      case '\u017F' -> 's'; // long s: RE2 folds it with s
      case '\u0130' -> 'i'; // I with dot: tolower() gives i
      default -> c;
    };
  }

  /**
   * @param literals folded literals, none empty
   */
  LiteralScanner(List<String> literals) {
    TreeSet<Character> alphabet = new TreeSet<>();
    for (String l : literals) {
      for (char c : l.toCharArray()) {
        alphabet.add(c);
      }
    }
    char[] ids = new char[65536];
    int k = 1;
    for (char c : alphabet) {
      ids[c] = (char) k++;
    }
    classes = k;
    for (int c = 0; c < 65536; c++) {
      classOf[c] = ids[fold((char) c)];
    }
    // The trie.
    List<int[]> go = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    go.add(new int[classes]);
    out.add(new ArrayList<>());
    for (int li = 0; li < literals.size(); li++) {
      int s = 0;
      for (char c : literals.get(li).toCharArray()) {
        int cl = ids[c];
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

  int states() {
    return outStart.length - 1;
  }

  /**
   * Reports every literal occurring in {@code value} (a literal may be reported more than once).
   */
  void scan(String value, Found found) {
    int[] nx = next;
    char[] cls = classOf;
    int[] os = outStart;
    int k = classes;
    int s = 0;
    int n = value.length();
    for (int i = 0; i < n; i++) {
      s = nx[s * k + cls[value.charAt(i)]];
      int from = os[s];
      int to = os[s + 1];
      for (int o = from; o < to; o++) {
        found.found(outs[o]);
      }
    }
  }
}
