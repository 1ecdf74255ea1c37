package org.sigmaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.sigmaworkbench.engine.Hit;
import org.sigmaworkbench.engine.Hunt;
import org.sigmaworkbench.engine.LogRun;
import org.sigmaworkbench.engine.Miss;
import org.sigmaworkbench.engine.RuleFailure;
import org.sigmaworkbench.kql.QueryReach;
import org.sigmaworkbench.kql.Target;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventOrigins;
import org.sigmaworkbench.logs.LogProblem;

/**
 * {@code test}: runs rules over logs and prints the hits. Given several rules (a folder of them),
 * it hunts: one pass over each log for all rules, every core matching, hits grouped by rule.
 */
final class TestCommand implements CliCommand {

  static final CommandSpec SPEC =
      new CommandSpec(
              "test",
              "Run rules over logs and print the hits.",
              "Given several rules (or a folder), all are matched in one pass over each log and"
                  + " the text output groups the hits by rule with counts.")
          .params("RULE_OR_DIR", 1, "Rule files or folders.")
          .values("--logs", "FILE", false, "Log files (needed unless --regression is given).")
          .choice("--format", "text", OutputFormat.NAMES, "text or jsonl.")
          .flag(
              "--explain-misses",
              "Also print every event a rule did not match, with why (jsonl: one object per rule"
                  + " and event, \"hit\": false).")
          .value("--threads", "N", null, "Matching threads (default: one per core).")
          .value(
              "--target",
              "TARGET",
              null,
              "Count only the hits the rule's query for this target can return (sentinel_asim,"
                  + " microsoft_xdr, azure_monitor or a target file); the others are listed as"
                  + " outside the query's reach (jsonl: \"in_reach\": false with \"reach\").")
          .value(
              "--regression",
              "DIR",
              null,
              "Run every rule that has regression data (SigmaHQ's regression_data/.../info.yml)"
                  + " under DIR over its logs and compare the hits with match_count; exit 1 when"
                  + " a count differs.");

  static {
    PlaceholdersOption.declare(SPEC);
  }

  List<Path> inputs;
  List<Path> logs;
  OutputFormat format;
  PlaceholdersOption placeholders;
  boolean explainMisses;
  Integer threads;
  String target;
  Path regression;

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public void set(CommandSpec.Parsed p) throws CommandSpec.UsageException {
    inputs = CommandSpec.Parsed.paths("rule path", p.params());
    logs = CommandSpec.Parsed.paths("log path", p.values("--logs"));
    format = OutputFormat.valueOf(p.value("--format"));
    placeholders = PlaceholdersOption.from(p);
    explainMisses = p.flag("--explain-misses");
    threads = p.integer("--threads");
    target = p.value("--target");
    regression =
        p.value("--regression") == null
            ? null
            : CommandSpec.Parsed.paths("regression folder", List.of(p.value("--regression")))
                .get(0);
    if (logs.isEmpty() && regression == null) {
      throw new CommandSpec.UsageException("missing required argument '--logs=FILE'");
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
    QueryReach reachOrNull = reach;
    JsonLines json = new JsonLines(out);
    boolean hunting = set.rules.size() > 1;
    TextReport text = new TextReport(out, hunting, reach == null ? null : reach.queryName());
    long[] outside = {0};
    int cores = Runtime.getRuntime().availableProcessors();
    Hunt hunt =
        new Hunt(
            set.rules, new Hunt.Options(threads == null ? cores : threads, explainMisses, true));
    int[] failedRules = {0};
    org.sigmaworkbench.engine.CorrelationRun correlation = set.correlations.start(false);
    long[] suppressed = {0};
    Hunt.Result r =
        hunt.run(
            logs,
            new Hunt.Listener() {
              @Override
              public void onEvent(Event event, List<Hit> hits, List<Miss> misses) {
                correlation.addHits(event, hits);
                for (Hit h : hits) {
                  if (!set.correlations.reportsOwnHits(h.rule().rule())) {
                    suppressed[0]++;
                    continue;
                  }
                  String why =
                      reachOrNull == null
                          ? null
                          : reachOrNull.outside(h.rule().rule(), EventOrigins.of(event));
                  if (why != null) {
                    outside[0]++;
                  }
                  if (format == OutputFormat.jsonl) {
                    json.object(
                        g -> {
                          VerdictJson.write(
                              g, set.paths.get(h.rule()), h.rule(), event, h.explanation());
                          if (reachOrNull != null) {
                            g.writeBooleanField("in_reach", why == null);
                            g.writeStringField("reach", why);
                          }
                        });
                  } else {
                    text.hit(h.rule(), event, h.explanation(), why);
                  }
                }
                for (Miss m : misses) {
                  if (format == OutputFormat.jsonl) {
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
              public void onFile(LogRun.Result result) {
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
                failedRules[0]++;
                err.println("error: " + failure.source() + ": " + failure.message());
              }
            });
    text.finish(set.paths);
    List<org.sigmaworkbench.engine.CorrelationHit> correlationHits = correlation.finish();
    for (org.sigmaworkbench.engine.CorrelationHit h : correlationHits) {
      if (format == OutputFormat.jsonl) {
        json.object(g -> CorrelationOutput.json(g, h, set.correlationPaths.get(h.correlation())));
      } else {
        out.println(CorrelationOutput.line(h));
      }
    }
    for (String problem : correlation.problems()) {
      if (!set.correlations.problems().stream().anyMatch(p -> p.describe().equals(problem))) {
        err.println("warning: " + problem);
      }
    }
    out.flush();
    long unreadable = r.files().stream().filter(f -> f.error() != null).count();
    if (format == OutputFormat.text) {
      String beyond =
          reach == null || outside[0] == 0
              ? ""
              : "; " + outside[0] + " more outside the reach of " + reach.queryName();
      if (hunting) {
        long rulesWithHits =
            reach == null
                ? r.rules().stream().filter(h -> h.hits() > 0).count()
                : text.rulesWithHitsInReach();
        long hits = r.rules().stream().mapToLong(Hunt.RuleHits::hits).sum() - outside[0];
        err.println(
            hits
                + " hits by "
                + rulesWithHits
                + " of "
                + set.rules.size()
                + " rules in "
                + r.events()
                + " events ("
                + r.eventsWithHits()
                + " events hit)"
                + beyond);
      } else {
        err.println(
            (r.eventsWithHits() - outside[0]) + " hits in " + r.events() + " events" + beyond);
      }
      if (!set.correlations.isEmpty()) {
        err.println(
            correlationHits.size()
                + (correlationHits.size() == 1 ? " correlation hit" : " correlation hits")
                + " of "
                + set.correlations.rules().size()
                + (set.correlations.rules().size() == 1 ? " correlation" : " correlations")
                + (suppressed[0] > 0
                    ? " (" + suppressed[0] + " hits of correlated rules not listed on their own)"
                    : ""));
      }
    }
    return unreadable > 0 || set.failed > 0 || failedRules[0] > 0 ? 1 : 0;
  }
}
