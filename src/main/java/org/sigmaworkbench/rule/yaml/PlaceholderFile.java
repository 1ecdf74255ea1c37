package org.sigmaworkbench.rule.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleProblem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A placeholder table kept in a small YAML file: each placeholder name maps to its list of values
 * (Sigma strings, wildcards allowed).
 *
 * <pre>
 * Administrators:
 *   - 'adm_*'
 *   - 'Administrator'
 * DomainControllers: ['DC01', 'DC02']
 * Workstations: []
 * </pre>
 *
 * Reading starts from the standard placeholders, so a file only lists what it fills in. It is read
 * as safely as a rule ({@link SigmaYaml}); every problem has a line and column.
 */
public final class PlaceholderFile {
  private PlaceholderFile() {}

  /**
   * What a placeholder file gave.
   *
   * @param table the standard placeholders with the file's values set
   * @param problems what was wrong, with positions; the table holds what could be read
   */
  public record Loaded(Placeholders table, List<RuleProblem> problems) {
    public Loaded {
      problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
      return problems.stream().anyMatch(RuleProblem::isError);
    }
  }

  /** Reads a placeholder file; an unreadable file gives the standard table and one error. */
  public static Loaded read(Path file) {
    try {
      long size = Files.size(file);
      if (size > SigmaYaml.MAX_CHARS) {
        return failed(
            "the placeholder file has "
                + size
                + " bytes; it is limited to "
                + SigmaYaml.MAX_CHARS
                + " bytes (2 MiB)");
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return read(text);
    } catch (java.nio.charset.MalformedInputException e) {
      return failed("the placeholder file is not UTF-8 text");
    } catch (IOException e) {
      return failed("cannot read the placeholder file: " + e.getMessage());
    }
  }

  private static Loaded failed(String message) {
    return new Loaded(
        Placeholders.standard(),
        List.of(RuleProblem.error("placeholders", message, Position.NONE, "")));
  }

  /** Reads placeholder YAML text. */
  public static Loaded read(String text) {
    SigmaYaml.Documents docs = SigmaYaml.compose(text);
    List<RuleProblem> problems = new ArrayList<>(docs.problems());
    Placeholders table = Placeholders.standard();
    if (!problems.isEmpty() || docs.nodes().isEmpty()) {
      return new Loaded(table, problems);
    }
    if (docs.nodes().size() > 1) {
      problems.add(error("a placeholder file holds one YAML document", docs.nodes().get(1), "---"));
    }
    Node root = docs.nodes().get(0);
    if (SigmaYaml.isNull(root)) {
      return new Loaded(table, problems);
    }
    if (!(root instanceof MappingNode map)) {
      problems.add(
          error(
              "a placeholder file is a map of placeholder names to lists of values, not "
                  + SigmaYaml.kind(root),
              root,
              ""));
      return new Loaded(table, problems);
    }
    Map<String, Position> seen = new HashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k) || SigmaYaml.isNull(k)) {
        problems.add(error("a placeholder name is plain text", t.getKeyNode(), ""));
        continue;
      }
      String name = k.getValue().trim();
      if (name.isEmpty() || name.contains("%")) {
        problems.add(
            error(
                "placeholder name '" + name + "' is written without % (Servers for %Servers%)",
                k,
                name));
        continue;
      }
      Position first =
          seen.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), SigmaYaml.position(k));
      if (first != null) {
        problems.add(
            error(
                "placeholder '" + name + "' is given twice (first at line " + first.line() + ")",
                k,
                name));
        continue;
      }
      List<String> values = values(name, t.getValueNode(), problems);
      if (values != null) {
        table = table.with(name, values);
      }
    }
    return new Loaded(table, problems);
  }

  private static List<String> values(String name, Node node, List<RuleProblem> problems) {
    List<String> out = new ArrayList<>();
    if (SigmaYaml.isNull(node)) {
      return out;
    }
    if (node instanceof ScalarNode s) {
      out.add(s.getValue());
      return out;
    }
    if (!(node instanceof SequenceNode seq)) {
      problems.add(
          error(
              "placeholder '" + name + "' takes a list of values, not " + SigmaYaml.kind(node),
              node,
              name));
      return null;
    }
    for (Node item : seq.getValue()) {
      if (item instanceof ScalarNode s && !SigmaYaml.isNull(s)) {
        out.add(s.getValue());
      } else {
        problems.add(
            error(
                "a value of placeholder '" + name + "' is a string, not " + SigmaYaml.kind(item),
                item,
                name));
      }
    }
    return out;
  }

  private static RuleProblem error(String message, Node at, String excerpt) {
    return RuleProblem.error("placeholders", message, SigmaYaml.position(at), excerpt);
  }

  /** The table as placeholder YAML, every name with its values in single quotes. */
  public static String write(Placeholders table) {
    StringBuilder b =
        new StringBuilder(
            "# Placeholder values for the 'expand' modifier: name -> list of values.\n"
                + "# Values are Sigma strings: * and ? are wildcards, \\ escapes them.\n");
    for (Map.Entry<String, List<String>> e : table.asMap().entrySet()) {
      b.append(quoteKey(e.getKey())).append(':');
      if (e.getValue().isEmpty()) {
        b.append(" []\n");
        continue;
      }
      b.append('\n');
      for (String v : e.getValue()) {
        b.append("  - ").append(quote(v)).append('\n');
      }
    }
    return b.toString();
  }

  /** Writes the table to {@code file} (UTF-8). */
  public static void write(Placeholders table, Path file) throws IOException {
    Files.writeString(file, write(table), StandardCharsets.UTF_8);
  }

  private static String quote(String v) {
    StringBuilder b = new StringBuilder("'");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\'') {
        b.append("''");
      } else if (c == '\n' || c == '\r' || c == '\t' || c < 0x20) {
        return doubleQuote(v);
      } else {
        b.append(c);
      }
    }
    return b.append('\'').toString();
  }

  private static String doubleQuote(String v) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static String quoteKey(String name) {
    return name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*") ? name : quote(name);
  }
}
