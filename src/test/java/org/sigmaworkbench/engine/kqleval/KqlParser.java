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

  // --- tabular statements: let, union, project, summarize, join, sort (correlation queries)

  /** A tabular expression: a source and operators. */
  sealed interface Tab {}

  /** A table or a {@code let} name. */
  record Named(String name) implements Tab {}

  /** {@code union a, b}. */
  record Union(List<String> names) implements Tab {}

  /** {@code source | op | op}. */
  record Piped(Tab source, List<Op> ops) implements Tab {}

  /** One pipe operator. */
  sealed interface Op {}

  record WhereOp(KqlAst predicate) implements Op {}

  /** {@code extend} (keeps columns) or {@code project} (only these; a bare name keeps a column). */
  record Columns(boolean project, List<String> names, List<KqlAst> values) implements Op {}

  /** {@code summarize aggregates by keys}; each aggregate a call such as {@code count()}. */
  record Summarize(
      List<String> names, List<KqlAst.Call> aggregates, List<String> keys, List<KqlAst> keyValues)
      implements Op {}

  record Join(String kind, Tab right, List<String> on) implements Op {}

  record Sort(List<String> columns, List<Boolean> ascending) implements Op {}

  /** A script: {@code let} statements, then the query. */
  record Script(java.util.Map<String, Tab> lets, Tab query) {}

  static Script parseScript(String text) {
    KqlParser p = new KqlParser(text);
    java.util.Map<String, Tab> lets = new java.util.LinkedHashMap<>();
    while (p.peek().is("let")) {
      p.next();
      String name = p.next().text();
      p.expect("=");
      lets.put(name, p.tabular());
      p.expect(";");
    }
    Tab q = p.tabular();
    if (p.peek().kind() != KqlLexer.Kind.END) {
      throw new KqlSyntaxException("unexpected '" + p.peek().text() + "'", p.peek().offset());
    }
    return new Script(lets, q);
  }

  private Tab tabular() {
    Tab source;
    KqlLexer.Token t = next();
    if (t.is("union")) {
      List<String> names = new ArrayList<>();
      do {
        names.add(next().text());
      } while (peek().is(",") && next() != null);
      source = new Union(names);
    } else if (t.is("(")) {
      source = tabular();
      expect(")");
    } else if (t.kind() == KqlLexer.Kind.NAME) {
      source = new Named(t.text());
    } else {
      throw new KqlSyntaxException("expected a table", t.offset());
    }
    List<Op> ops = new ArrayList<>();
    while (peek().is("|")) {
      next();
      KqlLexer.Token op = next();
      switch (op.text()) {
        case "where" -> ops.add(new WhereOp(or()));
        case "extend", "project" -> {
          List<String> names = new ArrayList<>();
          List<KqlAst> values = new ArrayList<>();
          do {
            String name = next().text();
            names.add(name);
            if (peek().is("=")) {
              next();
              values.add(or());
            } else {
              values.add(new KqlAst.Column(name));
            }
          } while (peek().is(",") && next() != null);
          ops.add(new Columns(op.text().equals("project"), names, values));
        }
        case "summarize" -> {
          List<String> names = new ArrayList<>();
          List<KqlAst.Call> aggs = new ArrayList<>();
          if (!peek().is("by")) {
            do {
              names.add(next().text());
              expect("=");
              aggs.add((KqlAst.Call) operand());
            } while (peek().is(",") && next() != null);
          }
          expect("by");
          List<String> keys = new ArrayList<>();
          List<KqlAst> keyValues = new ArrayList<>();
          do {
            String name = next().text();
            keys.add(name);
            if (peek().is("=")) {
              next();
              keyValues.add(or());
            } else {
              keyValues.add(new KqlAst.Column(name));
            }
          } while (peek().is(",") && next() != null);
          ops.add(new Summarize(names, aggs, keys, keyValues));
        }
        case "join" -> {
          expect("kind");
          expect("=");
          String kind = next().text();
          expect("(");
          Tab right = tabular();
          expect(")");
          expect("on");
          List<String> on = new ArrayList<>();
          do {
            on.add(next().text());
          } while (peek().is(",") && next() != null);
          ops.add(new Join(kind, right, on));
        }
        case "sort" -> {
          expect("by");
          List<String> cols = new ArrayList<>();
          List<Boolean> asc = new ArrayList<>();
          do {
            cols.add(next().text());
            KqlLexer.Token dir = next();
            if (!dir.is("asc") && !dir.is("desc")) {
              throw new KqlSyntaxException("expected asc or desc", dir.offset());
            }
            asc.add(dir.is("asc"));
          } while (peek().is(",") && next() != null);
          ops.add(new Sort(cols, asc));
        }
        default ->
            throw new KqlSyntaxException("unknown operator '" + op.text() + "'", op.offset());
      }
    }
    return ops.isEmpty() ? source : new Piped(source, ops);
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
    KqlAst left = additive();
    KqlLexer.Token t = peek();
    if (t.kind() == KqlLexer.Kind.SYMBOL && COMPARISONS.contains(t.text())) {
      next();
      return new KqlAst.Binary(t.text(), left, additive());
    }
    if (t.is("between")) {
      next();
      expect("(");
      KqlAst low = additive();
      expect(".");
      expect(".");
      KqlAst high = additive();
      expect(")");
      return new KqlAst.Between(left, low, high);
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

  /** {@code a + b}: datetime plus timespan, or numbers. */
  private KqlAst additive() {
    KqlAst left = operand();
    while (peek().is("+")) {
      next();
      left = new KqlAst.Binary("+", left, operand());
    }
    return left;
  }

  private static final java.util.regex.Pattern TIMESPAN =
      java.util.regex.Pattern.compile("(\\d+)(d|h|m|s)");

  private KqlAst operand() {
    KqlLexer.Token t = next();
    if (t.kind() == KqlLexer.Kind.NUMBER) {
      java.util.regex.Matcher m = TIMESPAN.matcher(t.text());
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return new KqlAst.Literal(
            switch (m.group(2)) {
              case "d" -> java.time.Duration.ofDays(n);
              case "h" -> java.time.Duration.ofHours(n);
              case "m" -> java.time.Duration.ofMinutes(n);
              default -> java.time.Duration.ofSeconds(n);
            });
      }
    }
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
      // '.' then '.' is the range operator (a .. b), not a property.
      if (peek().is(".") && pos + 1 < tokens.size() && !tokens.get(pos + 1).is(".")) {
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
