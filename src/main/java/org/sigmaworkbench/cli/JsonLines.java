package org.sigmaworkbench.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Writes one JSON object per line. */
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
}
