package org.sigmaworkbench.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * <p>A few literals are looked for eight bytes at a time by an anchor: the two adjacent characters
 * of the literal least common in logs; where both occur (letters in either case) the whole literal
 * is compared. Many literals go through one {@link LiteralScanner} pass over the bytes read as
 * Latin-1 characters.
 */
final class Utf8Needs {

  /** At most this many literals are looked for by anchors. */
  static final int MAX_ANCHORED = 8;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /** Characters common in log text, most common first; others count as rare. */
  private static final String COMMON =
      " etaoisrnlc\\.dmhp-u:/0123456789wgfbyv,\"x=k_;()'{}[]j$qz%@#&*!?<>|+~`^";

  /** Folded ASCII literals looked for by anchors; empty when scanning. */
  private final byte[][] literals;

  /** Per literal: where its anchor starts, and the anchor's two bytes repeated over a long. */
  private final int[] anchorAt;

  private final long[] first;
  private final long[] second;

  /** Per literal: 0x20 in each byte where the anchor byte is a letter (folded by setting it). */
  private final long[] firstCase;

  private final long[] secondCase;

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
    boolean anchored =
        ascii.size() <= MAX_ANCHORED && ascii.stream().allMatch(l -> l.length() >= 2);
    int n = anchored ? ascii.size() : 0;
    this.literals = new byte[n][];
    this.anchorAt = new int[n];
    this.first = new long[n];
    this.second = new long[n];
    this.firstCase = new long[n];
    this.secondCase = new long[n];
    for (int l = 0; l < n; l++) {
      byte[] c = ascii.get(l).getBytes(StandardCharsets.US_ASCII);
      literals[l] = c;
      int best = 0;
      int bestScore = -1;
      for (int p = 0; p + 1 < c.length; p++) {
        int score = rarity(c[p]) + rarity(c[p + 1]);
        if (score > bestScore) {
          best = p;
          bestScore = score;
        }
      }
      anchorAt[l] = best;
      first[l] = ONES * c[best];
      second[l] = ONES * c[best + 1];
      firstCase[l] = isLetter(c[best]) ? ONES * 0x20 : 0;
      secondCase[l] = isLetter(c[best + 1]) ? ONES * 0x20 : 0;
    }
    this.scanner =
        anchored || ascii.isEmpty() ? null : new LiteralScanner(ascii, LiteralScanner.Fold.ASCII);
  }

  private static int rarity(byte b) {
    int i = COMMON.indexOf(b);
    return i < 0 ? COMMON.length() + 1 : i;
  }

  private static boolean isLetter(byte b) {
    return b >= 'a' && b <= 'z';
  }

  /** Whether some literal occurs in the UTF-8 text of {@code b[off, off + len)}. */
  boolean in(byte[] b, int off, int len) {
    if (literals.length > 0) {
      long found = anchoredSearch(b, off, len);
      if (found > 0) {
        return true;
      }
      if (found == 0) {
        return false; // every byte was ASCII
      }
    } else if (scanner != null && scanner.any(latin1(b, off, len))) {
      return true;
    }
    return mayDiffer(b, off, len) && text.test(new String(b, off, len, StandardCharsets.UTF_8));
  }

  /**
   * 1 when some literal occurs among the ASCII bytes, 0 when none does and every byte is ASCII, -1
   * when none does but some byte is not ASCII.
   */
  private long anchoredSearch(byte[] b, int off, int len) {
    int to = off + len;
    long high = 0;
    int i = off;
    // Anchors starting at i..i+7, their second bytes at i+1..i+8.
    for (; i + 9 <= to; i += 8) {
      long w = (long) LONGS.get(b, i);
      long v = (long) LONGS.get(b, i + 1);
      high |= w;
      for (int l = 0; l < literals.length; l++) {
        long m = zeros((w | firstCase[l]) ^ first[l]) & zeros((v | secondCase[l]) ^ second[l]);
        while (m != 0) {
          int at = i + (Long.numberOfTrailingZeros(m) >>> 3);
          if (matchesAt(literals[l], b, off, to, at - anchorAt[l])) {
            return 1;
          }
          m &= m - 1;
        }
      }
    }
    for (; i < to; i++) {
      high |= b[i];
      for (int l = 0; l < literals.length; l++) {
        if (matchesAt(literals[l], b, off, to, i - anchorAt[l])) {
          return 1;
        }
      }
    }
    return (high & HIGHS) == 0 ? 0 : -1;
  }

  private static boolean matchesAt(byte[] lit, byte[] b, int off, int to, int start) {
    int n = lit.length;
    if (start < off || start + n > to) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (FOLD[b[start + k] & 0xFF] != lit[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * High bit set in each byte of {@code v} that is zero (a byte above a zero one may be set too:
   * candidates only).
   */
  private static long zeros(long v) {
    return (v - ONES) & ~v & HIGHS;
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
