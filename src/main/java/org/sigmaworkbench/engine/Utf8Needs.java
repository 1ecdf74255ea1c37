package org.sigmaworkbench.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The search of {@link NeedsFilter} over UTF-8 bytes as they are stored, without decoding them.
 *
 * <p>The ASCII bytes are searched for the literals made of ASCII characters, ASCII letters folded.
 * That finds every such literal the decoded text holds, unless the text holds a character the fold
 * turns into an ASCII letter (Kelvin sign, long s, capital I with dot: their UTF-8 forms start with
 * the bytes E2, C5, C4). Only then, or when some literal holds a character beyond ASCII and the
 * bytes hold one too, is the text decoded and searched as text. Bytes of a multi-byte character or
 * malformed bytes are never ASCII, so they never make an ASCII match that the text lacks.
 *
 * <p>A few long literals are looked for by skipping (Horspool), many or short ones through one
 * {@link LiteralScanner} pass over the bytes read as Latin-1 characters.
 */
final class Utf8Needs {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGHS = 0x8080808080808080L;

  /** Folded ASCII literals looked for by skipping; empty when scanning. */
  private final byte[][] literals;

  private final int window;
  private final byte[] shift = new byte[256];
  private final boolean[] end = new boolean[256];
  private final LiteralScanner scanner;

  /** Some literal holds a character beyond ASCII. */
  private final boolean beyondAscii;

  /** The search of the decoded text. */
  private final Predicate<String> text;

  /**
   * @param folded the literals folded as {@link LiteralScanner#fold} folds, none empty
   * @param text whether some literal occurs in a text
   */
  Utf8Needs(List<String> folded, Predicate<String> text) {
    this.text = text;
    List<String> ascii = new ArrayList<>();
    boolean beyond = false;
    for (String written : folded) {
      char[] f = written.toCharArray();
      for (int i = 0; i < f.length; i++) {
        f[i] = LiteralScanner.fold(f[i]);
      }
      String l = new String(f);
      if (l.chars().allMatch(c -> c < 128)) {
        ascii.add(l);
      } else {
        beyond = true;
      }
    }
    this.beyondAscii = beyond;
    int min = ascii.stream().mapToInt(String::length).min().orElse(0);
    boolean skip =
        !ascii.isEmpty()
            && ascii.size() <= NeedsFilter.MAX_SKIP_LITERALS
            && min >= NeedsFilter.MIN_SKIP_WINDOW;
    this.window = skip ? Math.min(min, 127) : 0;
    this.literals = new byte[skip ? ascii.size() : 0][];
    if (skip) {
      Arrays.fill(shift, (byte) window);
      for (int l = 0; l < literals.length; l++) {
        byte[] c = ascii.get(l).getBytes(StandardCharsets.US_ASCII);
        literals[l] = c;
        end[c[window - 1]] = true;
        for (int j = 0; j < window - 1; j++) {
          shift[c[j]] = (byte) Math.min(shift[c[j]], window - 1 - j);
        }
      }
    }
    this.scanner =
        skip || ascii.isEmpty() ? null : new LiteralScanner(ascii, LiteralScanner.Fold.ASCII);
  }

  /** Whether some literal occurs in the UTF-8 text of {@code b[off, off + len)}. */
  boolean in(byte[] b, int off, int len) {
    if (window > 0
        ? skipSearch(b, off, len)
        : scanner != null && scanner.any(latin1(b, off, len))) {
      return true;
    }
    return mayDiffer(b, off, len) && text.test(new String(b, off, len, StandardCharsets.UTF_8));
  }

  /** Whether the ASCII search may miss what the decoded text holds. */
  private boolean mayDiffer(byte[] b, int off, int len) {
    int i = off;
    int to = off + len;
    while (i + 8 <= to && ((long) LONGS.get(b, i) & HIGHS) == 0) {
      i += 8;
    }
    for (; i < to; i++) {
      int c = b[i] & 0xFF;
      if (c >= 0x80 && (beyondAscii || c == 0xC4 || c == 0xC5 || c == 0xE2)) {
        return true;
      }
    }
    return false;
  }

  private boolean skipSearch(byte[] b, int off, int len) {
    int m = window;
    int i = off;
    int last = off + len - m;
    while (i <= last) {
      int f = FOLD[b[i + m - 1] & 0xFF];
      if (end[f] && anyAt(b, off + len, i)) {
        return true;
      }
      i += shift[f];
    }
    return false;
  }

  private boolean anyAt(byte[] b, int to, int i) {
    for (byte[] lit : literals) {
      int n = lit.length;
      // The first byte first: the window's last byte (which led here) is often a common one.
      if (i + n <= to && FOLD[b[i] & 0xFF] == lit[0]) {
        int k = n - 1;
        while (k > 0 && FOLD[b[i + k] & 0xFF] == lit[k]) {
          k--;
        }
        if (k == 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The bytes as Latin-1 characters (ASCII bytes as themselves). */
  private static CharSequence latin1(byte[] b, int off, int len) {
    return new String(b, off, len, StandardCharsets.ISO_8859_1);
  }

  /** ASCII upper-case letters to lower case; every other byte as it is. */
  private static final int[] FOLD = new int[256];

  static {
    for (int c = 0; c < 256; c++) {
      FOLD[c] = c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
  }
}
