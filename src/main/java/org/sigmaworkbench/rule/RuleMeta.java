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

  /** The statuses the specification defines, most settled first. */
  public static final List<String> STATUSES =
      List.of("stable", "test", "experimental", "deprecated", "unsupported");

  /** The levels the specification defines, least severe first. */
  public static final List<String> LEVELS =
      List.of("informational", "low", "medium", "high", "critical");

  /** The types of a {@code related} entry the specification defines. */
  public static final List<String> RELATED_TYPES =
      List.of("derived", "obsolete", "merged", "renamed", "similar");

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
