package org.sigmaworkbench.rule.yaml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.FilterRule;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleMeta;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaRule;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads rule text into {@link RuleDocument}s: detection rules, correlation rules and filters, each
 * with its problems at exact lines and columns. Never throws for bad input.
 */
public final class RuleLoader {

  /** Largest rule file read from disk, in bytes. */
  public static final long MAX_FILE_BYTES = SigmaYaml.MAX_CHARS;

  private final Placeholders placeholders;

  public RuleLoader() {
    this(Placeholders.standard());
  }

  public RuleLoader(Placeholders placeholders) {
    this.placeholders = placeholders;
  }

  /** Reads and loads a file; unreadable files become a {@link RuleFile} with one error. */
  public RuleFile load(Path file) {
    String source = file.toString();
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        return failed(
            source,
            "yaml.size",
            "the file has "
                + size
                + " bytes; rules are limited to "
                + MAX_FILE_BYTES
                + " bytes (2 MiB)");
      }
      byte[] bytes = Files.readAllBytes(file);
      String text;
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
      } catch (CharacterCodingException e) {
        return failed(source, "encoding", "the file is not UTF-8 text");
      }
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return load(text, source);
    } catch (IOException e) {
      return failed(source, "io", "cannot read the file: " + e.getMessage());
    }
  }

  private static RuleFile failed(String source, String code, String message) {
    return new RuleFile(
        source, List.of(), List.of(RuleProblem.error(code, message, Position.NONE, "")));
  }

  /** Loads rule text; {@code source} names it in messages. */
  public RuleFile load(String text, String source) {
    try {
      return loadText(text, source);
    } catch (RuntimeException | StackOverflowError e) {
      // A defect of this loader, not of the rule: say so rather than lose the file.
      return new RuleFile(
          source,
          List.of(),
          List.of(
              RuleProblem.error(
                  "rule.internal",
                  "the rule could not be read because of a defect in Sigma Workbench ("
                      + e.getClass().getSimpleName()
                      + "); please report it with this rule",
                  new Position(1, 1),
                  "")));
    }
  }

  private RuleFile loadText(String text, String source) {
    SigmaYaml.Documents docs = SigmaYaml.compose(text);
    List<RuleProblem> fileProblems = new ArrayList<>(docs.problems());
    List<RuleDocument> documents = new ArrayList<>();
    if (docs.nodes().isEmpty() && fileProblems.isEmpty()) {
      fileProblems.add(
          RuleProblem.error(
              "rule.empty",
              "the text holds no rule; a rule is a YAML map with title, logsource and detection",
              new Position(1, 1),
              ""));
    }
    if (!fileProblems.isEmpty()) {
      return new RuleFile(source, documents, fileProblems);
    }
    RuleProblem collection = LegacyCollection.check(docs.nodes());
    if (collection != null) {
      return new RuleFile(source, documents, List.of(collection));
    }
    for (Node node : docs.nodes()) {
      List<RuleProblem> problems = new ArrayList<>();
      if (!(node instanceof MappingNode map)) {
        fileProblems.add(
            SigmaYaml.wrongKind(
                "rule.structure",
                "a rule document is a map of fields (title, logsource, detection, ...)",
                node,
                node instanceof ScalarNode s ? s.getValue() : ""));
        continue;
      }
      checkDuplicateKeys(map, problems);
      Map<String, NodeTuple> fields = entries(map);
      documents.add(loadDocument(map, fields, problems));
    }
    return new RuleFile(source, documents, fileProblems);
  }

  private RuleDocument loadDocument(
      MappingNode map, Map<String, NodeTuple> fields, List<RuleProblem> problems) {
    SourceMapBuilder source = new SourceMapBuilder();
    source.fields(map);
    MetaReader metaReader = new MetaReader(problems);
    RuleMeta meta = metaReader.read(map, fields);
    if (fields.containsKey("correlation")) {
      return new CorrelationReader(problems).read(meta, fields.get("correlation"), source.build());
    }
    LogSource logsource = metaReader.logsource(map, fields.get("logsource"));
    NodeTuple filter = fields.get("filter");
    if (filter != null) {
      List<String> rules = new ArrayList<>();
      DetectionReader.Result body = readFilter(filter, problems, metaReader, source, rules);
      return new FilterRule(
          meta,
          logsource,
          rules,
          body.identifiers(),
          unlessErrors(body.condition(), problems),
          sorted(problems),
          source.build());
    }
    NodeTuple detection = fields.get("detection");
    DetectionReader.Result body = DetectionReader.Result.NONE;
    if (detection == null) {
      problems.add(
          SigmaYaml.error(
              "rule.required",
              "a rule needs a 'detection' with search identifiers and a 'condition'",
              map,
              firstKey(map)));
    } else {
      body =
          new DetectionReader(placeholders, problems, source)
              .read(detection.getValueNode(), "detection");
    }
    return new SigmaRule(
        meta,
        logsource,
        body.identifiers(),
        unlessErrors(body.condition(), problems),
        body.aggregation(),
        sorted(problems),
        source.build());
  }

  /** Reads a filter's body; the rules it names go to {@code rules}. */
  private DetectionReader.Result readFilter(
      NodeTuple filter,
      List<RuleProblem> problems,
      MetaReader metaReader,
      SourceMapBuilder source,
      List<String> rules) {
    if (!(filter.getValueNode() instanceof MappingNode filterMap)) {
      problems.add(
          SigmaYaml.wrongKind(
              "filter.structure",
              "'filter' is a map with 'rules', search identifiers and a 'condition'",
              filter.getValueNode(),
              "filter"));
      return DetectionReader.Result.NONE;
    }
    Map<String, NodeTuple> filterFields = entries(filterMap);
    NodeTuple rulesNode = filterFields.get("rules");
    if (rulesNode == null) {
      problems.add(
          SigmaYaml.error(
              "filter.rules",
              "a filter names the rules it applies to under 'rules' (ids or names, or 'any')",
              filter.getKeyNode(),
              "filter"));
    } else {
      rules.addAll(metaReader.stringList(rulesNode));
    }
    NodeTuple conditionNode = filterFields.get("condition");
    if (conditionNode != null && conditionNode.getValueNode() instanceof SequenceNode) {
      problems.add(
          SigmaYaml.error(
              "filter.condition",
              "a filter has exactly one condition, a string such as 'not selection'",
              conditionNode.getValueNode(),
              "condition"));
      return DetectionReader.Result.NONE;
    }
    return new DetectionReader(placeholders, problems, source).read(filterMap, "filter");
  }

  /** The condition, or {@code null} when the document has an error. */
  private static Expr unlessErrors(Expr condition, List<RuleProblem> problems) {
    return problems.stream().anyMatch(RuleProblem::isError) ? null : condition;
  }

  private static String firstKey(MappingNode map) {
    return !map.getValue().isEmpty() && map.getValue().get(0).getKeyNode() instanceof ScalarNode k
        ? k.getValue()
        : "";
  }

  public static List<RuleProblem> sorted(List<RuleProblem> problems) {
    List<RuleProblem> out = new ArrayList<>(problems);
    out.sort(
        (a, b) ->
            a.line() != b.line() ? Integer.compare(a.line(), b.line()) : a.column() - b.column());
    return out;
  }

  /** The entries of a map by key text, first occurrence kept. */
  static Map<String, NodeTuple> entries(MappingNode map) {
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) {
        out.putIfAbsent(k.getValue(), t);
      }
    }
    return out;
  }

  private static void checkDuplicateKeys(Node node, List<RuleProblem> problems) {
    if (node instanceof MappingNode map) {
      Map<String, Node> seen = new HashMap<>();
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          Node first = seen.putIfAbsent(k.getValue(), k);
          if (first != null) {
            problems.add(
                SigmaYaml.error(
                    "yaml.duplicate-key",
                    "duplicate key '"
                        + k.getValue()
                        + "' (first at line "
                        + SigmaYaml.position(first).line()
                        + "); YAML keeps only one of them",
                    k,
                    k.getValue()));
          }
        } else {
          problems.add(
              SigmaYaml.wrongKind("yaml.key", "map keys must be plain text", t.getKeyNode(), ""));
        }
        checkDuplicateKeys(t.getValueNode(), problems);
      }
    } else if (node instanceof SequenceNode seq) {
      for (Node child : seq.getValue()) {
        checkDuplicateKeys(child, problems);
      }
    }
  }
}
