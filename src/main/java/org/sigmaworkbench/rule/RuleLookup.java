package org.sigmaworkbench.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents by id, name and title (trimmed; blank keys are not indexed), and the resolution of a
 * filter or correlation reference: the documents with that id, else those with that name. The base
 * of {@link RuleCollection} (whole documents) and {@link RuleIndex} (their slim entries).
 *
 * @param <E> what is looked up
 */
public abstract class RuleLookup<E> {
  RuleLookup() {}

  private final Map<String, List<E>> byId = new HashMap<>();
  private final Map<String, List<E>> byName = new HashMap<>();
  private final Map<String, List<E>> byTitle = new HashMap<>();

  /** Indexes {@code e} under its id, name and title. */
  final void add(String id, String name, String title, E e) {
    put(byId, id, e);
    put(byName, name, e);
    put(byTitle, title, e);
  }

  private static <E> void put(Map<String, List<E>> map, String key, E e) {
    if (key != null && !key.isBlank()) {
      map.computeIfAbsent(key.trim(), k -> new ArrayList<>(1)).add(e);
    }
  }

  private static <E> List<E> get(Map<String, List<E>> map, String key) {
    return key == null ? List.of() : map.getOrDefault(key.trim(), List.of());
  }

  public final List<E> byId(String id) {
    return get(byId, id);
  }

  public final List<E> byName(String name) {
    return get(byName, name);
  }

  public final List<E> byTitle(String title) {
    return get(byTitle, title);
  }

  /**
   * The documents a filter or correlation reference names: those with that id, else those with that
   * name.
   */
  public final List<E> resolve(String reference) {
    List<E> found = byId(reference);
    return found.isEmpty() ? byName(reference) : found;
  }
}
