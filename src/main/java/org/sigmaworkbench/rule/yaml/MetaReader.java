package org.sigmaworkbench.rule.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.RuleMeta;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaKeys;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the descriptive fields of a rule document and its logsource, checking their shapes. */
public final class MetaReader {

  /** The top-level keys the specification names; others are kept as custom fields. */
  static final Set<String> KNOWN = Set.copyOf(SigmaKeys.topLevelNames());

  private final List<RuleProblem> problems;

  MetaReader(List<RuleProblem> problems) {
    this.problems = problems;
  }

  RuleMeta read(MappingNode map, Map<String, NodeTuple> fields) {
    Map<String, Object> custom = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : fields.entrySet()) {
      if (!KNOWN.contains(e.getKey())) {
        custom.put(e.getKey(), plain(e.getValue().getValueNode()));
      }
    }
    String title = text(fields.get("title"));
    if (title == null || title.isBlank()) {
      problems.add(
          RuleProblem.error(
              "rule.required",
              "a rule needs a 'title'",
              fields.containsKey("title")
                  ? SigmaYaml.position(fields.get("title").getValueNode())
                  : SigmaYaml.position(map),
              fields.containsKey("title") ? "title" : ""));
    }
    return new RuleMeta(
        title,
        text(fields.get("id")),
        text(fields.get("name")),
        text(fields.get("status")),
        text(fields.get("description")),
        text(fields.get("license")),
        stringList(fields.get("references")),
        text(fields.get("author")),
        text(fields.get("date")),
        text(fields.get("modified")),
        stringList(fields.get("tags")),
        text(fields.get("level")),
        stringList(fields.get("falsepositives")),
        stringList(fields.get("fields")),
        related(fields.get("related")),
        text(fields.get("taxonomy")),
        stringList(fields.get("scope")),
        custom,
        SigmaYaml.position(map));
  }

  LogSource logsource(MappingNode map, NodeTuple entry) {
    if (entry == null) {
      problems.add(
          SigmaYaml.error(
              "rule.required",
              "a rule needs a 'logsource' (category, product and/or service)",
              map,
              ""));
      return LogSource.EMPTY;
    }
    if (!(entry.getValueNode() instanceof MappingNode ls)) {
      problems.add(
          SigmaYaml.wrongKind(
              "logsource.structure",
              "'logsource' is a map with category, product, service or definition",
              entry.getValueNode(),
              "logsource"));
      return LogSource.EMPTY;
    }
    Map<String, NodeTuple> f = RuleLoader.entries(ls);
    LogSource result =
        new LogSource(
            text(f.get("category")),
            text(f.get("product")),
            text(f.get("service")),
            text(f.get("definition")));
    if (result.category() == null && result.product() == null && result.service() == null) {
      problems.add(
          SigmaYaml.error(
              "logsource.empty",
              "'logsource' needs at least one of category, product or service",
              entry.getKeyNode(),
              "logsource"));
    }
    return result;
  }

  /** A scalar's text, or {@code null} when absent or null; a non-scalar is reported. */
  String text(NodeTuple entry) {
    if (entry == null) {
      return null;
    }
    Node v = entry.getValueNode();
    if (SigmaYaml.isNull(v)) {
      return null;
    }
    if (v instanceof ScalarNode s) {
      return s.getValue();
    }
    problems.add(
        SigmaYaml.wrongKind(
            "field.type", "'" + keyOf(entry) + "' takes a single value", v, keyOf(entry)));
    return null;
  }

  /** A list of scalars (a single scalar counts as a list of one). */
  List<String> stringList(NodeTuple entry) {
    List<String> out = new ArrayList<>();
    if (entry == null || SigmaYaml.isNull(entry.getValueNode())) {
      return out;
    }
    String key = keyOf(entry);
    Node v = entry.getValueNode();
    if (v instanceof ScalarNode s) {
      out.add(s.getValue());
    } else if (v instanceof SequenceNode seq) {
      for (Node child : seq.getValue()) {
        if (!(child instanceof ScalarNode s)) {
          problems.add(
              SigmaYaml.error(
                  "field.type",
                  "'" + key + "' is a list of strings; this item is " + SigmaYaml.kind(child),
                  child,
                  key));
        } else if (!SigmaYaml.isNull(s)) {
          out.add(s.getValue());
        }
      }
    } else {
      problems.add(SigmaYaml.wrongKind("field.type", "'" + key + "' is a list of strings", v, key));
    }
    return out;
  }

  private List<RuleMeta.Related> related(NodeTuple entry) {
    List<RuleMeta.Related> out = new ArrayList<>();
    if (entry == null || SigmaYaml.isNull(entry.getValueNode())) {
      return out;
    }
    if (!(entry.getValueNode() instanceof SequenceNode seq)) {
      problems.add(
          SigmaYaml.error(
              "field.type",
              "'related' is a list of maps with 'id' and 'type'",
              entry.getValueNode(),
              "related"));
      return out;
    }
    for (Node child : seq.getValue()) {
      if (child instanceof MappingNode m) {
        Map<String, NodeTuple> f = RuleLoader.entries(m);
        out.add(
            new RuleMeta.Related(text(f.get("id")), text(f.get("type")), SigmaYaml.position(m)));
      } else {
        problems.add(
            SigmaYaml.error(
                "field.type",
                "each 'related' entry is a map with 'id' and 'type'",
                child,
                "related"));
      }
    }
    return out;
  }

  private static String keyOf(NodeTuple t) {
    return t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
  }

  /** A node as plain Java data (String, List, Map), for custom fields. */
  static Object plain(Node node) {
    if (node instanceof ScalarNode s) {
      return SigmaYaml.isNull(s) ? null : s.getValue();
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (Node child : seq.getValue()) {
        out.add(plain(child));
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      out.put(keyOf(t), plain(t.getValueNode()));
    }
    return out;
  }
}
