package org.sigmaworkbench.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Sigma string value after escape processing: literal text interleaved with the wildcards {@code
 * *} (any run of characters) and {@code ?} (one character).
 *
 * <p>Escapes follow the specification: a backslash escapes a following {@code *}, {@code ?} or
 * backslash; a backslash before anything else is a literal backslash. So {@code C:\Windows} and
 * {@code C:\\Windows} both mean {@code C:\Windows}, and {@code \\*} is a backslash followed by a
 * wildcard.
 */
public final class SigmaString {

  /** One piece of a Sigma string. */
  public sealed interface Token permits Literal, AnyString, AnyChar {}

  /** Plain characters, matched as they are (with the rule's case rule). */
  public record Literal(String text) implements Token {}

  /** The {@code *} wildcard. */
  public record AnyString() implements Token {}

  /** The {@code ?} wildcard. */
  public record AnyChar() implements Token {}

  public static final Token ANY_STRING = new AnyString();
  public static final Token ANY_CHAR = new AnyChar();

  private final List<Token> tokens;

  private SigmaString(List<Token> tokens) {
    this.tokens = Collections.unmodifiableList(tokens);
  }

  /** Parses a rule value, resolving escapes and wildcards. */
  public static SigmaString parse(String raw) {
    Builder b = new Builder();
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char next = raw.charAt(i + 1);
        if (next == '*' || next == '?' || next == '\\') {
          b.literal(next);
          i++;
          continue;
        }
        b.literal(c);
      } else if (c == '*') {
        b.token(ANY_STRING);
      } else if (c == '?') {
        b.token(ANY_CHAR);
      } else {
        b.literal(c);
      }
    }
    return b.build();
  }

  /** A string of plain characters only (no wildcard meaning for any of them). */
  public static SigmaString literal(String text) {
    return new Builder().literal(text).build();
  }

  public static SigmaString of(List<Token> tokens) {
    Builder b = new Builder();
    for (Token t : tokens) {
      b.token(t);
    }
    return b.build();
  }

  public List<Token> tokens() {
    return tokens;
  }

  public boolean hasWildcards() {
    for (Token t : tokens) {
      if (!(t instanceof Literal)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return tokens.isEmpty();
  }

  /**
   * The text when there are no wildcards; wildcards are written back as {@code *} and {@code ?}.
   */
  public String plain() {
    StringBuilder b = new StringBuilder();
    for (Token t : tokens) {
      if (t instanceof Literal l) {
        b.append(l.text());
      } else if (t instanceof AnyString) {
        b.append('*');
      } else {
        b.append('?');
      }
    }
    return b.toString();
  }

  public boolean startsWithAnyString() {
    return !tokens.isEmpty() && tokens.get(0) instanceof AnyString;
  }

  public boolean endsWithAnyString() {
    return !tokens.isEmpty() && tokens.get(tokens.size() - 1) instanceof AnyString;
  }

  public SigmaString prependAnyString() {
    if (startsWithAnyString()) {
      return this;
    }
    List<Token> t = new ArrayList<>(tokens.size() + 1);
    t.add(ANY_STRING);
    t.addAll(tokens);
    return of(t);
  }

  public SigmaString appendAnyString() {
    if (endsWithAnyString()) {
      return this;
    }
    List<Token> t = new ArrayList<>(tokens);
    t.add(ANY_STRING);
    return of(t);
  }

  /** Writes the string back in Sigma notation, escaping what needs it. */
  public String toSigma() {
    return written(new StringBuilder(), "*?\\", "*", "?").toString();
  }

  /**
   * The anchored RE2 pattern that matches exactly the values this string matches as a whole: {@code
   * *} and {@code ?} span line breaks too; case-insensitive unless {@code cased}. The KQL writer
   * and the matcher both use it, so a wildcard means the same in both.
   */
  public String toRegex(boolean cased) {
    StringBuilder b = new StringBuilder(cased ? "(?s)^" : "(?is)^");
    return written(b, "\\.+*?()|[]{}^$", ".*", ".").append('$').toString();
  }

  /**
   * Appends the tokens to {@code b}: literal characters found in {@code special} behind a
   * backslash, the wildcards as {@code anyString} and {@code anyChar}.
   */
  private StringBuilder written(StringBuilder b, String special, String anyString, String anyChar) {
    for (Token t : tokens) {
      if (t instanceof Literal l) {
        for (int i = 0; i < l.text().length(); i++) {
          char c = l.text().charAt(i);
          if (special.indexOf(c) >= 0) {
            b.append('\\');
          }
          b.append(c);
        }
      } else if (t instanceof AnyString) {
        b.append(anyString);
      } else {
        b.append(anyChar);
      }
    }
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigmaString s && s.tokens.equals(tokens);
  }

  @Override
  public int hashCode() {
    return tokens.hashCode();
  }

  @Override
  public String toString() {
    return toSigma();
  }

  /** Collects tokens, merging adjacent literals and collapsing runs of {@code *}. */
  public static final class Builder {
    private final List<Token> tokens = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();

    public Builder literal(char c) {
      pending.append(c);
      return this;
    }

    public Builder literal(String s) {
      pending.append(s);
      return this;
    }

    public Builder token(Token t) {
      if (t instanceof Literal l) {
        return literal(l.text());
      }
      flush();
      if (t instanceof AnyString
          && !tokens.isEmpty()
          && tokens.get(tokens.size() - 1) instanceof AnyString) {
        return this;
      }
      tokens.add(t);
      return this;
    }

    private void flush() {
      if (pending.length() > 0) {
        tokens.add(new Literal(pending.toString()));
        pending.setLength(0);
      }
    }

    public SigmaString build() {
      flush();
      return new SigmaString(new ArrayList<>(tokens));
    }
  }
}
