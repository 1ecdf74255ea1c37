package org.sigmaworkbench.rule.yaml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.LegacyAggregation;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.Predicate;
import org.sigmaworkbench.rule.RuleProblem;

/**
 * Parses a Sigma condition ({@code selection and not 1 of filter_*}) into an {@link Expr} over the
 * rule's search identifiers. Precedence, loosest first: {@code or}, {@code and}, {@code not},
 * {@code x of}, parentheses. A Sigma 1.x aggregation after {@code |} is read into a {@link
 * LegacyAggregation}.
 */
public final class ConditionParser {

  /** The parse result: the expression and any aggregation, or {@code null} expression on error. */
  record Result(Expr expr, LegacyAggregation aggregation) {}

  private enum Kind {
    IDENT,
    NUMBER,
    LPAREN,
    RPAREN,
    PIPE,
    COMPARE,
    COMMA,
    BAD,
    END
  }

  private record Token(Kind kind, String text, int offset) {
    boolean is(String word) {
      return kind == Kind.IDENT && text.toLowerCase(Locale.ROOT).equals(word);
    }
  }

  private static final List<String> AGGREGATIONS = List.of("count", "min", "max", "avg", "sum");

  private final String text;
  private final Position start;
  private final Map<String, Expr.Named> identifiers;
  private final List<RuleProblem> problems;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int depth;

  /** Deepest nesting of parentheses and 'not' the parser follows. */
  static final int MAX_DEPTH = 100;

  /**
   * @param text the condition
   * @param start where the condition's first character is, for error positions
   * @param identifiers the rule's search identifiers, in rule order
   * @param problems where errors go
   */
  ConditionParser(
      String text,
      Position start,
      Map<String, Expr.Named> identifiers,
      List<RuleProblem> problems) {
    this.text = text;
    this.start = start;
    this.identifiers = identifiers;
    this.problems = problems;
  }

  Result parse() {
    tokenize();
    if (peek().kind() == Kind.END) {
      error(0, "the condition is empty; name a search identifier, e.g. 'selection'", "''");
      return new Result(null, null);
    }
    Expr e = or();
    if (e == null) {
      return new Result(null, null);
    }
    LegacyAggregation agg = null;
    if (peek().kind() == Kind.PIPE) {
      next();
      agg = aggregation();
      if (agg == null) {
        return new Result(null, null);
      }
    }
    Token t = peek();
    if (t.kind() == Kind.BAD) {
      badCharacter(t);
      return new Result(null, null);
    }
    if (t.kind() != Kind.END) {
      error(
          t.offset(),
          "unexpected '" + t.text() + "'; expected 'and', 'or' or the end of the condition",
          t.text());
      return new Result(null, null);
    }
    return new Result(e, agg);
  }

  /** Splits the text into tokens; a character outside the grammar becomes a {@code BAD} token. */
  private void tokenize() {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(') {
        tokens.add(new Token(Kind.LPAREN, "(", i++));
      } else if (c == ')') {
        tokens.add(new Token(Kind.RPAREN, ")", i++));
      } else if (c == '|') {
        tokens.add(new Token(Kind.PIPE, "|", i++));
      } else if (c == ',') {
        tokens.add(new Token(Kind.COMMA, ",", i++));
      } else if (c == '<' || c == '>' || c == '=' || c == '!') {
        int s = i++;
        if (i < n && text.charAt(i) == '=') {
          i++;
        }
        tokens.add(new Token(Kind.COMPARE, text.substring(s, i), s));
      } else if (Character.isDigit(c)) {
        int s = i;
        while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
        if (i < n && isIdentChar(text.charAt(i))) {
          while (i < n && isIdentChar(text.charAt(i))) {
            i++;
          }
          tokens.add(new Token(Kind.IDENT, text.substring(s, i), s));
        } else {
          tokens.add(new Token(Kind.NUMBER, text.substring(s, i), s));
        }
      } else if (isIdentChar(c)) {
        int s = i;
        while (i < n && isIdentChar(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.IDENT, text.substring(s, i), s));
      } else {
        tokens.add(new Token(Kind.BAD, String.valueOf(c), i++));
      }
    }
    tokens.add(new Token(Kind.END, "end of condition", n));
  }

  private void badCharacter(Token t) {
    error(
        t.offset(),
        "unexpected character '"
            + t.text()
            + "' in the condition; a condition combines search identifiers with and, or, not,"
            + " '1 of', 'all of' and parentheses",
        t.text());
  }

  private static boolean isIdentChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '*' || c == '-' || c == '.' || c == '?';
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    return tokens.get(pos++);
  }

  private Expr or() {
    return joined("or", this::and, Expr.Or::new);
  }

  private Expr and() {
    return joined("and", this::not, Expr.And::new);
  }

  /**
   * Operands separated by the keyword {@code op}, read by {@code operand}; a lone operand stands
   * for itself. {@code null} when an operand could not be read.
   */
  private Expr joined(String op, Supplier<Expr> operand, Function<List<Expr>, Expr> join) {
    Expr first = operand.get();
    if (first == null) {
      return null;
    }
    List<Expr> terms = new ArrayList<>(List.of(first));
    while (peek().is(op)) {
      next();
      Expr e = operand.get();
      if (e == null) {
        return null;
      }
      terms.add(e);
    }
    return terms.size() == 1 ? first : join.apply(terms);
  }

  private Expr not() {
    if (peek().is("not")) {
      Token t = next();
      if (++depth > MAX_DEPTH) {
        error(t.offset(), "the condition nests deeper than " + MAX_DEPTH + " levels", t.text());
        return null;
      }
      Expr e = not();
      depth--;
      return e == null ? null : new Expr.Not(e);
    }
    return primary();
  }

  private Expr primary() {
    Token t = next();
    switch (t.kind()) {
      case LPAREN -> {
        if (++depth > MAX_DEPTH) {
          error(t.offset(), "the condition nests deeper than " + MAX_DEPTH + " levels", t.text());
          return null;
        }
        Expr e = or();
        depth--;
        if (e == null) {
          return null;
        }
        Token close = next();
        if (close.kind() != Kind.RPAREN) {
          error(
              close.offset(),
              "expected ')' to close the '(' at column " + (start.column() + t.offset()),
              close.text());
          return null;
        }
        return e;
      }
      case NUMBER, IDENT -> {
        if (t.text().equals("1") || t.is("all") || t.is("any")) {
          if (peek().is("of")) {
            next();
            return quantified(t);
          }
        } else if (t.kind() == Kind.NUMBER && peek().is("of")) {
          error(
              t.offset(),
              "'" + t.text() + " of' is not Sigma; use '1 of' or 'all of'",
              t.text() + " of");
          return null;
        }
        if (t.kind() == Kind.NUMBER) {
          error(t.offset(), "expected a search identifier, not the number " + t.text(), t.text());
          return null;
        }
        if (t.is("and") || t.is("or") || t.is("of") || t.is("them")) {
          error(t.offset(), "expected a search identifier before '" + t.text() + "'", t.text());
          return null;
        }
        if (t.text().contains("*")) {
          error(
              t.offset(),
              "a wildcard identifier needs '1 of' or 'all of' before it: '1 of " + t.text() + "'",
              t.text());
          return null;
        }
        Expr.Named named = identifiers.get(t.text());
        if (named == null
            && AGGREGATIONS.contains(t.text().toLowerCase(Locale.ROOT))
            && peek().kind() == Kind.LPAREN) {
          error(
              t.offset(),
              "'"
                  + t.text()
                  + "(...)' is a Sigma 1.x aggregation, which belongs after '|' (selection |"
                  + " count(field) by group > 10); Sigma 2 writes it as a correlation rule",
              t.text());
          return null;
        }
        if (named == null
            && peek().kind() == Kind.IDENT
            && !peek().is("and")
            && !peek().is("or")
            && !peek().is("of")) {
          error(
              t.offset(),
              "'"
                  + t.text()
                  + " "
                  + peek().text()
                  + "' is not Sigma condition syntax: '"
                  + t.text()
                  + "' is no search identifier"
                  + known()
                  + ", and identifiers are joined with and, or, not",
              t.text());
          return null;
        }
        if (named == null) {
          error(
              t.offset(),
              "the condition names '"
                  + t.text()
                  + "', but the detection has no such search identifier"
                  + known(),
              t.text());
          return null;
        }
        return named;
      }
      default -> {
        if (t.kind() == Kind.BAD) {
          badCharacter(t);
          return null;
        }
        error(
            t.offset(),
            t.kind() == Kind.END
                ? "the condition ends early; expected a search identifier"
                : "unexpected '" + t.text() + "'; expected a search identifier, 'not' or '('",
            t.text());
        return null;
      }
    }
  }

  private Expr quantified(Token quantifier) {
    Token target = next();
    if (target.kind() != Kind.IDENT) {
      error(
          target.offset(),
          "expected 'them' or an identifier pattern after '" + quantifier.text() + " of'",
          target.text());
      return null;
    }
    boolean all = quantifier.is("all");
    List<Expr> matched = new ArrayList<>();
    if (target.is("them")) {
      for (Expr.Named named : identifiers.values()) {
        if (!named.name().startsWith("_")) {
          matched.add(named);
        }
      }
    } else {
      for (Expr.Named named : identifiers.values()) {
        if (globMatches(target.text(), named.name())) {
          matched.add(named);
        }
      }
      if (matched.isEmpty()) {
        error(
            target.offset(),
            "'" + target.text() + "' matches no search identifier" + known(),
            target.text());
        return null;
      }
    }
    if (matched.size() == 1) {
      return matched.get(0);
    }
    return all ? new Expr.And(matched) : new Expr.Or(matched);
  }

  private LegacyAggregation aggregation() {
    Token fn = next();
    String function = fn.text().toLowerCase(Locale.ROOT);
    if (fn.kind() != Kind.IDENT || !AGGREGATIONS.contains(function)) {
      if (fn.is("near")) {
        error(
            fn.offset(),
            "'near' is a Sigma 1.x aggregation that Sigma 2 replaced by temporal correlation rules; write the events as rules and relate them with a correlation rule of type temporal",
            fn.text());
      } else {
        error(
            fn.offset(),
            "expected an aggregation (count, min, max, avg, sum) after '|'",
            fn.text());
      }
      return null;
    }
    if (next().kind() != Kind.LPAREN) {
      error(fn.offset(), "expected '(' after '" + fn.text() + "'", fn.text());
      return null;
    }
    String field = null;
    if (peek().kind() == Kind.IDENT) {
      field = next().text();
    }
    Token close = next();
    if (close.kind() != Kind.RPAREN) {
      error(close.offset(), "expected ')'", close.text());
      return null;
    }
    String groupBy = null;
    if (peek().is("by")) {
      next();
      Token g = next();
      if (g.kind() != Kind.IDENT) {
        error(g.offset(), "expected a field after 'by'", g.text());
        return null;
      }
      groupBy = g.text();
    }
    Token cmp = next();
    Predicate.CompareOp op =
        switch (cmp.text()) {
          case ">" -> Predicate.CompareOp.GT;
          case ">=" -> Predicate.CompareOp.GTE;
          case "<" -> Predicate.CompareOp.LT;
          case "<=" -> Predicate.CompareOp.LTE;
          case "=", "==" -> Predicate.CompareOp.EQ;
          default -> null;
        };
    if (op == null) {
      error(cmp.offset(), "expected a comparison (>, >=, <, <=, ==)", cmp.text());
      return null;
    }
    Token number = next();
    if (number.kind() != Kind.NUMBER) {
      error(number.offset(), "expected a number", number.text());
      return null;
    }
    problems.add(
        RuleProblem.warning(
            "condition.legacy-aggregation",
            "Sigma 1.x aggregation '| "
                + function
                + "(...)': the matcher tests the condition before '|' only; a correlation rule"
                + " expresses this in Sigma 2",
            start.plusColumns(fn.offset()),
            fn.text()));
    return new LegacyAggregation(function, field, groupBy, op, new BigDecimal(number.text()));
  }

  private String known() {
    if (identifiers.isEmpty()) {
      return "";
    }
    return " (it has: " + String.join(", ", identifiers.keySet()) + ")";
  }

  /**
   * Whether a search identifier's name matches a pattern of {@code x of PATTERN}: {@code *} any run
   * of characters, {@code ?} one character, anything else itself. Greedy, going back only to the
   * last {@code *}: at most pattern length times name length steps, however many stars (a regular
   * expression of {@code .*.*.*} would try every split of the name).
   */
  public static boolean globMatches(String glob, String name) {
    int p = 0;
    int n = 0;
    int star = -1;
    int mark = 0;
    while (n < name.length()) {
      char g = p < glob.length() ? glob.charAt(p) : 0;
      if (p < glob.length() && g != '*' && (g == '?' || g == name.charAt(n))) {
        p++;
        n++;
      } else if (p < glob.length() && g == '*') {
        star = p++;
        mark = n;
      } else if (star >= 0) {
        p = star + 1;
        n = ++mark;
      } else {
        return false;
      }
    }
    while (p < glob.length() && glob.charAt(p) == '*') {
      p++;
    }
    return p == glob.length();
  }

  private void error(int offset, String message, String excerpt) {
    problems.add(RuleProblem.error("condition", message, start.plusColumns(offset), excerpt));
  }
}
