package org.sigmaworkbench.logs.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventBuilder;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.logs.Layouts;
import org.sigmaworkbench.logs.LogFormat;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogKind;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.logs.TextFilter;
import org.sigmaworkbench.logs.TextInput;
import org.sigmaworkbench.logs.json.ChainsawFields;
import org.sigmaworkbench.logs.json.EvtxECmdFields;
import org.sigmaworkbench.logs.json.HayabusaFields;
import org.sigmaworkbench.mapping.EventSource;
import org.sigmaworkbench.mapping.WindowsLogsources;

/**
 * Reads a delimited text export with a header row (comma, tab or semicolon, detected from the
 * header, or given by an Excel {@code sep=} line): RFC 4180 quoting, CRLF or LF, a PowerShell
 * {@code #TYPE} line skipped, Log Analytics suffixes such as {@code " [UTC]"} removed from column
 * names. The header and first rows tell which tool wrote it ({@link CsvKinds}); each kind maps its
 * columns to Sigma names. UTF-8 files are split on their bytes, and the fields of plain rows stay
 * bytes until read ({@link RawCsvRow}).
 */
public final class CsvEventReader implements EventStream {

  private static final int DETECT_ROWS = 5;

  private final String file;
  private final CsvTokenizer tokenizer;
  private final char delimiter;
  private final LogKind kind;
  private final List<String> columns;
  private final FieldLayout columnsLayout;
  private final Map<String, String> userColumns;
  private final String formatName;
  private final List<LogProblem> problems = new ArrayList<>();
  private final ArrayDeque<CsvRow> pending = new ArrayDeque<>();
  private final CsvRow row = new CsvRow();
  private final EventBuilder builder = new EventBuilder();
  private long record;

  /** Plain rows: one schema for the file, or one per kind of event when rows say their kind. */
  private final FieldSchema fixedSchema;

  private final int eventIdColumn;
  private final int channelColumn;
  private final int providerColumn;
  private final Map<EventSource, FieldSchema> schemaBySource = new HashMap<>();
  private final Map<FieldLayout, FieldLayout> userLayouts = new IdentityHashMap<>();

  /** Plain UTF-8 rows stay bytes until read: the tokenizer that gives them, and what to decode. */
  private final Utf8CsvTokenizer lazy;

  private final DecodeHints hints;
  private int hintsVersion = -1;
  private int[] eagerColumns = new int[0];
  private String lastChannel;
  private String lastProvider;
  private String lastEventId;
  private FieldSchema lastSchema;

  /**
   * What a record must hold to be built ({@code null}: every record is), applying once {@link
   * #buildFirst} events were returned: plain UTF-8 rows only, whose events hold exactly the text of
   * their fields (see {@link #skipFilter(TextFilter)}).
   */
  private final TextFilter skipFilter;

  private final long buildFirst;
  private final boolean doubledQuotesMatter;
  private long passedOver;

  public CsvEventReader(Path path) throws IOException, LogFormatException {
    this(path, ReadOptions.AUTO);
  }

  public CsvEventReader(Path path, ReadOptions options) throws IOException, LogFormatException {
    this(path, options, 1 << 20);
  }

  /**
   * @param blockSize bytes a UTF-8 file is read by at a time (tests make records cross blocks)
   */
  CsvEventReader(Path path, ReadOptions options, int blockSize)
      throws IOException, LogFormatException {
    if (options.kind() != null && options.kind().format() != LogFormat.CSV) {
      throw new IllegalArgumentException(options.kind() + " is not a delimited format");
    }
    this.file = path.getFileName().toString();
    this.userColumns = options.columnToSigma();
    TextInput.Encoding enc = TextInput.sniff(path);
    CsvTokenizer tk =
        enc.charset().equals(StandardCharsets.UTF_8)
            ? new Utf8CsvTokenizer(path, enc.bom(), blockSize)
            : new CharCsvTokenizer(TextInput.open(path));
    boolean ok = false;
    try {
      CsvPreamble preamble = CsvPreamble.skip(tk);
      char sep = preamble.separator();
      String typeLine = preamble.typeLine();
      int skipped = preamble.lines();
      String first = tk.peekLine();
      if (sep == 0 && typeLine == null && first != null && CsvKinds.singleColumn(first) != null) {
        // One column and no delimiter: each line is a value as it is (LineListTokenizer).
        tk.close();
        tk = new LineListTokenizer(TextInput.open(path));
        for (int i = 0; i < skipped; i++) {
          tk.skipLine();
        }
        tk.peekLine();
      }
      this.tokenizer = tk;
      if (first == null || first.isBlank()) {
        throw new LogFormatException(
            file + ": the file is empty; expected a header row of column names");
      }
      this.delimiter = sep != 0 ? sep : CsvKinds.delimiterOf(first);
      tokenizer.delimiter(delimiter);
      CsvRow header = new CsvRow();
      if (!tokenizer.next(header)) {
        throw new LogFormatException(file + ": no header row");
      }
      List<String> names = CsvKinds.columnNames(header.toList());
      List<List<String>> firstRows = new ArrayList<>();
      while (firstRows.size() < DETECT_ROWS) {
        CsvRow r = new CsvRow();
        if (!tokenizer.next(r)) {
          break;
        }
        pending.add(r);
        firstRows.add(r.toList());
      }
      this.kind =
          options.kind() != null
              ? options.kind()
              : CsvKinds.classify(names, delimiter, firstRows, typeLine);
      if (kind == LogKind.EVENT_VIEWER_CSV || kind == LogKind.EVENT_VIEWER_TEXT) {
        List<String> ev = new ArrayList<>(EventViewerFields.COLUMNS);
        for (int i = ev.size(); i < names.size(); i++) {
          ev.add(names.get(i));
        }
        names = ev;
      }
      this.columns = names;
      FieldLayout layout =
          kind == LogKind.TABLE_EXPORT_CSV ? Layouts.forColumns(names) : FieldLayout.NATIVE;
      this.columnsLayout = layout;
      boolean plain = kind == LogKind.CSV || kind == LogKind.TABLE_EXPORT_CSV;
      this.eventIdColumn = plain ? indexOf(names, "EventID", "EventId", "Event ID") : -1;
      this.channelColumn = plain ? indexOf(names, "Channel") : -1;
      this.providerColumn =
          plain ? indexOf(names, "Provider_Name", "ProviderName", "Provider", "SourceName") : -1;
      boolean perRow = plain && (eventIdColumn >= 0 || channelColumn >= 0 || providerColumn >= 0);
      this.fixedSchema = plain && !perRow ? FieldSchema.of(names, userLayout(layout)) : null;
      this.lazy = plain && tokenizer instanceof Utf8CsvTokenizer u ? u : null;
      this.skipFilter = skipFilter(options.filter());
      this.buildFirst = Math.max(1, options.buildFirst());
      this.doubledQuotesMatter = skipFilter != null && skipFilter.mayHold('"');
      this.hints = new DecodeHints(names.size());
      this.formatName = formatName(kind, delimiter, layout, !userColumns.isEmpty());
      ok = true;
    } catch (Utf8CsvTokenizer.RecordTooLong e) {
      throw new LogFormatException(file + ": " + e.getMessage() + "; a quote is never closed?");
    } finally {
      if (!ok) {
        tk.close();
      }
    }
  }

  /**
   * The filter records are passed over by, or {@code null}. The bytes of a plain UTF-8 row hold the
   * text of each of its fields (a quoted field's quotes doubled, which {@link #doubledQuotesMatter}
   * guards), and the event holds nothing else, except an account a layout keeps as a domain and a
   * name column, whose value joins them with a backslash: a wanted literal holding a backslash
   * could span the join, so then no record is passed over. The first event is always built, so the
   * run's columns are those of a full read.
   */
  private TextFilter skipFilter(TextFilter filter) {
    if (filter == null || lazy == null) {
      return null;
    }
    boolean joined = fixedSchema == null || fixedSchema.derivedSize() > fixedSchema.size();
    return joined && filter.mayHold('\\') ? null : filter;
  }

  private static int indexOf(List<String> names, String... candidates) {
    for (String c : candidates) {
      int i = names.indexOf(c);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static String formatName(
      LogKind kind, char delimiter, FieldLayout layout, boolean userMapping) {
    String name =
        switch (kind) {
          case CSV ->
              (delimiter == '\t'
                      ? "Tab-separated"
                      : delimiter == ';' ? "Semicolon-separated" : "CSV")
                  + " (Sigma field names)";
          case TABLE_EXPORT_CSV ->
              "Sentinel / Log Analytics CSV export (" + layout.name() + " columns)";
          default -> kind.title();
        };
    return EventStream.formatName(name, userMapping);
  }

  private FieldLayout userLayout(FieldLayout layout) {
    if (userColumns.isEmpty()) {
      return layout;
    }
    return userLayouts.computeIfAbsent(layout, l -> l.withColumns(userColumns));
  }

  private boolean nextRow() throws IOException {
    if (!pending.isEmpty()) {
      CsvRow r = pending.poll();
      row.fields = r.fields;
      row.size = r.size;
      row.line = r.line;
      row.unclosedQuote = r.unclosedQuote;
      return true;
    }
    try {
      if (skipFilter != null && record - passedOver >= buildFirst) {
        lazy.skipUnwanted(skipFilter, columns.size(), doubledQuotesMatter);
      }
      return lazy != null ? lazy.nextRaw(row) : tokenizer.next(row);
    } catch (Utf8CsvTokenizer.RecordTooLong e) {
      problems.add(
          new LogProblem(
              file,
              "line " + e.line,
              e.getMessage() + " (a quote never closed?); reading stopped here",
              true));
      return false;
    } finally {
      if (lazy != null && lazy.passedOver() != passedOver) {
        record += lazy.passedOver() - passedOver;
        passedOver = lazy.passedOver();
      }
    }
  }

  @Override
  public long passedOver() {
    return passedOver;
  }

  @Override
  public Event next() throws IOException {
    if (!nextRow()) {
      return null;
    }
    record++;
    if (row.unclosedQuote) {
      problems.add(
          new LogProblem(
              file,
              "line " + row.line,
              "a quoted field opened in record "
                  + record
                  + " is never closed; its text up to the end of the file was kept",
              false));
    }
    int n = columns.size();
    if (row.raw != null) {
      if (row.size <= n) {
        return lazyEvent(n);
      }
      materialize();
    }
    String[] values = Arrays.copyOf(row.fields, n);
    if (row.size < n) {
      Arrays.fill(values, row.size, n, null);
    } else if (row.size > n) {
      keepExtraFields(values);
    }
    if (fixedSchema != null) {
      return new Event(file, record, fixedSchema, values);
    }
    if (kind == LogKind.CSV || kind == LogKind.TABLE_EXPORT_CSV) {
      return new Event(file, record, schemaFor(values), values);
    }
    return shaped(values);
  }

  /** An event over the row's bytes: the columns matching reads are decoded here, the rest later. */
  private Event lazyEvent(int n) {
    RawCsvRow raw = new RawCsvRow(row.raw, row.bounds, hints);
    String[] values = new String[n]; // null: decoded by the row when first read
    if (hints.version() != hintsVersion) {
      hintsVersion = hints.version();
      List<Integer> eager = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        if (hints.wanted(c) || c == eventIdColumn || c == channelColumn || c == providerColumn) {
          eager.add(c);
        }
      }
      eagerColumns = eager.stream().mapToInt(Integer::intValue).toArray();
    }
    for (int c : eagerColumns) {
      if (c < row.size) {
        values[c] = raw.field(c);
      }
    }
    FieldSchema schema = fixedSchema != null ? fixedSchema : schemaFor(values);
    return new Event(file, record, schema, values, raw);
  }

  /** Decodes every field of a row read as bytes. */
  private void materialize() {
    RawCsvRow raw = new RawCsvRow(row.raw, row.bounds, hints);
    int size = row.size;
    row.clear();
    for (int i = 0; i < size; i++) {
      row.add(raw.field(i));
    }
  }

  private void keepExtraFields(String[] values) {
    int n = values.length;
    problems.add(
        new LogProblem(
            file,
            "record " + record + ", line " + row.line,
            "the record has "
                + row.size
                + " fields but the header names "
                + n
                + "; the extra fields were kept in the last column",
            false));
    StringBuilder extra = new StringBuilder(values[n - 1] == null ? "" : values[n - 1]);
    for (int i = n; i < row.size; i++) {
      extra.append(delimiter).append(row.fields[i]);
    }
    values[n - 1] = extra.toString();
  }

  /** The schema of a plain row whose EventID / Channel / Provider columns say its kind. */
  private FieldSchema schemaFor(String[] values) {
    String channel = value(values, channelColumn);
    String provider = value(values, providerColumn);
    String eventId = value(values, eventIdColumn);
    if (lastSchema != null
        && Objects.equals(channel, lastChannel)
        && Objects.equals(eventId, lastEventId)
        && Objects.equals(provider, lastProvider)) {
      return lastSchema;
    }
    EventSource source = WindowsLogsources.builtIn().of(channel, provider, eventId);
    FieldSchema s = schemaBySource.get(source);
    if (s == null) {
      FieldLayout layout =
          columnsLayout == FieldLayout.NATIVE
              ? Layouts.forWindowsEvent(channel, provider, eventId)
              : columnsLayout.withSource(source);
      s = FieldSchema.of(columns, userLayout(layout));
      schemaBySource.put(source, s);
    }
    lastChannel = channel;
    lastProvider = provider;
    lastEventId = eventId;
    lastSchema = s;
    return s;
  }

  private static String value(String[] values, int column) {
    return column < 0 ? null : values[column];
  }

  /** A row of a tool's export, shaped into Sigma names by the tool's rules. */
  private Event shaped(String[] values) {
    EventBuilder b = builder;
    b.clear();
    for (int i = 0; i < values.length; i++) {
      b.add(columns.get(i), values[i]);
    }
    String problem = null;
    switch (kind) {
      case EVTXECMD_CSV -> problem = EvtxECmdFields.shape(b);
      case EVENT_VIEWER_CSV, EVENT_VIEWER_TEXT -> problem = once(EventViewerFields.shape(b));
      case POWERSHELL_CSV -> problem = once(PowerShellCsvFields.shape(b));
      case HAYABUSA_CSV -> HayabusaFields.shapeCsv(b);
      case CHAINSAW_CSV -> problem = ChainsawFields.shapeCsv(b);
      case LOG_ANALYTICS_EVENT_CSV -> problem = EventDataColumn.shape(b);
      default -> {}
    }
    if (problem != null) {
      problems.add(new LogProblem(file, "record " + record + ", line " + row.line, problem, false));
    }
    return b.build(file, record, userLayout(b.windowsLayoutOr(columnsLayout)));
  }

  /** Problems already reported, for those reported once per kind of event (message labels). */
  private final Set<String> reported = new HashSet<>();

  private String once(String problem) {
    if (problem == null || !reported.add(problem)) {
      return null;
    }
    return problem + " (reported for the first such event only)";
  }

  @Override
  public List<LogProblem> problems() {
    return problems;
  }

  @Override
  public String formatName() {
    return formatName;
  }

  /** The kind the file is read as. */
  LogKind kind() {
    return kind;
  }

  @Override
  public long bytesRead() {
    return tokenizer.bytesRead();
  }

  @Override
  public void close() throws IOException {
    tokenizer.close();
  }
}
