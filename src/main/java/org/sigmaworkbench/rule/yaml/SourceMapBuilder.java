package org.sigmaworkbench.rule.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sigmaworkbench.rule.DetectionItem;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.SourceMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Collects a {@link SourceMap} while a document is read. */
final class SourceMapBuilder {

  /** Keys of a {@code filter} map that are not search identifiers. */
  private static final Set<String> FILTER_FIELDS = Set.of("rules", "condition");

  private final Map<String, SourceMap.Entry> entries = new LinkedHashMap<>();
  final List<DetectionItem> detectionItems = new ArrayList<>();
  final List<SourceMap.Condition> conditions = new ArrayList<>();

  /** Records every field of the document outside the search identifiers. */
  void fields(MappingNode document) {
    for (NodeTuple t : document.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        continue;
      }
      String key = k.getValue();
      entries.putIfAbsent(key, entry(k, t.getValueNode()));
      if (key.equals("detection")) {
        if (t.getValueNode() instanceof MappingNode detection) {
          for (NodeTuple d : detection.getValue()) {
            if (d.getKeyNode() instanceof ScalarNode dk
                && (dk.getValue().equals("condition") || dk.getValue().equals("timeframe"))) {
              entries.putIfAbsent("detection." + dk.getValue(), entry(dk, d.getValueNode()));
            }
          }
        }
        continue;
      }
      if (key.equals("filter") && t.getValueNode() instanceof MappingNode filter) {
        for (NodeTuple f : filter.getValue()) {
          if (f.getKeyNode() instanceof ScalarNode fk && FILTER_FIELDS.contains(fk.getValue())) {
            String path = "filter." + fk.getValue();
            entries.putIfAbsent(path, entry(fk, f.getValueNode()));
            children(path, f.getValueNode(), 0);
          }
        }
        continue;
      }
      children(key, t.getValueNode(), 0);
    }
  }

  private void children(String path, Node node, int depth) {
    if (depth > SigmaYaml.MAX_NESTING) {
      return;
    }
    if (node instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) {
        Node item = items.get(i);
        String p = path + "[" + i + "]";
        Position at = SigmaYaml.position(item);
        entries.putIfAbsent(p, new SourceMap.Entry(at, valuePosition(item), text(item)));
        children(p, item, depth + 1);
      }
    } else if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          String p = path + "." + k.getValue();
          entries.putIfAbsent(p, entry(k, t.getValueNode()));
          children(p, t.getValueNode(), depth + 1);
        }
      }
    }
  }

  private static SourceMap.Entry entry(ScalarNode key, Node value) {
    return new SourceMap.Entry(SigmaYaml.position(key), valuePosition(value), text(value));
  }

  private static Position valuePosition(Node value) {
    return value instanceof ScalarNode s ? SigmaYaml.textPosition(s) : SigmaYaml.position(value);
  }

  private static String text(Node value) {
    return value instanceof ScalarNode s && !SigmaYaml.isNull(s) ? s.getValue() : null;
  }

  SourceMap build() {
    return new SourceMap(entries, detectionItems, conditions);
  }
}
