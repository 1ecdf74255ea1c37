package org.sigmaworkbench.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the parts of one rule document are written: the fields outside the detection by path
 * ({@code title}, {@code tags[2]}, {@code logsource.product}, {@code correlation.rules[0]}), the
 * detection items as written and the condition strings. Lint and editors use it to point at text.
 *
 * @param entries every field outside the detection, by path, in text order
 * @param detectionItems the entries of every search identifier, in text order
 * @param conditions the condition strings with where each begins
 */
public record SourceMap(
    Map<String, Entry> entries, List<DetectionItem> detectionItems, List<Condition> conditions) {

  /** A map with nothing in it, for documents built in code. */
  public static final SourceMap EMPTY = new SourceMap(Map.of(), List.of(), List.of());

  public SourceMap {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    detectionItems = List.copyOf(detectionItems);
    conditions = List.copyOf(conditions);
  }

  /**
   * One field or list item.
   *
   * @param keyPosition where its key is (for a list item, where the item is)
   * @param valuePosition where its value is (the text of a scalar, or the start of a map or list)
   * @param text the scalar text, or {@code null} for null, maps and lists
   */
  public record Entry(Position keyPosition, Position valuePosition, String text) {}

  /** A condition string as written. */
  public record Condition(String text, Position position) {}

  public Entry entry(String path) {
    return entries.get(path);
  }

  /** Where the key at {@code path} is, or {@link Position#NONE}. */
  public Position key(String path) {
    Entry e = entries.get(path);
    return e == null ? Position.NONE : e.keyPosition();
  }

  /** Where the value at {@code path} is, or {@link Position#NONE}. */
  public Position value(String path) {
    Entry e = entries.get(path);
    return e == null ? Position.NONE : e.valuePosition();
  }

  /**
   * The items of the list at {@code path} in order ({@code path[0]}, {@code path[1]}, ...), or the
   * scalar at {@code path} as a list of one.
   */
  public List<Entry> items(String path) {
    List<Entry> out = new ArrayList<>();
    for (int i = 0; ; i++) {
      Entry e = entries.get(path + "[" + i + "]");
      if (e == null) {
        break;
      }
      out.add(e);
    }
    if (out.isEmpty()) {
      Entry e = entries.get(path);
      if (e != null && e.text() != null) {
        out.add(e);
      }
    }
    return out;
  }
}
