package org.sigmaworkbench.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes one JSON object per line, and the parts the commands' objects share: the rule a line is
 * about and arrays of strings.
 */
final class JsonLines {
  /** Made when the first object is written: text output never loads the JSON library. */
  private static final class Factory {
    static final JsonFactory JSON = new JsonFactory();
  }

  /** Fills an object. */
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private final PrintWriter out;

  JsonLines(PrintWriter out) {
    this.out = out;
  }

  void object(Body body) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = Factory.JSON.createGenerator(w)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println(w);
  }

  /**
   * The rule a line is about: {@code "path"} (its file, {@code null} when it has none), {@code
   * "id"} and {@code "title"}.
   */
  static void rule(JsonGenerator g, Path path, String id, String title) throws IOException {
    g.writeStringField("path", path == null ? null : path.toString());
    g.writeStringField("id", id);
    g.writeStringField("title", title);
  }

  /** {@code "name": ["...", ...]}: the strings in order. */
  static void strings(JsonGenerator g, String name, Iterable<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
