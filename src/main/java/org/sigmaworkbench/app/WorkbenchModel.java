package org.sigmaworkbench.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.kql.KqlOptions;
import org.sigmaworkbench.kql.Target;
import org.sigmaworkbench.kql.TargetCatalog;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogReaders;

/**
 * The state of the workbench and the background work that derives it. The view writes the rule
 * text, the target and the logs; the model computes the analysis (problems, KQL, matcher) and the
 * table rows off the FX thread and publishes only the newest result on it.
 */
public final class WorkbenchModel {

  private final ExecutorService analysisExecutor =
      Executors.newSingleThreadExecutor(daemon("rule-analysis"));
  private final ExecutorService logExecutor =
      Executors.newSingleThreadExecutor(daemon("log-reader"));
  private final AtomicLong analysisGeneration = new AtomicLong();
  private final AtomicLong rowsGeneration = new AtomicLong();

  private final ReadOnlyObjectWrapper<RuleAnalysis> analysis = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper kqlText = new ReadOnlyStringWrapper("");
  private final SimpleBooleanProperty kqlStale = new SimpleBooleanProperty(false);
  private final ObjectProperty<Target> target =
      new SimpleObjectProperty<>(TargetCatalog.get("sentinel_asim"));
  private final BooleanProperty keepUnmapped = new SimpleBooleanProperty(false);
  private final ObservableList<LoadedLog> logs = FXCollections.observableArrayList();
  private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper testStatus =
      new ReadOnlyStringWrapper("Drop a log file here, or File > Open Logs");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private final SimpleBooleanProperty loading = new SimpleBooleanProperty(false);
  private String ruleText = "";
  private String ruleSource = "rule.yml";

  public WorkbenchModel() {
    target.addListener((o, a, b) -> analyze());
    keepUnmapped.addListener((o, a, b) -> analyze());
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
    List<LoadedLog> currentLogs = List.copyOf(logs);
    long rowGen = rowsGeneration.incrementAndGet();
    analysisExecutor.execute(
        () -> {
          if (gen != analysisGeneration.get()) {
            return;
          }
          RuleAnalysis a;
          try {
            a = RuleAnalysis.of(text, source, t, options);
          } catch (RuntimeException e) {
            ErrorReporting.report(e);
            return;
          }
          List<EventRow> newRows = match(a, currentLogs);
          Platform.runLater(
              () -> {
                if (gen != analysisGeneration.get()) {
                  return;
                }
                apply(a);
                if (rowGen == rowsGeneration.get()) {
                  setRows(newRows);
                }
              });
        });
  }

  private void apply(RuleAnalysis a) {
    analysis.set(a);
    if (a.kql() != null && a.kql().ok()) {
      kqlText.set(a.kql().query());
      kqlStale.set(false);
    } else {
      kqlStale.set(true);
    }
  }

  private static List<EventRow> match(RuleAnalysis a, List<LoadedLog> logs) {
    CompiledRule rule = a.compiled();
    List<EventRow> out = new ArrayList<>();
    for (LoadedLog log : logs) {
      for (Event e : log.events()) {
        if (rule == null) {
          out.add(new EventRow(e, null));
        } else {
          boolean hit = rule.appliesTo(e) && rule.matches(e);
          out.add(new EventRow(e, hit ? rule.explain(e) : null));
        }
      }
    }
    return out;
  }

  /**
   * Reads logs in the background and adds them to the test pane; files that are not logs are
   * reported.
   */
  public void openLogs(List<Path> files) {
    if (files.isEmpty()) {
      return;
    }
    loading.set(true);
    notice.set("Reading " + files.size() + (files.size() == 1 ? " file…" : " files…"));
    logExecutor.execute(
        () -> {
          List<LoadedLog> read = new ArrayList<>();
          List<String> messages = new ArrayList<>();
          for (Path f : files) {
            try (EventStream s = LogReaders.open(f)) {
              List<Event> events = new ArrayList<>();
              Event e;
              while ((e = s.next()) != null) {
                events.add(e);
              }
              read.add(new LoadedLog(f, s.formatName(), events, List.copyOf(s.problems())));
              s.problems().forEach(p -> messages.add(p.describe()));
            } catch (LogFormatException ex) {
              messages.add(ex.getMessage());
            } catch (IOException | RuntimeException ex) {
              messages.add(f.getFileName() + ": cannot read: " + ex.getMessage());
              if (ex instanceof RuntimeException) {
                ErrorReporting.report(ex);
              }
            }
          }
          Platform.runLater(
              () -> {
                loading.set(false);
                logs.addAll(read);
                notice.set(String.join("\n", messages));
                analyze();
              });
        });
  }

  public void clearLogs() {
    logs.clear();
    notice.set("");
    analyze();
  }

  private void setRows(List<EventRow> newRows) {
    rows.setAll(newRows);
    updateStatus();
  }

  private void updateStatus() {
    if (logs.isEmpty()) {
      testStatus.set("Drop a log file here, or File > Open Logs");
      return;
    }
    long hits = rows.stream().filter(EventRow::hit).count();
    String names = String.join(", ", logs.stream().map(LoadedLog::name).toList());
    RuleAnalysis a = analysis.get();
    String prefix = a != null && a.compiled() == null ? "Rule has errors; " : "";
    testStatus.set(
        prefix
            + hits
            + (hits == 1 ? " hit in " : " hits in ")
            + rows.size()
            + (rows.size() == 1 ? " event (" : " events (")
            + names
            + ")");
  }

  public ReadOnlyObjectProperty<RuleAnalysis> analysisProperty() {
    return analysis.getReadOnlyProperty();
  }

  /** The KQL shown in the preview: the newest good query (stale while the rule has errors). */
  public ReadOnlyStringProperty kqlTextProperty() {
    return kqlText.getReadOnlyProperty();
  }

  public SimpleBooleanProperty kqlStaleProperty() {
    return kqlStale;
  }

  public ObjectProperty<Target> targetProperty() {
    return target;
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

  public ReadOnlyStringProperty testStatusProperty() {
    return testStatus.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  public SimpleBooleanProperty loadingProperty() {
    return loading;
  }

  public void shutdown() {
    analysisExecutor.shutdownNow();
    logExecutor.shutdownNow();
  }
}
