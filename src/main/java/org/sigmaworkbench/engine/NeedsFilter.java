package org.sigmaworkbench.engine;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.sigmaworkbench.logs.TextFilter;

/**
 * The literals some rules need ({@link Prefilter}), as a filter for readers: an event that holds
 * none of them in any of its text matches none of the rules. Text is compared under the fold the
 * rules' prefilter uses ({@link LiteralScanner.Fold#ASCII}), which merges at least what every
 * comparison of the rules merges.
 *
 * <p>A few long literals are looked for by skipping (Horspool's method for a set of patterns: the
 * character at the end of a window of the shortest literal's length says how far the window can
 * move; in UTF-16LE bytes, when every literal is ASCII, the pair of characters at its end, as Wu
 * and Manber's method does), which reads a fraction of the text; many or short literals go through
 * one {@link LiteralScanner} pass, which reads every character once.
 */
final class NeedsFilter implements TextFilter {
  /** At most this many literals are looked for by skipping. */
  static final int MAX_SKIP_LITERALS = 8;

  /** Skipping pays from this window length on. */
  static final int MIN_SKIP_WINDOW = 5;

  private final List<String> literals;
  private final LiteralScanner scanner;
  private final Utf8Needs utf8;

  // Skipping: folded literals, the window length and the shift by the folded window-end character.
  private final char[][] folded;
  private final int window;
  private final byte[] asciiShift = new byte[128];
  private final boolean[] asciiEnd = new boolean[128];

  /**
   * For skipping over UTF-16LE text when every literal is ASCII: the shift by the folded pair of
   * characters that ends the window (index {@code first << 7 | second}), or {@code null}.
   */
  private final byte[] pairShift;

  /**
   * @param literals folded literals, none empty; an empty list wants nothing
   */
  NeedsFilter(List<String> literals) {
    this.literals = List.copyOf(literals);
    int min = literals.stream().mapToInt(String::length).min().orElse(0);
    boolean skip = literals.size() <= MAX_SKIP_LITERALS && min >= MIN_SKIP_WINDOW;
    this.window = skip ? Math.min(min, 127) : 0;
    this.folded = new char[skip ? literals.size() : 0][];
    if (skip) {
      Arrays.fill(asciiShift, (byte) window);
      for (int l = 0; l < folded.length; l++) {
        char[] c = literals.get(l).toCharArray();
        for (int i = 0; i < c.length; i++) {
          c[i] = LiteralScanner.fold(c[i]);
        }
        folded[l] = c;
        if (c[window - 1] < 128) {
          asciiEnd[c[window - 1]] = true;
        }
        for (int j = 0; j < window - 1; j++) {
          if (c[j] < 128) {
            asciiShift[c[j]] = (byte) Math.min(asciiShift[c[j]], window - 1 - j);
          }
        }
      }
    }
    boolean ascii =
        literals.stream()
            .allMatch(l -> l.chars().allMatch(c -> LiteralScanner.fold((char) c) < 128));
    this.pairShift = skip && ascii ? pairShifts(folded, window) : null;
    this.scanner =
        literals.isEmpty() || skip
            ? null
            : new LiteralScanner(this.literals, LiteralScanner.Fold.ASCII);
    this.utf8 = literals.isEmpty() ? null : new Utf8Needs(this.literals, this::in);
  }

  @Override
  public boolean inUtf8(byte[] bytes, int offset, int length) {
    return utf8 != null && utf8.in(bytes, offset, length);
  }

  @Override
  public boolean mayHold(char c) {
    char f = LiteralScanner.fold(c);
    for (String l : literals) {
      if (l.indexOf(f) >= 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean in(CharSequence text) {
    if (window > 0) {
      return skipSearch(text);
    }
    return scanner != null && scanner.any(text);
  }

  @Override
  public boolean inUtf16le(byte[] bytes, int offset, int length) {
    if (window > 0) {
      return skipSearch(bytes, offset, length >>> 1);
    }
    return scanner != null && scanner.anyUtf16le(bytes, offset, length);
  }

  /*
   * Horspool: the window is tried where its last character ends some literal's first `window`
   * characters, and moves to the next place where that character could line up with one of them
   * (by 1 for a character outside ASCII), so it never passes a place where a literal starts. Two
   * copies of the loop, for text and for UTF-16LE bytes, so that each stays simple to compile.
   */

  private boolean skipSearch(CharSequence text) {
    int n = text.length();
    int m = window;
    int i = 0;
    while (i + m <= n) {
      char last = text.charAt(i + m - 1);
      if (last < 128) {
        char f = ASCII_FOLD[last];
        if (asciiEnd[f] && anyAt(text, n, i)) {
          return true;
        }
        i += asciiShift[f];
      } else {
        if (anyAt(text, n, i)) {
          return true;
        }
        i++;
      }
    }
    return false;
  }

  private boolean anyAt(CharSequence text, int n, int i) {
    for (char[] lit : folded) {
      int len = lit.length;
      if (i + len <= n) {
        int k = len - 1;
        while (k >= 0 && LiteralScanner.fold(text.charAt(i + k)) == lit[k]) {
          k--;
        }
        if (k < 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Wu and Manber's shifts for blocks of two characters: a window whose last two characters are a
   * pair no literal holds among its first {@code window} characters moves by {@code window - 1};
   * otherwise by the distance from that pair's last place there to the window's end (0: compare).
   */
  private static byte[] pairShifts(char[][] folded, int window) {
    byte[] shift = new byte[128 * 128];
    Arrays.fill(shift, (byte) (window - 1));
    for (char[] lit : folded) {
      for (int j = 0; j + 1 < window; j++) {
        int pair = lit[j] << 7 | lit[j + 1];
        shift[pair] = (byte) Math.min(shift[pair], window - 2 - j);
      }
    }
    return shift;
  }

  /*
   * Over UTF-16LE text with ASCII literals: the pair of characters ending the window picks the
   * shift. A character beyond ASCII that does not fold into ASCII is in no literal, so a window
   * ending on one moves past it, and one whose pair starts with one moves by window - 1.
   */
  private boolean pairSearch(byte[] b, int off, int n) {
    int m = window;
    int i = 0;
    while (i + m <= n) {
      int p = off + 2 * (i + m - 1);
      int second = foldedAscii(b[p], b[p + 1]);
      if (second < 0) {
        i += m;
        continue;
      }
      int first = foldedAscii(b[p - 2], b[p - 1]);
      int shift = first < 0 ? m - 1 : pairShift[first << 7 | second];
      if (shift == 0) {
        if (anyAt(b, off, n, i)) {
          return true;
        }
        shift = 1;
      }
      i += shift;
    }
    return false;
  }

  /** The ASCII fold of a UTF-16LE character, or -1 when it does not fold into ASCII. */
  private static int foldedAscii(byte low, byte high) {
    if (high == 0 && low >= 0) {
      return ASCII_FOLD[low];
    }
    char f = LiteralScanner.fold((char) ((low & 0xFF) | (high << 8)));
    return f < 128 ? f : -1;
  }

  private boolean skipSearch(byte[] b, int off, int n) {
    if (pairShift != null) {
      return pairSearch(b, off, n);
    }
    int m = window;
    int i = 0;
    while (i + m <= n) {
      int p = off + 2 * (i + m - 1);
      if (b[p + 1] == 0 && b[p] >= 0) {
        char f = ASCII_FOLD[b[p]];
        if (asciiEnd[f] && anyAt(b, off, n, i)) {
          return true;
        }
        i += asciiShift[f];
      } else {
        if (anyAt(b, off, n, i)) {
          return true;
        }
        i++;
      }
    }
    return false;
  }

  private boolean anyAt(byte[] b, int off, int n, int i) {
    for (char[] lit : folded) {
      int len = lit.length;
      if (i + len <= n) {
        int k = len - 1;
        while (k >= 0) {
          int p = off + 2 * (i + k);
          char c = (char) ((b[p] & 0xFF) | (b[p + 1] << 8));
          if (LiteralScanner.fold(c) != lit[k]) {
            break;
          }
          k--;
        }
        if (k < 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** ASCII letters in lower case, other ASCII characters as they are. */
  private static final char[] ASCII_FOLD = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_FOLD[c] = LiteralScanner.fold(c);
    }
  }

  @Override
  public boolean couldBeMadeOf(IntPredicate allowed) {
    for (String l : literals) {
      if (l.chars().allMatch(allowed)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "text holding any of " + literals;
  }
}
