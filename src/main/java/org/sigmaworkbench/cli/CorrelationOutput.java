package org.sigmaworkbench.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.engine.CorrelationHit;
import org.sigmaworkbench.engine.EventTime;
import org.sigmaworkbench.engine.RunWords;

/** A correlation hit of {@code test}, as one JSON object or one line of text. */
final class CorrelationOutput {
  private CorrelationOutput() {}

  /** Events named on a text line; the count covers all. */
  static final int SHOWN = 10;

  static void json(JsonGenerator g, CorrelationHit h, Path path) throws IOException {
    g.writeBooleanField("correlation", true);
    JsonLines.rule(g, path, h.correlation().meta().id(), h.correlation().meta().title());
    g.writeStringField("type", h.correlation().type());
    g.writeObjectFieldStart("group");
    for (Map.Entry<String, String> e : h.group().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeStringField("window_start", EventTime.format(h.windowStart()));
    g.writeStringField("window_end", EventTime.format(h.windowEnd()));
    if (h.value() instanceof Long l) {
      g.writeNumberField("value", l);
    } else {
      g.writeNumberField("value", h.value().doubleValue());
    }
    g.writeArrayFieldStart("events");
    for (CorrelationHit.Member m : h.events()) {
      g.writeStartObject();
      g.writeStringField("file", m.file());
      g.writeNumberField("record", m.record());
      g.writeStringField("time", EventTime.format(m.time()));
      g.writeStringField("rule", m.rule());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** {@code Title [type] User=jdoe 09:00:13Z..10:00:13Z value 12: 12 events (a.csv#1, ...)}. */
  static String line(CorrelationHit h) {
    StringBuilder b = new StringBuilder("correlation: ").append(h.title());
    b.append(" [").append(h.correlation().type()).append("]");
    for (Map.Entry<String, String> e : h.group().entrySet()) {
      b.append(' ').append(e.getKey()).append('=').append(e.getValue());
    }
    b.append("  ")
        .append(EventTime.format(h.windowStart()))
        .append(" .. ")
        .append(EventTime.format(h.windowEnd()));
    b.append("  value ").append(valueText(h.value()));
    List<String> names = new ArrayList<>();
    for (CorrelationHit.Member m : h.events()) {
      if (names.size() == SHOWN) {
        names.add("...");
        break;
      }
      names.add(m.file() + "#" + m.record());
    }
    b.append(": ")
        .append(RunWords.count(h.events().size(), "event"))
        .append(" (")
        .append(String.join(", ", names))
        .append(')');
    return b.toString();
  }

  static String valueText(Number v) {
    if (v instanceof Long) {
      return v.toString();
    }
    double d = v.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
