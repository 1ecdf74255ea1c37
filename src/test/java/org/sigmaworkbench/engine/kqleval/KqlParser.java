package org.sigmaworkbench.engine.kqleval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the KQL the writer emits: {@code Table | where <predicate>}, possibly with a row filter
 * and computed columns before it ({@code | where <filter> | extend a = <expr>, ...}), where the
 * predicate uses {@code and}, {@code or}, {@code not()}, comparisons, the string operators, {@code
 * in}/{@code in~}, {@code matches regex}, function calls and {@code * contains}. Anything else is a
 * {@link KqlSyntaxException}, so the writer cannot emit text this evaluator silently misreads.
 */
final class KqlParser {

  private static final Set<String> STRING_OPERATORS =
      Set.of(
          "contains",
          "contains_cs",
          "startswith",
          "startswith_cs",
          "endswith",
          "endswith_cs",
          "has",
          "has_cs");
  private static final Set<String> COMPARISONS =
      Set.of("==", "!=", "=~", "!~", "<", "<=", ">", ">=");

  private final List<KqlLexer.Token> tokens;
  private int pos;

  private KqlParser(String text) {
    this.tokens = KqlLexer.tokens(text);
  }

  /** One step of a query: keep rows ({@code where}) or compute columns ({@code extend}). */
  sealed interface Stage {}

  /** {@code | where <predicate>}. */
  record Where(KqlAst predicate) implements Stage {}

  /** {@code | extend name = expr, ...}: columns computed in order. */
  record Extend(List<String> names, List<KqlAst> values) implements Stage {}

  /** The table and the steps of a query. */
  record Query(String table, List<Stage> stages) {}

  static Query parseQuery(String text) {
    List<Query> branches = parseUnion(text);
    if (branches.size() != 1) {
      throw new KqlSyntaxException("expected one table, found a union", 0);
    }
    return branches.get(0);
  }

  /**
   * A query, or each branch of {@code union (T | ...), (U | ...)}: a row of a table is returned
   * when some branch over that table keeps it.
   */
  static List<Query> parseUnion(String text) {
    KqlParser p = new KqlParser(text);
    List<Query> out = new ArrayList<>();
    if (p.peek().is("union")) {
      p.next();
      do {
        p.expect("(");
        out.add(p.query());
        p.expect(")");
      } while (p.peek().is(",") && p.next() != null);
    } else {
      out.add(p.query());
    }
    if (p.peek().kind() != KqlLexer.Kind.END) {
      throw new KqlSyntaxException("unexpected '" + p.peek().text() + "'", p.peek().offset());
    }
    return out;
  }

  private boolean atQueryEnd() {
    return peek().kind() == KqlLexer.Kind.END || peek().is(")");
  }

  private Query query() {
    KqlParser p = this;
    KqlLexer.Token table = p.next();
    if (table.kind() != KqlLexer.Kind.NAME) {
      throw new KqlSyntaxException("expected a table name", table.offset());
    }
    List<Stage> stages = new ArrayList<>();
    while (!p.atQueryEnd()) {
      p.expect("|");
      KqlLexer.Token op = p.next();
      if (op.is("where")) {
        stages.add(new Where(p.or()));
      } else if (op.is("extend")) {
        List<String> names = new ArrayList<>();
        List<KqlAst> values = new ArrayList<>();
        do {
          KqlLexer.Token name = p.next();
          if (name.kind() != KqlLexer.Kind.NAME && name.kind() != KqlLexer.Kind.QUOTED_NAME) {
            throw new KqlSyntaxException("expected a column name", name.offset());
          }
          p.expect("=");
          names.add(name.text());
          values.add(p.or());
        } while (p.peek().is(",") && p.next() != null);
        stages.add(new Extend(names, values));
      } else {
        throw new KqlSyntaxException("expected 'where' or 'extend'", op.offset());
      }
      if (!p.atQueryEnd() && !p.peek().is("|")) {
        throw new KqlSyntaxException("unexpected '" + p.peek().text() + "'", p.peek().offset());
      }
    }
    if (stages.isEmpty()) {
      throw new KqlSyntaxException("expected '| where'", table.offset());
    }
    return new Query(table.text(), stages);
  }

  static KqlAst parseExpression(String text) {
    KqlParser p = new KqlParser(text);
    KqlAst e = p.or();
    if (p.peek().kind() != KqlLexer.Kind.END) {
      throw new KqlSyntaxException("unexpected '" + p.peek().text() + "'", p.peek().offset());
    }
    return e;
  }

  private KqlLexer.Token peek() {
    return tokens.get(pos);
  }

  private KqlLexer.Token next() {
    return tokens.get(pos++);
  }

  private void expect(String s) {
    KqlLexer.Token t = next();
    if (!t.is(s)) {
      throw new KqlSyntaxException("expected '" + s + "', found '" + t.text() + "'", t.offset());
    }
  }

  private KqlAst or() {
    KqlAst left = and();
    while (peek().is("or")) {
      next();
      left = new KqlAst.Binary("or", left, and());
    }
    return left;
  }

  private KqlAst and() {
    KqlAst left = comparison();
    while (peek().is("and")) {
      next();
      left = new KqlAst.Binary("and", left, comparison());
    }
    return left;
  }

  private KqlAst comparison() {
    KqlAst left = operand();
    KqlLexer.Token t = peek();
    if (t.kind() == KqlLexer.Kind.SYMBOL && COMPARISONS.contains(t.text())) {
      next();
      return new KqlAst.Binary(t.text(), left, operand());
    }
    if (t.kind() == KqlLexer.Kind.NAME && STRING_OPERATORS.contains(t.text())) {
      next();
      return new KqlAst.Binary(t.text(), left, operand());
    }
    if (t.is("in") || t.is("in~")) {
      next();
      expect("(");
      List<KqlAst> values = new ArrayList<>();
      do {
        values.add(operand());
      } while (peek().is(",") && next() != null);
      expect(")");
      return new KqlAst.In(left, values, t.is("in~"));
    }
    if (t.is("matches")) {
      next();
      KqlLexer.Token regex = next();
      if (!regex.is("regex")) {
        throw new KqlSyntaxException("expected 'regex' after 'matches'", regex.offset());
      }
      return new KqlAst.Binary("matches regex", left, operand());
    }
    return left;
  }

  private KqlAst operand() {
    KqlLexer.Token t = next();
    switch (t.kind()) {
      case STRING:
        return new KqlAst.Literal(t.text());
      case NUMBER:
        return new KqlAst.Literal(number(t));
      case NAME:
        if (peek().is("(")) {
          next();
          List<KqlAst> args = new ArrayList<>();
          if (!peek().is(")")) {
            do {
              args.add(or());
            } while (peek().is(",") && next() != null);
          }
          expect(")");
          return new KqlAst.Call(t.text(), args);
        }
        if (t.text().equals("true") || t.text().equals("false")) {
          return new KqlAst.Literal(Boolean.valueOf(t.text()));
        }
        return members(new KqlAst.Column(t.text()));
      case QUOTED_NAME:
        return members(new KqlAst.Column(t.text()));
      case SYMBOL:
        if (t.is("(")) {
          KqlAst e = or();
          expect(")");
          return e;
        }
        if (t.is("*")) {
          return new KqlAst.AllColumns();
        }
        break;
      default:
        break;
    }
    throw new KqlSyntaxException("unexpected '" + t.text() + "'", t.offset());
  }

  /** Properties of a dynamic column: {@code .name} and {@code ["name"]}, as many as follow. */
  private KqlAst members(KqlAst base) {
    KqlAst e = base;
    while (true) {
      if (peek().is(".")) {
        next();
        KqlLexer.Token name = next();
        if (name.kind() != KqlLexer.Kind.NAME) {
          throw new KqlSyntaxException("expected a property name after '.'", name.offset());
        }
        e = new KqlAst.Member(e, name.text());
      } else if (peek().kind() == KqlLexer.Kind.QUOTED_NAME) {
        e = new KqlAst.Member(e, next().text());
      } else {
        return e;
      }
    }
  }

  private static Object number(KqlLexer.Token t) {
    String s = t.text();
    try {
      if (s.contains(".") || s.contains("e") || s.contains("E")) {
        return Double.parseDouble(s);
      }
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      try {
        return new BigDecimal(s).doubleValue();
      } catch (NumberFormatException e2) {
        throw new KqlSyntaxException("not a number: " + s, t.offset());
      }
    }
  }
}
