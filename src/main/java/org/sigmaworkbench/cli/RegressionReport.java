package org.sigmaworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.authoring.RegressionRunner;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.RunWords;

/** {@code test --regression DIR}: each rule with regression data, its logs, expected and found. */
final class RegressionReport {
  private RegressionReport() {}

  /** Prints per rule and log; 0 when all pass, 1 when a count differs, 2 when nothing to run. */
  static int run(
      List<CompiledRule> rules,
      Map<CompiledRule, Path> paths,
      Path dir,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      err.println("error: regression folder '" + dir + "' is not a folder");
      return 2;
    }
    List<RegressionRunner.RuleResult> results = RegressionRunner.runAll(rules, dir);
    if (results.isEmpty()) {
      err.println(
          "error: none of the "
              + rules.size()
              + " rules has regression data under "
              + dir
              + " (info.yml naming its id)");
      return 2;
    }
    int passed = 0;
    for (RegressionRunner.RuleResult r : results) {
      boolean ok = r.passed();
      if (ok) {
        passed++;
      }
      out.println(
          (ok ? "PASS " : "FAIL ")
              + paths.get(r.rule())
              + " ("
              + r.rule().rule().meta().id()
              + ")");
      for (RegressionRunner.LogResult l : r.logs()) {
        out.println(
            "    " + (l.passed() ? "ok   " : "DIFF ") + shown(l, dir) + ": " + l.describe());
      }
    }
    int failed = results.size() - passed;
    out.println(
        RunWords.count(results.size(), "rule")
            + " with regression data: "
            + passed
            + " passed, "
            + failed
            + " failed; "
            + (rules.size() - results.size())
            + " without regression data");
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  /** The log as info.yml names it. */
  private static String shown(RegressionRunner.LogResult l, Path dir) {
    Path f = l.test().file();
    if (f == null) {
      return l.test().path();
    }
    Path base = dir.toAbsolutePath();
    Path abs = f.toAbsolutePath();
    return abs.startsWith(base) ? base.relativize(abs).toString() : f.toString();
  }
}
