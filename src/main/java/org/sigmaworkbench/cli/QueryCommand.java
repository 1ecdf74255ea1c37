package org.sigmaworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.RunWords;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.workspace.DataExplorerQuery;
import org.sigmaworkbench.workspace.DefenderHuntingQuery;
import org.sigmaworkbench.workspace.Endpoint;
import org.sigmaworkbench.workspace.LogAnalyticsQuery;
import org.sigmaworkbench.workspace.MatchedRow;
import org.sigmaworkbench.workspace.QueryException;
import org.sigmaworkbench.workspace.QueryRequest;
import org.sigmaworkbench.workspace.QueryResult;
import org.sigmaworkbench.workspace.RowMatcher;
import org.sigmaworkbench.workspace.ServiceOptions;
import org.sigmaworkbench.workspace.SignIn;
import org.sigmaworkbench.workspace.WorkspaceQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code query}: converts a rule as {@code convert} does, runs the query on a Log Analytics
 * workspace, an Azure Data Explorer database or Defender XDR advanced hunting, and prints the rows
 * with the spans the rule's matcher finds in them.
 */
@Command(
    name = "query",
    description = {
      "Run a rule's query on a workspace, cluster or Defender XDR and print the rows.",
      "The query is the text 'convert' prints for the target. Give one of --workspace, --cluster"
          + " with --database, or --defender. Each row is matched by the rule as in 'test', with"
          + " the matched parts in brackets."
    })
final class QueryCommand extends CliCommand {

  /** Made when the first row is written: help and usage never load the object mapper. */
  private static final class Mapper {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  /** Cells wider than this are cut in the text table. */
  static final int CELL = 40;

  @Parameters(arity = "1", paramLabel = "RULE", description = "The rule file.")
  Path rule;

  @Option(
      names = "--target",
      paramLabel = "TARGET",
      description =
          "sentinel_asim, microsoft_xdr, azure_monitor or a target file (default: --defender"
              + " microsoft_xdr; --workspace sentinel_asim when it serves the rule's"
              + " logsource, else azure_monitor; --cluster azure_monitor).")
  String target;

  @Option(
      names = "--workspace",
      paramLabel = "ID",
      description = "Log Analytics workspace ID (Microsoft Sentinel).")
  String workspace;

  @Option(
      names = "--cluster",
      paramLabel = "URL",
      description = "Azure Data Explorer cluster URL (with --database).")
  String cluster;

  @Option(names = "--database", paramLabel = "DB", description = "Azure Data Explorer database.")
  String database;

  @Option(names = "--defender", description = "Defender XDR advanced hunting (Microsoft Graph).")
  boolean defender;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description =
          "Another base URL for the service (a sovereign cloud, a proxy); plain http only on"
              + " a loopback address, and then no credential is sent.")
  String endpoint;

  @Option(
      names = "--timespan",
      paramLabel = "ISO8601",
      description = "Time range for the query, as an ISO 8601 duration (P1D, PT12H, P7D).")
  String timespan;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      description = "Print at most N rows (more mark the result truncated).")
  Integer maxRowsOption;

  int maxRows;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "660",
      description = "Give up an attempt after this many seconds (default: ${DEFAULT-VALUE}).")
  Integer timeoutSeconds;

  Duration timeout;

  @Option(
      names = "--sign-in",
      paramLabel = "HOW",
      defaultValue = "auto",
      description =
          "How to sign in: auto, or one of the ways it tries (see README; default:"
              + " ${DEFAULT-VALUE}).")
  String signInName;

  SignIn signIn;

  @Option(
      names = "--tenant",
      paramLabel = "ID",
      description = "Microsoft Entra tenant for browser / device-code sign-in.")
  String tenant;

  @Mixin FormatOption output;

  @Mixin UnmappedOption unmapped;

  @Mixin PlaceholdersOption placeholders;

  @Override
  public void validate() throws UsageException {
    int services = (workspace != null ? 1 : 0) + (cluster != null ? 1 : 0) + (defender ? 1 : 0);
    if (services != 1) {
      throw new UsageException(
          "give one of --workspace=ID, --cluster=URL --database=DB, or --defender");
    }
    if (cluster != null && database == null) {
      throw new UsageException("--cluster needs --database=DB");
    }
    if (database != null && cluster == null) {
      throw new UsageException("--database goes with --cluster=URL");
    }
    if (timespan != null) {
      try {
        QueryRequest.checkTimespan(timespan);
      } catch (IllegalArgumentException e) {
        throw new UsageException("invalid value for option '--timespan': " + e.getMessage());
      }
    }
    if (maxRowsOption != null && maxRowsOption < 1) {
      throw new UsageException("--max-rows needs at least 1");
    }
    maxRows = maxRowsOption == null ? 0 : maxRowsOption;
    if (timeoutSeconds == null || timeoutSeconds < 1) {
      throw new UsageException("--timeout needs at least 1 second");
    }
    timeout = Duration.ofSeconds(timeoutSeconds);
    try {
      signIn = SignIn.of(signInName);
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid value for option '--sign-in': " + e.getMessage());
    }
  }

  @Override
  public int call(PrintWriter out, PrintWriter err) throws Exception {
    Placeholders table = placeholders.load(err);
    if (table == null) {
      return 2;
    }
    RuleInputs.Loaded loaded = RuleInputs.load(List.of(rule), table);
    if (loaded.items().size() != 1) {
      err.println(
          "error: "
              + rule
              + " holds "
              + loaded.items().size()
              + " documents; query runs one detection rule");
      return 2;
    }
    RuleInputs.Item item = loaded.items().get(0);
    String targetName = target != null ? target : defaultTarget(item);
    Target t = ConvertCommand.resolveTarget(targetName, err);
    if (t == null) {
      return 2;
    }
    // The same path as 'convert': the text sent is the text convert prints.
    KqlWriter writer = new KqlWriter(t, unmapped.kqlOptions());
    ConvertCommand.Outcome o = ConvertCommand.convert(writer, item, loaded.byReference());
    if (o.error() != null) {
      err.println(item.path() + ": " + o.error());
      return 1;
    }
    for (String w : o.result().warnings()) {
      err.println(item.path() + ": warning: " + w);
    }
    if (!(item.document() instanceof SigmaRule sigma)) {
      err.println("error: query runs a detection rule; " + rule + " holds a correlation");
      return 2;
    }
    WorkspaceQuery service;
    try {
      service = service(t, err);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    String query = o.result().query();
    if (output.text()) {
      err.println("running the " + t.name() + " query on " + service.describe());
    }
    QueryResult result;
    try {
      result = service.run(new QueryRequest(query, timespan, maxRows, timeout));
    } catch (QueryException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    RowMatcher matcher = new RowMatcher(CompiledRule.compile(sigma), t, o.result());
    List<MatchedRow> rows = matcher.matchAll(result);
    if (output.jsonl()) {
      jsonl(out, query, result, rows);
    } else {
      text(out, err, result, rows);
    }
    if (result.partialError() != null) {
      err.println("error: the rows may be incomplete: " + result.partialError());
      return 1;
    }
    return 0;
  }

  /** The target when none is given: the one whose tables the service holds. */
  private String defaultTarget(RuleInputs.Item item) {
    if (defender) {
      return "microsoft_xdr";
    }
    if (workspace != null
        && item.document() instanceof SigmaRule r
        && !TargetCatalog.get("sentinel_asim").tablesFor(r.logsource()).isEmpty()) {
      return "sentinel_asim";
    }
    return "azure_monitor";
  }

  private WorkspaceQuery service(Target t, PrintWriter err) {
    ServiceOptions options =
        ServiceOptions.of(
            signIn,
            tenant,
            message -> {
              err.println(message);
              err.flush();
            });
    if (defender) {
      return new DefenderHuntingQuery(
          Endpoint.of(endpoint != null ? endpoint : DefenderHuntingQuery.ENDPOINT), options);
    }
    if (workspace != null) {
      return new LogAnalyticsQuery(
          Endpoint.of(endpoint != null ? endpoint : LogAnalyticsQuery.ENDPOINT),
          workspace,
          options);
    }
    return new DataExplorerQuery(
        Endpoint.of(endpoint != null ? endpoint : cluster),
        cluster,
        database,
        t.timeColumn(),
        options);
  }

  private static void jsonl(
      PrintWriter out, String query, QueryResult result, List<MatchedRow> rows) {
    JsonLines json = new JsonLines(out);
    List<String> names = result.columnNames();
    for (MatchedRow row : rows) {
      json.object(
          g -> {
            g.writeObjectFieldStart("columns");
            for (int i = 0; i < names.size(); i++) {
              g.writeFieldName(names.get(i));
              Mapper.JSON.writeTree(g, row.cells().get(i));
            }
            g.writeEndObject();
            g.writeBooleanField("hit", row.hit());
            VerdictJson.spans(g, row.spans());
          });
    }
    json.object(
        g -> {
          g.writeStringField("query", query);
          g.writeNumberField("rows", rows.size());
          g.writeBooleanField("truncated", result.truncated());
          if (result.partialError() != null) {
            g.writeStringField("partial_error", result.partialError());
          }
        });
  }

  /** The rows as a table, each followed by its spans as 'test' prints them. */
  private static void text(
      PrintWriter out, PrintWriter err, QueryResult result, List<MatchedRow> rows) {
    List<String> names = result.columnNames();
    int[] width = new int[names.size()];
    List<String[]> cells = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      width[i] = Math.min(CELL, names.get(i).length());
    }
    for (MatchedRow row : rows) {
      String[] line = new String[names.size()];
      for (int i = 0; i < names.size(); i++) {
        String v = QueryResult.text(row.cells().get(i));
        line[i] = cut(v == null ? "" : v);
        width[i] = Math.max(width[i], line[i].length());
      }
      cells.add(line);
    }
    if (!names.isEmpty()) {
      out.println(line(names.stream().map(QueryCommand::cut).toArray(String[]::new), width));
      StringBuilder rule = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
      }
      out.println(rule);
    }
    long hits = 0;
    for (int r = 0; r < rows.size(); r++) {
      out.println(line(cells.get(r), width));
      MatchedRow row = rows.get(r);
      if (row.hit()) {
        hits++;
      }
      String spans = TextReport.spans(row.event(), row.explanation());
      if (!spans.isEmpty()) {
        out.println(spans.substring(1));
      }
    }
    err.println(
        RunWords.count(rows.size(), "row")
            + (result.truncated() ? " (truncated: more rows match)" : "")
            + "; the rule matches "
            + hits
            + " of them locally");
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append(" | ");
      }
      b.append(cells[i]).append(" ".repeat(Math.max(0, width[i] - cells[i].length())));
    }
    return b.toString().stripTrailing();
  }

  private static String cut(String s) {
    String one = s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ");
    return one.length() <= CELL ? one : one.substring(0, CELL - 3) + "...";
  }
}
