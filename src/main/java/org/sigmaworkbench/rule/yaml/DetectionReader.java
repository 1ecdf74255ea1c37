package org.sigmaworkbench.rule.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.LegacyAggregation;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SourceMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a {@code detection} (or a filter's) map: search identifiers, then the condition. */
final class DetectionReader {

  /** Keys of a detection map that are not search identifiers. */
  private static final Set<String> RESERVED = Set.of("condition", "timeframe", "rules");

  record Result(
      Map<String, Expr.Named> identifiers, Expr condition, LegacyAggregation aggregation) {
    /** What a document without a readable detection has: no identifiers, no condition. */
    static final Result NONE = new Result(Map.of(), null, null);
  }

  private final Placeholders placeholders;
  private final List<RuleProblem> problems;
  private final SourceMapBuilder source;

  DetectionReader(Placeholders placeholders, List<RuleProblem> problems, SourceMapBuilder source) {
    this.placeholders = placeholders;
    this.problems = problems;
    this.source = source;
  }

  /** Reads the map; {@link Result#NONE} when it is not a map at all. */
  Result read(Node node, String what) {
    if (!(node instanceof MappingNode map)) {
      problems.add(
          SigmaYaml.wrongKind(
              "detection.structure",
              "'" + what + "' is a map of search identifiers and a 'condition'",
              node,
              what));
      return Result.NONE;
    }
    Map<String, Expr.Named> identifiers = new LinkedHashMap<>();
    NodeTuple conditionEntry = null;
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        continue;
      }
      String name = k.getValue();
      if (name.equals("condition")) {
        conditionEntry = t;
        continue;
      }
      if (RESERVED.contains(name) || identifiers.containsKey(name)) {
        continue;
      }
      Expr body = identifier(name, t.getValueNode());
      identifiers.put(
          name,
          new Expr.Named(name, body == null ? new Expr.Const(false) : body, SigmaYaml.position(k)));
    }
    if (conditionEntry == null) {
      problems.add(
          SigmaYaml.error(
              "detection.condition",
              "'" + what + "' needs a 'condition', e.g. 'condition: selection'",
              map,
              what));
      return new Result(identifiers, null, null);
    }
    if (identifiers.isEmpty()) {
      problems.add(
          SigmaYaml.error(
              "detection.empty",
              "'"
                  + what
                  + "' has a condition but no search identifier to test; add one such as"
                  + " 'selection: {Field: value}'",
              conditionEntry.getKeyNode(),
              "condition"));
      return new Result(identifiers, null, null);
    }
    return condition(conditionEntry.getValueNode(), identifiers);
  }

  private Result condition(Node node, Map<String, Expr.Named> identifiers) {
    List<ScalarNode> conditions = new ArrayList<>();
    if (node instanceof ScalarNode s && !SigmaYaml.isNull(s)) {
      conditions.add(s);
    } else if (node instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
      for (Node child : seq.getValue()) {
        if (child instanceof ScalarNode s && !SigmaYaml.isNull(s)) {
          conditions.add(s);
        } else {
          problems.add(
              SigmaYaml.wrongKind(
                  "detection.condition",
                  "a list of conditions holds strings only",
                  child,
                  "condition"));
          return new Result(identifiers, null, null);
        }
      }
    } else {
      problems.add(
          SigmaYaml.wrongKind(
              "detection.condition",
              "'condition' is a string such as 'selection and not filter', or a list of them",
              node,
              "condition"));
      return new Result(identifiers, null, null);
    }
    List<Expr> parsed = new ArrayList<>();
    LegacyAggregation aggregation = null;
    for (ScalarNode s : conditions) {
      source.conditions.add(new SourceMap.Condition(s.getValue(), SigmaYaml.textPosition(s)));
    }
    for (ScalarNode s : conditions) {
      ConditionParser.Result r =
          new ConditionParser(s.getValue(), SigmaYaml.textPosition(s), identifiers, problems)
              .parse();
      if (r.expr() == null) {
        return new Result(identifiers, null, null);
      }
      parsed.add(r.expr());
      if (r.aggregation() != null) {
        aggregation = r.aggregation();
      }
    }
    Expr condition = parsed.size() == 1 ? parsed.get(0) : new Expr.Or(parsed);
    return new Result(identifiers, condition, aggregation);
  }

  /** The body of one search identifier, or {@code null} on error. */
  private Expr identifier(String name, Node node) {
    DetectionItemNormalizer items =
        new DetectionItemNormalizer(name, placeholders, problems, source.detectionItems);
    if (node instanceof MappingNode map) {
      return selectionMap(name, map, items);
    }
    if (node instanceof SequenceNode seq) {
      if (seq.getValue().isEmpty()) {
        emptyIdentifier(name, node);
        return null;
      }
      List<Expr> alternatives = new ArrayList<>();
      List<Node> keywords = new ArrayList<>();
      boolean failed = false;
      for (Node child : seq.getValue()) {
        if (child instanceof MappingNode m) {
          Expr e = selectionMap(name, m, items);
          failed |= e == null;
          alternatives.add(e);
        } else if (child instanceof ScalarNode) {
          keywords.add(child);
        } else {
          problems.add(
              SigmaYaml.error(
                  "detection.structure",
                  "a list under '" + name + "' holds maps or keywords, not nested lists",
                  child,
                  name));
          failed = true;
        }
      }
      if (failed) {
        return null;
      }
      if (!keywords.isEmpty()) {
        SequenceNode kw =
            new SequenceNode(
                seq.getTag(),
                true,
                keywords,
                seq.getStartMark(),
                seq.getEndMark(),
                seq.getFlowStyle());
        Expr e = items.normalize("", SigmaYaml.position(seq), kw);
        if (e == null) {
          return null;
        }
        alternatives.add(e);
      }
      return alternatives.size() == 1 ? alternatives.get(0) : new Expr.Or(alternatives);
    }
    if (node instanceof ScalarNode s && !SigmaYaml.isNull(s)) {
      return items.normalize("", SigmaYaml.position(s), s);
    }
    emptyIdentifier(name, node);
    return null;
  }

  private Expr selectionMap(String name, MappingNode map, DetectionItemNormalizer items) {
    if (map.getValue().isEmpty()) {
      emptyIdentifier(name, map);
      return null;
    }
    List<Expr> terms = new ArrayList<>();
    boolean failed = false;
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        continue;
      }
      Expr e = items.normalize(k.getValue(), SigmaYaml.position(k), t.getValueNode());
      failed |= e == null;
      terms.add(e);
    }
    if (failed) {
      return null;
    }
    return terms.size() == 1 ? terms.get(0) : new Expr.And(terms);
  }

  private void emptyIdentifier(String name, Node node) {
    problems.add(
        SigmaYaml.error(
            "detection.empty-identifier",
            "search identifier '" + name + "' is empty; give it field: value pairs or keywords",
            node,
            name));
  }
}
