package org.sigmaworkbench.logs.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventBuilder;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.Layouts;
import org.sigmaworkbench.logs.LogFormat;
import org.sigmaworkbench.logs.LogKind;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.logs.TextEventStream;
import org.sigmaworkbench.logs.TextInput;

/**
 * Reads JSON events: JSON lines, pretty-printed objects one after another (evtx_dump {@code -o
 * json}, with its {@code Record N} lines; Hayabusa's json-timeline), or one array of objects
 * (Chainsaw {@code --json}). Each object is flattened (nested keys joined with dots) and shaped by
 * the tool that wrote it ({@link WindowsJsonFields}), judged per object unless the user chose the
 * kind. A line that is not valid JSON is reported with its line and column, and reading goes on.
 */
public final class JsonEventReader extends TextEventStream {

  private static final Pattern RECORD_LINE = Pattern.compile("^Record \\d+\\s*$");

  private final BufferedReader reader;
  private final EventBuilder builder = new EventBuilder();
  private final LogKind forced;
  private final Map<List<String>, FieldLayout> columnLayouts = new HashMap<>();
  private volatile LogKind seen;
  private long line;
  private long record;
  private JsonParser arrayParser;
  private boolean arrayMode;
  // A JSON error in the array ended reading: the problem is recorded once.
  private boolean arrayBroken;

  public JsonEventReader(Path path) throws IOException {
    this(path, ReadOptions.AUTO);
  }

  JsonEventReader(Path path, ReadOptions options) throws IOException {
    this(path, options, null);
  }

  /**
   * @param detected the kind detection found, shown until the first object says otherwise
   */
  public JsonEventReader(Path path, ReadOptions options, LogKind detected) throws IOException {
    super(path, options);
    if (options.kind() != null && options.kind().format() != LogFormat.JSON) {
      throw new IllegalArgumentException(options.kind() + " is not a JSON format");
    }
    this.forced = options.kind();
    this.seen = detected != null && detected.format() == LogFormat.JSON ? detected : null;
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
      arrayParser = JsonFields.JSON.createParser(reader);
      try {
        arrayParser.nextToken();
      } catch (JsonParseException e) {
        // A control character before the '[' (Character.isWhitespace takes it, JSON does not).
        stoppedAt(e);
        arrayBroken = true;
      }
    }
  }

  private void stoppedAt(JsonParseException e) {
    problem(
        "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(),
        "JSON error after record "
            + record
            + ": "
            + e.getOriginalMessage()
            + "; reading stopped here",
        true);
  }

  @Override
  public Event next() throws IOException {
    return arrayMode ? nextFromArray() : nextFromText();
  }

  private Event nextFromArray() throws IOException {
    if (arrayBroken) {
      return null;
    }
    try {
      JsonToken t = arrayParser.nextToken();
      while (t != null && t != JsonToken.END_ARRAY) {
        if (t == JsonToken.START_OBJECT) {
          long at = arrayParser.currentLocation().getLineNr();
          return toEvent(arrayParser, at);
        }
        arrayParser.skipChildren();
        t = arrayParser.nextToken();
      }
      return null;
    } catch (JsonParseException e) {
      stoppedAt(e);
      arrayBroken = true;
      return null;
    }
  }

  /** An object that does not close within this many characters is taken as broken. */
  public static final int MAX_OBJECT_CHARS = 4 << 20;

  // Lines to read again, with their numbers: those after the first line of an object that never
  // closed, where the objects that follow it may start.
  private final ArrayDeque<String> replay = new ArrayDeque<>();
  private final ArrayDeque<Long> replayLines = new ArrayDeque<>();
  // The lines of the object being collected: parsed once it closes, read again if it never does.
  private final List<String> objectLines = new ArrayList<>();
  private long objectChars;
  // Lines read from the file; the line being looked at (`line`) may be an earlier one, read again.
  private long fileLines;
  private boolean fromReplay;

  private String readLine() throws IOException {
    fromReplay = !replay.isEmpty();
    if (fromReplay) {
      line = replayLines.poll();
      return replay.poll();
    }
    String l = reader.readLine();
    if (l != null) {
      line = ++fileLines;
    }
    return l;
  }

  private void clearObject() {
    objectLines.clear();
    objectChars = 0;
  }

  /**
   * Collects the next top-level object line by line (brace depth outside strings), then parses it.
   * An object whose brackets never close (a string still open at the end of a line, which JSON does
   * not allow; more than {@link #MAX_OBJECT_CHARS}; or the end of the file) is reported and
   * skipped, and the lines after its first are read again once: an object that starts at the
   * beginning of one of them is read.
   */
  private Event nextFromText() throws IOException {
    clearObject();
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    long startLine = 0;
    boolean startReplayed = false;
    while (true) {
      String l = readLine();
      String broken = null;
      if (l == null) {
        if (objectLines.isEmpty()) {
          return null;
        }
        broken = "the object is not closed before the end of the file";
      } else {
        if (depth == 0) {
          String trimmed = l.strip();
          if (trimmed.isEmpty() || RECORD_LINE.matcher(trimmed).matches()) {
            continue;
          }
          if (fromReplay && !l.startsWith("{")) {
            continue; // a line of the broken object, reported with it
          }
          if (trimmed.charAt(0) != '{') {
            problem(
                "line " + line,
                "expected a JSON object starting with '{', found '"
                    + (trimmed.length() > 40 ? trimmed.substring(0, 40) + "..." : trimmed)
                    + "'; line skipped",
                false);
            continue;
          }
          startLine = line;
          startReplayed = fromReplay;
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
        objectLines.add(l);
        objectChars += l.length() + 1;
        if (depth <= 0) {
          Event e = parseObject(startLine);
          if (e != null) {
            return e;
          }
        } else if (inString) {
          broken =
              "a string is still open at the end of line "
                  + line
                  + " (JSON strings cannot hold a line break)";
        } else if (objectChars > MAX_OBJECT_CHARS) {
          broken = "it does not close within " + (MAX_OBJECT_CHARS >> 20) + " MiB";
        } else {
          continue;
        }
      }
      if (broken != null) {
        problem(
            "line " + startLine,
            "the JSON object starting here is broken: " + broken + "; it was skipped",
            false);
        if (!startReplayed) {
          for (int i = objectLines.size() - 1; i >= 1; i--) {
            replay.addFirst(objectLines.get(i));
            replayLines.addFirst(startLine + i);
          }
        }
      }
      clearObject();
      depth = 0;
      inString = false;
      escaped = false;
    }
  }

  private Event parseObject(long startLine) throws IOException {
    try (JsonParser p = JsonFields.JSON.createParser(String.join("\n", objectLines))) {
      p.nextToken();
      Event e = toEvent(p, startLine);
      if (p.nextToken() != null) {
        throw new JsonParseException(p, "more text after the object");
      }
      return e;
    } catch (JsonParseException e) {
      long at = startLine + e.getLocation().getLineNr() - 1;
      problem(
          "line " + at + ", column " + e.getLocation().getColumnNr(),
          "invalid JSON: " + e.getOriginalMessage() + "; this record was skipped",
          false);
      return null;
    }
  }

  private Event toEvent(JsonParser p, long startLine) throws IOException {
    EventBuilder b = builder;
    b.clear();
    JsonFields.flatten(p, "", b);
    LogKind kind = forced != null ? forced : WindowsJsonFields.classify(b.names());
    if (record == 0) {
      seen = kind;
    }
    record++;
    String misshapen = WindowsJsonFields.shape(kind, b);
    if (misshapen != null) {
      problem("record " + record + ", line " + startLine, misshapen, false);
    }
    FieldLayout columns = kind == LogKind.JSON ? columnsLayout(b.names()) : FieldLayout.NATIVE;
    return b.build(file, record, withUserColumns(b.windowsLayoutOr(columns)));
  }

  /** The layout of flat names (an export of a KQL table as JSON), cached per set of names. */
  private FieldLayout columnsLayout(List<String> names) {
    FieldLayout l = columnLayouts.get(names);
    if (l == null) {
      l = Layouts.forColumns(names);
      if (columnLayouts.size() < 1000) {
        columnLayouts.put(List.copyOf(names), l);
      }
    }
    return l;
  }

  @Override
  protected String textFormatName() {
    LogKind k = forced != null ? forced : seen;
    String shape = arrayMode ? "JSON array" : "JSON lines";
    return k == null ? shape : k.title() + ", " + shape;
  }

  @Override
  public void close() throws IOException {
    if (arrayParser != null) {
      arrayParser.close();
    }
    reader.close();
  }
}
