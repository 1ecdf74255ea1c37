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
 *
 * @param asMap every placeholder with its values, in table order
 */
public record Placeholders(Map<String, List<String>> asMap) {

  /** The placeholders the specification names; predefined with no values, for the user to fill. */
  public static final List<String> STANDARD =
      List.of("Administrators", "JumpServers", "Workstations", "Servers", "DomainControllers");

  /** A table of {@code asMap}, kept in its order and copied. */
  public Placeholders {
    Map<String, List<String>> m = new LinkedHashMap<>();
    asMap.forEach((name, values) -> m.put(name, List.copyOf(values)));
    asMap = Collections.unmodifiableMap(m);
  }

  /** The standard placeholders, all without values. */
  public static Placeholders standard() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String name : STANDARD) {
      m.put(name, List.of());
    }
    return new Placeholders(m);
  }

  /**
   * This table with {@code name} set to {@code newValues}; a name already in the table (in any
   * case) keeps its place.
   */
  public Placeholders with(String name, List<String> newValues) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    boolean replaced = false;
    for (Map.Entry<String, List<String>> e : asMap.entrySet()) {
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
    return new Placeholders(m);
  }

  /** This table without {@code name}. */
  public Placeholders without(String name) {
    Map<String, List<String>> m = new LinkedHashMap<>(asMap);
    m.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    return new Placeholders(m);
  }

  public Optional<List<String>> lookup(String name) {
    for (Map.Entry<String, List<String>> e : asMap.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
