package org.sigmaworkbench.engine.run;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.Hit;
import org.sigmaworkbench.logs.Event;

/** For tests: rules over one log through {@link RuleRun}, every event, on the calling thread. */
public final class OneLog {
  private OneLog() {}

  /** Every event of {@code log} with the hits of {@code rules}; the log's result. */
  public static LogResult run(
      Path log, List<CompiledRule> rules, BiConsumer<Event, List<Hit>> each) {
    RunResult r =
        RuleRun.run(
            RunRequest.of(rules, List.of(LogInput.file(log)), RunOptions.allEvents()),
            e -> each.accept(e.event(), e.hits()),
            Runnable::run);
    return r.logs().get(0);
  }
}
