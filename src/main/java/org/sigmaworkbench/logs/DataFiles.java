package org.sigmaworkbench.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reading the package's YAML data files, with messages that say which file and which entry. */
public final class DataFiles {

  private DataFiles() {}

  /**
   * A resource of this package, parsed: mappings as maps, sequences as lists, scalars as their text
   * ({@code null} for YAML's null). The document is composed to nodes and converted here, which
   * spares a command's start the object constructor and representer of a full YAML loader.
   */
  public static Object load(String resource) {
    try (InputStream in = DataFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      LoaderOptions options = new LoaderOptions();
      Composer composer =
          new Composer(
              new ParserImpl(
                  new StreamReader(new InputStreamReader(in, StandardCharsets.UTF_8)), options),
              new Resolver(),
              options);
      return plain(composer.getSingleNode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  static List<?> list(Object o, String where) {
    if (o instanceof List<?> l) {
      return l;
    }
    throw new IllegalStateException(where + ": expected a list");
  }

  static String string(Object o, String where) {
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
