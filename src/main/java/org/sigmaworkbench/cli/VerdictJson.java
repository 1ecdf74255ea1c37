package org.sigmaworkbench.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.engine.Check;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.Explanation;
import org.sigmaworkbench.engine.MatchSpan;
import org.sigmaworkbench.logs.Event;

/**
 * One jsonl object for a rule and an event: a hit ({@code "hit": true}) or, with {@code
 * --explain-misses}, a miss ({@code "hit": false}), with the rule, the event and the explanation.
 */
final class VerdictJson {
  private VerdictJson() {}

  static void write(JsonGenerator g, Path rulePath, CompiledRule rule, Event event, Explanation x)
      throws IOException {
    g.writeBooleanField("hit", x.matched());
    JsonLines.rule(g, rulePath, rule.rule().id(), rule.rule().title());
    g.writeStringField("file", event.file());
    g.writeNumberField("record", event.record());
    writeFields(g, event);
    spans(g, x.spans());
    g.writeObjectFieldStart("identifiers");
    for (Map.Entry<String, Boolean> e : x.identifiers().entrySet()) {
      g.writeBooleanField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("checks");
    for (Check c : x.checks()) {
      g.writeStartObject();
      g.writeStringField("identifier", c.identifier());
      g.writeStringField("key", c.key());
      g.writeBooleanField("held", c.held());
      g.writeNumberField("values", c.values());
      JsonLines.strings(g, "matched_values", c.matchedValues());
      g.writeNumberField("rule_line", c.line());
      if (c.noValue() != null) {
        g.writeStringField("no_value", c.noValue());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("explanation", x.summary());
  }

  /** The {@code "spans"} array: each matched part of a value, with the rule value that matched. */
  static void spans(JsonGenerator g, List<MatchSpan> spans) throws IOException {
    g.writeArrayFieldStart("spans");
    for (MatchSpan s : spans) {
      g.writeStartObject();
      g.writeStringField("field", s.field());
      g.writeStringField("column", s.column());
      g.writeNumberField("start", s.start());
      g.writeNumberField("end", s.end());
      g.writeStringField("identifier", s.identifier());
      g.writeStringField("rule_value", s.ruleValue());
      g.writeStringField("rule_key", s.ruleKey());
      g.writeNumberField("rule_line", s.line());
      if (s.occurrence() > 0) {
        g.writeNumberField("value_index", s.occurrence());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * The event's fields as a {@code "fields"} object: each a string, or an array of strings for a
   * field of several values (the unnamed {@code <Data>} of an event); a span's {@code value_index}
   * says which of them it matched.
   */
  static void writeFields(JsonGenerator g, Event event) throws IOException {
    g.writeObjectFieldStart("fields");
    for (Map.Entry<String, List<String>> e : event.fieldValues().entrySet()) {
      List<String> values = e.getValue();
      if (values.size() == 1) {
        g.writeStringField(e.getKey(), values.get(0));
      } else {
        JsonLines.strings(g, e.getKey(), values);
      }
    }
    g.writeEndObject();
  }
}
