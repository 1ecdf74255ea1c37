package org.sigmaworkbench.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The descriptive fields every kind of rule document shares. Absent text fields are {@code null},
 * absent lists are empty. {@code custom} keeps fields the specification does not name, as the YAML
 * gave them (strings, lists, maps and nulls), in text order.
 */
public record RuleMeta(
    String title,
    String id,
    String name,
    String status,
    String description,
    String license,
    List<String> references,
    String author,
    String date,
    String modified,
    List<String> tags,
    String level,
    List<String> falsepositives,
    List<String> fields,
    List<Related> related,
    String taxonomy,
    List<String> scope,
    Map<String, Object> custom,
    Position position) {

  /** A {@code related} entry: another rule's id and how it relates. */
  public record Related(String id, String type, Position position) {}

  public RuleMeta {
    references = List.copyOf(references);
    tags = List.copyOf(tags);
    falsepositives = List.copyOf(falsepositives);
    fields = List.copyOf(fields);
    related = List.copyOf(related);
    scope = List.copyOf(scope);
    custom = Collections.unmodifiableMap(new LinkedHashMap<>(custom));
  }
}
