package org.sigmaworkbench.logs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One log record: values by slot of a shared {@link FieldSchema}. A value is {@code null} when the
 * record does not have the field. A reader may leave values undecoded until first asked for ({@link
 * LazyValues}): a CSV row keeps its bytes, and a rule that reads one column decodes one.
 */
public final class Event {
  private final String file;
  private final long record;
  private final FieldSchema schema;
  private final String[] values;
  private final LazyValues lazy;

  /**
   * @param file the log file name, for display
   * @param record the 1-based record number in that file
   * @param schema the field names
   * @param values one value per slot of the schema
   */
  public Event(String file, long record, FieldSchema schema, String[] values) {
    this(file, record, schema, values, null);
  }

  /** An event whose {@code null} slots are decoded by {@code lazy} when first read. */
  Event(String file, long record, FieldSchema schema, String[] values, LazyValues lazy) {
    this.file = file;
    this.record = record;
    this.schema = schema;
    this.values = values;
    this.lazy = lazy;
  }

  public String file() {
    return file;
  }

  public long record() {
    return record;
  }

  public FieldSchema schema() {
    return schema;
  }

  /** The value in a slot; {@code null} when absent. */
  public String value(int slot) {
    if (slot >= schema.size() && slot < schema.derivedSize()) {
      return schema.derivedValue(this, slot);
    }
    if (slot < 0 || slot >= values.length) {
      return null;
    }
    String v = values[slot];
    if (v == null && lazy != null) {
      v = lazy.decode(slot);
      values[slot] = v;
    }
    return v;
  }

  /** The value of a Sigma field (through the layout), or {@code null}. */
  public String get(String sigmaField) {
    return value(schema.slotOf(sigmaField));
  }

  /** Fields as shown to people: Sigma names where the layout maps a column, in column order. */
  public Map<String, String> fields() {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      String v = value(i);
      if (v != null) {
        out.putIfAbsent(schema.displayName(i), v);
      }
    }
    for (int i = schema.size(); i < schema.derivedSize(); i++) {
      String v = value(i);
      if (v != null) {
        out.putIfAbsent(schema.name(i), v);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return file + "#" + record + " " + fields();
  }
}
