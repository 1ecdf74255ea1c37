package org.sigmaworkbench.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleLoader;
import org.sigmaworkbench.rule.RuleProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check}: loads and validates rules, printing errors and warnings with positions. */
@Command(
    name = "check",
    description = "Load and validate rules; print errors and warnings with line and column.",
    mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RULE_OR_DIR", description = "Rule files or folders.")
  List<Path> inputs;

  @Option(names = "--format", defaultValue = "text", description = "text or jsonl.")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RuleLoader loader = new RuleLoader();
    JsonLines json = new JsonLines(out);
    int bad = 0;
    int files = 0;
    for (Path p : RuleInputs.expand(inputs)) {
      files++;
      RuleFile file = loader.load(p);
      if (file.hasErrors()) {
        bad++;
      }
      String id =
          file.documents().stream()
              .map(d -> d.meta().id())
              .filter(java.util.Objects::nonNull)
              .findFirst()
              .orElse(null);
      List<RuleProblem> problems = file.problems();
      if (format == OutputFormat.jsonl) {
        json.object(
            g -> {
              g.writeStringField("path", p.toString());
              g.writeStringField("id", id);
              g.writeBooleanField("ok", !file.hasErrors());
              g.writeNumberField("documents", file.documents().size());
              g.writeArrayFieldStart("kinds");
              for (RuleDocument d : file.documents()) {
                g.writeString(kind(d));
              }
              g.writeEndArray();
              problems(g, "errors", problems, true);
              problems(g, "warnings", problems, false);
            });
      } else {
        for (RuleProblem pr : problems) {
          out.println(
              p
                  + ":"
                  + pr.line()
                  + ":"
                  + pr.column()
                  + ": "
                  + pr.severity().label()
                  + ": "
                  + pr.message()
                  + (pr.excerpt().isEmpty() ? "" : " [" + pr.code() + "]"));
        }
      }
    }
    if (format == OutputFormat.text) {
      err.println(files + " files checked, " + bad + " with errors");
    }
    return bad > 0 ? 1 : 0;
  }

  private static String kind(RuleDocument d) {
    if (d instanceof org.sigmaworkbench.rule.CorrelationRule) {
      return "correlation";
    }
    return d instanceof org.sigmaworkbench.rule.FilterRule ? "filter" : "rule";
  }

  private static void problems(
      JsonGenerator g, String name, List<RuleProblem> problems, boolean errors) throws IOException {
    g.writeArrayFieldStart(name);
    for (RuleProblem p : problems) {
      if (p.isError() != errors) {
        continue;
      }
      g.writeStartObject();
      g.writeNumberField("line", p.line());
      g.writeNumberField("column", p.column());
      g.writeStringField("code", p.code());
      g.writeStringField("message", p.message());
      g.writeStringField("text", p.excerpt());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
