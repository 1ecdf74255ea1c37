package org.sigmaworkbench.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values that {@code |expand} puts in place of {@code %name%} placeholders. Names are matched
 * without regard to case. Each value is a Sigma string (wildcards allowed). A placeholder with no
 * values matches nothing, and the rule gets a warning that says so.
 */
public final class Placeholders {

  /** The placeholders the specification names; predefined with no values, for the user to fill. */
  public static final List<String> STANDARD =
      List.of("Administrators", "JumpServers", "Workstations", "Servers", "DomainControllers");

  private final Map<String, List<String>> values;

  private Placeholders(Map<String, List<String>> values) {
    this.values = values;
  }

  /** The standard placeholders, all without values. */
  public static Placeholders standard() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String name : STANDARD) {
      m.put(name, List.of());
    }
    return new Placeholders(Collections.unmodifiableMap(m));
  }

  /**
   * This table with {@code name} set to {@code newValues}; a name already in the table (in any
   * case) keeps its place.
   */
  public Placeholders with(String name, List<String> newValues) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    boolean replaced = false;
    for (Map.Entry<String, List<String>> e : values.entrySet()) {
      if (!replaced && e.getKey().equalsIgnoreCase(name)) {
        m.put(name, List.copyOf(newValues));
        replaced = true;
      } else if (!e.getKey().equalsIgnoreCase(name)) {
        m.put(e.getKey(), e.getValue());
      }
    }
    if (!replaced) {
      m.put(name, List.copyOf(newValues));
    }
    return new Placeholders(Collections.unmodifiableMap(m));
  }

  /** This table without {@code name}. */
  public Placeholders without(String name) {
    Map<String, List<String>> m = new LinkedHashMap<>(values);
    m.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    return new Placeholders(Collections.unmodifiableMap(m));
  }

  public Optional<List<String>> lookup(String name) {
    for (Map.Entry<String, List<String>> e : values.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Every placeholder with its values, in table order. */
  public Map<String, List<String>> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Placeholders p && p.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Placeholders" + values;
  }
}
