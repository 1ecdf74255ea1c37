package org.sigmaworkbench.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
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
    g.writeStringField("path", rulePath.toString());
    g.writeStringField("id", rule.rule().id());
    g.writeStringField("title", rule.rule().title());
    g.writeStringField("file", event.file());
    g.writeNumberField("record", event.record());
    g.writeObjectFieldStart("fields");
    for (Map.Entry<String, String> e : event.fields().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("spans");
    for (MatchSpan s : x.spans()) {
      g.writeStartObject();
      g.writeStringField("field", s.field());
      g.writeStringField("column", s.column());
      g.writeNumberField("start", s.start());
      g.writeNumberField("end", s.end());
      g.writeStringField("identifier", s.identifier());
      g.writeStringField("rule_value", s.ruleValue());
      g.writeStringField("rule_key", s.ruleKey());
      g.writeNumberField("rule_line", s.line());
      g.writeEndObject();
    }
    g.writeEndArray();
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
      g.writeArrayFieldStart("matched_values");
      for (String v : c.matchedValues()) {
        g.writeString(v);
      }
      g.writeEndArray();
      g.writeNumberField("rule_line", c.line());
      if (c.noValue() != null) {
        g.writeStringField("no_value", c.noValue());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("explanation", x.summary());
  }
}
