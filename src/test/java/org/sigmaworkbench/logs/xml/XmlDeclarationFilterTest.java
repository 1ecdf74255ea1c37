package org.sigmaworkbench.logs.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The filter blanks every XML declaration and nothing else, keeping each character's line and
 * column, however the text underneath arrives: in one piece, a few characters at a time, or with a
 * declaration across the filter's own read-ahead.
 */
class XmlDeclarationFilterTest {

  private static final Pattern DECLARATION =
      Pattern.compile("<\\?xml(?=[ \\t\\r\\n?]).*?\\?>", Pattern.DOTALL);

  /** What the filter must give: each declaration's characters as spaces, line ends kept. */
  private static String expected(String text) {
    Matcher m = DECLARATION.matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      for (char c : m.group().toCharArray()) {
        out.append(c == '\n' || c == '\r' ? c : ' ');
      }
      last = m.end();
    }
    // A declaration that never closes is blanked to the end.
    int open = unclosedDeclaration(text, last);
    if (open >= 0) {
      out.append(text, last, open);
      for (char c : text.substring(open).toCharArray()) {
        out.append(c == '\n' || c == '\r' ? c : ' ');
      }
      return out.toString();
    }
    return out.append(text.substring(last)).toString();
  }

  private static int unclosedDeclaration(String text, int from) {
    Matcher m = Pattern.compile("<\\?xml(?=[ \\t\\r\\n?])").matcher(text);
    return m.find(from) ? m.start() : -1;
  }

  /** A reader that gives at most {@code step} characters per call. */
  private static Reader trickle(String text, int step) {
    return new Reader() {
      private int pos;

      @Override
      public int read(char[] cbuf, int off, int len) {
        if (pos >= text.length()) {
          return -1;
        }
        int n = Math.min(Math.min(len, step), text.length() - pos);
        text.getChars(pos, pos + n, cbuf, off);
        pos += n;
        return n;
      }

      @Override
      public void close() {}
    };
  }

  private static String readAll(Reader r, int chunk) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buf = new char[chunk];
    for (int n; (n = r.read(buf, 0, buf.length)) >= 0; ) {
      out.append(buf, 0, n);
    }
    return out.toString();
  }

  @Provide
  Arbitrary<String> dumps() {
    return Arbitraries.of(
            "<?xml version=\"1.0\"?>",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n",
            "<?xml\nversion='1.0'?>",
            "<?xml?>",
            "<?xml-stylesheet href='a'?>",
            "<?xmlx?>",
            "<Event>",
            "</Event>",
            "<Data Name=\"a\">?&gt;</Data>",
            "<",
            "?",
            ">",
            "?>",
            "x",
            "\n")
        .list()
        .ofMaxSize(30)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 2000)
  void blanksDeclarationsWhereverTheReadsSplitTheText(
      @ForAll("dumps") String text,
      @ForAll @IntRange(min = 1, max = 9) int step,
      @ForAll @IntRange(min = 1, max = 9) int chunk)
      throws IOException {
    String out = readAll(new XmlDeclarationFilter(trickle(text, step)), chunk);
    assertThat(out).isEqualTo(expected(text));
  }

  @Test
  void aDeclarationAcrossTheReadAheadIsBlankedWhole() throws IOException {
    String declaration = "<?xml version=\"1.0\"?>";
    for (int at = (1 << 15) - 8; at <= (1 << 15) + 2; at++) {
      String text = "x".repeat(at) + declaration + "<Event/>";
      String out = readAll(new XmlDeclarationFilter(new StringReader(text)), 4096);
      assertThat(out).hasSameSizeAs(text).endsWith(" ".repeat(declaration.length()) + "<Event/>");
      assertThat(out).startsWith("x".repeat(at));
    }
  }
}
