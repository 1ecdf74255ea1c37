package org.sigmaworkbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Exports every rule of the SigmaHQ corpus in every format, for every target its service can query,
 * and checks each document written: read back from its text it passes the service's checks again,
 * its query is the converter's, and a rule the converter can write is refused only for a reason the
 * service has (its techniques without a tactic). Counts are printed for the record.
 */
class ExportCorpusTest {

  private static final List<String> FOLDERS =
      List.of(
          "rules",
          "rules-emerging-threats",
          "rules-threat-hunting",
          "rules-placeholder",
          "rules-compliance");

  private static List<RuleFile> files;
  private static Map<String, SigmaRule> byReference;

  @BeforeAll
  static void load() throws IOException {
    Path root = TestFiles.corpus("sigma-rules");
    List<Path> paths = new ArrayList<>();
    for (String folder : FOLDERS) {
      try (Stream<Path> s = Files.walk(root.resolve(folder))) {
        s.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(paths::add);
      }
    }
    RuleLoader loader = new RuleLoader();
    files = paths.parallelStream().map(loader::load).toList();
    byReference = new HashMap<>();
    for (RuleFile f : files) {
      for (SigmaRule r : f.rules()) {
        if (r.id() != null) {
          byReference.putIfAbsent(r.id(), r);
        }
        if (r.meta().name() != null) {
          byReference.putIfAbsent(r.meta().name(), r);
        }
      }
    }
  }

  @Test
  void everyRuleIsExportedInEveryFormatOrRefusedForAServiceReason() {
    ObjectMapper json = new ObjectMapper();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ExportValidator validator = new ExportValidator();
    Map<String, String> counts = new TreeMap<>();
    for (ExportFormat format : ExportFormat.values()) {
      for (String targetName : format.targets()) {
        Target target = TargetCatalog.get(targetName);
        Exporter exporter = new Exporter(format, target, ExportOptions.DEFAULT);
        KqlWriter writer = new KqlWriter(target);
        AtomicInteger rules = new AtomicInteger();
        AtomicInteger exported = new AtomicInteger();
        AtomicInteger unconverted = new AtomicInteger();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        files.parallelStream()
            .flatMap(f -> f.documents().stream())
            .filter(d -> d instanceof SigmaRule || d instanceof CorrelationRule)
            .filter(d -> !d.hasErrors())
            .forEach(
                d -> {
                  rules.incrementAndGet();
                  KqlResult kql = write(writer, d);
                  Export e = exporter.export(d, kql);
                  if (!kql.ok()) {
                    unconverted.incrementAndGet();
                    assertThat(e.ok()).isFalse();
                    return;
                  }
                  if (!e.ok()) {
                    for (String p : e.problems()) {
                      String reason = reason(p);
                      refusals.merge(reason, 1, Integer::sum);
                      if (!expectedRefusal(format, d, p)) {
                        unexpected.add(d.meta().title() + ": " + p);
                      }
                    }
                    return;
                  }
                  exported.incrementAndGet();
                  try {
                    String text = e.text();
                    JsonNode back =
                        format == ExportFormat.SENTINEL_YAML
                            ? yaml.readTree(text)
                            : json.readTree(text);
                    assertThat(back).isEqualTo(e.document());
                    Set<String> columns = columns(target, kql, d);
                    assertThat(validator.validate(format, back, columns)).isEmpty();
                    assertThat(query(format, back)).isEqualTo(kql.query());
                  } catch (IOException ex) {
                    throw new AssertionError(ex);
                  }
                });
        counts.put(
            format + " / " + targetName,
            rules
                + " rules: "
                + exported
                + " exported, "
                + unconverted
                + " not convertible for the target, refused "
                + refusals);
        assertThat(unexpected).as(format + " " + targetName).isEmpty();
        assertThat(exported.get()).isGreaterThan(rules.get() / 4);
      }
    }
    counts.forEach((k, v) -> System.out.println("export corpus: " + k + ": " + v));
  }

  private static KqlResult write(KqlWriter writer, RuleDocument d) {
    return d instanceof CorrelationRule c
        ? writer.write(c, byReference)
        : writer.write((SigmaRule) d);
  }

  private static Set<String> columns(Target target, KqlResult kql, RuleDocument d) {
    if (d instanceof CorrelationRule || (d instanceof SigmaRule r && r.aggregation() != null)) {
      return Set.of();
    }
    return target.tables().stream()
        .filter(t -> t.name().equals(kql.table()))
        .findFirst()
        .orElseThrow()
        .columns()
        .keySet();
  }

  private static String query(ExportFormat format, JsonNode doc) {
    return switch (format) {
      case SENTINEL_ARM -> doc.path("resources").get(0).path("properties").path("query").asText();
      case SENTINEL_YAML -> doc.path("query").asText();
      case DEFENDER -> doc.path("queryCondition").path("queryText").asText();
    };
  }

  /** The field and the first words of a problem, to count refusals by kind. */
  private static String reason(String problem) {
    int colon = problem.indexOf(": ");
    String rest = problem.substring(colon + 2).replaceAll("[0-9]+", "N");
    String[] words = rest.split(" ");
    return problem.substring(0, colon).replaceAll("\\[[0-9]+\\]", "[]")
        + ": "
        + String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(4, words.length)));
  }

  /** Refusals the services make of rules the converter writes. */
  private static boolean expectedRefusal(ExportFormat format, RuleDocument d, String problem) {
    if (problem.contains("techniques need a tactic")) {
      return format.sentinel();
    }
    if (format == ExportFormat.DEFENDER
        && problem.startsWith("queryCondition.queryText: the query does not return")) {
      return d instanceof CorrelationRule || (d instanceof SigmaRule r && r.aggregation() != null);
    }
    return problem.contains("characters, more than the");
  }
}
