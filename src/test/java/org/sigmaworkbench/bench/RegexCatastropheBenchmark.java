package org.sigmaworkbench.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * A rule with the catastrophic regex {@code (a+)+$} against 50,000 {@code a}s and a {@code !}: a
 * backtracking engine takes exponential time here; RE2 semantics keep it linear. Reports the time
 * of one match; the baseline beside it is a plain scan of the same value for the {@code !} ({@code
 * String.indexOf}), the least any matcher must do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RegexCatastropheBenchmark {
  private CompiledRule rule;
  private Event event;
  private String value;

  @Setup
  public void setup() {
    rule =
        CompiledRule.compile(
            new RuleLoader()
                .load(
                    "title: t\nlogsource:\n  category: process_creation\ndetection:\n  sel:\n"
                        + "    CommandLine|re: '(a+)+$'\n  condition: sel\n",
                    "t.yml")
                .firstRule()
                .orElseThrow());
    value = "a".repeat(50_000) + "!";
    event =
        new Event(
            "t",
            1,
            FieldSchema.of(List.of("CommandLine"), FieldLayout.NATIVE),
            new String[] {value});
  }

  @Benchmark
  public boolean catastrophicRegex() {
    return rule.matches(event);
  }

  @Benchmark
  public int baselineScanForTheBang() {
    return value.indexOf('!');
  }
}
