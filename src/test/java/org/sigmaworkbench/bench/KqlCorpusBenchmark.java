package org.sigmaworkbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * KQL for the whole rule corpus (the five folders the reference converter was run on, 3780 rules)
 * on one thread, for one target: milliseconds per pass. The baseline beside it loads and normalizes
 * the same rule texts ({@code RuleLoader}), the step every conversion starts with, so the ratio
 * says what writing KQL adds to reading a rule.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KqlCorpusBenchmark {

  @Param({"sentinel_asim", "microsoft_xdr", "azure_monitor"})
  public String target;

  private final List<String> texts = new ArrayList<>();
  private final List<SigmaRule> rules = new ArrayList<>();
  private KqlWriter writer;

  @Setup
  public void setup() throws IOException {
    Path root = TestFiles.corpus("sigma-rules");
    for (String folder :
        List.of(
            "rules",
            "rules-emerging-threats",
            "rules-threat-hunting",
            "rules-placeholder",
            "rules-compliance")) {
      try (Stream<Path> s = Files.walk(root.resolve(folder))) {
        for (Path p : s.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
          texts.add(Files.readString(p));
        }
      }
    }
    RuleLoader loader = new RuleLoader();
    for (String t : texts) {
      loader.load(t, "r.yml").firstRule().ifPresent(rules::add);
    }
    writer = new KqlWriter(TargetCatalog.get(target));
  }

  @Benchmark
  public int writeKql() {
    int ok = 0;
    for (SigmaRule r : rules) {
      KqlResult k = writer.write(r);
      if (k.ok()) {
        ok++;
      }
    }
    return ok;
  }

  @Benchmark
  public int baselineLoadRules() {
    RuleLoader loader = new RuleLoader();
    int n = 0;
    for (String t : texts) {
      if (loader.load(t, "r.yml").firstRule().isPresent()) {
        n++;
      }
    }
    return n;
  }
}
