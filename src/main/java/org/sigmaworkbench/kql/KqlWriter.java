package org.sigmaworkbench.kql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sigmaworkbench.rule.CaseFolding;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.Predicate;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * Writes a normalized rule as KQL for a {@link Target}: the table, then {@code | where} and the
 * condition. Every predicate keeps its meaning: string comparisons are case-insensitive unless the
 * rule says {@code cased}, wildcards in the middle become an anchored case-insensitive regex, a
 * missing field reads as empty.
 */
public final class KqlWriter {

  private static final int OR = 1;
  private static final int AND = 2;
  private static final int ATOM = 3;

  private final Target target;
  private final KqlOptions options;

  public KqlWriter(Target target, KqlOptions options) {
    this.target = target;
    this.options = options;
  }

  public KqlWriter(Target target) {
    this(target, KqlOptions.DEFAULT);
  }

  public Target target() {
    return target;
  }

  public KqlResult write(SigmaRule rule) {
    if (!rule.isUsable()) {
      return KqlResult.failure(List.of("the rule has errors; fix them first"));
    }
    var table = target.tableFor(rule.logsource());
    if (table.isEmpty()) {
      return KqlResult.failure(
          List.of(
              "no "
                  + target.title()
                  + " table for logsource '"
                  + rule.logsource().describe()
                  + "'; this target offers: "
                  + String.join("; ", target.servedLogsources())));
    }
    Rendering r = new Rendering(table.get());
    String where = r.render(Simplifier.simplify(rule.condition())).text();
    if (!r.errors.isEmpty()) {
      return new KqlResult(null, table.get().name(), List.copyOf(r.errors), List.of());
    }
    List<String> warnings = new ArrayList<>(r.warnings);
    if (rule.aggregation() != null) {
      warnings.add("the Sigma 1.x aggregation after '|' is not part of this query");
    }
    String query = table.get().name() + "\n| where " + where;
    return new KqlResult(query, table.get().name(), List.of(), warnings);
  }

  /** Text of a sub-expression and how tightly it binds. */
  private record Part(String text, int precedence) {}

  private final class Rendering {
    private final Target.Table table;
    private final Set<String> errors = new LinkedHashSet<>();
    private final Set<String> warnings = new LinkedHashSet<>();

    /** How many not() the predicate being written is inside. */
    private int negations;

    Rendering(Target.Table table) {
      this.table = table;
    }

    Part render(Expr e) {
      if (e instanceof Expr.Named n) {
        return render(n.body());
      }
      if (e instanceof Expr.Const c) {
        return new Part(c.value() ? "true" : "false", ATOM);
      }
      if (e instanceof Expr.Not n) {
        negations++;
        try {
          return new Part("not(" + render(n.term()).text() + ")", ATOM);
        } finally {
          negations--;
        }
      }
      if (e instanceof Expr.And a) {
        return join(a.terms(), " and ", AND);
      }
      if (e instanceof Expr.Or o) {
        return or(o.terms());
      }
      return match((Expr.Match) e);
    }

    private Part join(List<Expr> terms, String op, int precedence) {
      StringBuilder b = new StringBuilder();
      for (Expr t : terms) {
        Part p = render(t);
        if (b.length() > 0) {
          b.append(op);
        }
        b.append(p.precedence() < precedence ? "(" + p.text() + ")" : p.text());
      }
      return new Part(b.toString(), precedence);
    }

    /**
     * An {@code or}, with runs of case-insensitive equality on one field written as {@code in~}.
     */
    private Part or(List<Expr> terms) {
      List<String> parts = new ArrayList<>();
      boolean singleAtom = false;
      int i = 0;
      while (i < terms.size()) {
        Expr t = unwrap(terms.get(i));
        if (equalityField(t) != null) {
          Expr.Match first = (Expr.Match) t;
          boolean cased = ((Predicate.StringMatch) first.predicate()).cased();
          List<String> values = new ArrayList<>();
          int j = i;
          while (j < terms.size()) {
            Expr u = unwrap(terms.get(j));
            if (!first.field().equals(equalityField(u))
                || ((Predicate.StringMatch) ((Expr.Match) u).predicate()).cased() != cased) {
              break;
            }
            values.add(((Predicate.StringMatch) ((Expr.Match) u).predicate()).text());
            j++;
          }
          if (values.size() > 1) {
            List<String> columns = columns(first.field());
            List<String> alternatives = new ArrayList<>();
            for (String column : columns) {
              String col = stringColumn(column);
              StringBuilder b = new StringBuilder(col).append(cased ? " in (" : " in~ (");
              for (int k = 0; k < values.size(); k++) {
                b.append(k == 0 ? "" : ", ").append(KqlStrings.quote(values.get(k)));
              }
              alternatives.add(b.append(')').toString());
            }
            parts.add(String.join(" or ", alternatives));
            singleAtom = alternatives.size() == 1;
            i = j;
            continue;
          }
        }
        Part p = render(terms.get(i));
        parts.add(p.precedence() < OR ? "(" + p.text() + ")" : p.text());
        i++;
      }
      if (parts.size() == 1 && singleAtom) {
        return new Part(parts.get(0), ATOM);
      }
      return new Part(String.join(" or ", parts), OR);
    }

    private Expr unwrap(Expr e) {
      while (e instanceof Expr.Named n) {
        e = n.body();
      }
      return e;
    }

    private String equalityField(Expr e) {
      if (e instanceof Expr.Match m
          && !m.isKeyword()
          && m.predicate() instanceof Predicate.StringMatch s
          && s.op() == Predicate.StringOp.EQUALS
          && !lowered(s)) {
        return m.field();
      }
      return null;
    }

    private Part match(Expr.Match m) {
      if (m.isKeyword()) {
        return keyword(m);
      }
      List<String> columns = columns(m.field());
      List<String> alternatives = new ArrayList<>();
      for (String column : columns) {
        alternatives.add(predicate(column, m.predicate()));
      }
      if (alternatives.size() == 1) {
        return new Part(alternatives.get(0), ATOM);
      }
      return new Part(String.join(" or ", alternatives), OR);
    }

    private Part keyword(Expr.Match m) {
      if (m.predicate() instanceof Predicate.StringMatch s
          && s.op() == Predicate.StringOp.CONTAINS) {
        return new Part(
            "* " + (s.cased() ? "contains_cs " : "contains ") + KqlStrings.quote(s.text()), ATOM);
      }
      errors.add(
          "a keyword ('"
              + m.origin().value()
              + "' in '"
              + m.origin().identifier()
              + "') can only be searched as text contained in some column; KQL has no"
              + " other full-text form");
      return new Part("false", ATOM);
    }

    private List<String> columns(String field) {
      var mapped = table.columnsFor(field);
      if (mapped.isPresent()) {
        return mapped.get();
      }
      if (options.keepUnmapped()) {
        warnings.add("field '" + field + "' is not mapped for " + table.name() + "; kept as is");
        return List.of(field);
      }
      errors.add(
          "field '"
              + field
              + "' has no column in "
              + table.name()
              + " ("
              + target.title()
              + "); mapped fields: "
              + String.join(", ", new java.util.TreeSet<>(table.fields().keySet()))
              + ". Keep the Sigma name with the 'keep unmapped fields' option.");
      return List.of(field);
    }

    private boolean isStringColumn(String column) {
      String type = table.columnType(column).orElse("string");
      return type.equals("string");
    }

    private boolean isNumericColumn(String column) {
      String type = table.columnType(column).orElse("string");
      return switch (type) {
        case "int", "long", "real", "double", "decimal" -> true;
        default -> false;
      };
    }

    /** The column as a string expression: itself, or converted when it is typed. */
    private String stringColumn(String column) {
      String c = KqlStrings.column(column);
      return isStringColumn(column) ? c : "tostring(" + c + ")";
    }

    private String predicate(String column, Predicate p) {
      String col = KqlStrings.column(column);
      if (p instanceof Predicate.StringMatch s) {
        // KQL folds ASCII only; other cased letters are compared lower-cased (CaseFolding).
        boolean lowered = lowered(s);
        String c = lowered ? "tolower(" + stringColumn(column) + ")" : stringColumn(column);
        boolean cased = s.cased() || lowered;
        String op =
            switch (s.op()) {
              case EQUALS -> cased ? "==" : "=~";
              case CONTAINS -> cased ? "contains_cs" : "contains";
              case STARTSWITH -> cased ? "startswith_cs" : "startswith";
              case ENDSWITH -> cased ? "endswith_cs" : "endswith";
            };
        String text = lowered ? CaseFolding.toLower(s.text()) : s.text();
        return c + " " + op + " " + KqlStrings.quote(text);
      }
      if (p instanceof Predicate.Wildcard w) {
        return stringColumn(column)
            + " matches regex "
            + KqlStrings.quote(w.pattern().toRegex(w.cased()));
      }
      if (p instanceof Predicate.Regex r) {
        StringBuilder flags = new StringBuilder();
        if (r.ignoreCase()) {
          flags.append('i');
        }
        if (r.multiline()) {
          flags.append('m');
        }
        if (r.dotAll()) {
          flags.append('s');
        }
        String pattern = flags.length() == 0 ? r.pattern() : "(?" + flags + ")" + r.pattern();
        return stringColumn(column) + " matches regex " + KqlStrings.quote(pattern);
      }
      if (p instanceof Predicate.Cidr c) {
        String fn = c.isIpv6() ? "ipv6_is_in_range" : "ipv4_is_in_range";
        return twoValued(
            fn + "(" + stringColumn(column) + ", " + KqlStrings.quote(c.canonical()) + ")");
      }
      if (p instanceof Predicate.Compare c) {
        String number = plainNumber(c.number());
        String value = col;
        if (!isNumericColumn(column)) {
          String conversion = c.number().stripTrailingZeros().scale() <= 0 ? "tolong" : "todouble";
          value = conversion + "(" + col + ")";
        }
        String comparison = value + " " + c.op().symbol() + " " + number;
        return c.op() == Predicate.CompareOp.EQ ? comparison : twoValued(comparison);
      }
      if (p instanceof Predicate.Exists e) {
        return (e.present() ? "isnotempty(" : "isempty(") + col + ")";
      }
      if (p instanceof Predicate.IsNull) {
        return "isempty(" + col + ")";
      }
      if (p instanceof Predicate.FieldRef f) {
        List<String> others = columns(f.otherField());
        String other = stringColumn(others.get(0));
        String op =
            switch (f.op()) {
              case EQUALS -> f.cased() ? "==" : "=~";
              case CONTAINS -> f.cased() ? "contains_cs" : "contains";
              case STARTSWITH -> f.cased() ? "startswith_cs" : "startswith";
              case ENDSWITH -> f.cased() ? "endswith_cs" : "endswith";
            };
        return stringColumn(column) + " " + op + " " + other;
      }
      Predicate.DatePart d = (Predicate.DatePart) p;
      String value = "todatetime(" + col + ")";
      String part =
          switch (d.unit()) {
            case WEEK -> "week_of_year(" + value + ")";
            default ->
                "datetime_part("
                    + KqlStrings.quote(d.unit().name().toLowerCase(Locale.ROOT))
                    + ", "
                    + value
                    + ")";
          };
      String comparison = part + " " + d.op().symbol() + " " + d.number();
      return d.op() == Predicate.CompareOp.EQ ? comparison : twoValued(comparison);
    }

    /**
     * A comparison that is null when the value does not convert (a number, an address, a time) made
     * false under a negation, where not(null) would drop the row: the rule means that an
     * unconvertible value does not match, so its negation holds. Elsewhere null and false select
     * the same rows. (== against a constant is never null: KQL gives false for null == value.)
     */
    private String twoValued(String comparison) {
      return negations > 0 ? "coalesce(" + comparison + ", false)" : comparison;
    }
  }

  /** Whether a string match is written on lower-cased text (see {@link CaseFolding}). */
  private static boolean lowered(Predicate.StringMatch s) {
    return !s.cased() && CaseFolding.lowersBeyondAscii(s.text());
  }

  private static String plainNumber(BigDecimal n) {
    return n.stripTrailingZeros().scale() <= 0
        ? n.toBigInteger().toString()
        : n.stripTrailingZeros().toPlainString();
  }
}
