package org.sigmaworkbench.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.sigmaworkbench.rule.LogSource;

/**
 * A KQL destination: which table a logsource goes to and how Sigma fields become columns there.
 * Loaded from a data file ({@link TargetCatalog}); nothing here is specific to one target.
 *
 * @param name the identifier used on the command line ({@code sentinel_asim})
 * @param title a name for people
 * @param timeColumn the column holding the event time, for correlations ({@code TimeGenerated})
 * @param tables the tables, in the order they are tried
 */
public record Target(String name, String title, String timeColumn, List<Table> tables) {

  public Target {
    tables = List.copyOf(tables);
  }

  /**
   * A logsource a table serves, with the rows of the table that hold its events.
   *
   * @param logsource the parts a rule's logsource must have (absent parts match anything;
   *     case-insensitive)
   * @param filter column to the values that select the rows of this logsource ({@code EventID:
   *     4688}); empty when every row belongs to it
   * @param filterImpliedBy columns that are only filled in those rows: when the rule can only match
   *     with one of them non-empty, the filter is left out
   * @param union whether the table holds only a share of the logsource's events (Security 4688 in
   *     one table, Sysmon 1 in another): the query then reads every table whose source says so, as
   *     a {@code union} of one filtered branch each
   */
  public record Source(
      LogSource logsource,
      Map<String, List<Object>> filter,
      List<String> filterImpliedBy,
      boolean union) {
    public Source {
      Map<String, List<Object>> copy = new LinkedHashMap<>();
      filter.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      filter = Collections.unmodifiableMap(copy);
      filterImpliedBy = List.copyOf(filterImpliedBy);
    }

    boolean serves(LogSource rule) {
      return partMatches(logsource.category(), rule.category())
          && partMatches(logsource.product(), rule.product())
          && partMatches(logsource.service(), rule.service());
    }

    private static boolean partMatches(String wanted, String actual) {
      return wanted == null
          || (actual != null
              && wanted.toLowerCase(Locale.ROOT).equals(actual.toLowerCase(Locale.ROOT)));
    }
  }

  /**
   * One table (or ASIM parser function) of a target, with the logsources it serves and how Sigma
   * fields are read from it. The same table may appear more than once with other logsources and
   * another field mapping.
   *
   * @param name the table or function name written at the head of the query
   * @param sources the logsources it serves
   * @param mappings Sigma field to how the field is read
   * @param fieldsByColumnName whether a Sigma field named like a column is read from that column
   * @param otherFields a dynamic column whose properties are the event's own fields, read for any
   *     Sigma field the mappings do not name ({@code EventData} of {@code WindowsEvent}); {@code
   *     null} when there is none
   * @param columns every column of the table with its Kusto type ({@code string}, {@code long},
   *     ...)
   * @param reads which events become rows of the table: the query's reach
   */
  public record Table(
      String name,
      List<Source> sources,
      Map<String, FieldMapping> mappings,
      boolean fieldsByColumnName,
      String otherFields,
      Map<String, String> columns,
      Reads reads) {

    public Table {
      sources = List.copyOf(sources);
      mappings = Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
      columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** The logsources it serves. */
    public List<LogSource> logsources() {
      return sources.stream().map(Source::logsource).toList();
    }

    /**
     * Sigma field to the column(s) that hold its value as Sigma writes it, first non-empty first.
     * Fields read through a rewrite are left out: their columns hold the value in another form.
     */
    public Map<String, List<String>> fields() {
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (Map.Entry<String, FieldMapping> e : mappings.entrySet()) {
        if (e.getValue() instanceof FieldMapping.Value v && v.isPlain()) {
          out.put(e.getKey(), v.columns());
        }
      }
      return Collections.unmodifiableMap(out);
    }

    /** The Kusto type of a column, or empty when the table does not list it. */
    public Optional<String> columnType(String column) {
      return Optional.ofNullable(columns.get(column));
    }

    /**
     * The columns that hold a Sigma field as Sigma writes it: exact name first, then ignoring case.
     */
    public Optional<List<String>> columnsFor(String sigmaField) {
      return Optional.ofNullable(lookup(fields(), sigmaField));
    }

    /** How a Sigma field is read: exact name first, then ignoring case; empty when not mapped. */
    public Optional<FieldMapping> mappingFor(String sigmaField) {
      FieldMapping m = lookup(mappings, sigmaField);
      if (m != null) {
        return Optional.of(m);
      }
      if (fieldsByColumnName) {
        String column = columnNamed(sigmaField);
        if (column != null) {
          return Optional.of(
              new FieldMapping.Value(
                  new FieldMapping.Source.Column(column), new FieldMapping.Rewrite.None()));
        }
      }
      if (otherFields != null) {
        return Optional.of(
            new FieldMapping.Value(
                new FieldMapping.Source.Column(otherFields + "." + sigmaField),
                new FieldMapping.Rewrite.None()));
      }
      return Optional.empty();
    }

    private String columnNamed(String name) {
      if (columns.containsKey(name)) {
        return name;
      }
      String found = null;
      for (String c : columns.keySet()) {
        if (c.equalsIgnoreCase(name)) {
          if (found != null) {
            return null;
          }
          found = c;
        }
      }
      return found;
    }

    private static <V> V lookup(Map<String, V> map, String key) {
      V exact = map.get(key);
      if (exact != null) {
        return exact;
      }
      for (Map.Entry<String, V> e : map.entrySet()) {
        if (e.getKey().equalsIgnoreCase(key)) {
          return e.getValue();
        }
      }
      return null;
    }

    /** The first of its sources serving a logsource. */
    public Optional<Source> sourceFor(LogSource logsource) {
      for (Source s : sources) {
        if (s.serves(logsource)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }

    /** Fields offered by name, for messages. */
    public List<String> offeredFields() {
      List<String> out = new ArrayList<>(new TreeSet<>(mappings.keySet()));
      if (fieldsByColumnName) {
        out.add("any column of " + name + " by its own name");
      }
      if (otherFields != null) {
        out.add("any other field of the event, read from " + otherFields);
      }
      return out;
    }
  }

  /**
   * Which events a table holds, so which events its query can return at all.
   *
   * @param channels the Windows event log channels whose events are rows of the table (as Windows
   *     names them, compared ignoring case); {@code *} for any channel; empty when the table holds
   *     no Windows event log events (a Defender table)
   * @param exports the tables whose exported rows (a CSV of a query result) are rows of this table;
   *     the table's own name is always among them
   */
  public record Reads(List<String> channels, List<String> exports) {
    public Reads {
      channels = List.copyOf(channels);
      exports = List.copyOf(exports);
    }

    /** Holds no Windows events, only exports of itself. */
    public static final Reads NOTHING = new Reads(List.of(), List.of());

    /** Whether events of the channel are rows of the table. */
    public boolean readsChannel(String channel) {
      for (String c : channels) {
        if (c.equals("*") || c.equalsIgnoreCase(channel)) {
          return true;
        }
      }
      return false;
    }

    /** Whether the table holds any Windows event log channel. */
    public boolean readsChannels() {
      return !channels.isEmpty();
    }
  }

  /** The first table serving a logsource. */
  public Optional<Table> tableFor(LogSource logsource) {
    return tablesFor(logsource).stream().findFirst();
  }

  /** Every table serving a logsource, in the order they are tried. */
  public List<Table> tablesFor(LogSource logsource) {
    List<Table> out = new ArrayList<>();
    for (Table t : tables) {
      if (t.sourceFor(logsource).isPresent()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The tables a rule's query reads, each with the source that serves the logsource: every
   * union-marked source serving it when there is one (the query is their {@code union}), else each
   * serving table in order, of which the query reads the first that holds the rule's fields.
   *
   * @param union whether the query reads all of {@code branches} together
   */
  public record Home(List<Branch> branches, boolean union) {
    public Home {
      branches = List.copyOf(branches);
    }
  }

  /** One table of a logsource's home with the source of it that serves the logsource. */
  public record Branch(Table table, Source source) {}

  /** Where a logsource's events live in this target. */
  public Home homeOf(LogSource logsource) {
    List<Branch> union = new ArrayList<>();
    List<Branch> all = new ArrayList<>();
    for (Table t : tables) {
      Optional<Source> s = t.sourceFor(logsource);
      if (s.isPresent()) {
        all.add(new Branch(t, s.get()));
        if (s.get().union()) {
          union.add(new Branch(t, s.get()));
        }
      }
    }
    return union.isEmpty() ? new Home(all, false) : new Home(union, true);
  }

  /** Every logsource this target serves, for messages. */
  public List<String> servedLogsources() {
    List<String> out = new ArrayList<>();
    for (Table t : tables) {
      for (Source s : t.sources()) {
        String line = s.logsource().describe() + " -> " + t.name();
        if (!out.contains(line)) {
          out.add(line);
        }
      }
    }
    return out;
  }
}
