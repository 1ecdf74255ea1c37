package org.sigmaworkbench.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
  public Event(String file, long record, FieldSchema schema, String[] values, LazyValues lazy) {
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

  /**
   * Every value of the field in a slot: the slot's own and those of later slots of the same name
   * (the unnamed {@code <Data>} of an event); empty when absent.
   */
  public List<String> values(int slot) {
    String first = value(slot);
    int next = schema.nextOfSameName(slot);
    if (next < 0) {
      return first == null ? List.of() : List.of(first);
    }
    List<String> out = new ArrayList<>();
    if (first != null) {
      out.add(first);
    }
    for (int s = next; s >= 0; s = schema.nextOfSameName(s)) {
      String v = value(s);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * Fields as shown to people with all their values: Sigma names where the layout maps a column, in
   * column order; a field of several values (unnamed {@code <Data>}) has them all, in order.
   */
  public Map<String, List<String>> fieldValues() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      String v = value(i);
      if (v == null) {
        continue;
      }
      String name = schema.displayName(i);
      List<String> l = out.get(name);
      if (l == null) {
        out.put(name, new ArrayList<>(List.of(v)));
      } else if (schema.hasRepeatedNames() && schema.columnSlot(schema.name(i)) != i) {
        l.add(v);
      }
    }
    return out;
  }

  /**
   * Fields as shown to people: Sigma names where the layout maps a column, in column order; a field
   * of several values shows its first (see {@link #fieldValues}).
   */
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
