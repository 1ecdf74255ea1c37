package org.sigmaworkbench.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one way YAML is read: rules, target files and the readers' data files alike. The text is
 * composed into a node tree (with line and column on every node) and never constructed into
 * objects, so type tags cannot run code. Aliases, nesting and size are bounded; a tag other than
 * YAML's standard ones is refused. Every problem carries its line and column.
 */
public final class SafeYaml {

  /** Largest file accepted, in characters. */
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

  private SafeYaml() {}

  /**
   * What kind of file is read, for messages.
   *
   * @param one a file of the kind ({@code a rule})
   * @param many files of the kind ({@code rules})
   */
  public record Kind(String one, String many) {
    public static final Kind RULE = new Kind("a rule", "rules");
    public static final Kind DATA = new Kind("a data file", "data files");
  }

  /**
   * Why a text could not be read (or a part of it was refused).
   *
   * @param code {@code yaml.syntax}, {@code yaml.size}, {@code yaml.limit} or {@code yaml.tag}
   * @param message what is wrong, without the position
   * @param line the line (from 1), or 0 when the problem has no place
   * @param column the column (from 1), or 0 when the problem has no place
   * @param excerpt the text at the place (the line, or the tag), or empty
   */
  public record Problem(String code, String message, int line, int column, String excerpt) {

    /** {@code file:line:column: message}, the position left out when there is none. */
    public String located(String source) {
      return source + (line > 0 ? ":" + line + ":" + column : "") + ": " + described();
    }

    /** The message, with what kind of problem a syntax error is. */
    public String described() {
      return code.equals("yaml.syntax") ? "not valid YAML: " + message : message;
    }
  }

  /** A text that cannot be read as YAML, or a value of the wrong shape, with its place. */
  public static final class YamlFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public YamlFileException(String message) {
      super(message);
    }
  }

  /** The documents of a YAML text, or the problems that stopped reading. */
  public record Documents(List<Node> nodes, List<Problem> problems) {}

  /** Every document of a text; reading stops at the first syntax error or limit. */
  public static Documents compose(String text, Kind kind) {
    List<Node> nodes = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (text.length() > MAX_CHARS) {
      problems.add(
          new Problem(
              "yaml.size",
              "the file has "
                  + text.length()
                  + " characters; "
                  + kind.many()
                  + " are limited to "
                  + MAX_CHARS
                  + " characters (2 MiB)",
              1,
              1,
              ""));
      return new Documents(nodes, problems);
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(MAX_CHARS + 1);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    MarkingParser parser =
        new MarkingParser(new ParserImpl(new StreamReader(new StringReader(text)), options));
    try {
      // Composed without a full loader: its constructor and representer cost a command's start.
      Composer composer = new Composer(parser, new FastResolver(), options);
      while (composer.checkNode()) {
        Node node = composer.getNode();
        if (node != null) {
          StructureCheck check = new StructureCheck(problems, kind);
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
          new Problem(
              "yaml.syntax",
              yamlMessage(e),
              mark == null ? 0 : mark.getLine() + 1,
              mark == null ? 0 : mark.getColumn() + 1,
              excerptAt(text, mark)));
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
      problems.add(new Problem("yaml.limit", message, 1, 1, ""));
    } catch (StackOverflowError e) {
      problems.add(new Problem("yaml.limit", "the YAML is nested too deeply to read", 1, 1, ""));
    } catch (IllegalArgumentException e) {
      // SnakeYAML's composer refuses some tags this way (e.g. a tag with a space inside '!<...>').
      Mark mark = parser.lastMark;
      problems.add(
          new Problem(
              "yaml.syntax",
              "cannot read this node: " + e.getMessage(),
              mark == null ? 1 : mark.getLine() + 1,
              mark == null ? 1 : mark.getColumn() + 1,
              excerptAt(text, mark)));
    }
    return new Documents(nodes, problems);
  }

  /** A parser that remembers where the last event it handed out starts, for errors without one. */
  private static final class MarkingParser implements Parser {
    private final Parser parser;
    Mark lastMark;

    MarkingParser(Parser parser) {
      this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      return marked(parser.peekEvent());
    }

    @Override
    public Event getEvent() {
      return marked(parser.getEvent());
    }

    private Event marked(Event e) {
      if (e != null) {
        lastMark = e.getStartMark();
      }
      return e;
    }
  }

  /**
   * The single document of a data file, or {@code null} when the file holds none.
   *
   * @param source the file's name, for messages
   * @throws YamlFileException {@code file:line:column: message} for the first problem, or when the
   *     file holds more than one document
   */
  public static Node single(String text, String source) {
    Documents docs = compose(text, Kind.DATA);
    if (!docs.problems().isEmpty()) {
      throw new YamlFileException(docs.problems().get(0).located(source));
    }
    if (docs.nodes().size() > 1) {
      throw error(source, docs.nodes().get(1), "the file holds more than one YAML document");
    }
    return docs.nodes().isEmpty() ? null : docs.nodes().get(0);
  }

  /** {@code file:line:column: message} at a node. */
  public static YamlFileException error(String source, Node at, String message) {
    return new YamlFileException(at(source, at) + ": " + message);
  }

  /** {@code file:line:column} of a node. */
  public static String at(String source, Node node) {
    Mark m = node.getStartMark();
    return m == null ? source : source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
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
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      if (kind == NodeId.scalar
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
    private final List<Problem> problems;
    private final Kind kind;

    /** The collections from the document root to the node being walked. */
    private final Node[] path = new Node[MAX_NESTING + 2];

    private int visited;
    boolean refused;

    StructureCheck(List<Problem> problems, Kind kind) {
      this.problems = problems;
      this.kind = kind;
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
        Mark m = node.getStartMark();
        problems.add(
            new Problem(
                "yaml.tag",
                "YAML type tag '" + tag.getValue() + "' is not allowed in " + kind.one(),
                m == null ? 0 : m.getLine() + 1,
                m == null ? 0 : m.getColumn() + 1,
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
                    + (repeated.getStartMark().getLine() + 1)
                    + " contains itself through an alias; "
                    + kind.one()
                    + " cannot hold a recursive structure"
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
      Mark m = at.getStartMark();
      problems.add(
          new Problem(
              "yaml.limit",
              message,
              m == null ? 0 : m.getLine() + 1,
              m == null ? 0 : m.getColumn() + 1,
              ""));
    }
  }

  private static String yamlMessage(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    String context = e.getContext();
    String text = context == null ? problem : context + ": " + problem;
    return text.replace('\n', ' ').trim();
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

  public static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }
}
