package org.sigmaworkbench.rule.yaml;

import java.util.List;
import java.util.Set;
import org.sigmaworkbench.rule.RuleProblem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Recognizes a Sigma 1.x rule collection: documents marked {@code action: global}, {@code reset} or
 * {@code repeat} that are merged into one another. Sigma 2 has no collections, and the documents of
 * one are incomplete on their own, so the whole file gets one error at the first {@code action}
 * line instead of a cascade of "missing title" errors.
 */
final class LegacyCollection {
  private static final Set<String> ACTIONS = Set.of("global", "reset", "repeat");

  private LegacyCollection() {}

  /** The error for a collection, or {@code null} when no document has an {@code action}. */
  static RuleProblem check(List<Node> documents) {
    for (Node node : documents) {
      if (!(node instanceof MappingNode map)) {
        continue;
      }
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k
            && k.getValue().equals("action")
            && t.getValueNode() instanceof ScalarNode v
            && ACTIONS.contains(v.getValue())) {
          return SigmaYaml.error(
              "rule.collection",
              "'action: "
                  + v.getValue()
                  + "' makes this a Sigma 1.x rule collection, which Sigma 2 does not have: its"
                  + " documents are merged into one another and are incomplete alone. Write each"
                  + " rule as one complete document (title, logsource, detection), and relate"
                  + " rules with a correlation rule",
              k,
              "action: " + v.getValue());
        }
      }
    }
    return null;
  }
}
