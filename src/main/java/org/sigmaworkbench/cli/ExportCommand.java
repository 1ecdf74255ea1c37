package org.sigmaworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sigmaworkbench.cli.RuleInputs.Item;
import org.sigmaworkbench.export.Export;
import org.sigmaworkbench.export.ExportFormat;
import org.sigmaworkbench.export.ExportOptions;
import org.sigmaworkbench.export.ExportWriter;
import org.sigmaworkbench.export.Exporter;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.SigmaRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export}: writes each rule as a Sentinel analytics rule (ARM template or content YAML) or a
 * Defender XDR custom detection, each document checked against the service's rules first. A rule
 * that cannot be exported says why, field by field, and the others go on.
 */
@Command(
    name = "export",
    resourceBundle = "org.sigmaworkbench.cli.ExportHelp",
    description = {
      "Write each rule as a Sentinel analytics rule or a Defender custom detection.",
      "Each document is checked against the service's documented rules before it is written; a"
          + " rule that would be refused says why, field by field."
    })
final class ExportCommand extends RulesCommand {

  @Option(
      names = "--as",
      paramLabel = "AS",
      required = true,
      converter = OptionValues.ExportFormatValue.class,
      completionCandidates = OptionValues.ExportFormatNames.class,
      description =
          "sentinel-arm (ARM template), sentinel-yaml (Azure-Sentinel content YAML) or"
              + " defender (Graph detectionRule JSON).")
  ExportFormat as;

  @Option(
      names = "--target",
      paramLabel = "TARGET",
      description =
          "sentinel_asim (default) or azure_monitor for Sentinel; microsoft_xdr for defender.")
  String target;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write one file per rule into DIR (created if absent) instead of printing.")
  Path out;

  @Option(
      names = "--frequency",
      paramLabel = "DUR",
      description = "How often the rule runs (5m, 1h, 1d; default 1h).")
  Duration frequency;

  @Option(
      names = "--period",
      paramLabel = "DUR",
      description =
          "How far back each run looks (Sentinel; default the frequency, or a correlation's"
              + " timespan when longer).")
  Duration period;

  @Option(
      names = "--threshold",
      paramLabel = "N",
      defaultValue = "0",
      description = "Alert when the query returns more than N rows (default: ${DEFAULT-VALUE}).")
  Integer threshold;

  @Option(
      names = "--enable",
      description = "Turn every rule on (default: on for status stable and test only).")
  boolean enable;

  @Option(names = "--single", description = "sentinel-arm: one template deploying every rule.")
  boolean single;

  @Mixin FormatOption output;

  @Mixin PlaceholdersOption placeholders;

  ExportOptions options;
  private int printed;

  @Override
  public void validate() throws UsageException {
    if (target == null) {
      target = as.targets().get(0);
    }
    if (!as.targets().contains(target)) {
      throw new UsageException(
          as.id
              + " takes the target"
              + (as.targets().size() > 1 ? "s " : " ")
              + String.join(", ", as.targets())
              + " (tables the service can query), not '"
              + target
              + "'");
    }
    if (period != null && as == ExportFormat.DEFENDER) {
      throw new UsageException(
          "--period does not apply to defender: a custom detection looks back over a window its"
              + " frequency sets");
    }
    if (single && as != ExportFormat.SENTINEL_ARM) {
      throw new UsageException("--single applies to sentinel-arm only");
    }
    options = new ExportOptions(frequency, period, threshold, enable);
  }

  /** One document of the inputs, with the file it came from. */
  @Override
  public int call(PrintWriter stdout, PrintWriter err) throws Exception {
    Optional<Target> t = TargetCatalog.builtIn(target);
    if (t.isEmpty()) {
      err.println("error: unknown target '" + target + "'");
      return 2;
    }
    Placeholders table = placeholders.load(err);
    if (table == null) {
      return 2;
    }
    RuleInputs.Loaded loaded = RuleInputs.load(inputs, table);
    List<Item> items = loaded.items();
    Map<String, SigmaRule> byReference = loaded.byReference();
    Exporter exporter = new Exporter(as, t.get(), options);
    List<Export> exports =
        items.parallelStream().map(item -> export(exporter, item, byReference)).toList();
    if (out != null) {
      Files.createDirectories(out);
    }
    JsonLines json = new JsonLines(stdout);
    Set<String> used = new HashSet<>();
    int failed = 0;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      Export e = exports.get(i);
      if (!e.ok()) {
        failed++;
      }
      Path written = null;
      if (e.ok() && out != null && !single) {
        written = out.resolve(fileName(item, used));
        Files.writeString(written, e.text(), StandardCharsets.UTF_8);
      }
      report(json, stdout, err, item, e, written);
    }
    if (single) {
      JsonNode all = Exporter.combine(exports);
      if (all != null) {
        String text = ExportWriter.write(as, all);
        if (out != null) {
          Path file = out.resolve("sentinel-rules.json");
          Files.writeString(file, text, StandardCharsets.UTF_8);
          if (output.text()) {
            stdout.println("wrote " + file + " (" + all.path("resources").size() + " rules)");
          }
        } else if (output.text()) {
          stdout.print(text);
        }
      }
    }
    if (failed > 0) {
      err.println(failed + " of " + items.size() + " rules could not be exported as " + as.id);
      return 1;
    }
    return 0;
  }

  private Export export(Exporter exporter, Item item, Map<String, SigmaRule> rules) {
    RuleDocument d = item.document();
    String unusable = item.unusable();
    if (unusable != null) {
      return new Export(
          as,
          d == null ? null : d.meta().id(),
          d == null ? null : d.meta().title(),
          null,
          List.of("rule: " + unusable),
          List.of());
    }
    return exporter.export(d, rules);
  }

  /** The rule file's name with the format's extension; a later clash gets a number. */
  private String fileName(Item item, Set<String> used) {
    String base = item.path().getFileName().toString().replaceFirst("\\.ya?ml$", "");
    if (item.index() > 0) {
      base += "-" + (item.index() + 1);
    }
    String suffix =
        as == ExportFormat.DEFENDER ? ".defender" : as == ExportFormat.SENTINEL_ARM ? ".arm" : "";
    String name = base + suffix + as.extension;
    for (int n = 2; !used.add(name); n++) {
      name = base + "-" + n + suffix + as.extension;
    }
    return name;
  }

  private void report(
      JsonLines json, PrintWriter stdout, PrintWriter err, Item item, Export e, Path written) {
    if (output.jsonl()) {
      json.object(
          g -> {
            JsonLines.rule(g, item.path(), e.id(), e.title());
            g.writeStringField("as", as.id);
            g.writeStringField("target", target);
            g.writeBooleanField("ok", e.ok());
            g.writeStringField("file", written == null ? null : written.toString());
            JsonLines.strings(g, "problems", e.problems());
            if (e.ok() && out == null && !single) {
              g.writeFieldName("document");
              if (as == ExportFormat.SENTINEL_YAML) {
                g.writeString(e.text());
              } else {
                g.writeRawValue(ExportWriter.compact(e.document()));
              }
            }
          });
      return;
    }
    String title = e.title() == null ? "" : " (" + e.title() + ")";
    if (!e.ok()) {
      err.println(item.path() + title + ": cannot be exported as " + as.id + ":");
      for (String p : e.problems()) {
        err.println("  " + p);
      }
      return;
    }
    for (String w : e.warnings()) {
      err.println(item.path() + ": warning: " + w);
    }
    if (written != null) {
      stdout.println(item.path() + " -> " + written);
    } else if (!single) {
      if (printed++ > 0 && as == ExportFormat.SENTINEL_YAML) {
        stdout.println("---");
      }
      stdout.print(e.text());
    }
  }
}
