package org.sigmaworkbench.logs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sigmaworkbench.mapping.WindowsLogsources;
import org.sigmaworkbench.yaml.DataFiles;

/**
 * Event fields recovered from an event's rendered message text ({@code CommandLine: ...} in a
 * Sysmon message, {@code Process Command Line:} in a Security 4688 message), for exports that keep
 * only the message. The labels are data ({@code message-fields.yaml}: en-US, and de-DE where the
 * Windows strings are known); a message whose labels are all unknown gives no field, and {@link
 * #addTo} says which labels it had.
 */
public final class MessageFields {

  /** One entry of the data file. */
  record Spec(
      Set<String> providers,
      Set<String> channels,
      Set<Integer> eventIds,
      Map<String, String> labels,
      String body) {}

  private static final String RESOURCE = "message-fields.yaml";
  private static final List<Spec> SPECS = load();

  private MessageFields() {}

  /**
   * The fields a message gives, in message order; empty when no entry is for this event or the
   * message has none of the labels.
   */
  static Map<String, String> parse(String provider, String channel, String eventId, String text) {
    if (text == null || text.isEmpty()) {
      return Map.of();
    }
    Spec spec = specFor(provider, channel, WindowsLogsources.parseId(eventId));
    return spec == null ? Map.of() : parse(spec, text);
  }

  /** Most unrecognized labels a problem names. */
  private static final int LABELS_NAMED = 5;

  /**
   * Adds the message's fields the record lacks.
   *
   * @return a problem when the data file has labels for this kind of event but none of the
   *     message's labels is among them (a language or a version whose labels are not listed): the
   *     first few labels the message has, so that the event is not silently kept without fields;
   *     {@code null} otherwise
   */
  public static String addTo(EventBuilder b) {
    String message = b.get("Message");
    if (message == null || message.isEmpty()) {
      return null;
    }
    String provider = b.get("Provider_Name");
    String eventId = b.get("EventID");
    Spec spec = specFor(provider, b.get("Channel"), WindowsLogsources.parseId(eventId));
    if (spec == null) {
      return null;
    }
    Map<String, String> found = parse(spec, message);
    for (Map.Entry<String, String> e : found.entrySet()) {
      b.addIfAbsent(e.getKey(), e.getValue());
    }
    if (!found.isEmpty()) {
      return null;
    }
    List<String> unknown = labelsOf(message);
    if (unknown.isEmpty()) {
      return null;
    }
    return "the message labels of event "
        + (eventId == null ? "?" : eventId.strip())
        + (provider == null ? "" : " (" + provider.strip() + ")")
        + " were not recognized ('"
        + String.join("', '", unknown)
        + "'), so no field was read from its message; message-fields.yaml lists the labels read"
        + " (en-US, de-DE; Sysmon's are English in every language)";
  }

  /** The first few label-like texts of a message's lines after its title ({@code Label: value}). */
  static List<String> labelsOf(String text) {
    String[] lines = text.split("\r\n|\n|\r", -1);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < lines.length && out.size() < LABELS_NAMED; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String label = strip(lines[i].substring(0, colon));
      if (!label.isEmpty() && label.length() <= 60 && !out.contains(label)) {
        out.add(label);
      }
    }
    return out;
  }

  /** Blanks, tabs and no-break spaces (French puts one before a colon) removed at both ends. */
  private static String strip(String s) {
    int a = 0;
    int z = s.length();
    while (a < z && blank(s.charAt(a))) {
      a++;
    }
    while (z > a && blank(s.charAt(z - 1))) {
      z--;
    }
    return s.substring(a, z);
  }

  private static boolean blank(char c) {
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\u2007';
  }

  private static Spec specFor(String provider, String channel, Integer id) {
    String p = provider == null ? null : provider.strip().toLowerCase(Locale.ROOT);
    String c = channel == null ? null : channel.strip().toLowerCase(Locale.ROOT);
    for (Spec s : SPECS) {
      boolean source =
          (p != null && s.providers().contains(p)) || (c != null && s.channels().contains(c));
      if (source && (s.eventIds().isEmpty() || (id != null && s.eventIds().contains(id)))) {
        return s;
      }
    }
    return null;
  }

  static Map<String, String> parse(Spec spec, String text) {
    String[] lines = text.split("\r\n|\n|\r", -1);
    // Skip the title line ("Process Create:", "A new process has been created.") if there is one.
    int first = label(spec, "", lines[0]) != null ? 0 : 1;
    Map<String, String> out = new LinkedHashMap<>();
    if (spec.body() != null) {
      int labelsFrom = lines.length;
      for (int i = lines.length - 1; i >= 1; i--) {
        if (lines[i].isBlank()) {
          continue;
        }
        if (label(spec, "", lines[i]) == null) {
          break;
        }
        labelsFrom = i;
      }
      int end = labelsFrom;
      while (end > 1 && lines[end - 1].isBlank()) {
        end--;
      }
      if (end > 1) {
        out.put(spec.body(), String.join("\r\n", Arrays.copyOfRange(lines, 1, end)));
      }
      first = labelsFrom;
    }
    String section = "";
    String open = null;
    StringBuilder value = new StringBuilder();
    for (int i = first; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        open = close(out, open, value);
        continue;
      }
      String[] lv = label(spec, section, line);
      if (lv != null) {
        close(out, open, value);
        open = lv[0];
        value.setLength(0);
        value.append(lv[1]);
        continue;
      }
      String t = line.strip();
      if (t.endsWith(":") && t.indexOf(':') == t.length() - 1) {
        open = close(out, open, value);
        section = strip(t.substring(0, t.length() - 1));
        continue;
      }
      if (open != null) {
        value.append("\r\n").append(line);
      }
    }
    close(out, open, value);
    return out;
  }

  private static String close(Map<String, String> out, String open, StringBuilder value) {
    if (open != null) {
      out.putIfAbsent(open, value.toString());
    }
    return null;
  }

  /** {field, value} when the line starts with a known label, else null. */
  private static String[] label(Spec spec, String section, String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String label = strip(line.substring(0, colon));
    String field = null;
    if (!section.isEmpty()) {
      field = spec.labels().get(section + "/" + label);
    }
    if (field == null) {
      field = spec.labels().get(label);
    }
    if (field == null) {
      return null;
    }
    String rest = line.substring(colon + 1);
    int s = 0;
    while (s < rest.length()
        && (rest.charAt(s) == ' ' || rest.charAt(s) == '\t' || rest.charAt(s) == '\u00A0')) {
      s++;
    }
    return new String[] {field, rest.substring(s)};
  }

  private static List<Spec> load() {
    Map<?, ?> root = DataFiles.map(DataFiles.load(MessageFields.class, RESOURCE), RESOURCE);
    List<Spec> specs = new ArrayList<>();
    for (Object o : DataFiles.list(root.get("messages"), RESOURCE + ": messages")) {
      Map<?, ?> m = DataFiles.map(o, RESOURCE + ": an entry");
      String where = RESOURCE + ": entry " + (specs.size() + 1);
      Map<String, String> labels = new HashMap<>();
      for (String n : DataFiles.strings(m.get("names"), where + ": names")) {
        labels.put(n, n);
      }
      if (m.get("labels") != null) {
        for (Map.Entry<?, ?> e : DataFiles.map(m.get("labels"), where + ": labels").entrySet()) {
          labels.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
        }
      }
      Set<Integer> ids = new HashSet<>();
      for (String s : DataFiles.strings(m.get("event_ids"), where + ": event_ids")) {
        ids.add(WindowsLogsources.parseId(s));
      }
      specs.add(
          new Spec(
              lower(DataFiles.strings(m.get("providers"), where + ": providers")),
              lower(DataFiles.strings(m.get("channels"), where + ": channels")),
              Set.copyOf(ids),
              Map.copyOf(labels),
              m.get("body") == null ? null : String.valueOf(m.get("body"))));
    }
    return List.copyOf(specs);
  }

  private static Set<String> lower(List<String> names) {
    Set<String> out = new HashSet<>();
    for (String n : names) {
      out.add(n.strip().toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }
}
