package org.sigmaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sigmaworkbench.engine.CorrelationHit;
import org.sigmaworkbench.engine.Hit;
import org.sigmaworkbench.engine.Miss;
import org.sigmaworkbench.engine.RuleFailure;
import org.sigmaworkbench.engine.RunWords;
import org.sigmaworkbench.engine.run.LogInput;
import org.sigmaworkbench.engine.run.LogResult;
import org.sigmaworkbench.engine.run.RuleRun;
import org.sigmaworkbench.engine.run.RunEvent;
import org.sigmaworkbench.engine.run.RunListener;
import org.sigmaworkbench.engine.run.RunOptions;
import org.sigmaworkbench.engine.run.RunRequest;
import org.sigmaworkbench.engine.run.RunResult;
import org.sigmaworkbench.kql.QueryReach;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventOrigins;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.threads.DaemonThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code test}: runs rules over logs and prints the hits. Given several rules (a folder of them),
 * it hunts: one pass over each log for all rules, every core matching, hits grouped by rule.
 */
@Command(
    name = "test",
    description = {
      "Run rules over logs and print the hits.",
      "Given several rules (or a folder), all are matched in one pass over each log and the text"
          + " output groups the hits by rule with counts."
    })
final class TestCommand extends RulesCommand {

  @Option(
      names = "--logs",
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "Log files; takes the files up to the next option (needed unless --regression is"
              + " given).")
  List<Path> logs;

  @Mixin FormatOption output;

  @Option(
      names = "--explain-misses",
      description =
          "Also print every event a rule did not match, with why (jsonl: one object per rule"
              + " and event, \"hit\": false).")
  boolean explainMisses;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Matching threads (default: one per core).")
  Integer threads;

  @Option(
      names = "--target",
      paramLabel = "TARGET",
      description =
          "Count only the hits the rule's query for this target can return (sentinel_asim,"
              + " microsoft_xdr, azure_monitor or a target file); the others are listed as"
              + " outside the query's reach (jsonl: \"in_reach\": false with \"reach\").")
  String target;

  @Option(
      names = "--regression",
      paramLabel = "DIR",
      converter = OptionValues.Folder.class,
      description =
          "Run every rule that has regression data (SigmaHQ's regression_data/.../info.yml)"
              + " under DIR over its logs and compare the hits with match_count; exit 1 when a"
              + " count differs.")
  Path regression;

  @Mixin PlaceholdersOption placeholders;

  @Override
  public void validate() throws UsageException {
    if ((logs == null || logs.isEmpty()) && regression == null) {
      throw new UsageException("missing required option '--logs=FILE'");
    }
  }

  @Override
  public int call(PrintWriter out, PrintWriter err) throws Exception {
    var table = placeholders.load(err);
    if (table == null) {
      return 2;
    }
    RuleSet set = RuleSet.load(inputs, table, err);
    if (set.rules.isEmpty()) {
      err.println("error: no usable rule among the inputs");
      return 2;
    }
    if (regression != null) {
      return RegressionReport.run(set.rules, set.paths, regression, out, err);
    }
    if (threads != null && threads < 1) {
      err.println("error: --threads needs at least 1");
      return 2;
    }
    QueryReach reach = null;
    if (target != null) {
      Target t = ConvertCommand.resolveTarget(target, err);
      if (t == null) {
        return 2;
      }
      reach = new QueryReach(t);
    }
    QueryReach queryReach = reach;
    JsonLines json = new JsonLines(out);
    boolean hunting = set.rules.size() > 1;
    String query = reach == null ? null : reach.queryName();
    TextReport text = new TextReport(out, hunting, query);
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    RunRequest request =
        RunRequest.of(
                set.rules,
                LogInput.files(logs),
                RunOptions.onlyHits()
                    .threads(n)
                    .explainMisses(explainMisses)
                    .foldCorrelatedHits(true))
            .withCorrelations(set.correlations)
            .withReach(
                reach == null
                    ? null
                    : (rule, event) -> queryReach.outside(rule.rule(), EventOrigins.of(event)));
    ExecutorService pool =
        n > 1 ? Executors.newFixedThreadPool(n, DaemonThreads.numbered("hunt")) : null;
    RunResult r;
    try {
      r =
          RuleRun.run(
              request,
              new RunListener() {
                @Override
                public void onEvent(RunEvent e) {
                  Event event = e.event();
                  for (int i = 0; i < e.hits().size(); i++) {
                    Hit h = e.hits().get(i);
                    String why = e.outside(i);
                    if (output.jsonl()) {
                      json.object(
                          g -> {
                            VerdictJson.write(
                                g, set.paths.get(h.rule()), h.rule(), event, h.explanation());
                            if (queryReach != null) {
                              g.writeBooleanField("in_reach", why == null);
                              g.writeStringField("reach", why);
                            }
                          });
                    } else {
                      text.hit(h.rule(), event, h.explanation(), why);
                    }
                  }
                  for (Miss m : e.misses()) {
                    if (output.jsonl()) {
                      json.object(
                          g ->
                              VerdictJson.write(
                                  g, set.paths.get(m.rule()), m.rule(), event, m.explanation()));
                    } else {
                      text.miss(m.rule(), event, m.explanation());
                    }
                  }
                }

                @Override
                public void onLog(LogResult result) {
                  if (result.error() != null) {
                    err.println("error: " + result.error());
                    return;
                  }
                  for (LogProblem p : result.problems()) {
                    err.println("warning: " + p.describe());
                  }
                }

                @Override
                public void onRuleFailure(RuleFailure failure) {
                  err.println("error: " + failure.source() + ": " + failure.message());
                }
              },
              pool == null ? Runnable::run : pool);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    text.finish(set.paths);
    for (CorrelationHit h : r.correlationHits()) {
      if (output.jsonl()) {
        json.object(g -> CorrelationOutput.json(g, h, set.correlationPaths.get(h.correlation())));
      } else {
        out.println(CorrelationOutput.line(h));
      }
    }
    for (String problem : r.correlationProblems()) {
      if (!set.correlations.problems().stream().anyMatch(p -> p.describe().equals(problem))) {
        err.println("warning: " + problem);
      }
    }
    out.flush();
    long unreadable = r.unreadable();
    if (output.text()) {
      if (hunting) {
        long rulesWithHits =
            r.rules().stream()
                .filter(h -> queryReach == null ? h.hits() > 0 : h.listedInReach() > 0)
                .count();
        err.println(
            RunWords.hunt(
                r.hitsInReach(),
                rulesWithHits,
                set.rules.size(),
                r.events(),
                r.eventsWithHits(),
                r.outside(),
                query));
      } else {
        err.println(
            RunWords.hitsIn(
                r.eventsWithHits() - r.outside(), r.events(), null, r.outside(), query));
      }
      if (!set.correlations.isEmpty()) {
        err.println(
            RunWords.correlations(
                r.correlationHits().size(), set.correlations.rules().size(), r.folded()));
      }
    }
    return unreadable > 0 || set.failed > 0 || !r.failures().isEmpty() ? 1 : 0;
  }
}
