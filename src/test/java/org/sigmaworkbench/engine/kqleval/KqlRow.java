package org.sigmaworkbench.engine.kqleval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a table as KQL sees it: every column of the table is there; a string column the event
 * does not fill is the empty string (KQL strings are never null), a typed column is null, and so is
 * a dynamic column and a property a dynamic column does not have. Values are {@code String}, {@code
 * Long} (long and int columns), a {@code Map} of property to text (dynamic columns) or null.
 */
public final class KqlRow {
  private final Map<String, String> types;
  private final Map<String, Object> values = new LinkedHashMap<>();

  /**
   * @param types every column of the table with its Kusto type ({@code string}, {@code long}, ...)
   */
  public KqlRow(Map<String, String> types) {
    this.types = new LinkedHashMap<>(types);
  }

  /** Sets a column from text; a typed column gets the text read as its type. */
  public KqlRow set(String column, String text) {
    types.putIfAbsent(column, "string");
    String type = types.get(column);
    if (type.equals("long") || type.equals("int")) {
      values.put(column, Long.valueOf(text));
    } else {
      values.put(column, text);
    }
    return this;
  }

  /**
   * Sets a property of a dynamic column ({@code EventData.Image}); the column becomes a property
   * bag if it was not one.
   */
  public KqlRow setProperty(String column, String property, String text) {
    types.putIfAbsent(column, "dynamic");
    @SuppressWarnings("unchecked")
    Map<String, Object> bag =
        values.get(column) instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    bag.put(property, text);
    values.put(column, bag);
    return this;
  }

  /** Sets a column to a typed value ({@code Instant} for a datetime, {@code Long}, ...). */
  public KqlRow setValue(String column, Object value) {
    values.put(column, value);
    return this;
  }

  /** The value of a column as a query sees it. */
  public Object value(String column) {
    return get(column);
  }

  /** A copy that computed columns can be added to without changing this row. */
  KqlRow copy() {
    KqlRow c = new KqlRow(types);
    values.forEach(
        (k, v) -> c.values.put(k, v instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : v));
    return c;
  }

  /** Sets a computed column ({@code extend}) to a value of any type. */
  void put(String column, Object value) {
    types.putIfAbsent(column, value instanceof String ? "string" : "dynamic");
    values.put(column, value);
  }

  Object get(String column) {
    Object v = values.get(column);
    if (v != null) {
      return v;
    }
    // A column no row of the table has (the right side of a leftouter join that paired nothing)
    // is null; a string column of the table that this row leaves unset is empty.
    String type = types.get(column);
    return "string".equals(type) ? "" : null;
  }

  List<String> columns() {
    return new ArrayList<>(types.keySet());
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
