package org.sigmaworkbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.CorrelationHit;
import org.sigmaworkbench.engine.CorrelationRun;
import org.sigmaworkbench.engine.Hit;
import org.sigmaworkbench.engine.Miss;
import org.sigmaworkbench.engine.RuleFailure;
import org.sigmaworkbench.engine.RuleSetMatcher;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * The one way to run rules over logs, for the command line and the window alike. Each log is read
 * once, in order, for every rule; events are matched in batches (on the executor's threads when
 * {@link RunOptions#threads()} is more than one) and given to the {@link RunListener} in log order.
 * The run creates no threads: it runs on the executor the caller passes, and a batch no thread has
 * taken yet is matched by the run itself, so any executor works (one thread, or {@code
 * Runnable::run}).
 */
public final class RuleRun {

  private static final int BATCH = 256;

  private final RunRequest request;
  private final RunOptions options;
  private final RunListener listener;
  private final Executor executor;
  private BooleanSupplier cancelled = () -> false;

  /** The request's rules, then the rules only the correlations name. */
  private final RuleSetMatcher matcher;

  /** How many of the matcher's rules are the request's. */
  private final int reported;

  private final Map<CompiledRule, Integer> index = new IdentityHashMap<>();
  private final boolean[] disabled;
  private final List<RuleFailure> failures = new ArrayList<>();
  private int failuresReported;
  private final ThreadLocal<RuleSetMatcher.Scratch> scratch = new ThreadLocal<>();

  private final long[] hits;
  private final long[] outsideByRule;
  private final long[] foldedByRule;
  private final CorrelationRun correlation;
  private long events;
  private long eventsWithHits;
  private long hitEvents;
  private long outside;
  private long folded;
  private boolean truncated;

  private RuleRun(RunRequest request, RunListener listener, Executor executor) {
    this.request = request;
    this.options = request.options();
    this.listener = listener;
    this.executor = executor;
    List<CompiledRule> all = new ArrayList<>(request.rules());
    this.reported = all.size();
    java.util.Set<SigmaRule> present = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    request.rules().forEach(r -> present.add(r.rule()));
    List<RuleFailure> notCompiled = new ArrayList<>();
    for (SigmaRule r : request.correlations().referenced()) {
      if (present.add(r)) {
        try {
          all.add(CompiledRule.compile(r));
        } catch (RuntimeException e) {
          notCompiled.add(new RuleFailure(r.title(), "cannot compile: " + e.getMessage()));
        }
      }
    }
    this.matcher = new RuleSetMatcher(all);
    for (int i = 0; i < all.size(); i++) {
      index.putIfAbsent(all.get(i), i);
    }
    this.disabled = new boolean[all.size()];
    this.failures.addAll(notCompiled);
    this.hits = new long[reported];
    this.outsideByRule = new long[reported];
    this.foldedByRule = new long[reported];
    this.correlation =
        request.correlations().isEmpty()
            ? null
            : request.correlations().start(options.everyEvent());
  }

  /**
   * Starts a run on {@code executor}; the future gives its result. {@link Future#cancel} stops it
   * after the batch under way; the listener hears nothing more.
   */
  public static Future<RunResult> start(
      RunRequest request, RunListener listener, Executor executor) {
    RuleRun run = new RuleRun(request, listener, executor);
    FutureTask<RunResult> task = new FutureTask<>(run::run);
    run.cancelled = task::isCancelled;
    executor.execute(task);
    return task;
  }

  /**
   * Runs on the calling thread (matching batches on {@code executor} when {@link
   * RunOptions#threads()} is more than one) and returns the result.
   */
  public static RunResult run(RunRequest request, RunListener listener, Executor executor) {
    return new RuleRun(request, listener, executor).run();
  }

  private RunResult run() {
    long totalBytes = 0;
    for (LogInput in : request.logs()) {
      totalBytes += in.events() == null ? size(in.path()) : 0;
    }
    long[] doneBytes = {0};
    List<LogResult> logs = new ArrayList<>();
    boolean stopped = false;
    reportFailures();
    for (LogInput in : request.logs()) {
      if (cancelled.getAsBoolean()) {
        stopped = true;
        break;
      }
      LogResult r = in.events() != null ? runEvents(in) : runFile(in, totalBytes, doneBytes);
      if (r == null) {
        stopped = true;
        break;
      }
      logs.add(r);
      listener.onLog(r);
    }
    List<RunResult.RuleHits> perRule = new ArrayList<>();
    for (int r = 0; r < reported; r++) {
      perRule.add(
          new RunResult.RuleHits(
              matcher.rules().get(r), hits[r], outsideByRule[r], foldedByRule[r]));
    }
    List<CorrelationHit> correlationHits =
        correlation == null || stopped ? List.of() : correlation.finish();
    List<String> correlationProblems = correlation == null ? List.of() : correlation.problems();
    RunResult result;
    synchronized (failures) {
      result =
          new RunResult(
              List.copyOf(logs),
              List.copyOf(perRule),
              events,
              eventsWithHits,
              outside,
              folded,
              correlationHits,
              correlationProblems,
              List.copyOf(failures),
              truncated,
              stopped);
    }
    if (!stopped) {
      listener.onDone(result);
    }
    return result;
  }

  /** The events of a log read before; {@code null} when cancelled. */
  private LogResult runEvents(LogInput in) {
    List<Event> all = in.events();
    for (int from = 0; from < all.size(); from += BATCH) {
      List<Event> b = all.subList(from, Math.min(all.size(), from + BATCH));
      long[] ordinals = new long[b.size()];
      for (int i = 0; i < ordinals.length; i++) {
        ordinals[i] = ++events;
      }
      deliver(match(b, ordinals));
      if (cancelled.getAsBoolean()) {
        return null;
      }
    }
    return new LogResult(in, null, all.size(), 0, List.of(), null, all, List.of());
  }

  /** The events of a batch with their number in the run, and what matched them. */
  private record Batch(
      List<Event> events, long[] ordinals, List<List<Hit>> hits, List<List<Miss>> misses) {}

  /** One file; {@code null} when cancelled. */
  private LogResult runFile(LogInput in, long totalBytes, long[] doneBytes) {
    Path file = in.path();
    long fileSize = size(file);
    boolean keep =
        options.keepBytes() > 0 && Files.isRegularFile(file) && fileSize <= options.keepBytes();
    ReadOptions read = in.options();
    if (!keep && !options.explainMisses() && !matcher.rules().isEmpty()) {
      if (!options.everyEvent()) {
        read = read.withFilter(matcher.textFilter());
      } else if (options.maxEvents() != Long.MAX_VALUE) {
        read = read.withFilter(matcher.textFilter(), Math.max(0, options.maxEvents() - events));
      }
    }
    try (EventStream stream = LogReaders.open(file, read)) {
      List<Event> kept = keep ? new ArrayList<>() : null;
      List<String> columns = List.of();
      long n = 0;
      long passed = 0;
      ArrayDeque<FutureTask<Batch>> inFlight = new ArrayDeque<>();
      List<Event> batch = new ArrayList<>(BATCH);
      long[] ordinals = new long[BATCH];
      while (true) {
        Event e = stream.next();
        if (e != null) {
          if (n == 0) {
            columns = List.copyOf(new LinkedHashSet<>(e.schema().names()));
          }
          long passedNow = stream.passedOver();
          if (passedNow != passed) {
            // Records passed over come before this event; none would have been given.
            passOver(passedNow - passed);
            n += passedNow - passed;
            passed = passedNow;
          }
          n++;
          ordinals[batch.size()] = ++events;
          batch.add(e);
          if (kept != null) {
            kept.add(e);
            if (kept.size() > options.keepEvents()) {
              kept = null;
            }
          }
        }
        if (batch.size() == BATCH || (e == null && !batch.isEmpty())) {
          List<Event> b = batch;
          long[] o = java.util.Arrays.copyOf(ordinals, b.size());
          batch = new ArrayList<>(BATCH);
          if (options.threads() <= 1) {
            deliver(match(b, o));
          } else {
            FutureTask<Batch> task = new FutureTask<>(() -> match(b, o));
            try {
              executor.execute(task);
            } catch (RejectedExecutionException ex) {
              // Matched by this thread when its turn comes.
            }
            inFlight.add(task);
            while (inFlight.size() > 2L * options.threads()) {
              deliver(await(inFlight.poll()));
            }
          }
          listener.onProgress(
              new Progress(file, events, doneBytes[0] + stream.bytesRead(), totalBytes));
          if (cancelled.getAsBoolean()) {
            inFlight.forEach(f -> f.cancel(true));
            return null;
          }
        }
        if (e == null) {
          break;
        }
      }
      while (!inFlight.isEmpty()) {
        deliver(await(inFlight.poll()));
      }
      if (stream.passedOver() != passed) {
        passOver(stream.passedOver() - passed);
        n += stream.passedOver() - passed;
      }
      doneBytes[0] += fileSize;
      listener.onProgress(new Progress(file, events, doneBytes[0], totalBytes));
      List<LogProblem> problems = List.copyOf(stream.problems());
      if (n == 0) {
        for (LogProblem p : problems) {
          if (p.fatal()) {
            return new LogResult(in, null, 0, 0, problems, p.describe(), null, columns);
          }
        }
      }
      return new LogResult(
          in,
          stream.formatName(),
          n,
          stream.passedOver(),
          problems,
          null,
          kept == null ? null : List.copyOf(kept),
          columns);
    } catch (LogFormatException ex) {
      return failed(in, ex.getMessage());
    } catch (IOException | RuntimeException ex) {
      return failed(in, file.getFileName() + ": cannot read: " + ex.getMessage());
    }
  }

  /** Records a reader passed over: counted as events; in every-event mode, not given. */
  private void passOver(long count) {
    events += count;
    if (options.everyEvent()) {
      truncated = true;
    }
  }

  private static LogResult failed(LogInput in, String message) {
    return new LogResult(in, null, 0, 0, List.of(), message, null, List.of());
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  /** The result of a batch, matching it here when no thread has taken it yet. */
  private static Batch await(FutureTask<Batch> f) {
    f.run();
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("matching failed", e.getCause());
    }
  }

  /** Matches a batch; runs on any thread. */
  private Batch match(List<Event> events, long[] ordinals) {
    RuleSetMatcher.Scratch s = scratch.get();
    if (s == null) {
      s = matcher.newScratch();
      scratch.set(s);
    }
    List<List<Hit>> h = new ArrayList<>(events.size());
    List<List<Miss>> m = new ArrayList<>(events.size());
    for (Event e : events) {
      List<Hit> hitsOfEvent;
      try {
        hitsOfEvent = matchEvent(e, s);
      } catch (RuntimeException ex) {
        hitsOfEvent = matchOneByOne(e);
      }
      h.add(hitsOfEvent);
      m.add(options.explainMisses() ? misses(e, hitsOfEvent) : List.of());
    }
    return new Batch(events, ordinals, h, m);
  }

  private List<Hit> matchEvent(Event e, RuleSetMatcher.Scratch s) {
    List<Hit> h = new ArrayList<>(0);
    List<CompiledRule> rules = matcher.rules();
    matcher.match(
        e,
        s,
        r -> {
          if (!disabled[r]) {
            h.add(new Hit(rules.get(r), e, rules.get(r).explain(e)));
          }
        });
    return h;
  }

  /**
   * Matching failed inside some rule: match rule by rule, leaving out (and reporting) the rule that
   * fails.
   */
  private List<Hit> matchOneByOne(Event e) {
    List<Hit> h = new ArrayList<>();
    List<CompiledRule> rules = matcher.rules();
    for (int r = 0; r < rules.size(); r++) {
      if (disabled[r]) {
        continue;
      }
      CompiledRule rule = rules.get(r);
      try {
        if (rule.appliesTo(e) && rule.matches(e)) {
          h.add(new Hit(rule, e, rule.explain(e)));
        }
      } catch (RuntimeException ex) {
        synchronized (failures) {
          if (!disabled[r]) {
            disabled[r] = true;
            failures.add(
                new RuleFailure(
                    rule.rule().title(),
                    "failed on "
                        + e.file()
                        + " record "
                        + e.record()
                        + " and was left out from there: "
                        + ex));
          }
        }
      }
    }
    return h;
  }

  /** Every rule of the request that did not match, with why. */
  private List<Miss> misses(Event e, List<Hit> hitsOfEvent) {
    List<Miss> out = new ArrayList<>();
    int h = 0;
    for (int r = 0; r < reported; r++) {
      CompiledRule rule = matcher.rules().get(r);
      if (h < hitsOfEvent.size() && hitsOfEvent.get(h).rule() == rule) {
        h++;
        continue;
      }
      out.add(new Miss(rule, e, rule.explainMiss(e)));
    }
    return out;
  }

  /** Counts a batch and gives its events to the listener; on the run's thread, in log order. */
  private void deliver(Batch b) {
    for (int i = 0; i < b.events().size(); i++) {
      Event e = b.events().get(i);
      List<Hit> all = b.hits().get(i);
      if (correlation != null && !all.isEmpty()) {
        correlation.addHits(e, all);
      }
      List<Hit> listed = new ArrayList<>(0);
      List<String> why = new ArrayList<>(0);
      boolean hit = false;
      for (Hit h : all) {
        int r = index.get(h.rule());
        if (r >= reported) {
          continue;
        }
        hit = true;
        hits[r]++;
        if (options.foldCorrelatedHits()
            && !request.correlations().reportsOwnHits(h.rule().rule())) {
          folded++;
          foldedByRule[r]++;
          continue;
        }
        String o = request.reach() == null ? null : request.reach().outside(h.rule(), e);
        if (o != null) {
          outside++;
          outsideByRule[r]++;
        }
        listed.add(h);
        why.add(o);
      }
      List<Miss> misses = b.misses().get(i);
      boolean give;
      if (hit) {
        eventsWithHits++;
        hitEvents++;
        give = hitEvents <= options.maxHits();
        truncated |= !give;
      } else if (options.everyEvent()) {
        give = b.ordinals()[i] <= options.maxEvents();
        truncated |= !give;
      } else {
        give = !misses.isEmpty();
      }
      if (give && (options.everyEvent() || !listed.isEmpty() || !misses.isEmpty())) {
        listener.onEvent(
            new RunEvent(
                e, List.copyOf(listed), misses, java.util.Collections.unmodifiableList(why)));
      }
    }
    reportFailures();
  }

  private void reportFailures() {
    List<RuleFailure> fresh;
    synchronized (failures) {
      fresh = List.copyOf(failures.subList(failuresReported, failures.size()));
      failuresReported = failures.size();
    }
    fresh.forEach(listener::onRuleFailure);
  }
}
