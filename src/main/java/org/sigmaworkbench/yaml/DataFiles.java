package org.sigmaworkbench.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reading the program's own YAML data files (logsources, message labels, the tools' field names),
 * through {@link SafeYaml}, as plain maps, lists and text, with messages that say which file and
 * which entry.
 */
public final class DataFiles {

  private DataFiles() {}

  /**
   * A resource next to a class, parsed: mappings as maps, sequences as lists, scalars as their text
   * ({@code null} for YAML's null).
   *
   * @param anchor the class whose package holds the resource
   * @param resource the resource's name relative to that package
   * @throws SafeYaml.YamlFileException with the resource, line and column when it is not valid
   */
  public static Object load(Class<?> anchor, String resource) {
    return plain(SafeYaml.single(read(anchor, resource), resource));
  }

  /**
   * A resource next to a class as a Jackson tree, for data that is written out again as JSON:
   * numbers, booleans ({@code true}/{@code false}) and nulls keep their types, everything else is
   * text.
   *
   * @throws SafeYaml.YamlFileException with the resource, line and column when it is not valid
   */
  public static JsonNode loadTree(Class<?> anchor, String resource) {
    return tree(SafeYaml.single(read(anchor, resource), resource));
  }

  private static String read(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(Node node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node == null) {
      return f.nullNode();
    }
    if (node instanceof MappingNode m) {
      ObjectNode out = f.objectNode();
      for (NodeTuple t : m.getValue()) {
        out.set(((ScalarNode) t.getKeyNode()).getValue(), tree(t.getValueNode()));
      }
      return out;
    }
    if (node instanceof SequenceNode l) {
      ArrayNode out = f.arrayNode();
      for (Node item : l.getValue()) {
        out.add(tree(item));
      }
      return out;
    }
    ScalarNode s = (ScalarNode) node;
    String v = s.getValue();
    Tag tag = s.getTag();
    if (tag.equals(Tag.NULL)) {
      return f.nullNode();
    }
    if (tag.equals(Tag.BOOL) && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
      return f.booleanNode(v.equalsIgnoreCase("true"));
    }
    try {
      if (tag.equals(Tag.INT)) {
        long n = Long.parseLong(v.replace("_", ""));
        return n == (int) n ? f.numberNode((int) n) : f.numberNode(n);
      }
      if (tag.equals(Tag.FLOAT)) {
        return f.numberNode(Double.parseDouble(v.replace("_", "")));
      }
    } catch (NumberFormatException e) {
      // YAML 1.1 forms Java does not read (0x1F, 1:20, .inf) stay text.
    }
    return f.textNode(v);
  }

  private static Object plain(Node node) {
    if (node == null) {
      return null;
    }
    if (node instanceof MappingNode m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        out.put(plain(t.getKeyNode()), plain(t.getValueNode()));
      }
      return out;
    }
    if (node instanceof SequenceNode l) {
      List<Object> out = new ArrayList<>(l.getValue().size());
      for (Node item : l.getValue()) {
        out.add(plain(item));
      }
      return out;
    }
    ScalarNode s = (ScalarNode) node;
    return s.getTag().equals(Tag.NULL) ? null : s.getValue();
  }

  public static Map<?, ?> map(Object o, String where) {
    if (o instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalStateException(where + ": expected a mapping");
  }

  public static List<?> list(Object o, String where) {
    if (o instanceof List<?> l) {
      return l;
    }
    throw new IllegalStateException(where + ": expected a list");
  }

  public static String string(Object o, String where) {
    if (o == null) {
      throw new IllegalStateException(where + ": missing");
    }
    return String.valueOf(o);
  }

  /** A list of scalars as strings; a single scalar is a list of one; absent is empty. */
  public static List<String> strings(Object o, String where) {
    List<String> out = new ArrayList<>();
    if (o == null) {
      return out;
    }
    if (o instanceof List<?> l) {
      for (Object x : l) {
        out.add(String.valueOf(x));
      }
      return out;
    }
    if (o instanceof Map<?, ?>) {
      throw new IllegalStateException(where + ": expected a list");
    }
    out.add(String.valueOf(o));
    return out;
  }
}
