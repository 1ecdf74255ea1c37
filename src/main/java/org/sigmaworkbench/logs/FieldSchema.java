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
 *
 * <p>A name may fill several slots: a field of several values (the unnamed {@code <Data>} of an
 * event, all read as {@code Data}). A name resolves to its first slot; {@link #nextOfSameName}
 * leads to the others.
 */
public final class FieldSchema {

  private static final Map<List<Object>, FieldSchema> INTERNED = new ConcurrentHashMap<>();
  private static final int MAX_INTERNED = 10_000;

  private final String[] names;
  private final FieldLayout layout;
  private final Map<String, Integer> exact = new HashMap<>();
  private final Map<String, Integer> folded = new HashMap<>();
  private final Map<String, Integer> resolved = new ConcurrentHashMap<>();

  /** The next slot of the same name per slot (-1 for none); null when no name repeats. */
  private final int[] next;

  public FieldSchema(List<String> names, FieldLayout layout) {
    this.names = names.toArray(String[]::new);
    this.layout = layout;
    int[] nx = null;
    Map<String, Integer> last = null;
    for (int i = 0; i < this.names.length; i++) {
      Integer first = exact.putIfAbsent(this.names[i], i);
      folded.putIfAbsent(this.names[i].toLowerCase(Locale.ROOT), i);
      if (first != null) {
        if (nx == null) {
          nx = new int[this.names.length];
          Arrays.fill(nx, -1);
          last = new HashMap<>();
        }
        nx[last.getOrDefault(this.names[i], first)] = i;
        last.put(this.names[i], i);
      }
    }
    this.next = nx;
  }

  /** Whether some name fills more than one slot. */
  public boolean hasRepeatedNames() {
    return next != null;
  }

  /** The next slot holding another value of the same field as {@code slot}, or -1 (also for -1). */
  public int nextOfSameName(int slot) {
    return next == null || slot < 0 ? -1 : next[slot];
  }

  /** Which value of its field a slot holds: 0 for the first slot of the name, 1 for the next... */
  public int occurrence(int slot) {
    if (next == null) {
      return 0;
    }
    int n = 0;
    for (int s = exact.get(names[slot]); s >= 0 && s != slot; s = next[s]) {
      n++;
    }
    return n;
  }

  /** The slot of a column's {@code occurrence}-th value (see {@link #occurrence}), or -1. */
  public int columnSlot(String column, int occurrence) {
    int s = columnSlot(column);
    for (int i = 0; i < occurrence && s >= 0; i++) {
      s = nextOfSameName(s);
    }
    return s;
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
