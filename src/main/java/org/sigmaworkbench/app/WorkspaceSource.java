package org.sigmaworkbench.app;

import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.RunWords;
import org.sigmaworkbench.workspace.MatchedRow;
import org.sigmaworkbench.workspace.QueryResult;
import org.sigmaworkbench.workspace.SignIn;
import org.sigmaworkbench.workspace.WorkspaceConnection;

/**
 * The rows a workspace query returned, as a source of the test pane beside the loaded logs: each
 * row the event {@link org.sigmaworkbench.workspace.RowMatcher} read back, with the rule's
 * explanation, matched again when the rule in the editor changes. Free of JavaFX; also reads and
 * writes the connection the settings remember.
 */
final class WorkspaceSource {

  private final String name;
  private final List<EventRow> rows;
  private final boolean truncated;
  private final int maxRows;
  private final String partialError;

  private WorkspaceSource(
      String name, List<EventRow> rows, boolean truncated, int maxRows, String partialError) {
    this.name = name;
    this.rows = List.copyOf(rows);
    this.truncated = truncated;
    this.maxRows = maxRows;
    this.partialError = partialError;
  }

  /** The rows of a query result, as matched when they came. */
  static WorkspaceSource of(
      String name, QueryResult result, List<MatchedRow> matched, int maxRows) {
    List<EventRow> rows = new ArrayList<>(matched.size());
    for (MatchedRow m : matched) {
      rows.add(new EventRow(m.event(), m.explanation()));
    }
    return new WorkspaceSource(name, rows, result.truncated(), maxRows, result.partialError());
  }

  /** The same rows matched by another rule ({@code null}: no usable rule, no explanations). */
  WorkspaceSource rematched(CompiledRule rule) {
    List<EventRow> out = new ArrayList<>(rows.size());
    for (EventRow r : rows) {
      out.add(new EventRow(r.event(), rule == null ? null : rule.explain(r.event())));
    }
    return new WorkspaceSource(name, out, truncated, maxRows, partialError);
  }

  /** The source's name, as the File column and the status line show it. */
  String name() {
    return name;
  }

  List<EventRow> rows() {
    return rows;
  }

  /** Whether a row is one of this source's (the same event). */
  boolean holds(EventRow row) {
    for (EventRow r : rows) {
      if (r.event() == row.event()) {
        return true;
      }
    }
    return false;
  }

  /** Rows the rule matches locally. */
  long hits() {
    return rows.stream().filter(EventRow::hit).count();
  }

  /** What the notice bar says of the result: rows cut at the limit, an error with the rows. */
  List<String> notes() {
    List<String> notes = new ArrayList<>();
    if (partialError != null) {
      notes.add(
          "The "
              + name
              + " rows may be incomplete: "
              + partialError.replaceAll("\\s*\\R\\s*", " ").strip()
              + (partialError.strip().endsWith(".") ? "" : "."));
    }
    if (truncated) {
      notes.add(
          "The query returned more rows than the limit; the first "
              + RunWords.count(Math.min(maxRows == 0 ? rows.size() : maxRows, rows.size()), "row")
              + " from "
              + name
              + " are shown.");
    }
    if (rows.isEmpty()) {
      notes.add("The query returned no rows from " + name + ".");
    }
    return notes;
  }

  /** The connection the settings remember, with the defaults for what they do not. */
  static WorkspaceConnection connection(Settings s) {
    WorkspaceConnection d = WorkspaceConnection.defaults();
    SignIn signIn = SignIn.AUTO;
    if (s.workspaceSignIn != null) {
      try {
        signIn = SignIn.of(s.workspaceSignIn);
      } catch (IllegalArgumentException e) {
        // an unknown name from another version: automatic
      }
    }
    return new WorkspaceConnection(
        WorkspaceConnection.Service.of(s.workspaceService),
        s.workspaceId,
        s.workspaceCluster,
        s.workspaceDatabase,
        s.workspaceEndpoint,
        s.workspaceTimespan == null ? d.timespan() : s.workspaceTimespan,
        s.workspaceMaxRows == null ? d.maxRows() : String.valueOf(s.workspaceMaxRows),
        signIn);
  }

  /** Remembers a connection in the settings (nothing secret: there is none). */
  static void remember(Settings s, WorkspaceConnection c) {
    s.workspaceService = c.service().name();
    s.workspaceId = emptyIsNull(c.workspaceId());
    s.workspaceCluster = emptyIsNull(c.cluster());
    s.workspaceDatabase = emptyIsNull(c.database());
    s.workspaceEndpoint = emptyIsNull(c.endpoint());
    s.workspaceTimespan = c.timespan();
    s.workspaceMaxRows = c.rowLimit() > 0 ? c.rowLimit() : null;
    s.workspaceSignIn = c.signIn().option();
  }

  private static String emptyIsNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
