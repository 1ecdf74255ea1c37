package org.sigmaworkbench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.mapping.EventSource;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * Many rules over many logs in one pass per log: events are read in order on the calling thread,
 * matched in batches on worker threads (every core), and reported back in log order, each with its
 * hits (and, on request, the misses with their explanations). Hits are counted per rule. Progress
 * and cancellation are polled through the {@link Listener}.
 */
public final class Hunt {

  /** What a hunt reports as it goes; called on the thread that runs the hunt, in log order. */
  public interface Listener {
    /** One event with the rules that matched it (often none) and, when asked for, the others. */
    void onEvent(Event event, List<Hit> hits, List<Miss> misses);

    /** A log is done (or could not be read). */
    default void onFile(LogRun.Result result) {}

    /** A rule failed on an event and is left out from then on. */
    default void onRuleFailure(RuleFailure failure) {}

    /** Progress in bytes of the current file. */
    default void onProgress(Path file, long bytesRead, long total) {}

    /** Polled between batches of events; returning true stops the hunt. */
    default boolean cancelled() {
      return false;
    }
  }

  /**
   * How to run.
   *
   * @param threads worker threads; 1 matches on the calling thread
   * @param explainMisses report, for each event, every applicable rule that did not match it and
   *     why
   * @param hitsOnly the listener wants only events that some rule matches: readers may pass over
   *     records that hold none of the text every rule needs ({@link RuleSetMatcher#textFilter()})
   *     without building them; those are counted as events but not given to {@link
   *     Listener#onEvent}. Ignored when misses are explained.
   */
  public record Options(int threads, boolean explainMisses, boolean hitsOnly) {
    /** Every event to the listener. */
    public Options(int threads, boolean explainMisses) {
      this(threads, explainMisses, false);
    }

    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), false);
    }
  }

  /** Hits of one rule. */
  public record RuleHits(CompiledRule rule, long hits) {}

  /**
   * The outcome.
   *
   * @param files each log's result
   * @param rules every rule with its number of hits, in the order given
   * @param events events read
   * @param eventsWithHits events at least one rule matched
   * @param failures rules that failed during the hunt
   * @param cancelled whether the hunt was stopped
   */
  public record Result(
      List<LogRun.Result> files,
      List<RuleHits> rules,
      long events,
      long eventsWithHits,
      List<RuleFailure> failures,
      boolean cancelled) {}

  /** Rules compiled for a hunt, and those that could not be. */
  public record Compiled(List<CompiledRule> rules, List<RuleFailure> failures) {}

  private static final int BATCH = 256;

  private final RuleSetMatcher matcher;
  private final Options options;
  private final boolean[] disabled;
  private final List<RuleFailure> failures = new ArrayList<>();

  /** How many of {@link #failures} the listener has been told of. */
  private int reported;

  private final java.util.Map<CompiledRule, Integer> index = new java.util.IdentityHashMap<>();

  public Hunt(List<CompiledRule> rules, Options options) {
    this.matcher = new RuleSetMatcher(rules);
    this.options = options;
    this.disabled = new boolean[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      index.putIfAbsent(rules.get(i), i);
    }
  }

  /**
   * Compiles rules; a rule that has errors or fails to compile is reported, the others are kept.
   *
   * @param sources where each rule comes from, for messages (same order as {@code rules})
   */
  public static Compiled compile(List<SigmaRule> rules, List<String> sources) {
    List<CompiledRule> ok = new ArrayList<>();
    List<RuleFailure> failed = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      SigmaRule r = rules.get(i);
      String source = sources.get(i);
      if (!r.isUsable()) {
        failed.add(
            new RuleFailure(
                source,
                r.problems().stream()
                    .filter(p -> p.isError())
                    .findFirst()
                    .map(p -> p.describe())
                    .orElse("the rule has errors")));
        continue;
      }
      try {
        ok.add(CompiledRule.compile(r));
      } catch (RuntimeException e) {
        failed.add(new RuleFailure(source, "cannot compile: " + e.getMessage()));
      }
    }
    return new Compiled(ok, failed);
  }

  /** Runs the rules over the logs, in the order given. */
  public Result run(List<Path> logs, Listener listener) {
    long[] hits = new long[matcher.rules().size()];
    List<LogRun.Result> files = new ArrayList<>();
    long events = 0;
    long withHits = 0;
    boolean cancelled = false;
    ExecutorService pool =
        options.threads() > 1 ? Executors.newFixedThreadPool(options.threads(), daemons()) : null;
    try {
      for (Path log : logs) {
        LogRun.Result f = runFile(log, listener, pool, hits);
        files.add(f);
        listener.onFile(f);
        events += f.events();
        withHits += f.hits();
        if (f.cancelled()) {
          cancelled = true;
          break;
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    List<RuleHits> perRule = new ArrayList<>();
    for (int r = 0; r < hits.length; r++) {
      perRule.add(new RuleHits(matcher.rules().get(r), hits[r]));
    }
    return new Result(files, perRule, events, withHits, List.copyOf(failures), cancelled);
  }

  /** The matching of one batch: per event, its hits and misses. */
  private record Batch(List<Event> events, List<List<Hit>> hits, List<List<Miss>> misses) {}

  private LogRun.Result runFile(
      Path file, Listener listener, ExecutorService pool, long[] hitCounts) {
    long total;
    try {
      total = Files.size(file);
    } catch (IOException e) {
      return failed(file, file.getFileName() + ": cannot read: " + e.getMessage());
    }
    ReadOptions read =
        options.hitsOnly() && !options.explainMisses()
            ? ReadOptions.AUTO.withFilter(matcher.textFilter())
            : ReadOptions.AUTO;
    try (EventStream stream = LogReaders.open(file, read)) {
      long events = 0;
      long withHits = 0;
      boolean cancelled = false;
      ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
      List<Event> batch = new ArrayList<>(BATCH);
      Event e;
      while (true) {
        e = stream.next();
        if (e != null) {
          batch.add(e);
          events++;
        }
        if (batch.size() == BATCH || (e == null && !batch.isEmpty())) {
          List<Event> b = batch;
          batch = new ArrayList<>(BATCH);
          if (pool == null) {
            withHits += deliver(match(b), listener, hitCounts);
          } else {
            inFlight.add(pool.submit(() -> match(b)));
            while (inFlight.size() > 2L * options.threads()) {
              withHits += deliver(await(inFlight.poll()), listener, hitCounts);
            }
          }
          listener.onProgress(file, stream.bytesRead(), total);
          if (listener.cancelled()) {
            cancelled = true;
            break;
          }
        }
        if (e == null) {
          break;
        }
      }
      if (cancelled) {
        inFlight.forEach(f -> f.cancel(true));
      } else {
        while (!inFlight.isEmpty()) {
          withHits += deliver(await(inFlight.poll()), listener, hitCounts);
        }
        listener.onProgress(file, total, total);
      }
      events += stream.passedOver();
      if (events == 0) {
        for (LogProblem p : stream.problems()) {
          if (p.fatal()) {
            return new LogRun.Result(
                file,
                stream.formatName(),
                0,
                0,
                List.copyOf(stream.problems()),
                p.describe(),
                false);
          }
        }
      }
      return new LogRun.Result(
          file,
          stream.formatName(),
          events,
          withHits,
          List.copyOf(stream.problems()),
          null,
          cancelled);
    } catch (LogFormatException ex) {
      return failed(file, ex.getMessage());
    } catch (IOException ex) {
      return failed(file, file.getFileName() + ": cannot read: " + ex.getMessage());
    }
  }

  private static LogRun.Result failed(Path file, String message) {
    return new LogRun.Result(file, null, 0, 0, List.of(), message, false);
  }

  private static Batch await(Future<Batch> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("matching failed", e.getCause());
    }
  }

  private final ThreadLocal<RuleSetMatcher.Scratch> scratch = new ThreadLocal<>();

  /** Matches a batch; runs on a worker thread. */
  private Batch match(List<Event> events) {
    RuleSetMatcher.Scratch s = scratch.get();
    if (s == null) {
      s = matcher.newScratch();
      scratch.set(s);
    }
    List<List<Hit>> hits = new ArrayList<>(events.size());
    List<List<Miss>> misses = new ArrayList<>(events.size());
    for (Event e : events) {
      List<Hit> h;
      try {
        h = matchEvent(e, s);
      } catch (RuntimeException ex) {
        h = matchOneByOne(e);
      }
      hits.add(h);
      misses.add(options.explainMisses() ? misses(e, h) : List.of());
    }
    return new Batch(events, hits, misses);
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

  private List<Miss> misses(Event e, List<Hit> hits) {
    List<Miss> out = new ArrayList<>();
    int h = 0;
    for (CompiledRule rule : matcher.rules()) {
      if (h < hits.size() && hits.get(h).rule() == rule) {
        h++;
        continue;
      }
      out.add(new Miss(rule, e, explainMiss(rule, e)));
    }
    return out;
  }

  /**
   * Why a rule did not match an event: its explanation, or why it was not tried at all when its
   * logsource does not fit the event.
   */
  public static Explanation explainMiss(CompiledRule rule, Event e) {
    return rule.appliesTo(e) ? rule.explain(e) : notApplicable(rule, e);
  }

  /** Why a rule was not tried on an event at all. */
  static Explanation notApplicable(CompiledRule rule, Event e) {
    java.util.Map<String, Boolean> ids = new java.util.LinkedHashMap<>();
    for (Expr.Named n : rule.rule().identifiers().values()) {
      ids.put(n.name(), false);
    }
    return new Explanation(false, ids, List.of(), List.of(), whyNotTried(rule, e));
  }

  /** The sentence saying why a rule's logsource does not fit an event. */
  static String whyNotTried(CompiledRule rule, Event e) {
    EventSource source = e.schema().layout().source();
    String logsource = rule.rule().logsource().describe();
    if (source.isOutsideLogsources()) {
      return "the event's source ("
          + source.origin()
          + ") belongs to no logsource of this rule ("
          + logsource
          + ")"
          + (source.placement() == EventSource.Placement.NONE
              ? ""
              : "; the logsource table does not list it, so only rules that name neither a"
                  + " category nor a service are tried on it");
    }
    return "the rule's logsource ("
        + logsource
        + ") does not fit this event: "
        + (e.schema().layout().category() == null
            ? source.isKnown() ? source.describe() : "of unknown kind"
            : e.schema().layout().category())
        + " ("
        + e.schema().layout().name()
        + ")";
  }

  private int deliver(Batch b, Listener listener, long[] hitCounts) {
    int withHits = 0;
    for (int i = 0; i < b.events().size(); i++) {
      List<Hit> h = b.hits().get(i);
      if (!h.isEmpty()) {
        withHits++;
        for (Hit hit : h) {
          hitCounts[index.get(hit.rule())]++;
        }
      }
      listener.onEvent(b.events().get(i), h, b.misses().get(i));
    }
    synchronized (failures) {
      for (RuleFailure f : failures.subList(reported, failures.size())) {
        listener.onRuleFailure(f);
      }
      reported = failures.size();
    }
    return withHits;
  }

  private static java.util.concurrent.ThreadFactory daemons() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "hunt-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
