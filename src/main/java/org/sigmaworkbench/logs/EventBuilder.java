package org.sigmaworkbench.logs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sigmaworkbench.mapping.EventSource;

/**
 * The fields of one record while a reader shapes them (renames a tool's columns to Sigma names,
 * adds fields found in a payload or a message), then the event they make.
 */
public final class EventBuilder {

  /** The name every unnamed {@code <Data>} of an event is read under. */
  public static final String UNNAMED_DATA = "Data";

  private final List<String> names = new ArrayList<>();
  private final List<String> values = new ArrayList<>();
  private final Set<String> repeated = new HashSet<>();
  private final Map<String, String> system = new HashMap<>();

  public void clear() {
    names.clear();
    values.clear();
    repeated.clear();
    system.clear();
  }

  public int size() {
    return names.size();
  }

  public String name(int i) {
    return names.get(i);
  }

  public String value(int i) {
    return values.get(i);
  }

  public List<String> names() {
    return names;
  }

  /** Adds a field (a later field of the same name is dropped when the event is built). */
  public void add(String name, String value) {
    names.add(name);
    values.add(value);
  }

  /**
   * Adds one more value of a field of several values (the unnamed {@code <Data>} of an event): the
   * event keeps every value added so.
   */
  public void addRepeated(String name, String value) {
    repeated.add(name);
    add(name, value);
  }

  /**
   * Drops a System field that the event's own data names too (the data wins: Sysmon's {@code
   * Version}), keeping its value for placing the event ({@code Channel}, {@code EventID}).
   */
  public void shadowSystemField(int i) {
    system.putIfAbsent(names.get(i), values.get(i));
    remove(i);
  }

  /**
   * Adds a field of the event's data: it takes the place of a System field of the same name (one of
   * the first {@code systemFields}), whose value still places the event; otherwise a field of that
   * name already there wins.
   */
  public void addData(String name, String value, int systemFields) {
    int i = indexOf(name);
    if (i < 0) {
      add(name, value);
    } else if (i < systemFields && !system.containsKey(name)) {
      system.put(name, values.get(i));
      values.set(i, value);
    }
  }

  /** Adds a field unless one of that name is there. */
  public void addIfAbsent(String name, String value) {
    if (indexOf(name) < 0) {
      add(name, value);
    }
  }

  public int indexOf(String name) {
    return names.indexOf(name);
  }

  /** The value of the first field of that name, or {@code null}. */
  public String get(String name) {
    int i = names.indexOf(name);
    return i < 0 ? null : values.get(i);
  }

  /** A System field's value, also when the event's data shadows it ({@link #shadowSystemField}). */
  String systemValue(String name) {
    String v = system.get(name);
    return v != null ? v : get(name);
  }

  /** The layout of the record by its Windows identity: channel, provider and event id. */
  public FieldLayout windowsLayout() {
    return Layouts.forWindowsEvent(
        systemValue("Channel"), systemValue("Provider_Name"), systemValue("EventID"));
  }

  /** The first non-blank value among these field names, or {@code null}. */
  String first(String... candidates) {
    for (String c : candidates) {
      String v = get(c);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  public void setName(int i, String name) {
    if (repeated.contains(names.get(i))) {
      repeated.add(name);
    }
    names.set(i, name);
  }

  public void setValue(int i, String value) {
    values.set(i, value);
  }

  /** Renames a field unless a field of the new name is already there. */
  public void rename(String from, String to) {
    int i = names.indexOf(from);
    if (i >= 0 && names.indexOf(to) < 0) {
      names.set(i, to);
    }
  }

  public void remove(int i) {
    names.remove(i);
    values.remove(i);
  }

  /**
   * The event, with the first field of each name (every value of a field added with {@link
   * #addRepeated}); {@code layout} decides the Sigma names.
   */
  public Event build(String file, long record, FieldLayout layout) {
    int n = names.size();
    Set<String> seen = new HashSet<>(n * 2);
    List<String> outNames = new ArrayList<>(n);
    List<String> outValues = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (seen.add(names.get(i)) || repeated.contains(names.get(i))) {
        outNames.add(names.get(i));
        outValues.add(values.get(i));
      }
    }
    return new Event(
        file, record, FieldSchema.of(outNames, layout), outValues.toArray(String[]::new));
  }

  /** The layout of the record: by its Windows identity when it has one, else {@code columns}. */
  public FieldLayout windowsLayoutOr(FieldLayout columns) {
    String channel = systemValue("Channel");
    String provider = systemValue("Provider_Name");
    String eventId = systemValue("EventID");
    if (channel == null && provider == null && eventId == null) {
      return columns;
    }
    FieldLayout w = Layouts.forWindowsEvent(channel, provider, eventId);
    if (columns != FieldLayout.NATIVE
        && (!w.source().isKnown() || w.source().placement() == EventSource.Placement.PRODUCT)) {
      return columns;
    }
    return w;
  }
}
