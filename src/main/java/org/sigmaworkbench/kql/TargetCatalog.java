package org.sigmaworkbench.kql;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sigmaworkbench.rule.LogSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The built-in targets, read once from {@code targets/*.yaml} resources, and user target files. */
public final class TargetCatalog {

  /** Built-in targets, in the order the UI offers them. */
  public static final List<String> BUILT_IN =
      List.of("sentinel_asim", "microsoft_xdr", "azure_monitor");

  private static final Map<String, Target> CACHE = new ConcurrentHashMap<>();

  private TargetCatalog() {}

  /** A built-in target by name. */
  public static Optional<Target> builtIn(String name) {
    if (!BUILT_IN.contains(name)) {
      return Optional.empty();
    }
    return Optional.of(CACHE.computeIfAbsent(name, TargetCatalog::loadResource));
  }

  /** A built-in target by name; throws for an unknown name. */
  public static Target get(String name) {
    return builtIn(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown target '"
                        + name
                        + "'; expected one of "
                        + String.join(", ", BUILT_IN)));
  }

  public static List<Target> all() {
    return BUILT_IN.stream().map(TargetCatalog::get).toList();
  }

  private static Target loadResource(String name) {
    String path = "targets/" + name + ".yaml";
    try (InputStream in = TargetCatalog.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a target file of the same shape as the built-in ones. */
  public static Target load(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    }
  }

  static Target parse(Reader reader, String source) {
    Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    Map<String, Object> root = map(doc, source, "the file");
    String name = string(root.get("name"), source, "name");
    String title = root.get("title") == null ? name : root.get("title").toString();
    List<Target.Table> tables = new ArrayList<>();
    for (Object t : list(root.get("tables"), source, "tables")) {
      Map<String, Object> tm = map(t, source, "a table");
      String tableName = string(tm.get("name"), source, "table name");
      List<LogSource> logsources = new ArrayList<>();
      for (Object ls : list(tm.get("logsources"), source, tableName + ".logsources")) {
        Map<String, Object> lm = map(ls, source, "a logsource");
        logsources.add(
            new LogSource(
                optional(lm.get("category")),
                optional(lm.get("product")),
                optional(lm.get("service")),
                null));
      }
      Map<String, List<String>> fields = new LinkedHashMap<>();
      Object f = tm.get("fields");
      if (f != null) {
        for (Map.Entry<String, Object> e : map(f, source, tableName + ".fields").entrySet()) {
          Object v = e.getValue();
          List<String> columns = new ArrayList<>();
          if (v instanceof List<?> l) {
            for (Object c : l) {
              columns.add(c.toString());
            }
          } else {
            columns.add(v.toString());
          }
          fields.put(e.getKey(), List.copyOf(columns));
        }
      }
      Map<String, String> columns = new LinkedHashMap<>();
      Object c = tm.get("columns");
      if (c != null) {
        for (Map.Entry<String, Object> e : map(c, source, tableName + ".columns").entrySet()) {
          columns.put(e.getKey(), e.getValue().toString());
        }
      }
      tables.add(new Target.Table(tableName, logsources, fields, columns));
    }
    return new Target(name, title, tables);
  }

  private static String optional(Object o) {
    return o == null ? null : o.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String source, String what) {
    if (o instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException(source + ": " + what + " must be a map");
  }

  private static List<?> list(Object o, String source, String what) {
    if (o instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException(source + ": " + what + " must be a list");
  }

  private static String string(Object o, String source, String what) {
    if (o == null) {
      throw new IllegalArgumentException(source + ": " + what + " is missing");
    }
    return o.toString();
  }
}
