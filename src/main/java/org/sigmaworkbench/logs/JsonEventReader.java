package org.sigmaworkbench.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads JSON events: JSON lines, pretty-printed objects one after another (evtx_dump {@code -o
 * json}, with its {@code Record N} lines), or one array of objects. An evtx_dump object ({@code
 * Event.System}, {@code Event.EventData}, attributes under {@code #attributes} or {@code
 * X_attributes}) gets the same field names as event XML; other objects keep their keys, nested keys
 * joined with dots.
 */
final class JsonEventReader implements EventStream {

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
          .build();
  private static final Pattern RECORD_LINE = Pattern.compile("^Record \\d+\\s*$");

  private final String file;
  private final TextInput.Opened input;
  private final BufferedReader reader;
  private final List<LogProblem> problems = new ArrayList<>();
  private final StringBuilder object = new StringBuilder();
  private long line;
  private long record;
  private JsonParser arrayParser;
  private boolean arrayMode;

  JsonEventReader(Path path) throws IOException {
    this.file = path.getFileName().toString();
    this.input = TextInput.open(path);
    this.reader = new BufferedReader(input.reader(), 1 << 16);
    reader.mark(1 << 12);
    int c;
    do {
      c = reader.read();
    } while (c >= 0 && Character.isWhitespace(c));
    reader.reset();
    if (c == '[') {
      arrayMode = true;
      arrayParser = JSON.createParser(reader);
      arrayParser.nextToken();
    }
  }

  @Override
  public Event next() throws IOException {
    return arrayMode ? nextFromArray() : nextFromText();
  }

  private Event nextFromArray() throws IOException {
    try {
      JsonToken t = arrayParser.nextToken();
      while (t != null && t != JsonToken.END_ARRAY) {
        if (t == JsonToken.START_OBJECT) {
          return toEvent(arrayParser);
        }
        arrayParser.skipChildren();
        t = arrayParser.nextToken();
      }
      return null;
    } catch (JsonParseException e) {
      problems.add(
          new LogProblem(
              file,
              "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(),
              "JSON error after record "
                  + record
                  + ": "
                  + e.getOriginalMessage()
                  + "; reading stopped here",
              true));
      return null;
    }
  }

  /**
   * Collects the next top-level object line by line (brace depth outside strings), then parses it.
   */
  private Event nextFromText() throws IOException {
    object.setLength(0);
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    long startLine = 0;
    String l;
    while ((l = reader.readLine()) != null) {
      line++;
      if (depth == 0) {
        String trimmed = l.strip();
        if (trimmed.isEmpty() || RECORD_LINE.matcher(trimmed).matches()) {
          continue;
        }
        if (trimmed.charAt(0) != '{') {
          problems.add(
              new LogProblem(
                  file,
                  "line " + line,
                  "expected a JSON object starting with '{', found '"
                      + (trimmed.length() > 40 ? trimmed.substring(0, 40) + "..." : trimmed)
                      + "'; line skipped",
                  false));
          continue;
        }
        startLine = line;
      }
      for (int i = 0; i < l.length(); i++) {
        char c = l.charAt(i);
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (c == '\\') {
            escaped = true;
          } else if (c == '"') {
            inString = false;
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          depth--;
        }
      }
      object.append(l).append('\n');
      if (depth <= 0) {
        Event e = parseObject(startLine);
        if (e != null) {
          return e;
        }
        object.setLength(0);
        depth = 0;
        inString = false;
      }
    }
    if (object.length() > 0) {
      problems.add(
          new LogProblem(
              file,
              "line " + startLine,
              "the JSON object starting here is not closed before the end of the file; it was skipped",
              false));
    }
    return null;
  }

  private Event parseObject(long startLine) throws IOException {
    try (JsonParser p = JSON.createParser(object.toString())) {
      p.nextToken();
      Event e = toEvent(p);
      if (p.nextToken() != null) {
        throw new JsonParseException(p, "more text after the object");
      }
      return e;
    } catch (JsonParseException e) {
      long at = startLine + e.getLocation().getLineNr() - 1;
      problems.add(
          new LogProblem(
              file,
              "line " + at + ", column " + e.getLocation().getColumnNr(),
              "invalid JSON: " + e.getOriginalMessage() + "; this record was skipped",
              false));
      return null;
    }
  }

  private Event toEvent(JsonParser p) throws IOException {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    flatten(p, "", names, values, 0);
    boolean evtxShape = false;
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (n.startsWith("Event.System.")
          || n.startsWith("Event.EventData.")
          || n.startsWith("Event.UserData.")) {
        evtxShape = true;
        break;
      }
    }
    if (evtxShape) {
      rename(names);
    }
    record++;
    String channel = valueOf(names, values, "Channel");
    String eventId = valueOf(names, values, "EventID");
    FieldLayout layout =
        evtxShape || channel != null
            ? Layouts.forWindowsEvent(channel, eventId)
            : Layouts.forColumns(names);
    // Duplicate names after renaming keep the first value.
    List<String> uniqueNames = new ArrayList<>();
    List<String> uniqueValues = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (evtxShape && (n.startsWith("Event.#attributes.") || n.startsWith("Event_attributes."))) {
        continue;
      }
      if (!uniqueNames.contains(n)) {
        uniqueNames.add(names.get(i));
        uniqueValues.add(values.get(i));
      }
    }
    return new Event(
        file, record, FieldSchema.of(uniqueNames, layout), uniqueValues.toArray(String[]::new));
  }

  /**
   * evtx_dump names to Sigma names: {@code Event.System.Provider.#attributes.Name} to {@code
   * Provider_Name}.
   */
  private static void rename(List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      String rest;
      if (n.startsWith("Event.System.")) {
        rest = n.substring("Event.System.".length());
        rest = rest.replace(".#attributes.", "_").replace("_attributes.", "_");
        if (rest.endsWith(".#text")) {
          rest = rest.substring(0, rest.length() - 6);
        }
      } else if (n.startsWith("Event.EventData.")) {
        rest = n.substring("Event.EventData.".length());
        if (rest.endsWith(".#text")) {
          rest = rest.substring(0, rest.length() - 6);
        }
      } else if (n.startsWith("Event.UserData.")) {
        rest = n.substring("Event.UserData.".length());
        int dot = rest.lastIndexOf('.');
        rest = dot >= 0 ? rest.substring(dot + 1) : rest;
      } else {
        continue;
      }
      names.set(i, rest);
    }
  }

  private static void flatten(
      JsonParser p, String prefix, List<String> names, List<String> values, int depth)
      throws IOException {
    // p is on START_OBJECT
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_OBJECT && t != null) {
      String key = p.currentName();
      String name = prefix.isEmpty() ? key : prefix + "." + key;
      JsonToken v = p.nextToken();
      if (v == JsonToken.START_OBJECT) {
        flatten(p, name, names, values, depth + 1);
      } else if (v == JsonToken.START_ARRAY) {
        names.add(name);
        values.add(arrayText(p));
      } else if (v == JsonToken.VALUE_NULL) {
        names.add(name);
        values.add(null);
      } else {
        names.add(name);
        values.add(p.getText());
      }
    }
  }

  /** An array's scalar items joined with ", " (objects inside are written as JSON-ish text). */
  private static String arrayText(JsonParser p) throws IOException {
    StringBuilder b = new StringBuilder();
    int depth = 1;
    JsonToken t;
    while (depth > 0 && (t = p.nextToken()) != null) {
      if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
        depth++;
        continue;
      }
      if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
        depth--;
        continue;
      }
      if (t == JsonToken.FIELD_NAME) {
        continue;
      }
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(t == JsonToken.VALUE_NULL ? "" : p.getText());
    }
    return b.toString();
  }

  private static String valueOf(List<String> names, List<String> values, String name) {
    int i = names.indexOf(name);
    return i < 0 ? null : values.get(i);
  }

  @Override
  public List<LogProblem> problems() {
    return problems;
  }

  @Override
  public String formatName() {
    return arrayMode ? "JSON array" : "JSON lines";
  }

  @Override
  public long bytesRead() {
    return input.counter().count();
  }

  @Override
  public void close() throws IOException {
    if (arrayParser != null) {
      arrayParser.close();
    }
    reader.close();
  }
}
