package org.sigmaworkbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.lint.Linter;
import org.sigmaworkbench.rule.yaml.RuleLoader;
import org.sigmaworkbench.rule.yaml.SigmaYaml;

/**
 * Loading the SigmaHQ corpus: the 3780 rules of rules, rules-emerging-threats,
 * rules-threat-hunting, rules-placeholder and rules-compliance, read into memory first. Reports
 * rules per second on one thread for the full load (YAML, metadata, modifiers, condition), for load
 * plus lint, and for the baseline beside them: composing the YAML node tree alone, the part of
 * loading no rule reader can avoid.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleLoadBenchmark {

  static final List<String> FOLDERS =
      List.of(
          "rules",
          "rules-emerging-threats",
          "rules-threat-hunting",
          "rules-placeholder",
          "rules-compliance");

  static final int RULES = 3780;

  private String[] texts;
  private String[] names;
  private final RuleLoader loader = new RuleLoader();
  private final Linter linter = new Linter();

  @Setup
  public void setup() throws IOException {
    Path root = TestFiles.corpus("sigma-rules");
    List<Path> files = new ArrayList<>();
    for (String folder : FOLDERS) {
      try (Stream<Path> s = Files.walk(root.resolve(folder))) {
        s.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(files::add);
      }
    }
    if (files.size() != RULES) {
      throw new IllegalStateException("expected " + RULES + " rules, found " + files.size());
    }
    texts = new String[files.size()];
    names = new String[files.size()];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = Files.readString(files.get(i), StandardCharsets.UTF_8);
      names[i] = files.get(i).toString();
    }
  }

  @Benchmark
  @OperationsPerInvocation(RULES)
  public int load() {
    int usable = 0;
    for (int i = 0; i < texts.length; i++) {
      if (!loader.load(texts[i], names[i]).hasErrors()) {
        usable++;
      }
    }
    return usable;
  }

  @Benchmark
  @OperationsPerInvocation(RULES)
  public int loadAndLint() {
    int warnings = 0;
    for (int i = 0; i < texts.length; i++) {
      RuleFile f = loader.load(texts[i], names[i]);
      warnings += linter.lint(f).size();
    }
    return warnings;
  }

  @Benchmark
  @OperationsPerInvocation(RULES)
  public int baselineComposeYamlOnly() {
    int nodes = 0;
    for (String text : texts) {
      nodes += SigmaYaml.compose(text).nodes().size();
    }
    return nodes;
  }
}
