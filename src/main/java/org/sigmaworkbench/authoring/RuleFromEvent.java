package org.sigmaworkbench.authoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.rule.LogSource;

/**
 * A rule written from one event: the chosen fields, each with how its value is matched, become one
 * selection under a template header for the event's logsource.
 */
public final class RuleFromEvent {
  private RuleFromEvent() {}

  /** How a chosen field's value is matched. */
  public enum MatchKind {
    /** The whole value. */
    EQUALS,
    /** The value anywhere in the field. */
    CONTAINS,
    /** The field's end: for a path, its last part from the separator on ({@code \cmd.exe}). */
    ENDSWITH,
    /** The field's start. */
    STARTSWITH
  }

  /**
   * One chosen field.
   *
   * @param field the Sigma field name as the event shows it
   * @param kind how its value is matched
   */
  public record Choice(String field, MatchKind kind) {}

  /** The rule for {@code event}: see {@link #build(Map, List, LogSource, Clock, Supplier)}. */
  public static Template.Rendered build(
      Event event, List<Choice> choices, LogSource logsource, Clock clock, Supplier<UUID> ids) {
    return build(event.fieldValues(), choices, logsource, clock, ids);
  }

  /**
   * The rule text: a header (new id, today, status experimental, the caret on the title), the
   * event's logsource, a selection of the chosen fields that have a value in the event (several
   * values become a list, matched as any of them) and {@code condition: selection}.
   *
   * @param fields the event's fields and their values
   * @param choices the fields to use and how; a field the event lacks is left out
   */
  public static Template.Rendered build(
      Map<String, List<String>> fields,
      List<Choice> choices,
      LogSource logsource,
      Clock clock,
      Supplier<UUID> ids) {
    StringBuilder selection = new StringBuilder();
    String title = "Event Like the One Seen";
    for (Choice c : choices) {
      List<String> values = fields.get(c.field());
      if (values == null || values.isEmpty()) {
        continue;
      }
      LinkedHashSet<String> written = new LinkedHashSet<>();
      for (String v : values) {
        written.add(value(v, c.kind()));
      }
      String key =
          c.field()
              + switch (c.kind()) {
                case EQUALS -> "";
                case CONTAINS -> "|contains";
                case ENDSWITH -> "|endswith";
                case STARTSWITH -> "|startswith";
              };
      if (written.size() == 1) {
        selection.append("        ").append(key).append(": ").append(written.iterator().next());
        selection.append('\n');
      } else {
        selection.append("        ").append(key).append(":\n");
        for (String w : written) {
          selection.append("            - ").append(w).append('\n');
        }
      }
      if ((c.field().equals("Image") || c.field().equals("NewProcessName"))
          && title.startsWith("Event")) {
        String name = lastPart(values.get(0));
        if (!name.isBlank()) {
          title = "Execution of " + name.replace("\\", "").replace("/", "");
        }
      }
    }
    if (selection.isEmpty()) {
      selection.append("        # choose fields of the event to match\n");
    }
    StringBuilder ls = new StringBuilder();
    if (logsource.category() != null) {
      ls.append("    category: ").append(logsource.category()).append('\n');
    }
    if (logsource.product() != null) {
      ls.append("    product: ").append(logsource.product()).append('\n');
    }
    if (logsource.service() != null) {
      ls.append("    service: ").append(logsource.service()).append('\n');
    }
    String body =
        "title: "
            + Template.CARET
            + title
            + "\n"
            + "id: ${id}\n"
            + "status: experimental\n"
            + "description: Detects an event like the one this rule was written from. Say what"
            + " the behaviour is and why it matters.\n"
            + "author: Your Name\n"
            + "date: ${date}\n"
            + "logsource:\n"
            + ls
            + "detection:\n"
            + "    selection:\n"
            + selection
            + "    condition: selection\n"
            + "falsepositives:\n"
            + "    - Unknown\n"
            + "level: medium\n";
    return new Template("From event", "", "", body).render(clock, ids);
  }

  private static String value(String v, MatchKind kind) {
    if (kind == MatchKind.ENDSWITH) {
      String last = lastPart(v);
      return CompletionEngine.yamlValue(last);
    }
    if (kind == MatchKind.EQUALS && v.matches("-?[1-9]\\d{0,17}|0")) {
      return v;
    }
    return CompletionEngine.yamlValue(v);
  }

  /** From the last path separator on ({@code \cmd.exe}), or the whole value. */
  private static String lastPart(String v) {
    int i = Math.max(v.lastIndexOf('\\'), v.lastIndexOf('/'));
    return i >= 0 && i < v.length() - 1 ? v.substring(i) : v;
  }

  /** The match kinds offered for a field, the likeliest first (for a menu). */
  public static List<MatchKind> kindsFor(String field, String value) {
    List<MatchKind> out = new ArrayList<>();
    String f = field.toLowerCase(Locale.ROOT);
    if (value != null
        && (value.indexOf('\\') >= 0 || value.indexOf('/') >= 0)
        && (f.contains("image")
            || f.contains("path")
            || f.contains("file")
            || f.contains("processname"))) {
      out.add(MatchKind.ENDSWITH);
    }
    if (f.contains("commandline") || f.contains("scriptblock")) {
      out.add(MatchKind.CONTAINS);
    }
    for (MatchKind k : MatchKind.values()) {
      if (!out.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }
}
