package org.sigmaworkbench.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.rule.DetectionItem;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * The bundled {@code vocabulary.tsv} is counted from the SigmaHQ rule corpus ({@code rules*}
 * folders): logsource values used by at least {@value #MIN_RULES} rules, and per logsource the
 * {@value #FIELDS_PER_LOGSOURCE} fields most used. This test counts again and compares; with {@code
 * -Dsigmawb.regenerate=true} it writes the file.
 */
class VocabularyResourceTest {

  static final int MIN_RULES = 2;
  static final int FIELDS_PER_LOGSOURCE = 60;
  static final Path RESOURCE =
      Path.of("src/main/resources/org/sigmaworkbench/authoring/" + Vocabulary.RESOURCE);

  static String generate(Path corpus) throws IOException {
    Map<String, Map<String, Integer>> values = new TreeMap<>();
    Map<String, Map<String, Integer>> fields = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(corpus)) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("rules")).toList()) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.filter(p -> p.toString().endsWith(".yml")).forEach(files::add);
        }
      }
    }
    files.sort(Comparator.naturalOrder());
    RuleLoader loader = new RuleLoader();
    for (Path f : files) {
      for (RuleDocument d : loader.load(f).documents()) {
        if (!(d instanceof SigmaRule r)) {
          continue;
        }
        LogSource ls = r.logsource();
        count(values, "product", ls.product());
        count(values, "category", ls.category());
        count(values, "service", ls.service());
        String key = Vocabulary.logsourceKey(ls);
        if (key.isEmpty()) {
          continue;
        }
        Set<String> seen = new HashSet<>();
        for (DetectionItem item : r.source().detectionItems()) {
          if (item.field() != null && seen.add(item.field())) {
            count(fields, key, item.field());
          }
        }
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("# Counted from the SigmaHQ rules (rules* folders) by VocabularyResourceTest;")
        .append(" do not edit.\n");
    for (Map.Entry<String, Map<String, Integer>> e : values.entrySet()) {
      for (Map.Entry<String, Integer> v : sorted(e.getValue())) {
        if (v.getValue() >= MIN_RULES) {
          out.append(e.getKey()).append('\t').append(v.getKey()).append('\t').append(v.getValue());
          out.append('\n');
        }
      }
    }
    for (Map.Entry<String, Map<String, Integer>> e : fields.entrySet()) {
      int n = 0;
      for (Map.Entry<String, Integer> v : sorted(e.getValue())) {
        if (v.getValue() < MIN_RULES || n++ >= FIELDS_PER_LOGSOURCE) {
          break;
        }
        out.append("field\t")
            .append(e.getKey())
            .append('\t')
            .append(v.getKey())
            .append('\t')
            .append(v.getValue())
            .append('\n');
      }
    }
    return out.toString();
  }

  private static void count(Map<String, Map<String, Integer>> m, String key, String value) {
    if (value != null && !value.isBlank() && value.indexOf('\t') < 0) {
      m.computeIfAbsent(key, k -> new HashMap<>()).merge(value, 1, Integer::sum);
    }
  }

  private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> m) {
    List<Map.Entry<String, Integer>> l = new ArrayList<>(m.entrySet());
    l.sort(
        Map.Entry.<String, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    return l;
  }

  @Test
  void bundledVocabularyIsCountedFromTheCorpus() throws IOException {
    Path corpus = TestFiles.corpus("sigma-rules");
    String generated = generate(corpus);
    if (Boolean.getBoolean("sigmawb.regenerate")) {
      Files.writeString(RESOURCE, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(RESOURCE, StandardCharsets.UTF_8))
        .as("regenerate with -Dsigmawb.regenerate=true")
        .isEqualTo(generated);
  }

  @Test
  void bundledVocabularyKnowsTheCommonWords() {
    Vocabulary v = Vocabulary.bundled();
    assertThat(v.logsourceValues("product"))
        .extracting(Vocabulary.Count::value)
        .contains("windows");
    assertThat(v.fields(new LogSource("process_creation", "windows", null, null)))
        .extracting(Vocabulary.Count::value)
        .contains("CommandLine", "Image");
  }
}
