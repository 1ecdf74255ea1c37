package org.sigmaworkbench.kql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sigmaworkbench.mapping.FieldMapping;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.LogonIds;
import org.sigmaworkbench.rule.Predicate;

/**
 * A normalized condition over Sigma fields turned into a {@link Cond} over the columns of one
 * table: each field through its {@link FieldMapping}, each value through the mapping's rewrite.
 */
final class RuleTranslator {

  private final Target target;
  private final Target.Table table;
  private final boolean keepUnmapped;
  private final java.util.function.Predicate<String> mappedElsewhere;
  final Problems problems = new Problems();

  /**
   * Fields this table lacks while another branch of the query's union has them: the table's rows
   * come from events without the field, so here it reads as the empty string.
   */
  final Set<String> absent = new LinkedHashSet<>();

  /** Columns computed for the query ({@code | extend name = expression}), by name. */
  final Map<String, String> extensions = new LinkedHashMap<>();

  RuleTranslator(Target target, Target.Table table, boolean keepUnmapped) {
    this(target, table, keepUnmapped, f -> false);
  }

  /**
   * A translator for one branch of a union.
   *
   * @param mappedElsewhere whether another branch's table has a field: such a field, missing here,
   *     is tested as the empty string instead of failing the rule
   */
  RuleTranslator(
      Target target,
      Target.Table table,
      boolean keepUnmapped,
      java.util.function.Predicate<String> mappedElsewhere) {
    this.target = target;
    this.table = table;
    this.keepUnmapped = keepUnmapped;
    this.mappedElsewhere = mappedElsewhere;
  }

  /** The empty string, as the value of a field the rows of this table never have. */
  private static final ColumnExpr EMPTY = new ColumnExpr("\"\"", "string", null);

  Cond translate(Expr e) {
    if (e instanceof Expr.Named n) {
      return translate(n.body());
    }
    if (e instanceof Expr.Const c) {
      return new Cond.Constant(c.value());
    }
    if (e instanceof Expr.Not n) {
      return Cond.not(translate(n.term()));
    }
    if (e instanceof Expr.And a) {
      return Cond.all(a.terms().stream().map(this::translate).toList());
    }
    if (e instanceof Expr.Or o) {
      return Cond.any(o.terms().stream().map(this::translate).toList());
    }
    return match((Expr.Match) e);
  }

  private Cond match(Expr.Match m) {
    Predicate p = m.predicate();
    if (m.isKeyword()) {
      if (PredicateWriter.isKeywordForm(p)) {
        return new Cond.Keyword(p);
      }
      String keyword = "'" + m.origin().value() + "' in '" + m.origin().identifier() + "'";
      if (PredicateWriter.trueOnEmpty(p)) {
        return problems.error(
            "the keyword "
                + keyword
                + " matches the empty text, so KQL would find it in every empty column of a row;"
                + " a keyword must match only columns that have a value");
      }
      return problems.error(
          "a keyword ("
              + keyword
              + ") can only be searched as text contained in some column, or as a pattern;"
              + " KQL has no other full-text form");
    }
    if (p instanceof Predicate.FieldRef f) {
      ColumnExpr left = plainValue(m.field());
      ColumnExpr right = plainValue(f.otherField());
      if (left == null || right == null) {
        return new Cond.Constant(false);
      }
      return new Cond.Columns(left, right, f.op(), f.cased());
    }
    FieldMapping mapping = mapping(m.field());
    if (mapping == null && absent.contains(m.field())) {
      return onEmpty(p);
    }
    Long logonId = LogonIds.equalityNumber(m.field(), p);
    if (mapping == null) {
      ColumnExpr unknown = ColumnExpr.unknown(m.field());
      return logonId != null ? logonId(unknown, logonId) : new Cond.Test(unknown, p);
    }
    if (mapping instanceof FieldMapping.HashList h) {
      return HashListRewrite.apply(table, h.columnsByAlgorithm(), p, m.field(), problems);
    }
    if (mapping instanceof FieldMapping.DomainUser d) {
      return DomainUserRewrite.apply(
          ColumnExpr.of(table, d.domainColumn()), ColumnExpr.of(table, d.nameColumn()), p);
    }
    FieldMapping.Value v = (FieldMapping.Value) mapping;
    ColumnExpr column = source(m.field(), v.source());
    FieldMapping.Rewrite r = v.rewrite();
    if (r instanceof FieldMapping.Rewrite.Prefixes x) {
      return PrefixRewrite.apply(column, x.prefixes(), p);
    }
    if (r instanceof FieldMapping.Rewrite.FileName) {
      return FileNameRewrite.apply(column, p, m.field(), problems);
    }
    if (r instanceof FieldMapping.Rewrite.Values x) {
      return ValueMapRewrite.apply(column, x.values(), p, m.field(), problems);
    }
    if (logonId != null) {
      return logonId(column, logonId);
    }
    return new Cond.Test(column, numericEquality(column, p));
  }

  /**
   * Equality of a logon-id field with a number ({@link LogonIds}): a numeric column (Defender's
   * {@code LogonId}) holds the number; a text column holds it in hexadecimal as Windows writes it,
   * or in decimal.
   */
  private static Cond logonId(ColumnExpr column, long id) {
    if (column.isNumeric()) {
      return new Cond.Test(
          column,
          new Predicate.Compare(
              Predicate.CompareOp.EQ, BigDecimal.valueOf(id), LogonIds.decimal(id)));
    }
    return Cond.any(
        Cond.test(column, Predicate.StringOp.EQUALS, LogonIds.hex(id), false),
        Cond.test(column, Predicate.StringOp.EQUALS, LogonIds.decimal(id), true));
  }

  /**
   * Equality with a number written as text ({@code LogonId: '0x3e7'}) on a numeric column is
   * numeric equality: the column holds the number, not the text Sysmon writes for it.
   */
  static Predicate numericEquality(ColumnExpr column, Predicate p) {
    if (column.isNumeric()
        && p instanceof Predicate.StringMatch s
        && s.op() == Predicate.StringOp.EQUALS) {
      BigDecimal n = number(s.text().trim());
      if (n != null) {
        return new Predicate.Compare(Predicate.CompareOp.EQ, n, s.text());
      }
    }
    return p;
  }

  private static BigDecimal number(String t) {
    try {
      if (t.matches("-?0[xX][0-9a-fA-F]+")) {
        boolean negative = t.startsWith("-");
        BigInteger v = new BigInteger(t.substring(negative ? 3 : 2), 16);
        return new BigDecimal(negative ? v.negate() : v);
      }
      if (t.matches("-?[0-9]+(\\.[0-9]+)?")) {
        return new BigDecimal(t);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  /**
   * A predicate on a field the rows of this table lack: the field has no value there, so the
   * predicate holds exactly when {@link Predicate#holdsOnNoValue()} says, as in the matcher.
   */
  private static Cond onEmpty(Predicate p) {
    return new Cond.Constant(p.holdsOnNoValue());
  }

  /** How a field is read, or {@code null} (with the problem noted) when the table lacks it. */
  private FieldMapping mapping(String field) {
    var mapped = table.mappingFor(field);
    if (mapped.isPresent()) {
      return mapped.get();
    }
    if (mappedElsewhere.test(field)) {
      absent.add(field);
      return null;
    }
    if (keepUnmapped) {
      problems.warnings.add(
          "field '" + field + "' is not mapped for " + table.name() + "; kept as is");
    } else {
      problems.unmapped.add(field);
    }
    return null;
  }

  /** The field's value as Sigma writes it, for comparing two fields. */
  ColumnExpr plainValue(String field) {
    FieldMapping mapping = mapping(field);
    if (mapping == null && absent.contains(field)) {
      return EMPTY;
    }
    if (mapping == null) {
      return ColumnExpr.unknown(field);
    }
    if (mapping instanceof FieldMapping.DomainUser d) {
      return DomainUserRewrite.joined(
          ColumnExpr.of(table, d.domainColumn()), ColumnExpr.of(table, d.nameColumn()));
    }
    if (mapping instanceof FieldMapping.Value v) {
      ColumnExpr column = source(field, v.source());
      if (v.rewrite() instanceof FieldMapping.Rewrite.None) {
        return column;
      }
      if (v.rewrite() instanceof FieldMapping.Rewrite.Prefixes x) {
        return PrefixRewrite.backToSigma(column, x.prefixes());
      }
    }
    problems.error(
        "'fieldref' cannot compare '"
            + field
            + "': "
            + table.name()
            + " does not keep its value as Sigma writes it");
    return null;
  }

  private ColumnExpr source(String field, FieldMapping.Source s) {
    if (s instanceof FieldMapping.Source.Column c) {
      return ColumnExpr.of(table, c.column());
    }
    if (s instanceof FieldMapping.Source.FirstNonEmpty f) {
      List<ColumnExpr> parts = new ArrayList<>();
      for (String c : f.columns()) {
        parts.add(ColumnExpr.of(table, c));
      }
      return ColumnExpr.firstNonEmpty(parts);
    }
    List<String> columns = ((FieldMapping.Source.JoinedPath) s).columns();
    String name = field;
    while (table.columns().containsKey(name)) {
      name = "Sigma_" + name;
    }
    if (!extensions.containsKey(name)) {
      String path = ColumnExpr.of(table, columns.get(0)).asString();
      for (String c : columns.subList(1, columns.size())) {
        String next = ColumnExpr.of(table, c).asString();
        path =
            "iff(isempty("
                + next
                + "), "
                + path
                + ", strcat("
                + path
                + ", \"\\\\\", "
                + next
                + "))";
      }
      extensions.put(name, path);
    }
    return new ColumnExpr(KqlStrings.column(name), "string", null);
  }

  /** The message for fields the table does not map. */
  String unmappedMessage() {
    List<String> fields = new ArrayList<>(problems.unmapped);
    return (fields.size() == 1 ? "field '" : "fields '")
        + String.join("', '", fields)
        + "' "
        + (fields.size() == 1 ? "has" : "have")
        + " no column in "
        + table.name()
        + " ("
        + target.title()
        + "); mapped fields: "
        + String.join(", ", table.offeredFields())
        + ". Keep the Sigma name with the 'keep unmapped fields' option.";
  }
}
