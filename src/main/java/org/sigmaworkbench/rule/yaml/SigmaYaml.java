package org.sigmaworkbench.rule.yaml;

import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.yaml.SafeYaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Safe YAML reading for rules, on the one YAML front-end ({@link SafeYaml}): the text is composed
 * into a node tree with line and column on every node, never constructed into objects; its problems
 * become {@link RuleProblem}s. The helpers here give positions and kinds of nodes in the rule
 * model's terms.
 */
public final class SigmaYaml {

  /** Largest rule file accepted, in characters. */
  public static final int MAX_CHARS = SafeYaml.MAX_CHARS;

  /** Largest number of aliases to collections in one file (an alias bomb is refused at once). */
  public static final int MAX_COLLECTION_ALIASES = SafeYaml.MAX_COLLECTION_ALIASES;

  /** Deepest nesting of maps and lists, counted through aliases too. */
  public static final int MAX_NESTING = SafeYaml.MAX_NESTING;

  private SigmaYaml() {}

  /** The documents of a YAML text, or the problem that stopped reading. */
  public record Documents(List<Node> nodes, List<RuleProblem> problems) {}

  public static Documents compose(String text) {
    SafeYaml.Documents docs = SafeYaml.compose(text, SafeYaml.Kind.RULE);
    List<RuleProblem> problems = new ArrayList<>();
    for (SafeYaml.Problem p : docs.problems()) {
      problems.add(
          RuleProblem.error(
              p.code(),
              p.code().equals("yaml.syntax") ? "YAML: " + p.message() : p.message(),
              p.line() > 0 ? new Position(p.line(), p.column()) : Position.NONE,
              p.excerpt()));
    }
    return new Documents(docs.nodes(), problems);
  }

  public static Position position(Mark mark) {
    return mark == null ? Position.NONE : new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  public static Position position(Node node) {
    return position(node.getStartMark());
  }

  /** Where the text of a scalar begins (after an opening quote). */
  public static Position textPosition(ScalarNode node) {
    Position p = position(node);
    return node.getScalarStyle().getChar() == null ? p : p.plusColumns(1);
  }

  /** An error of the rule text at {@code at}. */
  static RuleProblem error(String code, String message, Node at, String excerpt) {
    return RuleProblem.error(code, message, position(at), excerpt);
  }

  /**
   * An error at {@code found}, which is not what the text needs there: says {@code expected},
   * {@code ", not "} and the kind of node found ({@link #kind}).
   */
  static RuleProblem wrongKind(String code, String expected, Node found, String excerpt) {
    return error(code, expected + ", not " + kind(found), found, excerpt);
  }

  public static boolean isNull(Node node) {
    return SafeYaml.isNull(node);
  }

  /** A short description of a node's kind, for messages. */
  public static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (isNull(node)) {
      return "null";
    }
    Tag tag = node.getTag();
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      return "a number";
    }
    if (tag.equals(Tag.BOOL)) {
      return "a boolean";
    }
    return "a string";
  }
}
