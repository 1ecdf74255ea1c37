package org.sigmaworkbench.workspace;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.mapping.Target;

/**
 * Where a window runs a rule's query, as a person fills it in: the service, its workspace or
 * cluster and database, another endpoint, the time range, the row limit and the sign-in. Every
 * value is text as typed; {@link #problems()} says what is wrong with each, and a valid connection
 * builds the service, the request and the run. Nothing secret is held: the sign-in is a choice of
 * how azure-identity gets a token.
 *
 * @param service which service
 * @param workspaceId the Log Analytics workspace ID (for {@link Service#LOG_ANALYTICS})
 * @param cluster the Azure Data Explorer cluster URL (for {@link Service#DATA_EXPLORER})
 * @param database the Azure Data Explorer database (for {@link Service#DATA_EXPLORER})
 * @param endpoint another base URL for the service, or empty for its own
 * @param timespan an ISO 8601 duration, or empty for the service's default
 * @param maxRows the most rows kept, as typed (a whole number, at least 1)
 * @param signIn how to sign in
 */
public record WorkspaceConnection(
    Service service,
    String workspaceId,
    String cluster,
    String database,
    String endpoint,
    String timespan,
    String maxRows,
    SignIn signIn) {

  /** The time range when none was chosen before. */
  public static final String DEFAULT_TIMESPAN = "P1D";

  /** The row limit when none was chosen before. */
  public static final int DEFAULT_MAX_ROWS = 1000;

  /** The largest row limit a window accepts. */
  public static final int MOST_ROWS = 100_000;

  /** The services a query can run on. */
  public enum Service {
    LOG_ANALYTICS("Log Analytics workspace"),
    DATA_EXPLORER("Azure Data Explorer cluster"),
    DEFENDER("Defender XDR advanced hunting");

    private final String title;

    Service(String title) {
      this.title = title;
    }

    /** The name people read. */
    public String title() {
      return title;
    }

    /** The service of a remembered name, or Log Analytics for an unknown one. */
    public static Service of(String name) {
      for (Service s : values()) {
        if (s.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
          return s;
        }
      }
      return LOG_ANALYTICS;
    }

    @Override
    public String toString() {
      return title;
    }
  }

  /** The values a connection is checked for, each with its own message. */
  public enum Part {
    WORKSPACE,
    CLUSTER,
    DATABASE,
    ENDPOINT,
    TIMESPAN,
    MAX_ROWS
  }

  public WorkspaceConnection {
    service = service == null ? Service.LOG_ANALYTICS : service;
    workspaceId = clean(workspaceId);
    cluster = clean(cluster);
    database = clean(database);
    endpoint = clean(endpoint);
    timespan = clean(timespan);
    maxRows = clean(maxRows);
    signIn = signIn == null ? SignIn.AUTO : signIn;
  }

  private static String clean(String s) {
    return s == null ? "" : s.strip();
  }

  /** A Log Analytics connection with the defaults: a day, 1,000 rows, automatic sign-in. */
  public static WorkspaceConnection defaults() {
    return new WorkspaceConnection(
        Service.LOG_ANALYTICS,
        "",
        "",
        "",
        "",
        DEFAULT_TIMESPAN,
        String.valueOf(DEFAULT_MAX_ROWS),
        SignIn.AUTO);
  }

  /** What is wrong, per value, in the order of the form; empty when the connection can run. */
  public Map<Part, String> problems() {
    Map<Part, String> p = new LinkedHashMap<>();
    if (service == Service.LOG_ANALYTICS && workspaceId.isEmpty()) {
      p.put(Part.WORKSPACE, "Enter the workspace ID (a GUID, on the workspace's overview).");
    } else if (service == Service.LOG_ANALYTICS && !workspaceId.matches("[A-Za-z0-9._-]+")) {
      p.put(Part.WORKSPACE, "A workspace ID has letters, digits and dashes only.");
    }
    if (service == Service.DATA_EXPLORER) {
      if (cluster.isEmpty()) {
        p.put(Part.CLUSTER, "Enter the cluster URL (https://NAME.REGION.kusto.windows.net).");
      } else {
        try {
          Endpoint.of(cluster);
        } catch (IllegalArgumentException e) {
          p.put(Part.CLUSTER, sentence(e.getMessage()));
        }
      }
      if (database.isEmpty()) {
        p.put(Part.DATABASE, "Enter the database name.");
      }
    }
    if (!endpoint.isEmpty()) {
      try {
        Endpoint.of(endpoint);
      } catch (IllegalArgumentException e) {
        p.put(Part.ENDPOINT, sentence(e.getMessage()));
      }
    }
    if (!timespan.isEmpty()) {
      try {
        QueryRequest.checkTimespan(timespan);
      } catch (IllegalArgumentException e) {
        p.put(Part.TIMESPAN, sentence(e.getMessage()));
      }
    }
    int rows = rowLimit();
    if (rows < 1 || rows > MOST_ROWS) {
      p.put(
          Part.MAX_ROWS,
          "Enter a number of rows from 1 to " + String.format("%,d", MOST_ROWS) + ".");
    }
    return p;
  }

  /** The same connection with another row limit (as typed). */
  public WorkspaceConnection withMaxRows(String rows) {
    return new WorkspaceConnection(
        service, workspaceId, cluster, database, endpoint, timespan, rows, signIn);
  }

  /** Whether the connection can run. */
  public boolean valid() {
    return problems().isEmpty();
  }

  /** The row limit, or -1 when the text is not a whole number. */
  public int rowLimit() {
    if (maxRows.isEmpty()
        || maxRows.length() > 9
        || !maxRows.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(maxRows);
  }

  /**
   * The name of the rows' source in a window: {@code workspace 1234abcd…}, {@code cluster/db} (the
   * cluster's host name up to its first dot), or {@code Defender XDR}.
   */
  public String sourceName() {
    return switch (service) {
      case LOG_ANALYTICS ->
          "workspace "
              + (workspaceId.length() > 8 ? workspaceId.substring(0, 8) + "…" : workspaceId);
      case DATA_EXPLORER -> {
        String host = cluster;
        try {
          String h = java.net.URI.create(Endpoint.of(cluster).base()).getHost();
          host = h == null ? cluster : h;
        } catch (IllegalArgumentException e) {
          // not a URL: the text as typed
        }
        int dot = host.indexOf('.');
        yield (dot > 0 ? host.substring(0, dot) : host) + "/" + database;
      }
      case DEFENDER -> "Defender XDR";
    };
  }

  /**
   * The service this connection calls.
   *
   * @param target the target the query was written for (its time column limits an Azure Data
   *     Explorer query's time range)
   * @param prompt shows what a person must do to sign in (a device code)
   * @throws IllegalArgumentException when the connection is not valid
   */
  public WorkspaceQuery query(Target target, Consumer<String> prompt) {
    requireValid();
    ServiceOptions options = ServiceOptions.of(signIn, null, prompt);
    return switch (service) {
      case LOG_ANALYTICS ->
          new LogAnalyticsQuery(
              Endpoint.of(endpoint.isEmpty() ? LogAnalyticsQuery.ENDPOINT : endpoint),
              workspaceId,
              options);
      case DATA_EXPLORER ->
          new DataExplorerQuery(
              Endpoint.of(endpoint.isEmpty() ? cluster : endpoint),
              cluster,
              database,
              target == null ? null : target.timeColumn(),
              options);
      case DEFENDER ->
          new DefenderHuntingQuery(
              Endpoint.of(endpoint.isEmpty() ? DefenderHuntingQuery.ENDPOINT : endpoint), options);
    };
  }

  /** The request for a query text, sent as it is, with this time range and row limit. */
  public QueryRequest request(String query) {
    requireValid();
    return new QueryRequest(query, timespan.isEmpty() ? null : timespan, rowLimit(), null);
  }

  /**
   * Runs a rule's written query here; each row comes back as an event of {@link #sourceName()},
   * matched by the rule.
   *
   * @param query the text to send, exactly as shown to the user
   * @param written the written query (its tables read the rows back into events)
   */
  public WorkspaceRun start(
      String query,
      CompiledRule rule,
      Target target,
      KqlResult written,
      Consumer<String> prompt,
      WorkspaceRun.Listener listener) {
    return WorkspaceRun.start(
        query(target, prompt),
        request(query),
        new RowMatcher(rule, target, written),
        sourceName(),
        listener);
  }

  private void requireValid() {
    Map<Part, String> p = problems();
    if (!p.isEmpty()) {
      throw new IllegalArgumentException(p.values().iterator().next());
    }
  }

  /** A failed query as one sentence for a notice bar: the service's words, never a trace. */
  public static String sentence(QueryException e) {
    String m = e.getMessage() == null ? e.kind().name().toLowerCase(Locale.ROOT) : e.getMessage();
    m = m.replaceAll("\\s*\\R\\s*", " ").strip();
    if (m.length() > 600) {
      m = m.substring(0, 600) + "…";
    }
    if (e.kind() == QueryException.Kind.CANCELLED) {
      return "The query was stopped.";
    }
    return sentence(m);
  }

  /** Text with a capital first letter and a full stop. */
  static String sentence(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return t;
    }
    t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
    return t.endsWith(".") || t.endsWith("…") ? t : t + ".";
  }
}
