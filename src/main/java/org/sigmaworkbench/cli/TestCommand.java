package org.sigmaworkbench.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sigmaworkbench.engine.Hit;
import org.sigmaworkbench.engine.LogRun;
import org.sigmaworkbench.engine.MatchSpan;
import org.sigmaworkbench.logs.LogProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code test}: runs rules over logs and prints the hits. */
@Command(
    name = "test",
    description = "Run rules over logs and print the hits.",
    mixinStandardHelpOptions = true)
final class TestCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RULE_OR_DIR", description = "Rule files or folders.")
  List<Path> inputs;

  @Option(
      names = "--logs",
      arity = "1..*",
      required = true,
      paramLabel = "FILE",
      description = "Log files.")
  List<Path> logs;

  @Option(names = "--format", defaultValue = "text", description = "text or jsonl.")
  OutputFormat format;

  @picocli.CommandLine.Mixin PlaceholdersOption placeholders;

  @Override
  public Integer call() throws Exception {
    // Buffered: a line per hit, flushed once at the end, not once per hit.
    PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16));
    PrintWriter err = spec.commandLine().getErr();
    var table = placeholders.load(err);
    if (table == null) {
      return 2;
    }
    RuleSet set = RuleSet.load(inputs, table, err);
    if (set.rules.isEmpty()) {
      err.println("error: no usable rule among the inputs");
      return 2;
    }
    JsonLines json = new JsonLines(out);
    int unreadable = 0;
    long totalHits = 0;
    long totalEvents = 0;
    for (Path log : logs) {
      LogRun.Result r =
          LogRun.run(
              log,
              set.rules,
              (event, hits) -> {
                for (Hit h : hits) {
                  print(out, json, set, h);
                }
              });
      out.flush();
      if (r.error() != null) {
        unreadable++;
        err.println("error: " + r.error());
        continue;
      }
      for (LogProblem p : r.problems()) {
        err.println("warning: " + p.describe());
      }
      totalHits += r.hits();
      totalEvents += r.events();
    }
    out.flush();
    if (format == OutputFormat.text) {
      err.println(totalHits + " hits in " + totalEvents + " events");
    }
    return unreadable > 0 ? 1 : 0;
  }

  private void print(PrintWriter out, JsonLines json, RuleSet set, Hit h) {
    Path rulePath = set.paths.get(h.rule());
    if (format == OutputFormat.jsonl) {
      Map<String, String> fields = h.event().fields();
      json.object(
          g -> {
            g.writeStringField("path", rulePath.toString());
            g.writeStringField("id", h.rule().rule().id());
            g.writeStringField("title", h.rule().rule().title());
            g.writeStringField("file", h.event().file());
            g.writeNumberField("record", h.event().record());
            g.writeObjectFieldStart("fields");
            for (var e : fields.entrySet()) {
              g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("spans");
            for (MatchSpan s : h.explanation().spans()) {
              g.writeStartObject();
              g.writeStringField("field", s.field());
              g.writeStringField("column", s.column());
              g.writeNumberField("start", s.start());
              g.writeNumberField("end", s.end());
              g.writeStringField("identifier", s.identifier());
              g.writeStringField("rule_value", s.ruleValue());
              g.writeStringField("rule_key", s.ruleKey());
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("identifiers");
            for (var e : h.explanation().identifiers().entrySet()) {
              g.writeBooleanField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeStringField("explanation", h.explanation().summary());
          });
      return;
    }
    StringBuilder b = new StringBuilder();
    b.append(h.event().file())
        .append('#')
        .append(h.event().record())
        .append("  ")
        .append(h.rule().rule().title());
    for (MatchSpan s : h.explanation().spans()) {
      String v = h.event().value(h.event().schema().columnSlot(s.column()));
      if (v == null) {
        continue;
      }
      b.append("\n    ").append(s.field()).append(": ");
      b.append(oneLine(v.substring(0, s.start())))
          .append('[')
          .append(oneLine(v.substring(s.start(), s.end())))
          .append(']')
          .append(oneLine(v.substring(s.end())));
    }
    out.println(b);
  }

  private static String oneLine(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }
}
