package org.sigmaworkbench.logs;

import java.util.ArrayList;
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

  /** Marks the key {@link #slotOf} resolves to the name column of a split account. */
  private static final String ACCOUNT_NAME = "\u0000account name\u0000";

  /**
   * Accounts the layout keeps in a domain and a name column ({@link FieldLayout#accounts}): the
   * Sigma field of each, and the slots of its two columns (the domain's -1 when absent). Their
   * values are slots after the columns ({@link #derivedSize}).
   */
  private final String[] accountFields;

  private final int[][] accountColumns;

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
    List<String> fields = new ArrayList<>();
    List<int[]> columns = new ArrayList<>();
    for (Map.Entry<String, List<String>> a : layout.accounts().entrySet()) {
      int name = columnSlot(a.getValue().get(1));
      // A column of the field's own (or mapped) name holds it as it is: it wins.
      if (name < 0 || plainSlot(a.getKey()) >= 0) {
        continue;
      }
      fields.add(a.getKey());
      columns.add(new int[] {columnSlot(a.getValue().get(0)), name});
    }
    this.accountFields = fields.toArray(String[]::new);
    this.accountColumns = columns.toArray(int[][]::new);
  }

  /** Whether some name fills more than one slot. */
  public boolean hasRepeatedNames() {
    return next != null;
  }

  /** The next slot holding another value of the same field as {@code slot}, or -1 (also for -1). */
  public int nextOfSameName(int slot) {
    return next == null || slot < 0 || slot >= next.length ? -1 : next[slot];
  }

  /** Which value of its field a slot holds: 0 for the first slot of the name, 1 for the next... */
  public int occurrence(int slot) {
    if (next == null || slot < 0 || slot >= names.length) {
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

  /**
   * The key {@link #slotOf} resolves to the slot of the name column of an account kept as a domain
   * and a name column, -1 when the field is not such an account here. The matcher compares a
   * domain-less {@code User} value with it, as the KQL writer compares it with the name column.
   */
  public static String accountNameKey(String sigmaField) {
    return ACCOUNT_NAME + sigmaField;
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

  /** The number of columns (values computed from columns, {@link #derivedSize}, come after). */
  public int size() {
    return names.length;
  }

  /** The number of slots including values computed from columns (split accounts). */
  public int derivedSize() {
    return names.length + accountFields.length;
  }

  /** The name of a slot: a column, or the Sigma field a computed slot holds. */
  public String name(int slot) {
    return slot < names.length ? names[slot] : accountFields[slot - names.length];
  }

  /**
   * The value of a computed slot of an event of this schema: {@code DOMAIN\name}, or the name alone
   * when the domain is empty; {@code null} when neither column has a value.
   */
  String derivedValue(Event e, int slot) {
    int[] c = accountColumns[slot - names.length];
    String domain = c[0] < 0 ? null : e.value(c[0]);
    String name = e.value(c[1]);
    if ((domain == null || domain.isEmpty()) && name == null) {
      return null;
    }
    String n = name == null ? "" : name;
    return domain == null || domain.isEmpty() ? n : domain + "\\" + n;
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
    int slot;
    if (sigmaField.startsWith(ACCOUNT_NAME)) {
      int a = account(sigmaField.substring(ACCOUNT_NAME.length()));
      slot = a < 0 ? -1 : accountColumns[a][1];
    } else {
      slot = plainSlot(sigmaField);
      if (slot < 0) {
        int a = account(sigmaField);
        slot = a < 0 ? -1 : names.length + a;
      }
    }
    resolved.put(sigmaField, slot);
    return slot;
  }

  /** The column holding a Sigma field as it is (mapped by the layout, or of its name), or -1. */
  private int plainSlot(String sigmaField) {
    List<String> columns = layout.sigmaToColumns().get(sigmaField);
    if (columns != null) {
      for (String c : columns) {
        int slot = columnSlot(c);
        if (slot >= 0) {
          return slot;
        }
      }
    }
    return columnSlot(sigmaField);
  }

  private int account(String sigmaField) {
    for (int i = 0; i < accountFields.length; i++) {
      if (accountFields[i].equalsIgnoreCase(sigmaField)) {
        return i;
      }
    }
    return -1;
  }

  /** The name shown for a slot: the Sigma field it holds, or its own name. */
  public String displayName(int slot) {
    return slot < names.length ? layout.sigmaNameOf(names[slot]) : name(slot);
  }
}
