package org.sigmaworkbench.rule.yaml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.sigmaworkbench.rule.SigmaString;

/** The value-rewriting modifiers: encodings and Windows dash permutations. */
final class ValueTransforms {

  /** The characters {@code windash} treats as interchangeable. */
  static final String DASHES = "-/\u2013\u2014\u2015";

  /** Above this many permutations {@code windash} is refused as too large to express. */
  static final int MAX_WINDASH_VARIANTS = 625;

  private ValueTransforms() {}

  static byte[] utf16le(String s) {
    return s.getBytes(StandardCharsets.UTF_16LE);
  }

  static byte[] utf16be(String s) {
    return s.getBytes(StandardCharsets.UTF_16BE);
  }

  /** UTF-16 with a byte order mark, little endian as Windows writes it. */
  static byte[] utf16(String s) {
    byte[] body = utf16le(s);
    byte[] out = new byte[body.length + 2];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xFE;
    System.arraycopy(body, 0, out, 2, body.length);
    return out;
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The three forms a byte sequence takes inside a longer base64 text, one per alignment (0, 1 or 2
   * bytes before it). Characters that depend on the unknown neighbouring bytes are cut off, so each
   * form is found by a substring search in any base64 text that encodes the bytes at that
   * alignment.
   */
  static List<String> base64Offsets(byte[] bytes) {
    List<String> out = new ArrayList<>(3);
    for (int shift = 0; shift < 3; shift++) {
      byte[] padded = new byte[shift + bytes.length];
      System.arraycopy(bytes, 0, padded, shift, bytes.length);
      String encoded = Base64.getEncoder().encodeToString(padded);
      // Leading characters that also encode the unknown preceding bytes.
      int start = shift == 0 ? 0 : shift == 1 ? 2 : 3;
      // Trailing characters that also encode the unknown following bytes (and padding).
      int remainder = (shift + bytes.length) % 3;
      int cut = remainder == 0 ? 0 : remainder == 1 ? 3 : 2;
      int end = encoded.length() - cut;
      out.add(end > start ? encoded.substring(start, end) : "");
    }
    return out;
  }

  /**
   * Every variant of {@code s} in which each dash that starts a command-line flag (a dash or slash
   * with no word character before it and a word character after it) is replaced by each of {@link
   * #DASHES}. Other dashes, as in {@code a-b} or a path, stay as they are.
   */
  static List<SigmaString> windash(SigmaString s) {
    List<SigmaString.Token> tokens = s.tokens();
    // Flatten to a char-level view to find flag dashes across token borders.
    List<List<SigmaString.Token>> variants = new ArrayList<>();
    variants.add(new ArrayList<>());
    for (int ti = 0; ti < tokens.size(); ti++) {
      SigmaString.Token t = tokens.get(ti);
      if (!(t instanceof SigmaString.Literal lit)) {
        for (List<SigmaString.Token> v : variants) {
          v.add(t);
        }
        continue;
      }
      String text = lit.text();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean flagDash =
            DASHES.indexOf(c) >= 0
                && !isWordCharBefore(tokens, ti, text, i)
                && isWordCharAfter(tokens, ti, text, i);
        if (!flagDash) {
          for (List<SigmaString.Token> v : variants) {
            v.add(new SigmaString.Literal(String.valueOf(c)));
          }
          continue;
        }
        List<List<SigmaString.Token>> next = new ArrayList<>(variants.size() * DASHES.length());
        for (List<SigmaString.Token> v : variants) {
          for (int d = 0; d < DASHES.length(); d++) {
            List<SigmaString.Token> copy = new ArrayList<>(v);
            copy.add(new SigmaString.Literal(String.valueOf(DASHES.charAt(d))));
            next.add(copy);
          }
        }
        if (next.size() > MAX_WINDASH_VARIANTS) {
          throw new IllegalArgumentException(
              "windash would make more than "
                  + MAX_WINDASH_VARIANTS
                  + " variants of this value; split it into shorter values");
        }
        variants = next;
      }
    }
    List<SigmaString> out = new ArrayList<>(variants.size());
    for (List<SigmaString.Token> v : variants) {
      out.add(SigmaString.of(v));
    }
    return out;
  }

  private static boolean isWordCharBefore(
      List<SigmaString.Token> tokens, int ti, String text, int i) {
    if (i > 0) {
      return isWordChar(text.charAt(i - 1));
    }
    if (ti == 0) {
      return false;
    }
    SigmaString.Token prev = tokens.get(ti - 1);
    // A wildcard before the dash may stand for anything; treat it as not a word character, so the
    // dash of "*-flag" (the usual |contains form) is a flag dash.
    return prev instanceof SigmaString.Literal l
        && !l.text().isEmpty()
        && isWordChar(l.text().charAt(l.text().length() - 1));
  }

  private static boolean isWordCharAfter(
      List<SigmaString.Token> tokens, int ti, String text, int i) {
    if (i + 1 < text.length()) {
      return isWordChar(text.charAt(i + 1));
    }
    if (ti + 1 >= tokens.size()) {
      return false;
    }
    SigmaString.Token next = tokens.get(ti + 1);
    return next instanceof SigmaString.Literal l
        && !l.text().isEmpty()
        && isWordChar(l.text().charAt(0));
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
