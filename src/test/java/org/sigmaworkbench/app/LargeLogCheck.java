package org.sigmaworkbench.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sigmaworkbench.engine.CompiledRule;
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
    TestRun.Result first =
        TestRun.run(rule, List.of(), List.of(PendingLog.auto(log)), p -> {}, () -> false);
    long t1 = System.nanoTime();
    report("first read", first, t1 - t0);
    TestRun.Result second = TestRun.run(null, first.logs(), List.of(), p -> {}, () -> false);
    long t2 = System.nanoTime();
    report("second run (rule edited to one with errors: rows only)", second, t2 - t1);
    TestRun.Result third = TestRun.run(rule, second.logs(), List.of(), p -> {}, () -> false);
    report("third run (the rule again)", third, System.nanoTime() - t2);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("peak heap used (sum of pool peaks): %,d MB%n", peak >> 20);
  }

  private static void report(String what, TestRun.Result r, long nanos) {
    System.out.printf(
        "%s: %,d events, %,d hits, %,d rows kept, %s, cached in memory: %s, %.1f s%n",
        what,
        r.events(),
        r.hits(),
        r.rows().size(),
        r.truncated() ? "truncated" : "all shown",
        r.logs().isEmpty() ? "-" : r.logs().get(0).cached() != null,
        nanos / 1e9);
  }
}
