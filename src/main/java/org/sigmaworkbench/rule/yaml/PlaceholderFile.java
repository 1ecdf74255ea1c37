package org.sigmaworkbench.rule.yaml;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleProblem;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
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
    } catch (MalformedInputException e) {
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
          wrongKind(
              "a placeholder file is a map of placeholder names to lists of values", root, ""));
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
      Position first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), SigmaYaml.position(k));
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
      problems.add(wrongKind("placeholder '" + name + "' takes a list of values", node, name));
      return null;
    }
    for (Node item : seq.getValue()) {
      if (item instanceof ScalarNode s && !SigmaYaml.isNull(s)) {
        out.add(s.getValue());
      } else {
        problems.add(wrongKind("a value of placeholder '" + name + "' is a string", item, name));
      }
    }
    return out;
  }

  private static RuleProblem error(String message, Node at, String excerpt) {
    return SigmaYaml.error("placeholders", message, at, excerpt);
  }

  private static RuleProblem wrongKind(String expected, Node found, String excerpt) {
    return SigmaYaml.wrongKind("placeholders", expected, found, excerpt);
  }

  /**
   * The table as placeholder YAML, written by SnakeYAML's emitter: every value in single quotes (in
   * double quotes with escapes when it holds a control character or a line break), a name plain
   * when it is a simple word.
   */
  public static String write(Placeholders table) {
    StringWriter out =
        new StringWriter()
            .append(
                "# Placeholder values for the 'expand' modifier: name -> list of values.\n"
                    + "# Values are Sigma strings: * and ? are wildcards, \\ escapes them.\n");
    DumperOptions options = new DumperOptions();
    options.setIndent(4);
    options.setIndicatorIndent(2);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    options.setAllowUnicode(true);
    Emitter emitter = new Emitter(out, options);
    try {
      emitter.emit(new StreamStartEvent(null, null));
      emitter.emit(new DocumentStartEvent(null, null, false, null, null));
      emitter.emit(new MappingStartEvent(null, null, true, null, null, FlowStyle.BLOCK));
      for (Map.Entry<String, List<String>> e : table.asMap().entrySet()) {
        String name = e.getKey();
        emitter.emit(
            scalar(name, name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*") ? ScalarStyle.PLAIN : null));
        List<String> values = e.getValue();
        emitter.emit(
            new SequenceStartEvent(
                null, null, true, null, null, values.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK));
        for (String v : values) {
          emitter.emit(scalar(v, null));
        }
        emitter.emit(new SequenceEndEvent(null, null));
      }
      emitter.emit(new MappingEndEvent(null, null));
      emitter.emit(new DocumentEndEvent(null, null, false));
      emitter.emit(new StreamEndEvent(null, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * A scalar event; without a style, single-quoted, or double-quoted when the text holds a line
   * break (single quotes would fold it). The emitter itself chooses double quotes for other control
   * characters.
   */
  private static ScalarEvent scalar(String text, ScalarStyle style) {
    if (style == null) {
      style =
          LINE_BREAK.matcher(text).find() ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.SINGLE_QUOTED;
    }
    return new ScalarEvent(null, null, new ImplicitTuple(true, true), text, null, null, style);
  }

  private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\u0085\\u2028\\u2029]");

  /** Writes the table to {@code file} (UTF-8). */
  public static void write(Placeholders table, Path file) throws IOException {
    Files.writeString(file, write(table), StandardCharsets.UTF_8);
  }
}
