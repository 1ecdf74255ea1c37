package org.sigmaworkbench.authoring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.run.LogInput;
import org.sigmaworkbench.engine.run.RuleRun;
import org.sigmaworkbench.engine.run.RunListener;
import org.sigmaworkbench.engine.run.RunOptions;
import org.sigmaworkbench.engine.run.RunRequest;
import org.sigmaworkbench.engine.run.RunResult;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * Runs each rule that has regression data over its logs and compares the hits with what info.yml
 * expects: a log with {@code match_count} passes when the rule hits exactly that many events; a log
 * without one passes when the rule hits at least one.
 */
public final class RegressionRunner {
  private RegressionRunner() {}

  /**
   * One log's outcome.
   *
   * @param test the log test of info.yml
   * @param found the events the rule hit, or -1 when the log could not be read
   * @param problem why the log could not be read, or {@code null}
   */
  public record LogResult(RegressionData.LogTest test, long found, String problem) {
    public boolean passed() {
      if (problem != null || found < 0) {
        return false;
      }
      return test.matchCount() == null ? found >= 1 : found == test.matchCount();
    }

    /** "expected 2, found 1" (or "expected at least 1"). */
    public String describe() {
      String expected =
          test.matchCount() == null ? "expected at least 1" : "expected " + test.matchCount();
      return problem != null ? expected + ", " + problem : expected + ", found " + found;
    }
  }

  /**
   * One rule's outcome.
   *
   * @param rule the rule
   * @param info the info.yml that names it
   * @param logs each log's outcome
   */
  public record RuleResult(CompiledRule rule, RegressionData.Info info, List<LogResult> logs) {
    public boolean passed() {
      return !logs.isEmpty() && logs.stream().allMatch(LogResult::passed);
    }
  }

  /**
   * The regression data of each rule, by the rule's id; rules without an id or without data are
   * left out.
   */
  public static Map<CompiledRule, RegressionData.Info> match(
      List<CompiledRule> rules, List<RegressionData.Info> infos) {
    Map<String, RegressionData.Info> byId = new LinkedHashMap<>();
    for (RegressionData.Info i : infos) {
      for (String id : i.ruleIds()) {
        byId.putIfAbsent(id.toLowerCase(java.util.Locale.ROOT), i);
      }
    }
    Map<CompiledRule, RegressionData.Info> out = new LinkedHashMap<>();
    for (CompiledRule r : rules) {
      SigmaRule rule = r.rule();
      String id = rule.meta().id();
      if (id != null && byId.containsKey(id.toLowerCase(java.util.Locale.ROOT))) {
        out.put(r, byId.get(id.toLowerCase(java.util.Locale.ROOT)));
      }
    }
    return out;
  }

  /**
   * How many events of {@code log} the rule hits: a hits-only run, which may pass over records that
   * cannot hit. A log that cannot be read is an {@link IOException} naming it.
   */
  public static long hits(CompiledRule rule, Path log) throws IOException {
    RunResult r =
        RuleRun.run(
            RunRequest.of(List.of(rule), List.of(LogInput.file(log)), RunOptions.onlyHits()),
            RunListener.none(),
            Runnable::run);
    String error = r.logs().get(0).error();
    if (error != null) {
      throw new IOException(error);
    }
    return r.rules().stream().filter(h -> h.rule() == rule).mapToLong(h -> h.hits()).sum();
  }

  /** Runs one rule over the logs of its info.yml. */
  public static RuleResult run(CompiledRule rule, RegressionData.Info info) {
    List<LogResult> logs = new ArrayList<>();
    for (RegressionData.LogTest t : info.tests()) {
      if (t.file() == null) {
        logs.add(new LogResult(t, -1, "log not found: " + t.path()));
        continue;
      }
      String error = null;
      long hits = -1;
      try {
        hits = hits(rule, t.file());
      } catch (IOException e) {
        error = e.getMessage();
      }
      logs.add(new LogResult(t, hits, error));
    }
    return new RuleResult(rule, info, logs);
  }

  /** Runs every rule that has regression data under {@code dir}. */
  public static List<RuleResult> runAll(List<CompiledRule> rules, Path dir) throws IOException {
    List<RuleResult> out = new ArrayList<>();
    for (Map.Entry<CompiledRule, RegressionData.Info> e :
        match(rules, RegressionData.scan(dir)).entrySet()) {
      out.add(run(e.getKey(), e.getValue()));
    }
    return out;
  }
}
