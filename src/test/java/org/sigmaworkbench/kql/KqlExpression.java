package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The boolean expressions of a KQL {@code where}, as both this converter and the reference
 * converter write them, parsed into a tree that can be compared regardless of layout: {@code
 * and}/{@code or} are flattened and compared as sets, {@code in~} lists become disjunctions of
 * {@code =~}, string literals are compared by their value.
 */
sealed interface KqlExpression {

  record Or(List<KqlExpression> terms) implements KqlExpression {}

  record And(List<KqlExpression> terms) implements KqlExpression {}

  record Not(KqlExpression term) implements KqlExpression {}

  /** {@code left op right}; the operator in lower case ({@code =~}, {@code contains}, ...). */
  record Cmp(KqlExpression left, String op, KqlExpression right) implements KqlExpression {}

  record Str(String value) implements KqlExpression {}

  record Num(String text) implements KqlExpression {}

  /** A column or other name ({@code ['x']} is the name {@code x}); {@code *} for all columns. */
  record Name(String name) implements KqlExpression {}

  record Call(String function, List<KqlExpression> args) implements KqlExpression {}

  /** A property of a dynamic value: {@code EventData.Image}, {@code EventData["cs-uri"]}. */
  record Member(KqlExpression base, String property) implements KqlExpression {}

  /** A canonical text: equal texts mean equal expressions, up to the order of and/or terms. */
  static String canonical(KqlExpression e) {
    if (e instanceof Or o) {
      return "or" + set(o.terms());
    }
    if (e instanceof And a) {
      return "and" + set(a.terms());
    }
    if (e instanceof Not n) {
      return "not(" + canonical(n.term()) + ")";
    }
    if (e instanceof Cmp c) {
      return canonical(c.left()) + " " + c.op() + " " + canonical(c.right());
    }
    if (e instanceof Str s) {
      return KqlStrings.quote(s.value());
    }
    if (e instanceof Num n) {
      return n.text();
    }
    if (e instanceof Name n) {
      return n.name();
    }
    if (e instanceof Member m) {
      return canonical(m.base()) + "." + m.property();
    }
    Call c = (Call) e;
    List<String> args = new ArrayList<>();
    for (KqlExpression a : c.args()) {
      args.add(canonical(a));
    }
    return c.function() + "(" + String.join(", ", args) + ")";
  }

  private static String set(List<KqlExpression> terms) {
    TreeSet<String> s = new TreeSet<>();
    for (KqlExpression t : terms) {
      s.add(canonical(t));
    }
    return s.toString();
  }

  /** Flattens nested and/or, turns lists into disjunctions and drops double negation. */
  static KqlExpression normalize(KqlExpression e) {
    if (e instanceof Or o) {
      List<KqlExpression> out = new ArrayList<>();
      for (KqlExpression t : o.terms()) {
        KqlExpression n = normalize(t);
        if (n instanceof Or inner) {
          out.addAll(inner.terms());
        } else {
          out.add(n);
        }
      }
      out = distinct(out);
      return out.size() == 1 ? out.get(0) : new Or(out);
    }
    if (e instanceof And a) {
      List<KqlExpression> out = new ArrayList<>();
      for (KqlExpression t : a.terms()) {
        KqlExpression n = normalize(t);
        if (n instanceof And inner) {
          out.addAll(inner.terms());
        } else {
          out.add(n);
        }
      }
      out = distinct(out);
      return out.size() == 1 ? out.get(0) : new And(out);
    }
    if (e instanceof Not n) {
      KqlExpression t = normalize(n.term());
      return t instanceof Not inner ? inner.term() : new Not(t);
    }
    if (e instanceof Cmp c && c.right() instanceof Call list && list.function().equals("(list)")) {
      String op =
          switch (c.op()) {
            case "in~" -> "=~";
            case "in" -> "==";
            default -> null;
          };
      if (op != null) {
        List<KqlExpression> terms = new ArrayList<>();
        for (KqlExpression v : list.args()) {
          terms.add(new Cmp(c.left(), op, v));
        }
        return normalize(new Or(terms));
      }
    }
    return e;
  }

  /** The terms without repeats: {@code a or a} is {@code a}, and so is {@code a and a}. */
  private static List<KqlExpression> distinct(List<KqlExpression> terms) {
    java.util.Map<String, KqlExpression> out = new java.util.LinkedHashMap<>();
    for (KqlExpression t : terms) {
      out.putIfAbsent(canonical(t), t);
    }
    return new ArrayList<>(out.values());
  }

  /** Parses the expression of a {@code where}. */
  static KqlExpression parse(String text) {
    return new Parser(text).parseAll();
  }

  /** A recursive-descent parser for the subset of KQL expressions converters write. */
  final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    KqlExpression parseAll() {
      KqlExpression e = or();
      skip();
      if (i != s.length()) {
        throw error("unexpected text");
      }
      return e;
    }

    private IllegalArgumentException error(String what) {
      int from = Math.max(0, i - 20);
      int to = Math.min(s.length(), i + 20);
      return new IllegalArgumentException(
          what + " at " + i + ": ..." + s.substring(from, to) + "...");
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private boolean word(String w) {
      skip();
      if (s.regionMatches(i, w, 0, w.length())) {
        int end = i + w.length();
        if (end == s.length() || !isNameChar(s.charAt(end))) {
          i = end;
          return true;
        }
      }
      return false;
    }

    private boolean symbol(String sym) {
      skip();
      if (s.startsWith(sym, i)) {
        i += sym.length();
        return true;
      }
      return false;
    }

    private static boolean isNameChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_';
    }

    private KqlExpression or() {
      List<KqlExpression> terms = new ArrayList<>();
      terms.add(and());
      while (word("or")) {
        terms.add(and());
      }
      return terms.size() == 1 ? terms.get(0) : new Or(terms);
    }

    private KqlExpression and() {
      List<KqlExpression> terms = new ArrayList<>();
      terms.add(unary());
      while (word("and")) {
        terms.add(unary());
      }
      return terms.size() == 1 ? terms.get(0) : new And(terms);
    }

    private KqlExpression unary() {
      skip();
      int save = i;
      if (word("not")) {
        skip();
        if (symbol("(")) {
          KqlExpression e = or();
          expect(")");
          return new Not(e);
        }
        i = save;
      }
      return comparison();
    }

    private static final List<String> OPERATORS =
        List.of(
            "=~",
            "==",
            "!=",
            "!~",
            "<=",
            ">=",
            "<",
            ">",
            "!contains_cs",
            "!contains",
            "!startswith_cs",
            "!startswith",
            "!endswith_cs",
            "!endswith",
            "!in~",
            "!in",
            "contains_cs",
            "contains",
            "startswith_cs",
            "startswith",
            "endswith_cs",
            "endswith",
            "has_any",
            "has_all",
            "has_cs",
            "has",
            "in~",
            "in",
            "matches regex");

    private KqlExpression comparison() {
      KqlExpression left = operand();
      skip();
      for (String op : OPERATORS) {
        if (matchesOperator(op)) {
          KqlExpression right =
              op.endsWith("in") || op.endsWith("in~") || op.startsWith("has_") ? list() : operand();
          return new Cmp(left, op.toLowerCase(Locale.ROOT), right);
        }
      }
      return left;
    }

    private boolean matchesOperator(String op) {
      if (!s.startsWith(op, i)) {
        return false;
      }
      int end = i + op.length();
      char last = op.charAt(op.length() - 1);
      if (isNameChar(last)
          && end < s.length()
          && (isNameChar(s.charAt(end)) || s.charAt(end) == '~')) {
        return false;
      }
      i = end;
      return true;
    }

    private KqlExpression list() {
      expect("(");
      List<KqlExpression> items = new ArrayList<>();
      if (!symbol(")")) {
        do {
          items.add(operand());
        } while (symbol(","));
        expect(")");
      }
      return new Call("(list)", items);
    }

    private void expect(String sym) {
      if (!symbol(sym)) {
        throw error("expected '" + sym + "'");
      }
    }

    private KqlExpression operand() {
      KqlExpression e = primary();
      while (true) {
        skip();
        if (i < s.length()
            && s.charAt(i) == '.'
            && i + 1 < s.length()
            && isNameChar(s.charAt(i + 1))) {
          i++;
          e = new Member(e, name());
        } else if (i < s.length() && s.charAt(i) == '[') {
          i++;
          KqlExpression key = primary();
          expect("]");
          e = new Member(e, key instanceof Str str ? str.value() : canonical(key));
        } else {
          return e;
        }
      }
    }

    private KqlExpression primary() {
      skip();
      if (i >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(i);
      if (c == '(') {
        i++;
        KqlExpression e = or();
        expect(")");
        return e;
      }
      if (c == '"' || c == '\'') {
        return new Str(string());
      }
      if (c == '@' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\'')) {
        i++;
        char q = s.charAt(i++);
        StringBuilder b = new StringBuilder();
        while (s.charAt(i) != q || (i + 1 < s.length() && s.charAt(i + 1) == q)) {
          if (s.charAt(i) == q) {
            i++;
          }
          b.append(s.charAt(i++));
        }
        i++;
        return new Str(b.toString());
      }
      if (c == '*') {
        i++;
        return new Name("*");
      }
      if (c == '[' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
        i++;
        String n = string();
        expect("]");
        return new Name(n);
      }
      if (Character.isDigit(c) || c == '-') {
        int start = i++;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        return new Num(s.substring(start, i));
      }
      if (isNameChar(c)) {
        String n = name();
        skip();
        if (i < s.length() && s.charAt(i) == '(') {
          i++;
          List<KqlExpression> args = new ArrayList<>();
          if (!symbol(")")) {
            do {
              args.add(or());
            } while (symbol(","));
            expect(")");
          }
          return new Call(n, args);
        }
        return new Name(n);
      }
      throw error("unexpected '" + c + "'");
    }

    private String name() {
      int start = i;
      while (i < s.length() && isNameChar(s.charAt(i))) {
        i++;
      }
      return s.substring(start, i);
    }

    private String string() {
      char q = s.charAt(i++);
      StringBuilder b = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(i++);
        if (c == q) {
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e);
        }
      }
    }
  }
}
