package org.sigmaworkbench.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
import org.sigmaworkbench.analysis.RuleAnalysis;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.CorrelationHit;
import org.sigmaworkbench.engine.Correlations;
import org.sigmaworkbench.engine.Explanation;
import org.sigmaworkbench.engine.RunWords;
import org.sigmaworkbench.engine.run.LogInput;
import org.sigmaworkbench.engine.run.LogResult;
import org.sigmaworkbench.engine.run.Progress;
import org.sigmaworkbench.engine.run.RuleRun;
import org.sigmaworkbench.engine.run.RunEvent;
import org.sigmaworkbench.engine.run.RunListener;
import org.sigmaworkbench.engine.run.RunOptions;
import org.sigmaworkbench.engine.run.RunRequest;
import org.sigmaworkbench.engine.run.RunResult;
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
 * executor and runs the rule over the logs on another, publishing only the newest result through
 * the "FX" executor. A newer request cancels an older run; files asked for are kept until a run has
 * read them. The model creates no thread and never calls the toolkit: the window hands it
 * background executors and {@code Platform::runLater}; tests hand it direct executors, so its logic
 * runs without JavaFX started.
 */
public final class WorkbenchModel {

  /**
   * How the test pane runs a rule: every event, the hits and the first 50,000 other events as rows
   * (up to 100,000 hits), the events of files up to 64 MiB and 200,000 events kept for the next
   * run.
   */
  static final RunOptions RUN_OPTIONS =
      RunOptions.allEvents().limits(50_000, 100_000).keepLogs(64L << 20, 200_000);

  private final Executor analysisExecutor;
  private final Executor runExecutor;
  private final Executor fx;
  private Future<RunResult> currentRun;
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
  private final ObservableList<CorrelationHit> correlationHits =
      FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper correlating = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper testStatus =
      new ReadOnlyStringWrapper("Drop a log file here, or File > Open Logs");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final List<PendingLog> pendingFiles = new ArrayList<>();

  /** Notes for the notice bar that the next run's messages must not wipe out. */
  private final List<String> carriedNotes = new ArrayList<>();

  private String ruleText = "";
  private String ruleSource = "rule.yml";

  /** The rows of the last workspace query, shown after the logs' rows; {@code null} for none. */
  private WorkspaceSource workspace;

  /** The workspace query under way, or {@code null}. */
  private org.sigmaworkbench.workspace.WorkspaceRun workspaceRun;

  private final AtomicLong workspaceGeneration = new AtomicLong();

  /** True while workspace rows are among the rows. */
  private final ReadOnlyBooleanWrapper workspaceShown = new ReadOnlyBooleanWrapper(false);

  /** The name of the source the query under way will give. */
  private String workspaceQuerySource;

  /** The counts of the newest finished run, worded again when the target changes. */
  private RunResult lastRun;

  /**
   * A model whose rule analysis runs on {@code analysisExecutor}, whose test runs run on {@code
   * runExecutor} (each should run one task at a time, in order), and whose results are published
   * through {@code fx} (the FX thread in the window).
   */
  public WorkbenchModel(Executor analysisExecutor, Executor runExecutor, Executor fx) {
    this.analysisExecutor = analysisExecutor;
    this.runExecutor = runExecutor;
    this.fx = fx;
    target.addListener((o, a, b) -> analyze());
    keepUnmapped.addListener((o, a, b) -> analyze());
    placeholders.addListener((o, a, b) -> analyze());
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
          fx.execute(
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
      updateStatus();
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
    List<String> already = new ArrayList<>();
    List<Path> fresh = new ArrayList<>();
    for (Path f : files) {
      if (isLoaded(f) || fresh.stream().anyMatch(p -> sameFile(p, f))) {
        already.add(f.getFileName().toString());
      } else {
        fresh.add(f);
      }
    }
    if (!already.isEmpty()) {
      String note =
          String.join(", ", already)
              + (already.size() == 1 ? " is" : " are")
              + " already loaded; not loaded again";
      if (fresh.isEmpty()) {
        showNotice(note);
      } else {
        // Shown with the messages of the run that reads the others.
        carriedNotes.add(note);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    for (Path f : fresh) {
      pendingFiles.add(PendingLog.auto(f));
    }
    startRun();
  }

  /** True when the file is in the test pane already, or asked for and being read. */
  boolean isLoaded(Path file) {
    return logs.stream().anyMatch(l -> sameFile(l.path(), file))
        || pendingFiles.stream().anyMatch(p -> sameFile(p.path(), file));
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /**
   * Shows a line in the notice bar (over the test table); while a run is under way the line stays
   * when that run's messages arrive.
   */
  public void showNotice(String text) {
    if (running.get()) {
      carriedNotes.add(text);
    }
    notice.set(notice.get().isEmpty() ? text : notice.get() + "\n" + text);
  }

  private String withCarriedNotes(List<String> messages) {
    List<String> all = new ArrayList<>(carriedNotes);
    all.addAll(messages);
    carriedNotes.clear();
    return String.join("\n", all);
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
    stopWorkspaceQuery();
    workspace = null;
    workspaceShown.set(false);
    pendingFiles.clear();
    logs.clear();
    carriedNotes.clear();
    notice.set("");
    startRun();
  }

  /** Stops the run in progress; the rows shown so far stay. */
  public void cancelRun() {
    String querying = workspaceRun == null ? null : workspaceQuerySource;
    runGeneration.incrementAndGet();
    stopCurrentRun();
    stopWorkspaceQuery();
    running.set(false);
    carriedNotes.clear();
    if (querying != null) {
      updateStatus();
      notice.set(RunWords.queryStopped(querying));
    } else {
      testStatus.set(RunWords.stopped(testStatus.get()));
    }
  }

  private void stopCurrentRun() {
    if (currentRun != null) {
      currentRun.cancel(false);
      currentRun = null;
    }
  }

  private void startRun() {
    long gen = runGeneration.incrementAndGet();
    stopCurrentRun();
    RuleAnalysis a = analysis.get();
    CompiledRule rule = a == null ? null : a.compiled();
    Correlations correlations = rule == null ? Correlations.none() : a.correlations();
    List<LoadedLog> current = List.copyOf(logs);
    List<PendingLog> newFiles = List.copyOf(pendingFiles);
    WorkspaceSource fromWorkspace = workspace;
    if (current.isEmpty() && newFiles.isEmpty()) {
      correlationHits.clear();
      lastRun = null;
      if (fromWorkspace == null) {
        rows.clear();
        running.set(workspaceRun != null);
        updateStatus();
        return;
      }
      // Only workspace rows: matched again by the rule now in the editor.
      runExecutor.execute(
          () -> {
            WorkspaceSource again = fromWorkspace.rematched(rule);
            fx.execute(
                () -> {
                  if (gen == runGeneration.get() && workspace == fromWorkspace) {
                    workspace = again;
                    rows.setAll(again.rows());
                    updateStatus();
                  }
                });
          });
      return;
    }
    running.set(true);
    progress.set(0);
    if (!newFiles.isEmpty()) {
      notice.set(String.join("\n", carriedNotes));
      testStatus.set(
          RunWords.reading(newFiles.stream().map(p -> p.path().getFileName().toString()).toList()));
    }
    List<LogInput> inputs = new ArrayList<>();
    for (LoadedLog l : current) {
      inputs.add(
          l.cached() == null
              ? LogInput.file(l.path(), l.options())
              : LogInput.events(l.path(), l.options(), l.cached()));
    }
    for (PendingLog p : newFiles) {
      inputs.add(LogInput.file(p.path(), p.options()));
    }
    RunRequest request =
        RunRequest.of(rule == null ? List.of() : List.of(rule), inputs, RUN_OPTIONS)
            .withCorrelations(correlations);
    List<EventRow> found = new ArrayList<>();
    ProgressPublisher published =
        new ProgressPublisher(fx, () -> gen == runGeneration.get(), progress::set);
    currentRun =
        RuleRun.start(
            request,
            new RunListener() {
              @Override
              public void onEvent(RunEvent e) {
                found.add(
                    new EventRow(
                        e.event(), e.hits().isEmpty() ? null : e.hits().get(0).explanation()));
              }

              @Override
              public void onProgress(Progress p) {
                published.publish(p);
              }

              @Override
              public void onDone(RunResult r) {
                WorkspaceSource again =
                    fromWorkspace == null ? null : fromWorkspace.rematched(rule);
                List<LoadedLog> read = new ArrayList<>();
                List<String> messages = new ArrayList<>();
                for (int i = 0; i < r.logs().size(); i++) {
                  LogResult l = r.logs().get(i);
                  if (l.error() != null) {
                    messages.add(l.error());
                  }
                  if (i < current.size() && l.input().events() != null) {
                    read.add(current.get(i));
                  } else if (i < current.size() || l.format() != null) {
                    read.add(loaded(l));
                    if (i >= current.size()) {
                      l.problems().forEach(pr -> messages.add(pr.describe()));
                    }
                  }
                }
                messages.addAll(r.correlationProblems());
                fx.execute(
                    () -> {
                      if (gen != runGeneration.get()) {
                        return;
                      }
                      pendingFiles.removeAll(newFiles);
                      logs.setAll(read);
                      List<EventRow> all = withReach(found);
                      if (again != null && workspace == fromWorkspace) {
                        workspace = again;
                        all.addAll(again.rows());
                      } else if (workspace != null) {
                        // Rows a query brought while this run was under way.
                        all.addAll(workspace.rows());
                      }
                      rows.setAll(all);
                      correlationHits.setAll(r.correlationHits());
                      running.set(workspaceRun != null);
                      progress.set(workspaceRun != null ? -1 : 1);
                      if (!newFiles.isEmpty() || !correlations.isEmpty()) {
                        notice.set(withCarriedNotes(messages));
                      }
                      lastRun = r;
                      updateStatus();
                    });
              }
            },
            runExecutor);
  }

  private static LoadedLog loaded(LogResult l) {
    return new LoadedLog(
        l.input().path(),
        l.format(),
        l.events(),
        l.kept(),
        l.problems(),
        l.input().options(),
        l.columns());
  }

  /**
   * The rows with each hit checked against the reach of the current query: a hit whose event the
   * query's tables do not hold is marked with why.
   */
  private List<EventRow> withReach(List<EventRow> in) {
    RuleAnalysis a = analysis.get();
    Target t = target.get();
    List<EventRow> out = new ArrayList<>(in.size());
    java.util.Set<Event> fromWorkspace =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    if (workspace != null) {
      workspace.rows().forEach(r -> fromWorkspace.add(r.event()));
    }
    for (EventRow r : in) {
      String why = null;
      // A workspace row was returned by the query itself: it is within its reach.
      if (r.hit()
          && !fromWorkspace.contains(r.event())
          && a != null
          && a.kql() != null
          && t != null) {
        why = Reach.outside(t, a.kql(), EventOrigins.of(r.event()));
      }
      out.add(r.withReach(why));
    }
    return out;
  }

  private void updateStatus() {
    if (logs.isEmpty() && workspace == null) {
      testStatus.set("Drop a log file here, or File > Open Logs");
      return;
    }
    RuleAnalysis a = analysis.get();
    String prefix = a != null && a.compiled() == null ? "Rule has errors; " : "";
    long outside = rows.stream().filter(r -> r.outsideReach() != null).count();
    long hits = lastRun == null ? 0 : lastRun.eventsWithHits();
    long events = lastRun == null ? 0 : lastRun.events();
    List<String> names = new ArrayList<>(logs.stream().map(LoadedLog::name).toList());
    if (workspace != null) {
      hits += workspace.hits();
      events += workspace.rows().size();
      names.add(workspace.name());
    }
    // A hit the target's query cannot return is not counted, as `test --target` words it.
    testStatus.set(
        prefix
            + RunWords.hitsIn(
                Math.max(0, hits - outside),
                events,
                RunWords.logNames(names),
                outside,
                RunWords.query(Reach.shortTitle(target.get())))
            + (lastRun != null && lastRun.truncated()
                ? RunWords.truncated(RUN_OPTIONS.maxEvents())
                : "")
            + (a != null && a.correlates() && a.compiled() != null
                ? "; " + RunWords.count(correlationHits.size(), "correlation hit")
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
  public void explainMiss(Event event, Consumer<Explanation> done) {
    RuleAnalysis a = analysis.get();
    if (a == null || a.compiled() == null) {
      return;
    }
    CompiledRule rule = a.compiled();
    analysisExecutor.execute(
        () -> {
          Explanation x = rule.explainMiss(event);
          fx.execute(
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
  public ObservableList<CorrelationHit> correlationHits() {
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

  /** Drops every result still to come (the executors belong to the caller, who stops them). */
  public void shutdown() {
    runGeneration.incrementAndGet();
    analysisGeneration.incrementAndGet();
    stopCurrentRun();
    stopWorkspaceQuery();
  }

  // ---- Run on workspace -------------------------------------------------------------------------

  /**
   * Why the rule in the editor cannot run on a workspace now, or {@code null} when it can: its
   * query is the one the KQL preview shows, for a detection rule without errors.
   */
  public String whyNoWorkspaceQuery() {
    RuleAnalysis a = analysis.get();
    if (a == null || a.compiled() == null || a.kql() == null || !a.kql().ok() || kqlStale.get()) {
      return "The rule has errors; fix them so that the KQL preview shows its query.";
    }
    if (a.correlates()) {
      return "Run on Workspace runs a detection rule; the editor holds a correlation.";
    }
    return null;
  }

  /**
   * Sends the query the KQL preview shows to the connection's service; its rows join the test pane
   * as a source named after the workspace, matched by the rule like a log's events. A failure goes
   * to the notice bar as one sentence. {@link #cancelRun} stops it.
   */
  public void runOnWorkspace(org.sigmaworkbench.workspace.WorkspaceConnection connection) {
    String why = whyNoWorkspaceQuery();
    if (why != null) {
      showNotice(why);
      return;
    }
    RuleAnalysis a = analysis.get();
    String query = kqlText.get();
    long gen = workspaceGeneration.incrementAndGet();
    stopWorkspaceQuery();
    workspaceGeneration.set(gen);
    String source = connection.sourceName();
    workspaceQuerySource = source;
    try {
      workspaceRun =
          connection.start(
              query,
              a.compiled(),
              target.get(),
              a.kql(),
              prompt -> fx.execute(() -> showNotice(prompt)),
              new org.sigmaworkbench.workspace.WorkspaceRun.Listener() {
                @Override
                public void rows(
                    org.sigmaworkbench.workspace.QueryResult result,
                    List<org.sigmaworkbench.workspace.MatchedRow> matched) {
                  WorkspaceSource s =
                      WorkspaceSource.of(source, result, matched, connection.rowLimit());
                  fx.execute(() -> workspaceDone(gen, s, null));
                }

                @Override
                public void failed(org.sigmaworkbench.workspace.QueryException error) {
                  String sentence =
                      org.sigmaworkbench.workspace.WorkspaceConnection.sentence(error);
                  fx.execute(() -> workspaceDone(gen, null, sentence));
                }
              });
    } catch (IllegalArgumentException e) {
      workspaceRun = null;
      showNotice(e.getMessage());
      return;
    }
    running.set(true);
    progress.set(-1);
    testStatus.set(RunWords.querying(source));
  }

  private void workspaceDone(long gen, WorkspaceSource s, String error) {
    if (gen != workspaceGeneration.get()) {
      return;
    }
    workspaceRun = null;
    if (error != null) {
      running.set(false);
      notice.set(error);
      updateStatus();
      return;
    }
    java.util.Set<Event> old =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    if (workspace != null) {
      workspace.rows().forEach(r -> old.add(r.event()));
    }
    List<EventRow> kept = new ArrayList<>();
    for (EventRow r : rows) {
      if (!old.contains(r.event())) {
        kept.add(r);
      }
    }
    workspace = s;
    workspaceShown.set(true);
    kept.addAll(s.rows());
    rows.setAll(kept);
    running.set(false);
    progress.set(1);
    notice.set(String.join("\n", s.notes()));
    updateStatus();
  }

  private void stopWorkspaceQuery() {
    workspaceGeneration.incrementAndGet();
    if (workspaceRun != null) {
      workspaceRun.cancel();
      workspaceRun = null;
    }
  }

  /** True while rows of a workspace query are among the rows (a source besides the logs). */
  public ReadOnlyBooleanProperty workspaceShownProperty() {
    return workspaceShown.getReadOnlyProperty();
  }
}
