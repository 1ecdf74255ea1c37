package org.sigmaworkbench.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.yaml.SafeYaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a target data file through the one YAML front-end ({@link SafeYaml}). The shape is
 * documented in {@code targets/README.md} next to the built-in files; every mistake is reported
 * with the file, line and column.
 */
final class TargetFileReader {

  /** Kusto scalar types a column may have. */
  static final Set<String> TYPES =
      Set.of(
          "string",
          "int",
          "long",
          "real",
          "double",
          "decimal",
          "bool",
          "datetime",
          "timespan",
          "guid",
          "dynamic");

  private static final Set<String> ROOT_KEYS =
      Set.of("name", "title", "time_column", "reads", "tables");
  private static final Set<String> TABLE_KEYS =
      Set.of(
          "name",
          "logsources",
          "fields",
          "fields_by_column_name",
          "other_fields",
          "columns",
          "reads");
  private static final Set<String> READS_KEYS = Set.of("channels", "exports");
  private static final Set<String> SOURCE_KEYS =
      Set.of("category", "product", "service", "filter", "filter_implied_by", "union");
  private static final Set<String> MAPPING_KEYS =
      Set.of(
          "column",
          "first_of",
          "path",
          "prefixes",
          "values",
          "file_name",
          "hashes",
          "domain",
          "name");

  private final String source;

  private TargetFileReader(String source) {
    this.source = source;
  }

  /** Reads a target; throws {@link IllegalArgumentException} with a located message. */
  static Target read(String text, String source) {
    Node root = SafeYaml.single(text, source);
    if (root == null) {
      throw new IllegalArgumentException(source + ": the file is empty");
    }
    return new TargetFileReader(source).target(root);
  }

  private Target target(Node root) {
    Map<String, Node> m = map(root, "the file", ROOT_KEYS);
    String name = text(required(m, "name", root), "name");
    String title = m.containsKey("title") ? text(m.get("title"), "title") : name;
    String time = m.containsKey("time_column") ? text(m.get("time_column"), "time_column") : null;
    Target.Reads reads = m.containsKey("reads") ? reads(m.get("reads")) : Target.Reads.NOTHING;
    List<Target.Table> tables = new ArrayList<>();
    for (Node t : list(required(m, "tables", root), "tables")) {
      tables.add(table(t, reads));
    }
    if (tables.isEmpty()) {
      throw error(root, "a target needs at least one table");
    }
    String timeColumn = time == null ? "TimeGenerated" : time;
    return new Target(name, title, timeColumn, tables);
  }

  /** Which events a table holds: {@code {channels: [...], exports: [...]}}. */
  private Target.Reads reads(Node node) {
    Map<String, Node> m = map(node, "reads", READS_KEYS);
    List<String> channels = m.containsKey("channels") ? textList(m.get("channels")) : List.of();
    List<String> exports = m.containsKey("exports") ? textList(m.get("exports")) : List.of();
    return new Target.Reads(channels, exports);
  }

  private Target.Table table(Node node, Target.Reads defaultReads) {
    Map<String, Node> m = map(node, "a table", TABLE_KEYS);
    String name = text(required(m, "name", node), "table name");
    Map<String, String> columns = new LinkedHashMap<>();
    if (m.containsKey("columns")) {
      for (Map.Entry<String, Node> e : entries(m.get("columns"), name + ".columns")) {
        String type = text(e.getValue(), "column type").toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
          throw error(
              e.getValue(),
              "unknown Kusto type '" + type + "'; expected one of " + new TreeSet<>(TYPES));
        }
        columns.put(e.getKey(), type);
      }
    }
    ColumnCheck check = new ColumnCheck(name, columns);
    List<Target.Source> sources = new ArrayList<>();
    for (Node s : list(required(m, "logsources", node), name + ".logsources")) {
      sources.add(source(s, check));
    }
    Map<String, FieldMapping> mappings = new LinkedHashMap<>();
    if (m.containsKey("fields")) {
      for (Map.Entry<String, Node> e : entries(m.get("fields"), name + ".fields")) {
        mappings.put(e.getKey(), mapping(e.getValue(), check));
      }
    }
    boolean byName = m.containsKey("fields_by_column_name") && bool(m.get("fields_by_column_name"));
    String other = null;
    if (m.containsKey("other_fields")) {
      other = text(m.get("other_fields"), "other_fields");
      check.column(m.get("other_fields"), other);
      if (!columns.isEmpty() && !"dynamic".equals(columns.get(other))) {
        throw error(m.get("other_fields"), "other_fields must name a dynamic column");
      }
    }
    Target.Reads reads = m.containsKey("reads") ? reads(m.get("reads")) : defaultReads;
    return new Target.Table(name, sources, mappings, byName, other, columns, reads);
  }

  private Target.Source source(Node node, ColumnCheck check) {
    Map<String, Node> m = map(node, "a logsource", SOURCE_KEYS);
    LogSource ls =
        new LogSource(
            optionalText(m.get("category")),
            optionalText(m.get("product")),
            optionalText(m.get("service")),
            null);
    if (ls.category() == null && ls.product() == null && ls.service() == null) {
      throw error(node, "a logsource needs a category, a product or a service");
    }
    Map<String, List<Object>> filter = new LinkedHashMap<>();
    if (m.containsKey("filter")) {
      for (Map.Entry<String, Node> e : entries(m.get("filter"), "filter")) {
        check.column(e.getValue(), e.getKey());
        List<Object> values = new ArrayList<>();
        List<Node> items =
            e.getValue() instanceof SequenceNode seq ? seq.getValue() : List.of(e.getValue());
        for (Node v : items) {
          values.add(scalarValue(v));
        }
        if (values.isEmpty()) {
          throw error(e.getValue(), "a filter needs at least one value");
        }
        filter.put(e.getKey(), values);
      }
    }
    List<String> implied = new ArrayList<>();
    if (m.containsKey("filter_implied_by")) {
      for (Node c : list(m.get("filter_implied_by"), "filter_implied_by")) {
        String col = text(c, "column");
        check.column(c, col);
        implied.add(col);
      }
    }
    boolean union = m.containsKey("union") && bool(m.get("union"));
    return new Target.Source(ls, filter, implied, union);
  }

  private FieldMapping mapping(Node node, ColumnCheck check) {
    if (node instanceof ScalarNode) {
      String c = text(node, "column");
      check.column(node, c);
      return plain(new FieldMapping.Source.Column(c));
    }
    if (node instanceof SequenceNode) {
      return plain(new FieldMapping.Source.FirstNonEmpty(columnList(node, check)));
    }
    Map<String, Node> m = map(node, "a field mapping", MAPPING_KEYS);
    if (m.containsKey("hashes")) {
      only(m, node, "hashes");
      Map<String, String> byAlg = new LinkedHashMap<>();
      for (Map.Entry<String, Node> e : entries(m.get("hashes"), "hashes")) {
        String c = text(e.getValue(), "column");
        check.column(e.getValue(), c);
        byAlg.put(e.getKey().toUpperCase(Locale.ROOT), c);
      }
      return new FieldMapping.HashList(byAlg);
    }
    if (m.containsKey("domain") || m.containsKey("name")) {
      only(m, node, "domain", "name");
      String d = text(required(m, "domain", node), "domain");
      String n = text(required(m, "name", node), "name");
      check.column(m.get("domain"), d);
      check.column(m.get("name"), n);
      return new FieldMapping.DomainUser(d, n);
    }
    if (m.containsKey("file_name")) {
      only(m, node, "file_name");
      String c = text(m.get("file_name"), "file_name");
      check.column(m.get("file_name"), c);
      return new FieldMapping.Value(
          new FieldMapping.Source.Column(c), new FieldMapping.Rewrite.FileName());
    }
    FieldMapping.Source src;
    int sources =
        (m.containsKey("column") ? 1 : 0)
            + (m.containsKey("first_of") ? 1 : 0)
            + (m.containsKey("path") ? 1 : 0);
    if (sources != 1) {
      throw error(node, "a field mapping names exactly one of column, first_of or path");
    }
    if (m.containsKey("column")) {
      String c = text(m.get("column"), "column");
      check.column(m.get("column"), c);
      src = new FieldMapping.Source.Column(c);
    } else if (m.containsKey("first_of")) {
      src = new FieldMapping.Source.FirstNonEmpty(columnList(m.get("first_of"), check));
    } else {
      src = new FieldMapping.Source.JoinedPath(columnList(m.get("path"), check));
    }
    if (m.containsKey("prefixes") && m.containsKey("values")) {
      throw error(node, "a field mapping takes prefixes or values, not both");
    }
    if (m.containsKey("prefixes")) {
      List<FieldMapping.Prefix> prefixes = new ArrayList<>();
      for (Map.Entry<String, Node> e : entries(m.get("prefixes"), "prefixes")) {
        if (e.getKey().isEmpty()) {
          throw error(e.getValue(), "a prefix cannot be empty");
        }
        prefixes.add(new FieldMapping.Prefix(e.getKey(), textList(e.getValue())));
      }
      return new FieldMapping.Value(src, new FieldMapping.Rewrite.Prefixes(prefixes));
    }
    if (m.containsKey("values")) {
      Map<String, List<String>> values = new LinkedHashMap<>();
      for (Map.Entry<String, Node> e : entries(m.get("values"), "values")) {
        List<String> targets = textList(e.getValue());
        if (targets.isEmpty()) {
          throw error(e.getValue(), "a value needs at least one value of the column");
        }
        values.put(e.getKey(), targets);
      }
      return new FieldMapping.Value(src, new FieldMapping.Rewrite.Values(values));
    }
    return plain(src);
  }

  private static FieldMapping plain(FieldMapping.Source s) {
    return new FieldMapping.Value(s, new FieldMapping.Rewrite.None());
  }

  private List<String> columnList(Node node, ColumnCheck check) {
    List<String> out = new ArrayList<>();
    for (Node c : list(node, "columns")) {
      String col = text(c, "column");
      check.column(c, col);
      out.add(col);
    }
    if (out.isEmpty()) {
      throw error(node, "give at least one column");
    }
    return out;
  }

  private List<String> textList(Node node) {
    if (node instanceof SequenceNode seq) {
      List<String> out = new ArrayList<>();
      for (Node n : seq.getValue()) {
        out.add(text(n, "value"));
      }
      return out;
    }
    return List.of(text(node, "value"));
  }

  private void only(Map<String, Node> m, Node node, String... allowed) {
    for (String k : m.keySet()) {
      if (!List.of(allowed).contains(k)) {
        throw error(
            node, "'" + k + "' cannot be combined with '" + String.join("', '", allowed) + "'");
      }
    }
  }

  /** Checks that mapped columns exist in the table's column list (when it has one). */
  private final class ColumnCheck {
    private final String table;
    private final Map<String, String> columns;

    ColumnCheck(String table, Map<String, String> columns) {
      this.table = table;
      this.columns = columns;
    }

    void column(Node at, String reference) {
      if (columns.isEmpty()) {
        return;
      }
      int dot = reference.indexOf('.');
      String base = dot < 0 ? reference : reference.substring(0, dot);
      String type = columns.get(base);
      if (type == null) {
        throw error(at, "table " + table + " has no column '" + base + "'");
      }
      if (dot >= 0 && !type.equals("dynamic")) {
        throw error(
            at, "'" + reference + "' reads a property of " + base + ", which is not dynamic");
      }
    }
  }

  private Map<String, Node> map(Node node, String what, Set<String> allowed) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : entries(node, what)) {
      if (!allowed.contains(e.getKey())) {
        throw error(
            e.getValue(),
            "unknown key '"
                + e.getKey()
                + "' in "
                + what
                + "; expected "
                + String.join(", ", new TreeSet<>(allowed)));
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  private List<Map.Entry<String, Node>> entries(Node node, String what) {
    if (!(node instanceof MappingNode mn)) {
      throw error(node, what + " must be a map");
    }
    List<Map.Entry<String, Node>> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : mn.getValue()) {
      String key = text(t.getKeyNode(), "key");
      if (!seen.add(key)) {
        throw error(t.getKeyNode(), "'" + key + "' is given twice in " + what);
      }
      out.add(Map.entry(key, t.getValueNode()));
    }
    return out;
  }

  private List<Node> list(Node node, String what) {
    if (node instanceof SequenceNode seq) {
      return seq.getValue();
    }
    throw error(node, what + " must be a list");
  }

  private Node required(Map<String, Node> m, String key, Node parent) {
    Node n = m.get(key);
    if (n == null) {
      throw error(parent, "'" + key + "' is missing");
    }
    return n;
  }

  private String text(Node node, String what) {
    if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return s.getValue();
    }
    throw error(node, what + " must be a single value");
  }

  private String optionalText(Node node) {
    return node == null ? null : text(node, "logsource part");
  }

  private boolean bool(Node node) {
    String t = text(node, "true or false").toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("false")) {
      return t.equals("true");
    }
    throw error(node, "expected true or false");
  }

  /** A filter value: a number stays a number, anything else is a string. */
  private Object scalarValue(Node node) {
    String t = text(node, "filter value");
    if (((ScalarNode) node).getTag().equals(Tag.INT)) {
      try {
        return Long.valueOf(t);
      } catch (NumberFormatException e) {
        throw error(node, "filter numbers are written in decimal");
      }
    }
    return t;
  }

  private IllegalArgumentException error(Node node, String message) {
    return SafeYaml.error(source, node, message);
  }
}
