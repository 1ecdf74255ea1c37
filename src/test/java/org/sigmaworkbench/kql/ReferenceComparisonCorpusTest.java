package org.sigmaworkbench.kql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Compares this converter with the reference converter (pySigma with its Kusto backend) on the rule
 * corpus, for every target: at least as many rules convert, and every rule both convert to
 * different text is listed in {@code reference-differences.tsv} with the categories that explain
 * the difference (defined in {@code reference-difference-categories.tsv}): the two mean the same,
 * or the reference is wrong in a named way. A new or changed difference fails the test until it is
 * classified. Run with {@code -Dsigmawb.writeReferenceDifferences=FILE} to write the current
 * classification (manual entries are kept) for review.
 */
class ReferenceComparisonCorpusTest {

  static final List<String> FOLDERS =
      List.of(
          "rules",
          "rules-emerging-threats",
          "rules-threat-hunting",
          "rules-placeholder",
          "rules-compliance");

  private static final String DIFFERENCES = "reference-differences.tsv";
  private static final String CATEGORIES = "reference-difference-categories.tsv";

  /** A rule file of the corpus, relative to its root, with its first detection rule. */
  private record CorpusRule(String path, SigmaRule rule) {}

  /** One line of the classification file. */
  record Entry(
      String target, String path, Set<String> categories, String fingerprint, String note) {}

  private static List<CorpusRule> corpus;

  @BeforeAll
  static void load() throws IOException {
    Path root = TestFiles.corpus("sigma-rules");
    List<Path> files = new ArrayList<>();
    for (String folder : FOLDERS) {
      try (Stream<Path> s = Files.walk(root.resolve(folder))) {
        s.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(files::add);
      }
    }
    RuleLoader loader = new RuleLoader();
    corpus =
        files.parallelStream()
            .map(
                p -> {
                  RuleFile f = loader.load(p);
                  String rel = root.relativize(p).toString().replace('\\', '/');
                  SigmaRule r = f.fileProblems().isEmpty() ? f.firstRule().orElse(null) : null;
                  return new CorpusRule(rel, r);
                })
            .toList();
  }

  /** Path to the reference's query, for rules it converted. */
  static Map<String, String> reference(String target) throws IOException {
    Path file = TestFiles.shared("reference/kql-pysigma/" + target + ".jsonl.gz");
    Map<String, String> out = new LinkedHashMap<>();
    JsonFactory json = new JsonFactory();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String path = null;
        String query = null;
        boolean success = false;
        try (JsonParser p = json.createParser(line)) {
          p.nextToken();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken t = p.nextToken();
            switch (k) {
              case "path" -> path = p.getText();
              case "query" -> query = t == JsonToken.VALUE_NULL ? null : p.getText();
              case "success" -> success = t == JsonToken.VALUE_TRUE;
              default -> p.skipChildren();
            }
          }
        }
        if (success && query != null) {
          out.put(path, query);
        }
      }
    }
    return out;
  }

  /** Path to our query, for rules we converted. */
  private static Map<String, String> ours(String target) {
    KqlWriter writer = new KqlWriter(TargetCatalog.get(target));
    Map<String, String> out = new TreeMap<>();
    corpus.parallelStream()
        .forEach(
            c -> {
              if (c.rule() != null && !c.rule().hasErrors()) {
                KqlResult r = writer.write(c.rule());
                if (r.ok()) {
                  synchronized (out) {
                    out.put(c.path(), r.query());
                  }
                }
              }
            });
    return out;
  }

  static String fingerprint(String reference, String ours) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] h = d.digest((reference + "\u0000" + ours).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Entry> entries(String resource) throws IOException {
    Map<String, Entry> out = new LinkedHashMap<>();
    try (InputStream in = ReferenceComparisonCorpusTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        return out;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        out.put(
            f[0] + "\t" + f[1],
            new Entry(
                f[0],
                f[1],
                new TreeSet<>(List.of(f[2].split(","))),
                f.length > 3 ? f[3] : "",
                f.length > 4 ? f[4] : ""));
      }
    }
    return out;
  }

  static Map<String, String> categories() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = ReferenceComparisonCorpusTest.class.getResourceAsStream(CATEGORIES)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        out.put(f[0], f[1]);
      }
    }
    return out;
  }

  /** The reference's count for each target, from its README, for the record. */
  private static final Map<String, Integer> REFERENCE_COUNTS =
      Map.of("sentinel_asim", 1675, "microsoft_xdr", 2318, "azure_monitor", 1321);

  @ParameterizedTest
  @ValueSource(strings = {"sentinel_asim", "microsoft_xdr", "azure_monitor"})
  void atLeastAsManyRulesConvertAsWithTheReference(String target) throws IOException {
    Map<String, String> ref = reference(target);
    assertThat(ref).hasSize(REFERENCE_COUNTS.get(target));
    assertThat(ours(target).size())
        .as("rules converted for %s", target)
        .isGreaterThanOrEqualTo(ref.size());
  }

  @Test
  void everyDifferenceFromTheReferenceIsClassified() throws IOException {
    Map<String, Entry> listed = entries(DIFFERENCES);
    Map<String, String> defined = categories();
    Map<String, Entry> computed = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String target : List.of("sentinel_asim", "microsoft_xdr", "azure_monitor")) {
      Map<String, String> ref = reference(target);
      Map<String, String> ours = ours(target);
      for (Map.Entry<String, String> e : ref.entrySet()) {
        String our = ours.get(e.getKey());
        if (our == null || our.equals(e.getValue())) {
          continue;
        }
        String key = target + "\t" + e.getKey();
        ReferenceDifferences.Result r = ReferenceDifferences.classify(target, e.getValue(), our);
        String print = fingerprint(e.getValue(), our);
        Entry entry = listed.get(key);
        if (r.explained()) {
          computed.put(key, new Entry(target, e.getKey(), r.categories(), "", ""));
          if (entry == null || !entry.categories().equals(r.categories())) {
            problems.add(
                key
                    + ": classified as "
                    + r.categories()
                    + ", listed as "
                    + (entry == null ? "nothing" : entry.categories()));
          }
        } else {
          boolean manual =
              entry != null
                  && entry.fingerprint().equals(print)
                  && !entry.categories().contains("unexplained");
          computed.put(
              key, manual ? entry : new Entry(target, e.getKey(), r.categories(), print, ""));
          if (!manual) {
            problems.add(
                key + ": unexplained difference (fingerprint " + print + ")\n  " + r.residue());
          }
        }
      }
    }
    for (String key : listed.keySet()) {
      if (!computed.containsKey(key)) {
        problems.add(
            key + ": listed, but the queries no longer differ (or one no longer converts)");
      }
    }
    for (Entry e : computed.values()) {
      for (String c : e.categories()) {
        if (!c.equals("unexplained") && !defined.containsKey(c)) {
          problems.add(
              e.target()
                  + "\t"
                  + e.path()
                  + ": category '"
                  + c
                  + "' is not defined in "
                  + CATEGORIES);
        }
      }
    }
    String out = System.getProperty("sigmawb.writeReferenceDifferences");
    if (out != null) {
      write(Path.of(out), computed);
      Files.writeString(Path.of(out + ".problems.txt"), String.join("\n\n", problems) + "\n");
    }
    assertThat(problems).as("differences from the reference").isEmpty();
  }

  private static void write(Path file, Map<String, Entry> entries) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append(
        "# Every corpus rule that this converter and the reference converter both convert to different"
            + " text, with the\n"
            + "# categories that explain the difference (reference-difference-categories.tsv). Written by"
            + " ReferenceComparisonCorpusTest\n"
            + "# (-Dsigmawb.writeReferenceDifferences=FILE). A line with a fingerprint (of both queries)"
            + " was classified by hand;\n"
            + "# its note says why.\n");
    b.append("# target\tpath\tcategories\tfingerprint\tnote\n");
    for (Entry e : entries.values()) {
      b.append(e.target())
          .append('\t')
          .append(e.path())
          .append('\t')
          .append(String.join(",", e.categories()))
          .append('\t')
          .append(e.fingerprint())
          .append('\t')
          .append(e.note())
          .append('\n');
    }
    Files.writeString(file, b.toString());
  }
}
