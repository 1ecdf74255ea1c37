package org.sigmaworkbench.engine.run;

import java.util.function.Consumer;

/**
 * How to run. Start from {@link #onlyHits()} or {@link #allEvents()} and change what differs.
 *
 * @param everyEvent give the listener every event (within {@code maxEvents}), not only those with
 *     hits. Without it, readers may pass over records that hold none of the text the rules need:
 *     they are counted as events, never built.
 * @param explainMisses give the listener, for each event, every rule that did not match it and why
 *     (every record is built)
 * @param threads matching threads: 1 matches on the run's thread; more submit batches of events to
 *     the run's executor
 * @param maxEvents events without hits given to the listener (every event mode); the others are
 *     counted and the run says it is {@linkplain RunResult#truncated() truncated}. Past them,
 *     readers may pass over records as in hits-only mode.
 * @param maxHits events with hits given to the listener; the others are counted (truncated)
 * @param keepBytes files of at most this many bytes keep their events in {@link LogResult#kept()}
 *     (0: none), to be run again without reading them ({@link LogInput#events})
 * @param keepEvents ... and of at most this many events
 * @param foldCorrelatedHits hits of a rule that a correlation names without {@code generate: true}
 *     feed the correlation and are counted ({@link RunResult#folded()}) but not given to the
 *     listener, as the specification asks of a correlation's base rules
 */
public record RunOptions(
    boolean everyEvent,
    boolean explainMisses,
    int threads,
    long maxEvents,
    long maxHits,
    long keepBytes,
    int keepEvents,
    boolean foldCorrelatedHits) {

  public RunOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("a run needs at least one thread");
    }
    if (maxEvents < 0 || maxHits < 0 || keepBytes < 0 || keepEvents < 0) {
      throw new IllegalArgumentException("limits are not negative");
    }
  }

  /** Events with hits only, one thread, no limits. */
  public static RunOptions onlyHits() {
    return new RunOptions(false, false, 1, Long.MAX_VALUE, Long.MAX_VALUE, 0, 0, false);
  }

  /** Every event, one thread, no limits. */
  public static RunOptions allEvents() {
    return new RunOptions(true, false, 1, Long.MAX_VALUE, Long.MAX_VALUE, 0, 0, false);
  }

  public RunOptions threads(int n) {
    return with(o -> o.threads = n);
  }

  public RunOptions explainMisses(boolean explain) {
    return with(o -> o.explainMisses = explain);
  }

  /** Gives the listener at most {@code events} events without hits and {@code hits} with. */
  public RunOptions limits(long events, long hits) {
    return with(
        o -> {
          o.maxEvents = events;
          o.maxHits = hits;
        });
  }

  /** Keeps the events of files of at most {@code bytes} bytes and {@code events} events. */
  public RunOptions keepLogs(long bytes, int events) {
    return with(
        o -> {
          o.keepBytes = bytes;
          o.keepEvents = events;
        });
  }

  public RunOptions foldCorrelatedHits(boolean fold) {
    return with(o -> o.foldCorrelatedHits = fold);
  }

  /** A copy of these options with what {@code change} sets: every copy is built here. */
  private RunOptions with(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return d.build();
  }

  /** The components of a copy while they change. */
  private static final class Draft {
    boolean everyEvent;
    boolean explainMisses;
    int threads;
    long maxEvents;
    long maxHits;
    long keepBytes;
    int keepEvents;
    boolean foldCorrelatedHits;

    Draft(RunOptions o) {
      everyEvent = o.everyEvent();
      explainMisses = o.explainMisses();
      threads = o.threads();
      maxEvents = o.maxEvents();
      maxHits = o.maxHits();
      keepBytes = o.keepBytes();
      keepEvents = o.keepEvents();
      foldCorrelatedHits = o.foldCorrelatedHits();
    }

    RunOptions build() {
      return new RunOptions(
          everyEvent,
          explainMisses,
          threads,
          maxEvents,
          maxHits,
          keepBytes,
          keepEvents,
          foldCorrelatedHits);
    }
  }
}
