package org.sigmaworkbench.rule.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleProblem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Safe YAML reading for rules: the text is composed into a node tree (with line and column on every
 * node) and never constructed into objects, so type tags cannot run code. Aliases, nesting and size
 * are bounded; a tag other than YAML's standard ones is refused.
 */
public final class SigmaYaml {

  /** Largest rule file accepted, in characters. */
  public static final int MAX_CHARS = 2 * 1024 * 1024;

  /** Largest number of aliases to collections in one file (an alias bomb is refused at once). */
  public static final int MAX_COLLECTION_ALIASES = 20;

  /** Deepest nesting of maps and lists, counted through aliases too. */
  public static final int MAX_NESTING = 50;

  /**
   * Most nodes a document may hold once its aliases are expanded: an alias repeats the collection
   * it names, so a few aliases can multiply a file's size.
   */
  public static final int MAX_EXPANDED_NODES = 500_000;

  private static final Set<Tag> STANDARD_TAGS =
      Set.of(
          Tag.STR,
          Tag.INT,
          Tag.FLOAT,
          Tag.BOOL,
          Tag.NULL,
          Tag.MAP,
          Tag.SEQ,
          Tag.TIMESTAMP,
          Tag.BINARY,
          Tag.MERGE);

  private SigmaYaml() {}

  /** The documents of a YAML text, or the problem that stopped reading. */
  public record Documents(List<Node> nodes, List<RuleProblem> problems) {}

  public static Documents compose(String text) {
    List<Node> nodes = new ArrayList<>();
    List<RuleProblem> problems = new ArrayList<>();
    if (text.length() > MAX_CHARS) {
      problems.add(
          RuleProblem.error(
              "yaml.size",
              "the file has "
                  + text.length()
                  + " characters; rules are limited to "
                  + MAX_CHARS
                  + " characters (2 MiB)",
              new Position(1, 1),
              ""));
      return new Documents(nodes, problems);
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(MAX_CHARS + 1);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    try {
      Composer composer =
          new Composer(
              new ParserImpl(new StreamReader(new StringReader(text)), options),
              new FastResolver(),
              options);
      while (composer.checkNode()) {
        Node node = composer.getNode();
        if (node != null) {
          StructureCheck check = new StructureCheck(problems);
          check.walk(node, 0);
          if (check.refused) {
            return new Documents(List.of(), problems);
          }
          nodes.add(node);
        }
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(
          RuleProblem.error("yaml.syntax", yamlMessage(e), position(mark), excerptAt(text, mark)));
    } catch (YAMLException e) {
      String message = e.getMessage() == null ? "YAML error" : e.getMessage();
      if (message.contains("aliases")) {
        message =
            "too many aliases to collections (at most "
                + MAX_COLLECTION_ALIASES
                + "): refused as a possible alias bomb";
      } else if (message.contains("Nesting Depth")) {
        message = "maps and lists are nested deeper than " + MAX_NESTING + " levels";
      }
      problems.add(RuleProblem.error("yaml.limit", message, new Position(1, 1), ""));
    } catch (StackOverflowError e) {
      problems.add(
          RuleProblem.error(
              "yaml.limit", "the YAML is nested too deeply to read", new Position(1, 1), ""));
    }
    return new Documents(nodes, problems);
  }

  /**
   * YAML 1.1 implicit typing as SnakeYAML's {@link Resolver} does it, with a fast answer for the
   * common case: a plain scalar whose first character cannot begin a boolean, number, null,
   * timestamp, merge key or value key is a string, without running the resolver's regular
   * expressions.
   */
  private static final class FastResolver extends Resolver {
    /** First characters of every implicit type but str (SnakeYAML's resolver table). */
    private static final String SPECIAL = "yYnNtTfFoO~-+.0123456789<=!&*\0";

    @Override
    public Tag resolve(org.yaml.snakeyaml.nodes.NodeId kind, String value, boolean implicit) {
      if (kind == org.yaml.snakeyaml.nodes.NodeId.scalar
          && implicit
          && !value.isEmpty()
          && SPECIAL.indexOf(value.charAt(0)) < 0) {
        return Tag.STR;
      }
      return super.resolve(kind, value, implicit);
    }
  }

  /**
   * One walk over a composed document: refuses tags other than YAML's standard ones, structures
   * that contain themselves through an alias, nesting deeper than {@link #MAX_NESTING} and more
   * than {@link #MAX_EXPANDED_NODES} nodes once aliases are expanded. After it, every other walk of
   * the tree is bounded.
   */
  private static final class StructureCheck {
    private final List<RuleProblem> problems;

    /** The collections from the document root to the node being walked. */
    private final Node[] path = new Node[MAX_NESTING + 2];

    private int visited;
    boolean refused;

    StructureCheck(List<RuleProblem> problems) {
      this.problems = problems;
    }

    void walk(Node node, int depth) {
      if (refused) {
        return;
      }
      if (++visited > MAX_EXPANDED_NODES) {
        refuse(
            "the YAML expands to more than "
                + MAX_EXPANDED_NODES
                + " nodes through its aliases: refused as a possible alias bomb",
            node);
        return;
      }
      Tag tag = node.getTag();
      boolean standard =
          tag == Tag.STR || tag == Tag.MAP || tag == Tag.SEQ || STANDARD_TAGS.contains(tag);
      if (!standard) {
        problems.add(
            RuleProblem.error(
                "yaml.tag",
                "YAML type tag '" + tag.getValue() + "' is not allowed in a rule",
                position(node),
                tag.getValue()));
      }
      if (node instanceof ScalarNode) {
        return;
      }
      if (depth > MAX_NESTING) {
        // A structure that contains itself through an alias is endlessly deep: name that case.
        Node repeated = repeatedOnPath(depth);
        refuse(
            repeated != null
                ? "the "
                    + (repeated instanceof MappingNode ? "map" : "list")
                    + " at line "
                    + position(repeated).line()
                    + " contains itself through an alias; a rule cannot hold a recursive"
                    + " structure"
                : "maps and lists are nested deeper than " + MAX_NESTING + " levels",
            repeated != null ? repeated : node);
        return;
      }
      path[depth] = node;
      if (node instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          walk(t.getKeyNode(), depth + 1);
          walk(t.getValueNode(), depth + 1);
        }
      } else if (node instanceof SequenceNode sq) {
        for (Node child : sq.getValue()) {
          walk(child, depth + 1);
        }
      }
    }

    private Node repeatedOnPath(int depth) {
      for (int i = 0; i < depth && i < path.length; i++) {
        for (int j = i + 1; j < depth && j < path.length; j++) {
          if (path[i] == path[j]) {
            return path[i];
          }
        }
      }
      return null;
    }

    private void refuse(String message, Node at) {
      refused = true;
      problems.add(RuleProblem.error("yaml.limit", message, position(at), ""));
    }
  }

  private static String yamlMessage(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    String context = e.getContext();
    String text = context == null ? problem : context + ": " + problem;
    return "YAML: " + text.replace('\n', ' ').trim();
  }

  private static String excerptAt(String text, Mark mark) {
    if (mark == null) {
      return "";
    }
    int line = mark.getLine();
    int start = 0;
    for (int i = 0; i < line && start >= 0; i++) {
      start = text.indexOf('\n', start);
      if (start >= 0) {
        start++;
      }
    }
    if (start < 0 || start > text.length()) {
      return "";
    }
    int end = text.indexOf('\n', start);
    return text.substring(start, end < 0 ? text.length() : end).strip();
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

  public static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
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
