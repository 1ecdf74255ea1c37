package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.mapping.Target;

/**
 * A value of a row as a KQL expression: a column, a property of a dynamic column, or a combination
 * of columns.
 *
 * @param text the KQL expression
 * @param type its Kusto type ({@code string}, {@code long}, {@code dynamic}, ...)
 * @param column the column name when the expression is exactly one column, else {@code null}
 */
record ColumnExpr(String text, String type, String column) {

  /** A column or a dynamic property ({@code Base.prop}) of a table. */
  static ColumnExpr of(Target.Table table, String reference) {
    int dot = reference.indexOf('.');
    if (dot > 0 && "dynamic".equals(table.columnType(reference.substring(0, dot)).orElse(null))) {
      StringBuilder b = new StringBuilder(KqlStrings.column(reference.substring(0, dot)));
      for (String part : reference.substring(dot + 1).split("\\.", -1)) {
        b.append(KqlStrings.isIdentifier(part) ? "." + part : "[" + KqlStrings.quote(part) + "]");
      }
      return new ColumnExpr(b.toString(), "dynamic", null);
    }
    return new ColumnExpr(
        KqlStrings.column(reference), table.columnType(reference).orElse("string"), reference);
  }

  /** A column the target does not know, written under the given name as a string. */
  static ColumnExpr unknown(String name) {
    return new ColumnExpr(KqlStrings.column(name), "string", name);
  }

  /** The first non-empty of several values, as a string. */
  static ColumnExpr firstNonEmpty(List<ColumnExpr> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<String> texts = new ArrayList<>();
    for (ColumnExpr p : parts) {
      texts.add(p.asString());
    }
    return new ColumnExpr("coalesce(" + String.join(", ", texts) + ")", "string", null);
  }

  boolean isString() {
    return type.equals("string");
  }

  boolean isNumeric() {
    return switch (type) {
      case "int", "long", "real", "double", "decimal" -> true;
      default -> false;
    };
  }

  /** The value as a string expression. */
  String asString() {
    return isString() ? text : "tostring(" + text + ")";
  }
}
