package org.sigmaworkbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows a service returned for a query.
 *
 * @param columns the columns, in order, with their Kusto types
 * @param rows one list of cells per row, as the service wrote them (a JSON null for no value)
 * @param truncated whether there are more rows than these: the row limit was reached, or the
 *     service cut the result at its own limit
 * @param partialError the service's message when it returned rows but reported an error with them
 *     (the rows may be incomplete), else {@code null}
 */
public record QueryResult(
    List<Column> columns, List<List<JsonNode>> rows, boolean truncated, String partialError) {

  public QueryResult {
    columns = List.copyOf(columns);
    List<List<JsonNode>> copy = new ArrayList<>(rows.size());
    for (List<JsonNode> r : rows) {
      copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(r)));
    }
    rows = java.util.Collections.unmodifiableList(copy);
  }

  /**
   * A column of the result.
   *
   * @param name its name
   * @param type its Kusto type in lower case: {@code string}, {@code datetime}, {@code long},
   *     {@code int}, {@code real}, {@code bool}, {@code dynamic}, {@code guid}, {@code timespan},
   *     {@code decimal}
   */
  public record Column(String name, String type) {}

  /** The names of the columns, in order. */
  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /**
   * A cell as text, as KQL's {@code tostring()} gives it: a string as it is, a number or a boolean
   * in its usual form ({@code true}), a dynamic value as compact JSON; {@code null} for no value.
   */
  public static String text(JsonNode cell) {
    if (cell == null || cell.isNull() || cell.isMissingNode()) {
      return null;
    }
    if (cell.isTextual()) {
      return cell.textValue();
    }
    if (cell.isBoolean()) {
      return cell.booleanValue() ? "true" : "false";
    }
    if (cell.isNumber()) {
      return cell.asText();
    }
    return cell.toString();
  }

  /** Kusto's name for a type as a service writes it ({@code Int64}, {@code DateTime}, ...). */
  static String kustoType(String serviceType) {
    if (serviceType == null) {
      return "string";
    }
    String t = serviceType.toLowerCase(Locale.ROOT);
    if (t.startsWith("system.")) {
      t = t.substring("system.".length());
    }
    return switch (t) {
      case "int64", "long" -> "long";
      case "int32", "int", "integer" -> "int";
      case "double", "real", "float" -> "real";
      case "boolean", "bool", "sbyte" -> "bool";
      case "datetime", "date" -> "datetime";
      case "object", "dynamic", "array" -> "dynamic";
      case "guid", "uniqueid" -> "guid";
      case "timespan", "time" -> "timespan";
      case "decimal", "sqldecimal" -> "decimal";
      default -> "string";
    };
  }
}
