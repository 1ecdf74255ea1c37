package org.sigmaworkbench.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.Explanation;
import org.sigmaworkbench.kql.KqlOptions;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventOrigins;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.mapping.Reach;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.Placeholders;

/**
 * The state of the workbench and the background work that derives it. The view writes the rule
 * text, the target and the logs; the model computes the analysis (problems, KQL, matcher) on one
 * thread and runs the rule over the logs on another, publishing only the newest result on the FX
 * thread. A newer request cancels an older run; files asked for are kept until a run has read them.
 */
public final class WorkbenchModel {

  private final ExecutorService analysisExecutor =
      Executors.newSingleThreadExecutor(daemon("rule-analysis"));
  private final ExecutorService runExecutor = Executors.newSingleThreadExecutor(daemon("test-run"));
  private final AtomicLong analysisGeneration = new AtomicLong();
  private final AtomicLong runGeneration = new AtomicLong();

  private final ReadOnlyObjectWrapper<RuleAnalysis> analysis = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper kqlText = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper kqlStale = new ReadOnlyBooleanWrapper(false);
  private final ObjectProperty<Target> target =
      new SimpleObjectProperty<>(TargetCatalog.get("sentinel_asim"));
  private final BooleanProperty keepUnmapped = new SimpleBooleanProperty(false);
  private final ObjectProperty<Placeholders> placeholders =
      new SimpleObjectProperty<>(Placeholders.standard());
  private final ObservableList<LoadedLog> logs = FXCollections.observableArrayList();
  private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
  private final ObservableList<org.sigmaworkbench.engine.CorrelationHit> correlationHits =
      FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper correlating = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper testStatus =
      new ReadOnlyStringWrapper("Drop a log file here, or File > Open Logs");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final List<PendingLog> pendingFiles = new ArrayList<>();
  private String ruleText = "";
  private String ruleSource = "rule.yml";
  private long lastEvents;
  private long lastHits;
  private boolean lastTruncated;

  public WorkbenchModel() {
    target.addListener((o, a, b) -> analyze());
    keepUnmapped.addListener((o, a, b) -> analyze());
    placeholders.addListener((o, a, b) -> analyze());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Sets the rule text (from the editor, after a pause in typing) and re-analyzes it. */
  public void setRuleText(String text, String source) {
    this.ruleText = text;
    this.ruleSource = source;
    analyze();
  }

  private void analyze() {
    long gen = analysisGeneration.incrementAndGet();
    String text = ruleText;
    String source = ruleSource;
    Target t = target.get();
    KqlOptions options = new KqlOptions(keepUnmapped.get());
    Placeholders table = placeholders.get();
    analysisExecutor.execute(
        () -> {
          if (gen != analysisGeneration.get()) {
            return;
          }
          RuleAnalysis a;
          try {
            a = RuleAnalysis.of(text, source, t, options, table);
          } catch (RuntimeException e) {
            ErrorReporting.report(e);
            return;
          }
          Platform.runLater(
              () -> {
                if (gen != analysisGeneration.get()) {
                  return;
                }
                boolean ruleChanged =
                    analysis.get() == null || !sameMatcherInput(analysis.get(), a);
                apply(a);
                if (ruleChanged || a.compiled() == null) {
                  startRun();
                }
              });
        });
  }

  /** Same text means the same matcher: a target switch needs no new run. */
  private static boolean sameMatcherInput(RuleAnalysis before, RuleAnalysis after) {
    return before.text().equals(after.text())
        && (before.compiled() == null) == (after.compiled() == null);
  }

  private void apply(RuleAnalysis a) {
    analysis.set(a);
    if (!rows.isEmpty()) {
      // Another target or rule text: the same hits, each checked against the new query's reach.
      List<EventRow> checked = withReach(rows);
      boolean changed = false;
      for (int i = 0; i < checked.size() && !changed; i++) {
        changed = checked.get(i) != rows.get(i);
      }
      if (changed) {
        rows.setAll(checked);
      }
      updateStatus(lastEvents, lastHits, lastTruncated);
    }
    correlating.set(a.correlates());
    if (a.kql() != null && a.kql().ok()) {
      kqlText.set(a.kql().query());
      kqlStale.set(false);
    } else {
      kqlStale.set(true);
    }
  }

  /**
   * Reads logs in the background and adds them to the test pane; files that are not logs are
   * reported.
   */
  public void openLogs(List<Path> files) {
    if (files.isEmpty()) {
      return;
    }
    for (Path f : files) {
      pendingFiles.add(PendingLog.auto(f));
    }
    startRun();
  }

  /**
   * Reads a loaded log again with another format or column mapping; its rows follow when the run is
   * done.
   */
  public void reopen(LoadedLog log, ReadOptions options) {
    logs.remove(log);
    pendingFiles.add(new PendingLog(log.path(), options));
    startRun();
  }

  /** Takes a log out of the test pane. */
  public void remove(LoadedLog log) {
    logs.remove(log);
    startRun();
  }

  public void clearLogs() {
    pendingFiles.clear();
    logs.clear();
    notice.set("");
    startRun();
  }

  /** Stops the run in progress; the rows shown so far stay. */
  public void cancelRun() {
    runGeneration.incrementAndGet();
    running.set(false);
    testStatus.set("Stopped. " + testStatus.get());
  }

  private void startRun() {
    long gen = runGeneration.incrementAndGet();
    RuleAnalysis a = analysis.get();
    CompiledRule rule = a == null ? null : a.compiled();
    org.sigmaworkbench.engine.Correlations correlations =
        a == null || a.compiled() == null
            ? org.sigmaworkbench.engine.Correlations.none()
            : a.correlations();
    List<CompiledRule> correlated = a == null ? List.of() : a.correlated();
    List<LoadedLog> current = List.copyOf(logs);
    List<PendingLog> newFiles = List.copyOf(pendingFiles);
    if (current.isEmpty() && newFiles.isEmpty()) {
      rows.clear();
      correlationHits.clear();
      running.set(false);
      updateStatus(0, 0, false);
      return;
    }
    running.set(true);
    progress.set(0);
    if (!newFiles.isEmpty()) {
      notice.set("");
      testStatus.set(
          "Reading "
              + String.join(
                  ", ", newFiles.stream().map(p -> p.path().getFileName().toString()).toList())
              + "…");
    }
    runExecutor.execute(
        () -> {
          if (gen != runGeneration.get()) {
            return;
          }
          long[] lastPublished = {0};
          TestRun.Result r =
              TestRun.run(
                  rule,
                  correlated,
                  correlations,
                  current,
                  newFiles,
                  p -> {
                    long now = System.nanoTime();
                    if (now - lastPublished[0] > 100_000_000L) {
                      lastPublished[0] = now;
                      Platform.runLater(
                          () -> {
                            if (gen == runGeneration.get()) {
                              progress.set(p);
                            }
                          });
                    }
                  },
                  () -> gen != runGeneration.get());
          if (r.cancelled()) {
            return;
          }
          Platform.runLater(
              () -> {
                if (gen != runGeneration.get()) {
                  return;
                }
                pendingFiles.removeAll(newFiles);
                logs.setAll(r.logs());
                rows.setAll(withReach(r.rows()));
                correlationHits.setAll(r.correlationHits());
                running.set(false);
                progress.set(1);
                if (!newFiles.isEmpty() || !correlations.isEmpty()) {
                  notice.set(String.join("\n", r.messages()));
                }
                updateStatus(r.events(), r.hits(), r.truncated());
              });
        });
  }

  /**
   * The rows with each hit checked against the reach of the current query: a hit whose event the
   * query's tables do not hold is marked with why.
   */
  private List<EventRow> withReach(List<EventRow> in) {
    RuleAnalysis a = analysis.get();
    Target t = target.get();
    List<EventRow> out = new ArrayList<>(in.size());
    for (EventRow r : in) {
      String why = null;
      if (r.hit() && a != null && a.kql() != null && t != null) {
        why = Reach.outside(t, a.kql(), EventOrigins.of(r.event()));
      }
      out.add(r.withReach(why));
    }
    return out;
  }

  private void updateStatus(long events, long hits, boolean truncated) {
    lastEvents = events;
    lastHits = hits;
    lastTruncated = truncated;
    if (logs.isEmpty()) {
      testStatus.set("Drop a log file here, or File > Open Logs");
      return;
    }
    String names = String.join(", ", logs.stream().map(LoadedLog::name).toList());
    RuleAnalysis a = analysis.get();
    String prefix = a != null && a.compiled() == null ? "Rule has errors; " : "";
    long outside = rows.stream().filter(r -> r.outsideReach() != null).count();
    // A hit the target's query cannot return is not counted, as `test --target` words it.
    String reach =
        outside == 0
            ? ""
            : "; "
                + outside
                + " more outside the reach of the "
                + Reach.shortTitle(target.get())
                + " query";
    testStatus.set(
        prefix
            + Counts.of(Math.max(0, hits - outside), "hit")
            + " in "
            + Counts.of(events, "event")
            + " ("
            + names
            + ")"
            + reach
            + (truncated ? " — showing the hits and the first " + TestRun.WINDOW + " events" : "")
            + (a != null && a.correlates() && a.compiled() != null
                ? "; " + Counts.of(correlationHits.size(), "correlation hit")
                : ""));
  }

  public ReadOnlyObjectProperty<RuleAnalysis> analysisProperty() {
    return analysis.getReadOnlyProperty();
  }

  /** The KQL shown in the preview: the newest good query (stale while the rule has errors). */
  public ReadOnlyStringProperty kqlTextProperty() {
    return kqlText.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty kqlStaleProperty() {
    return kqlStale.getReadOnlyProperty();
  }

  public ObjectProperty<Target> targetProperty() {
    return target;
  }

  /** The values {@code |expand} puts in place of placeholders. */
  public ObjectProperty<Placeholders> placeholdersProperty() {
    return placeholders;
  }

  /**
   * Explains, off the FX thread, why the current rule did not match an event, and hands the
   * explanation to {@code done} on the FX thread; when the rule changed meanwhile, with the new
   * rule (not at all when the new rule has errors).
   */
  public void explainMiss(Event event, java.util.function.Consumer<Explanation> done) {
    RuleAnalysis a = analysis.get();
    if (a == null || a.compiled() == null) {
      return;
    }
    CompiledRule rule = a.compiled();
    analysisExecutor.execute(
        () -> {
          Explanation x = org.sigmaworkbench.engine.Hunt.explainMiss(rule, event);
          Platform.runLater(
              () -> {
                RuleAnalysis now = analysis.get();
                if (now != null && now.compiled() == rule) {
                  done.accept(x);
                } else if (now != null && now.compiled() != null) {
                  // The rule changed meanwhile: explain with the rule now in force.
                  explainMiss(event, done);
                }
              });
        });
  }

  public BooleanProperty keepUnmappedProperty() {
    return keepUnmapped;
  }

  public ObservableList<LoadedLog> logs() {
    return logs;
  }

  public ObservableList<EventRow> rows() {
    return rows;
  }

  /** The hits of the correlation rules in the editor, over every loaded log together. */
  public ObservableList<org.sigmaworkbench.engine.CorrelationHit> correlationHits() {
    return correlationHits;
  }

  /** True while the editor holds a correlation rule that runs on the logs. */
  public ReadOnlyBooleanProperty correlatingProperty() {
    return correlating.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty testStatusProperty() {
    return testStatus.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** True while a run reads logs or matches. */
  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Progress of the current run, 0 to 1. */
  public DoubleProperty progressProperty() {
    return progress;
  }

  long lastEvents() {
    return lastEvents;
  }

  long lastHits() {
    return lastHits;
  }

  boolean lastTruncated() {
    return lastTruncated;
  }

  public void shutdown() {
    runGeneration.incrementAndGet();
    analysisExecutor.shutdownNow();
    runExecutor.shutdownNow();
  }
}
