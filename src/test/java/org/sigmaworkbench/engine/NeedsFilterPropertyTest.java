package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The reader filter finds a literal exactly where a plain search of the folded text does, in text
 * and in UTF-16LE bytes at any offset, whether it skips (a few long literals) or scans (many or
 * short ones).
 */
class NeedsFilterPropertyTest {

  // Letters of both cases, characters that fold onto ASCII letters (Kelvin sign, long s, dotted
  // capital I), other letters, separators.
  private static final String ALPHABET = "abcABCeExX -\\.:\u212A\u017F\u0130kKsSiI\u00e9\u00c9";

  @Provide
  Arbitrary<List<String>> literals() {
    return Arbitraries.strings()
        .withChars(ALPHABET)
        .ofMinLength(1)
        .ofMaxLength(14)
        .list()
        .ofMinSize(1)
        .ofMaxSize(12);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(80);
  }

  @Property(tries = 3000)
  void findsWhatAPlainSearchFinds(
      @ForAll("literals") List<String> written, @ForAll("texts") String text) {
    List<String> literals = written.stream().map(NeedsFilterPropertyTest::fold).toList();
    // Plant one literal now and then, so that both answers are common.
    String t = text;
    if (text.length() % 3 == 0) {
      String planted = written.get(text.length() % written.size());
      t = text.substring(0, text.length() / 2) + planted + text.substring(text.length() / 2);
    }
    NeedsFilter f = new NeedsFilter(literals);
    String folded = fold(t);
    boolean expected = literals.stream().anyMatch(folded::contains);
    Statistics.collect(expected, literals.size() <= 8 && minLength(literals) >= 5);
    assertThat(f.in(t)).as("%s in %s", literals, t).isEqualTo(expected);
    byte[] utf16 = t.getBytes(StandardCharsets.UTF_16LE);
    for (int pad = 0; pad < 3; pad++) {
      byte[] b = new byte[pad + utf16.length + 1];
      System.arraycopy(utf16, 0, b, pad, utf16.length);
      b[b.length - 1] = 'e';
      assertThat(f.inUtf16le(b, pad, utf16.length)).as("bytes at %d", pad).isEqualTo(expected);
    }
    byte[] utf8 = t.getBytes(StandardCharsets.UTF_8);
    for (int pad = 0; pad < 3; pad++) {
      byte[] b = new byte[pad + utf8.length + 1];
      System.arraycopy(utf8, 0, b, pad, utf8.length);
      b[b.length - 1] = 'e';
      assertThat(f.inUtf8(b, pad, utf8.length)).as("UTF-8 at %d", pad).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<List<String>> asciiLiterals() {
    return Arbitraries.strings()
        .withChars("abcABCeExX -\\.:kKsSiI")
        .ofMinLength(NeedsFilter.MIN_SKIP_WINDOW)
        .ofMaxLength(14)
        .list()
        .ofMinSize(1)
        .ofMaxSize(NeedsFilter.MAX_SKIP_LITERALS);
  }

  /**
   * A few long ASCII literals are skipped to by the pair of characters ending the window: over any
   * UTF-16LE code units (unpaired surrogates, characters that fold onto ASCII letters, units whose
   * low byte is an ASCII letter), at either byte alignment, the answer is that of a plain search of
   * the units read as characters and folded.
   */
  @Property(tries = 3000)
  void skipsOverAnyUtf16UnitsAsAPlainSearchOfTheirCharacters(
      @ForAll("asciiLiterals") List<String> written,
      @ForAll("texts") String text,
      @ForAll byte[] noise) {
    List<String> literals = written.stream().map(NeedsFilterPropertyTest::fold).toList();
    String planted = written.get(noise.length % written.size());
    String t = noise.length % 3 == 0 ? text + planted : text;
    byte[] utf16 = t.getBytes(StandardCharsets.UTF_16LE);
    byte[] b = new byte[1 + noise.length + utf16.length + noise.length];
    System.arraycopy(noise, 0, b, 1, noise.length);
    System.arraycopy(utf16, 0, b, 1 + noise.length, utf16.length);
    System.arraycopy(noise, 0, b, 1 + noise.length + utf16.length, noise.length);
    NeedsFilter f = new NeedsFilter(literals);
    for (int off = 0; off < 2; off++) {
      int len = b.length - off;
      char[] units = new char[len / 2];
      for (int i = 0; i < units.length; i++) {
        units[i] = (char) ((b[off + 2 * i] & 0xFF) | (b[off + 2 * i + 1] & 0xFF) << 8);
      }
      String folded = fold(new String(units));
      boolean expected = literals.stream().anyMatch(folded::contains);
      Statistics.label("found").collect(expected);
      assertThat(f.inUtf16le(b, off, len)).as("%s at %d", literals, off).isEqualTo(expected);
    }
    Statistics.label("found").coverage(c -> c.check(true).percentage(p -> p > 10));
  }

  /** Stored bytes need not be well-formed UTF-8: they are searched as a decoder reads them. */
  @Property(tries = 2000)
  void searchesUtf8BytesAsTheirDecodedText(
      @ForAll("literals") List<String> written,
      @ForAll("texts") String text,
      @ForAll byte[] noise) {
    List<String> literals = written.stream().map(NeedsFilterPropertyTest::fold).toList();
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[utf8.length + noise.length];
    int half = utf8.length / 2;
    System.arraycopy(utf8, 0, b, 0, half);
    System.arraycopy(noise, 0, b, half, noise.length);
    System.arraycopy(utf8, half, b, half + noise.length, utf8.length - half);
    String decoded = new String(b, StandardCharsets.UTF_8);
    NeedsFilter f = new NeedsFilter(literals);
    boolean expected = literals.stream().anyMatch(fold(decoded)::contains);
    assertThat(f.inUtf8(b, 0, b.length)).as("%s in %s", literals, decoded).isEqualTo(expected);
  }

  @Test
  void saysWhichCharactersALiteralMayHold() {
    NeedsFilter f = new NeedsFilter(List.of("a\"b", "c:\\x"));
    assertThat(f.mayHold('"')).isTrue();
    assertThat(f.mayHold('\\')).isTrue();
    assertThat(f.mayHold(',')).isFalse();
    assertThat(new NeedsFilter(List.of("export-pfx")).mayHold('"')).isFalse();
  }

  private static int minLength(List<String> l) {
    return l.stream().mapToInt(String::length).min().orElse(0);
  }

  private static String fold(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = LiteralScanner.fold(c[i]);
    }
    return new String(c);
  }

  @Test
  void wantsNothingWithoutLiterals() {
    NeedsFilter f = new NeedsFilter(List.of());
    assertThat(f.in("anything")).isFalse();
    assertThat(f.inUtf16le("x".getBytes(StandardCharsets.UTF_16LE), 0, 2)).isFalse();
    assertThat(f.couldBeMadeOf(c -> true)).isFalse();
    assertThat(f.inUtf8("x".getBytes(StandardCharsets.UTF_8), 0, 1)).isFalse();
  }

  @Test
  void saysWhetherALiteralCouldBeMadeOfGivenCharacters() {
    NeedsFilter f = new NeedsFilter(List.of("export-pfx", "s-1-5-18"));
    assertThat(f.couldBeMadeOf(c -> "s-0123456789".indexOf(c) >= 0)).isTrue();
    assertThat(f.couldBeMadeOf(Character::isDigit)).isFalse();
  }
}
