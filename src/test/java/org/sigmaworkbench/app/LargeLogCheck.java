package org.sigmaworkbench.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.run.LogInput;
import org.sigmaworkbench.engine.run.RuleRun;
import org.sigmaworkbench.engine.run.RunRequest;
import org.sigmaworkbench.engine.run.RunResult;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Runs the test pane's work on a large log without a window, as the app does: the first read with
 * the headline rule, then a second run as after an edit of the rule. Prints events, hits, rows
 * kept, times and the peak heap. Used by {@code .ci/bench-memory} (with -Xmx512m); not a unit test.
 */
public final class LargeLogCheck {
  private LargeLogCheck() {}

  public static void main(String[] args) throws Exception {
    Path log = Path.of(args[0]);
    Path ruleFile =
        Path.of(
            args.length > 1
                ? args[1]
                : "src/main/resources/org/sigmaworkbench/rules/proc_creation_win_powershell_export_certificate.yml");
    CompiledRule rule =
        CompiledRule.compile(new RuleLoader().load(ruleFile).firstRule().orElseThrow());
    System.out.printf(
        "log: %s (%,d bytes), max heap %,d MB%n",
        log, Files.size(log), Runtime.getRuntime().maxMemory() >> 20);
    long t0 = System.nanoTime();
    Pass first = run(rule, List.of(LogInput.file(log)));
    long t1 = System.nanoTime();
    report("first read", first, t1 - t0);
    Pass second = run(null, again(first));
    long t2 = System.nanoTime();
    report("second run (rule edited to one with errors: rows only)", second, t2 - t1);
    Pass third = run(rule, again(second));
    report("third run (the rule again)", third, System.nanoTime() - t2);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("peak heap used (sum of pool peaks): %,d MB%n", peak >> 20);
  }

  /** A run of the pane and the number of rows it gave. */
  private record Pass(RunResult result, long rows) {}

  private static Pass run(CompiledRule rule, List<LogInput> logs) {
    long[] rows = {0};
    RunResult r =
        RuleRun.run(
            RunRequest.of(
                rule == null ? List.of() : List.of(rule), logs, WorkbenchModel.RUN_OPTIONS),
            e -> rows[0]++,
            Runnable::run);
    return new Pass(r, rows[0]);
  }

  /** The logs of a run, as the pane gives them to the next: kept events, or the file again. */
  private static List<LogInput> again(Pass p) {
    return p.result().logs().stream()
        .map(
            l ->
                l.kept() != null
                    ? LogInput.events(l.input().path(), l.input().options(), l.kept())
                    : l.input().events() != null
                        ? l.input()
                        : LogInput.file(l.input().path(), l.input().options()))
        .toList();
  }

  private static void report(String what, Pass p, long nanos) {
    RunResult r = p.result();
    System.out.printf(
        "%s: %,d events, %,d hits, %,d rows kept, %s, cached in memory: %s, %.1f s%n",
        what,
        r.events(),
        r.eventsWithHits(),
        p.rows(),
        r.truncated() ? "truncated" : "all shown",
        r.logs().isEmpty()
            ? "-"
            : r.logs().get(0).kept() != null || r.logs().get(0).input().events() != null,
        nanos / 1e9);
  }
}
