package org.sigmaworkbench.logs;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field names of a group of events (a CSV header, or one event's names for XML and JSON),
 * shared by all events that have them, with the layout that maps Sigma fields to them. Matchers
 * look fields up by slot once per schema, not once per event.
 */
public final class FieldSchema {

  private static final Map<List<Object>, FieldSchema> INTERNED = new ConcurrentHashMap<>();
  private static final int MAX_INTERNED = 10_000;

  private final String[] names;
  private final FieldLayout layout;
  private final Map<String, Integer> exact = new HashMap<>();
  private final Map<String, Integer> folded = new HashMap<>();
  private final Map<String, Integer> resolved = new ConcurrentHashMap<>();

  public FieldSchema(List<String> names, FieldLayout layout) {
    this.names = names.toArray(String[]::new);
    this.layout = layout;
    for (int i = 0; i < this.names.length; i++) {
      exact.putIfAbsent(this.names[i], i);
      folded.putIfAbsent(this.names[i].toLowerCase(Locale.ROOT), i);
    }
  }

  /** A shared schema for these names and layout (events of one kind share one instance). */
  public static FieldSchema of(List<String> names, FieldLayout layout) {
    List<Object> key = List.of(names, layout);
    FieldSchema s = INTERNED.get(key);
    if (s != null) {
      return s;
    }
    s = new FieldSchema(List.copyOf(names), layout);
    if (INTERNED.size() < MAX_INTERNED) {
      FieldSchema prev = INTERNED.putIfAbsent(key, s);
      return prev == null ? s : prev;
    }
    return s;
  }

  public int size() {
    return names.length;
  }

  public String name(int slot) {
    return names[slot];
  }

  public List<String> names() {
    return Arrays.asList(names);
  }

  public FieldLayout layout() {
    return layout;
  }

  /** The slot of a column by its own name (exact, then ignoring case), or -1. */
  public int columnSlot(String column) {
    Integer i = exact.get(column);
    if (i == null) {
      i = folded.get(column.toLowerCase(Locale.ROOT));
    }
    return i == null ? -1 : i;
  }

  /**
   * The slot holding a Sigma field: the layout's column for it when the layout maps it and the
   * column is present, else the column of that name; -1 when the event has no such field.
   */
  public int slotOf(String sigmaField) {
    Integer cached = resolved.get(sigmaField);
    if (cached != null) {
      return cached;
    }
    int slot = -1;
    List<String> columns = layout.sigmaToColumns().get(sigmaField);
    if (columns != null) {
      for (String c : columns) {
        slot = columnSlot(c);
        if (slot >= 0) {
          break;
        }
      }
    }
    if (slot < 0) {
      slot = columnSlot(sigmaField);
    }
    resolved.put(sigmaField, slot);
    return slot;
  }

  /** The name shown for a slot: the Sigma field it holds, or its own name. */
  public String displayName(int slot) {
    return layout.sigmaNameOf(names[slot]);
  }
}
