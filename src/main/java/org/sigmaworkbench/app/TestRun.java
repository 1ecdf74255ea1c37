package org.sigmaworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.RuleSetMatcher;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.logs.detect.LogReaders;

/**
 * One pass of a rule over the loaded logs, off the FX thread. Keeps every hit (up to {@link
 * #HIT_CAP}) and the first {@link #WINDOW} events as rows; counts the rest. Files small enough are
 * kept in memory for the next pass; larger ones are streamed from disk each time, and past the
 * window their reader may pass over records that hold none of the rule's text (they are counted,
 * not built: no row would show them).
 */
final class TestRun {

  /** Events shown as rows, beyond the hits. */
  static final int WINDOW = 50_000;

  /** Hits kept as rows; beyond that they are counted. */
  static final int HIT_CAP = 100_000;

  /** Files of at most this many bytes keep their events in memory between runs. */
  static final long CACHE_BYTES = 64L << 20;

  /** ... and at most this many events. */
  static final int CACHE_LIMIT = 200_000;

  /** What a pass produced. */
  record Result(
      List<EventRow> rows,
      List<LoadedLog> logs,
      long events,
      long hits,
      boolean truncated,
      List<String> messages,
      boolean cancelled,
      List<org.sigmaworkbench.engine.CorrelationHit> correlationHits) {

    Result(
        List<EventRow> rows,
        List<LoadedLog> logs,
        long events,
        long hits,
        boolean truncated,
        List<String> messages,
        boolean cancelled) {
      this(rows, logs, events, hits, truncated, messages, cancelled, List.of());
    }
  }

  /**
   * The correlations of a run: the rules they name, compiled, and the evaluation under way (its
   * hits keep their events, to be shown).
   */
  private record Correlating(
      List<CompiledRule> rules, org.sigmaworkbench.engine.CorrelationRun run) {
    void add(Event e) {
      List<org.sigmaworkbench.rule.SigmaRule> matched = new ArrayList<>(0);
      for (CompiledRule r : rules) {
        if (r.appliesTo(e) && r.matches(e)) {
          matched.add(r.rule());
        }
      }
      if (!matched.isEmpty()) {
        run.add(e, matched);
      }
    }
  }

  private TestRun() {}

  /**
   * Runs {@code rule} over the logs as {@link #run(CompiledRule, List, List, DoubleConsumer,
   * BooleanSupplier)} does, and evaluates {@code correlations} over every event of every log
   * together ({@code correlated}: the rules they name, compiled).
   */
  static Result run(
      CompiledRule rule,
      List<CompiledRule> correlated,
      org.sigmaworkbench.engine.Correlations correlations,
      List<LoadedLog> logs,
      List<PendingLog> newFiles,
      DoubleConsumer progress,
      BooleanSupplier cancelled) {
    if (correlations.isEmpty()) {
      return run(rule, logs, newFiles, progress, cancelled);
    }
    Correlating c = new Correlating(correlated, correlations.start(true));
    Result r = run(rule, c, logs, newFiles, progress, cancelled);
    if (r.cancelled()) {
      return r;
    }
    List<org.sigmaworkbench.engine.CorrelationHit> hits = c.run().finish();
    List<String> messages = new ArrayList<>(r.messages());
    messages.addAll(c.run().problems());
    return new Result(
        r.rows(), r.logs(), r.events(), r.hits(), r.truncated(), messages, false, hits);
  }

  /**
   * Runs {@code rule} (or none: rows without hits) over {@code logs}, then reads {@code newFiles}
   * and adds them. Progress goes to {@code progress} (0 to 1); {@code cancelled} is polled.
   */
  static Result run(
      CompiledRule rule,
      List<LoadedLog> logs,
      List<PendingLog> newFiles,
      DoubleConsumer progress,
      BooleanSupplier cancelled) {
    return run(rule, null, logs, newFiles, progress, cancelled);
  }

  /** The pass itself; {@code c}, when not null, also sees every event. */
  private static Result run(
      CompiledRule rule,
      Correlating c,
      List<LoadedLog> logs,
      List<PendingLog> newFiles,
      DoubleConsumer progress,
      BooleanSupplier cancelled) {
    List<EventRow> rows = new ArrayList<>();
    List<LoadedLog> outLogs = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    long[] counts = new long[2];
    long totalBytes = 0;
    for (LoadedLog l : logs) {
      totalBytes += l.cached() == null ? size(l.path()) : 0;
    }
    for (PendingLog p : newFiles) {
      totalBytes += size(p.path());
    }
    long[] doneBytes = {0};
    boolean[] truncated = {false};
    for (LoadedLog log : logs) {
      if (cancelled.getAsBoolean()) {
        return new Result(rows, logs, counts[0], counts[1], truncated[0], messages, true);
      }
      if (log.cached() != null) {
        for (Event e : log.cached()) {
          add(rule, c, e, rows, counts, truncated);
        }
        outLogs.add(log);
      } else {
        LoadedLog again =
            stream(
                new PendingLog(log.path(), log.options()),
                rule,
                c,
                rows,
                counts,
                truncated,
                messages,
                totalBytes,
                doneBytes,
                progress,
                cancelled);
        if (again == null) {
          return new Result(rows, logs, counts[0], counts[1], truncated[0], messages, true);
        }
        outLogs.add(again);
      }
    }
    for (PendingLog p : newFiles) {
      if (cancelled.getAsBoolean()) {
        return new Result(rows, logs, counts[0], counts[1], truncated[0], messages, true);
      }
      LoadedLog read =
          stream(
              p,
              rule,
              c,
              rows,
              counts,
              truncated,
              messages,
              totalBytes,
              doneBytes,
              progress,
              cancelled);
      if (read == null) {
        return new Result(rows, logs, counts[0], counts[1], truncated[0], messages, true);
      }
      if (read.format() != null) {
        outLogs.add(read);
        read.problems().forEach(pr -> messages.add(pr.describe()));
      }
    }
    progress.accept(1);
    return new Result(rows, outLogs, counts[0], counts[1], truncated[0], messages, false);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void add(
      CompiledRule rule,
      Correlating c,
      Event e,
      List<EventRow> rows,
      long[] counts,
      boolean[] truncated) {
    counts[0]++;
    if (c != null) {
      c.add(e);
    }
    boolean hit = rule != null && rule.appliesTo(e) && rule.matches(e);
    if (hit) {
      counts[1]++;
      if (counts[1] <= HIT_CAP) {
        rows.add(new EventRow(e, rule.explain(e)));
      } else {
        truncated[0] = true;
      }
    } else if (counts[0] <= WINDOW) {
      rows.add(new EventRow(e, null));
    } else {
      truncated[0] = true;
    }
  }

  /**
   * Streams one file; returns {@code null} when cancelled, a log with a null format when
   * unreadable.
   */
  private static LoadedLog stream(
      PendingLog pending,
      CompiledRule rule,
      Correlating c,
      List<EventRow> rows,
      long[] counts,
      boolean[] truncated,
      List<String> messages,
      long totalBytes,
      long[] doneBytes,
      DoubleConsumer progress,
      BooleanSupplier cancelled) {
    Path p = pending.path();
    // A large file is read again on the next run rather than held: memory keeps the rows only.
    boolean keep = size(p) <= CACHE_BYTES;
    ReadOptions options = pending.options();
    if (!keep && rule != null) {
      List<CompiledRule> wanted = new ArrayList<>(List.of(rule));
      if (c != null) {
        wanted.addAll(c.rules());
      }
      options =
          options.withFilter(
              new RuleSetMatcher(wanted).textFilter(), Math.max(0, WINDOW - counts[0]));
    }
    try (EventStream s = LogReaders.open(p, options)) {
      List<Event> cache = keep ? new ArrayList<>() : null;
      List<String> columns = List.of();
      long n = 0;
      long passed = 0;
      Event e;
      while ((e = s.next()) != null) {
        n++;
        if (n == 1) {
          columns = List.copyOf(new java.util.LinkedHashSet<>(e.schema().names()));
        }
        long passedNow = s.passedOver();
        if (passedNow != passed) {
          // Events passed over come before this one; none would have been a row.
          counts[0] += passedNow - passed;
          n += passedNow - passed;
          passed = passedNow;
          truncated[0] = true;
        }
        add(rule, c, e, rows, counts, truncated);
        if (cache != null) {
          cache.add(e);
          if (cache.size() > CACHE_LIMIT) {
            cache = null;
          }
        }
        if ((n & 4095) == 0) {
          if (cancelled.getAsBoolean()) {
            return null;
          }
          if (totalBytes > 0) {
            progress.accept(Math.min(1.0, (doneBytes[0] + s.bytesRead()) / (double) totalBytes));
          }
        }
      }
      if (s.passedOver() != passed) {
        counts[0] += s.passedOver() - passed;
        n += s.passedOver() - passed;
        truncated[0] = true;
      }
      doneBytes[0] += size(p);
      List<LogProblem> problems = List.copyOf(s.problems());
      if (n == 0) {
        for (LogProblem pr : problems) {
          if (pr.fatal()) {
            messages.add(pr.describe());
            return new LoadedLog(p, null, 0, null, problems, pending.options(), columns);
          }
        }
      }
      return new LoadedLog(
          p,
          s.formatName(),
          n,
          cache == null ? null : List.copyOf(cache),
          problems,
          pending.options(),
          columns);
    } catch (LogFormatException ex) {
      messages.add(ex.getMessage());
    } catch (IOException | RuntimeException ex) {
      messages.add(p.getFileName() + ": cannot read: " + ex.getMessage());
      if (ex instanceof RuntimeException) {
        ErrorReporting.report(ex);
      }
    }
    return new LoadedLog(p, null, 0, null, List.of(), pending.options(), List.of());
  }
}
