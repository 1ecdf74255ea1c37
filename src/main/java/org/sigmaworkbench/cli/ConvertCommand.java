package org.sigmaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sigmaworkbench.kql.KqlOptions;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.kql.TargetCatalog;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleLoader;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convert}: prints the KQL of each rule. */
@Command(
    name = "convert",
    description = "Print the KQL of each rule for a target.",
    mixinStandardHelpOptions = true)
final class ConvertCommand implements Callable<Integer> {

  /** What to do with a field the target does not map. */
  enum Unmapped {
    fail,
    keep
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RULE_OR_DIR", description = "Rule files or folders.")
  List<Path> inputs;

  @Option(
      names = "--target",
      defaultValue = "sentinel_asim",
      description = "sentinel_asim, microsoft_xdr or azure_monitor (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(names = "--format", defaultValue = "text", description = "text or jsonl.")
  OutputFormat format;

  @Option(
      names = "--unmapped",
      defaultValue = "fail",
      description = "fail: an unmapped field is an error; keep: write it under its Sigma name.")
  Unmapped unmapped;

  @picocli.CommandLine.Mixin PlaceholdersOption placeholders;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var t = TargetCatalog.builtIn(target);
    if (t.isEmpty()) {
      err.println(
          "error: unknown target '"
              + target
              + "'; expected one of "
              + String.join(", ", TargetCatalog.BUILT_IN));
      return 2;
    }
    KqlWriter writer = new KqlWriter(t.get(), new KqlOptions(unmapped == Unmapped.keep));
    var table = placeholders.load(err);
    if (table == null) {
      return 2;
    }
    RuleLoader loader = new RuleLoader(table);
    JsonLines json = new JsonLines(out);
    int failed = 0;
    int total = 0;
    for (Path p : RuleInputs.expand(inputs)) {
      RuleFile file = loader.load(p);
      List<SigmaRule> rules = file.rules();
      if (rules.isEmpty()) {
        total++;
        failed++;
        String message =
            file.problems().stream()
                .filter(RuleProblem::isError)
                .findFirst()
                .map(RuleProblem::describe)
                .orElse("no detection rule in the file");
        report(json, out, err, p, null, null, null, message);
        continue;
      }
      for (SigmaRule rule : rules) {
        total++;
        KqlResult r;
        String error;
        if (rule.hasErrors() || !file.fileProblems().isEmpty()) {
          r = null;
          error =
              file.problems().stream()
                  .filter(RuleProblem::isError)
                  .findFirst()
                  .map(RuleProblem::describe)
                  .orElse("the rule has errors");
        } else {
          r = writer.write(rule);
          error = r.ok() ? null : String.join("; ", r.errors());
        }
        if (error != null) {
          failed++;
        }
        report(json, out, err, p, rule, r, error, error);
      }
    }
    if (failed > 0) {
      err.println(failed + " of " + total + " rules could not be converted for " + target);
      return 1;
    }
    return 0;
  }

  private void report(
      JsonLines json,
      PrintWriter out,
      PrintWriter err,
      Path p,
      SigmaRule rule,
      KqlResult r,
      String error,
      String message) {
    String id = rule == null ? null : rule.id();
    String title = rule == null ? null : rule.title();
    if (format == OutputFormat.jsonl) {
      json.object(
          g -> {
            g.writeStringField("path", p.toString());
            g.writeStringField("id", id);
            g.writeStringField("title", title);
            g.writeStringField("target", target);
            g.writeBooleanField("ok", error == null);
            g.writeStringField("query", r == null ? null : r.query());
            g.writeStringField("error", error);
          });
      return;
    }
    if (error != null) {
      err.println(p + ": " + message);
      return;
    }
    boolean many = inputs.size() > 1 || java.nio.file.Files.isDirectory(inputs.get(0));
    if (many) {
      out.println("// " + p + (title == null ? "" : " - " + title));
    }
    out.println(r.query());
    if (many) {
      out.println();
    }
    for (String w : r.warnings()) {
      err.println(p + ": warning: " + w);
    }
  }
}
