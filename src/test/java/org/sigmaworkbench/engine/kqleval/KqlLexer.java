package org.sigmaworkbench.engine.kqleval;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the KQL subset the writer emits into tokens: names, {@code ['bracketed names']}, string
 * literals with backslash escapes, numbers, and operators ({@code ==}, {@code =~}, {@code in~},
 * {@code (}, {@code |}, ...).
 */
final class KqlLexer {
  enum Kind {
    NAME,
    QUOTED_NAME,
    STRING,
    NUMBER,
    SYMBOL,
    END
  }

  record Token(Kind kind, String text, int offset) {
    boolean is(String s) {
      return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(s);
    }
  }

  private KqlLexer() {}

  static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '\'') {
        int start = i;
        StringBuilder b = new StringBuilder();
        i = string(text, i, b);
        out.add(new Token(Kind.STRING, b.toString(), start));
      } else if (c == '['
          && i + 1 < n
          && (text.charAt(i + 1) == '\'' || text.charAt(i + 1) == '"')) {
        int start = i;
        StringBuilder b = new StringBuilder();
        i = string(text, i + 1, b);
        if (i >= n || text.charAt(i) != ']') {
          throw new KqlSyntaxException("expected ']' after a bracketed name", i);
        }
        i++;
        out.add(new Token(Kind.QUOTED_NAME, b.toString(), start));
      } else if (Character.isDigit(c)
          || (c == '-'
              && i + 1 < n
              && Character.isDigit(text.charAt(i + 1))
              && numberMayStart(out))) {
        int start = i++;
        while (i < n
            && (Character.isLetterOrDigit(text.charAt(i))
                || text.charAt(i) == '.'
                || ((text.charAt(i) == '-' || text.charAt(i) == '+')
                    && (text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E')))) {
          i++;
        }
        out.add(new Token(Kind.NUMBER, text.substring(start, i), start));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }
        if (i < n && text.charAt(i) == '~' && text.substring(start, i).equals("in")) {
          i++;
        }
        out.add(new Token(Kind.NAME, text.substring(start, i), start));
      } else {
        String two = i + 1 < n ? text.substring(i, i + 2) : "";
        if (two.equals("==")
            || two.equals("=~")
            || two.equals("!=")
            || two.equals("!~")
            || two.equals("<=")
            || two.equals(">=")) {
          out.add(new Token(Kind.SYMBOL, two, i));
          i += 2;
        } else if ("()<>,|*;=+.".indexOf(c) >= 0) {
          out.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
          i++;
        } else {
          throw new KqlSyntaxException("unexpected character '" + c + "'", i);
        }
      }
    }
    out.add(new Token(Kind.END, "", n));
    return out;
  }

  private static boolean numberMayStart(List<Token> out) {
    if (out.isEmpty()) {
      return true;
    }
    Token t = out.get(out.size() - 1);
    return t.kind() == Kind.SYMBOL && !t.text().equals(")");
  }

  /** Reads a quoted literal starting at {@code i}; returns the index after the closing quote. */
  private static int string(String text, int i, StringBuilder b) {
    char quote = text.charAt(i);
    int n = text.length();
    i++;
    while (i < n) {
      char c = text.charAt(i);
      if (c == quote) {
        return i + 1;
      }
      if (c == '\n' || c == '\r') {
        throw new KqlSyntaxException("line break inside a string literal", i);
      }
      if (c == '\\') {
        if (i + 1 >= n) {
          throw new KqlSyntaxException("backslash at the end of the text", i);
        }
        char e = text.charAt(i + 1);
        switch (e) {
          case '"', '\'', '\\' -> b.append(e);
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            if (i + 6 > n) {
              throw new KqlSyntaxException("short \\u escape", i);
            }
            b.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
            i += 4;
          }
          default -> throw new KqlSyntaxException("unknown escape \\" + e, i);
        }
        i += 2;
        continue;
      }
      b.append(c);
      i++;
    }
    throw new KqlSyntaxException("unterminated string literal", i);
  }
}
