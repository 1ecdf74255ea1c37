package org.sigmaworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sigmaworkbench.cli.RuleInputs.Item;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.FilterRule;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code convert}: prints the KQL of each rule. A correlation rule is written over the rules it
 * names, which must be among the inputs (in the same file or another file or folder given).
 */
@Command(
    name = "convert",
    description = {
      "Print the KQL of each rule for a target.",
      "A correlation is converted over the rules it names; give the files or folders that hold them"
          + " too."
    })
final class ConvertCommand extends RulesCommand {

  @Option(
      names = "--target",
      paramLabel = "TARGET",
      defaultValue = "sentinel_asim",
      description =
          "sentinel_asim, microsoft_xdr, azure_monitor, or a target file of the same shape"
              + " (.yaml) (default: ${DEFAULT-VALUE}).")
  String target;

  @Mixin FormatOption output;

  @Mixin UnmappedOption unmapped;

  @Mixin PlaceholdersOption placeholders;

  /**
   * A built-in target by name or a target file; {@code null} after a message on {@code err} when
   * there is no such target.
   */
  static Target resolveTarget(String target, PrintWriter err) {
    Optional<Target> t = TargetCatalog.builtIn(target);
    if (t.isEmpty() && (target.endsWith(".yaml") || target.endsWith(".yml"))) {
      try {
        t = Optional.of(TargetCatalog.load(Path.of(target)));
      } catch (IOException e) {
        err.println("error: cannot read target file " + target + ": " + e.getMessage());
        return null;
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        return null;
      }
    }
    if (t.isEmpty()) {
      err.println(
          "error: unknown target '"
              + target
              + "'; expected one of "
              + String.join(", ", TargetCatalog.BUILT_IN)
              + " or a target file (.yaml)");
      return null;
    }
    return t.get();
  }

  /** One document of the inputs, with the file it came from. */
  @Override
  public int call(PrintWriter out, PrintWriter err) throws Exception {
    Target t = resolveTarget(target, err);
    if (t == null) {
      return 2;
    }
    Placeholders table = placeholders.load(err);
    if (table == null) {
      return 2;
    }
    KqlWriter writer = new KqlWriter(t, unmapped.kqlOptions());
    RuleInputs.Loaded loaded = RuleInputs.load(inputs, table);
    List<Item> items = loaded.items();
    Map<String, SigmaRule> byReference = loaded.byReference();

    List<Outcome> outcomes =
        items.parallelStream().map(item -> convert(writer, item, byReference)).toList();
    JsonLines json = new JsonLines(out);
    boolean many = items.size() > 1 || Files.isDirectory(inputs.get(0));
    int failed = 0;
    for (int i = 0; i < items.size(); i++) {
      Outcome o = outcomes.get(i);
      if (o.error() != null) {
        failed++;
      }
      report(json, out, err, items.get(i), o.result(), o.error(), many);
    }
    if (failed > 0) {
      err.println(failed + " of " + items.size() + " rules could not be converted for " + target);
      return 1;
    }
    return 0;
  }

  /** The query of one document, or why there is none. */
  record Outcome(KqlResult result, String error) {}

  static Outcome convert(KqlWriter writer, Item item, Map<String, SigmaRule> rules) {
    RuleDocument d = item.document();
    String unusable = item.unusable();
    if (unusable != null) {
      return new Outcome(null, unusable);
    }
    if (d.hasErrors()) {
      return new Outcome(null, RuleProblem.firstError(d.problems()));
    }
    if (d instanceof FilterRule) {
      return new Outcome(
          null, "a filter adds exclusions to the rules it names; it is not converted on its own");
    }
    KqlResult result =
        d instanceof CorrelationRule c ? writer.write(c, rules) : writer.write((SigmaRule) d);
    return new Outcome(result, result.ok() ? null : String.join("; ", result.errors()));
  }

  private void report(
      JsonLines json,
      PrintWriter out,
      PrintWriter err,
      Item item,
      KqlResult r,
      String error,
      boolean many) {
    RuleDocument d = item.document();
    String id = d == null ? null : d.meta().id();
    String title = d == null ? null : d.meta().title();
    if (output.jsonl()) {
      json.object(
          g -> {
            JsonLines.rule(g, item.path(), id, title);
            g.writeStringField("target", target);
            g.writeBooleanField("ok", error == null);
            g.writeStringField("query", r == null || error != null ? null : r.query());
            g.writeStringField("error", error);
          });
      return;
    }
    if (error != null) {
      err.println(item.path() + (title == null ? "" : " (" + title + ")") + ": " + error);
      return;
    }
    if (many) {
      out.println("// " + item.path() + (title == null ? "" : " - " + title));
    }
    out.println(r.query());
    if (many) {
      out.println();
    }
    for (String w : r.warnings()) {
      err.println(item.path() + ": warning: " + w);
    }
  }
}
