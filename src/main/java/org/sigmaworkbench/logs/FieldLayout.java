package org.sigmaworkbench.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sigmaworkbench.mapping.EventSource;
import org.sigmaworkbench.mapping.FieldMapping;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.mapping.WindowsLogsources;

/**
 * How the fields of a log relate to Sigma field names, and what kind of events they are: native
 * (the log already uses Sigma names, as Sysmon does) or the layout of a KQL table (an ASIM,
 * Defender or SecurityEvent export), in which case the table's mapping, the same one the KQL writer
 * uses, says which column holds a Sigma field.
 *
 * @param name a label for the UI ({@code Sigma field names}, {@code imProcessCreate})
 * @param sigmaToColumns Sigma field to the columns that hold it, tried in order; a field it does
 *     not name is looked up under its own name
 * @param category the main Sigma logsource category of the events, or {@code null} when unknown
 *     (always {@code source.category()})
 * @param source the Sigma logsource of the events ({@link EventSource#UNKNOWN} when the log does
 *     not say); when {@code null}, the events are of {@code category} only
 * @param accounts Sigma fields holding a Windows account ({@code User}) that the log keeps as a
 *     domain column and a name column, to {@code [domain column, name column]}: the field's value
 *     is {@code DOMAIN\name} (the name alone when the domain is empty), as the KQL writer's {@code
 *     domain}/{@code name} mapping reads the same columns (see {@link FieldSchema#slotOf})
 */
public record FieldLayout(
    String name,
    Map<String, List<String>> sigmaToColumns,
    String category,
    EventSource source,
    Map<String, List<String>> accounts) {

  public FieldLayout {
    Objects.requireNonNull(name, "name");
    sigmaToColumns = Map.copyOf(sigmaToColumns);
    source = source == null ? EventSource.ofCategory(category) : source;
    category = source.category();
    accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
  }

  /** A layout without split accounts. */
  public FieldLayout(
      String name, Map<String, List<String>> sigmaToColumns, String category, EventSource source) {
    this(name, sigmaToColumns, category, source, Map.of());
  }

  /**
   * A layout whose events are of one category, or of unknown kind when {@code category} is null.
   */
  public FieldLayout(String name, Map<String, List<String>> sigmaToColumns, String category) {
    this(name, sigmaToColumns, category, null);
  }

  /** A layout for events of the given kind. */
  public static FieldLayout of(
      String name, Map<String, List<String>> sigmaToColumns, EventSource source) {
    return new FieldLayout(name, sigmaToColumns, null, source);
  }

  /** Field names are Sigma names; the kind of event is unknown. */
  public static final FieldLayout NATIVE = new FieldLayout("Sigma field names", Map.of(), null);

  /** The Sigma logsource product of the events, or {@code null} when unknown. */
  public String product() {
    return source.product();
  }

  /** The Sigma logsource service of the events, or {@code null} when unknown. */
  public String service() {
    return source.service();
  }

  /** The same columns for events of another kind. */
  public FieldLayout withSource(EventSource newSource) {
    return newSource.equals(source)
        ? this
        : new FieldLayout(name, sigmaToColumns, null, newSource, accounts);
  }

  /**
   * This layout with the user's choice of columns on top: each entry says a column holds a Sigma
   * field, and is tried before what the layout says.
   */
  public FieldLayout withColumns(Map<String, String> columnToSigma) {
    if (columnToSigma.isEmpty()) {
      return this;
    }
    Map<String, List<String>> merged = new LinkedHashMap<>(sigmaToColumns);
    for (Map.Entry<String, String> e : columnToSigma.entrySet()) {
      List<String> columns = new ArrayList<>();
      columns.add(e.getKey());
      for (String c : merged.getOrDefault(e.getValue(), List.of())) {
        if (!c.equals(e.getKey())) {
          columns.add(c);
        }
      }
      merged.put(e.getValue(), columns);
    }
    return new FieldLayout(name + YOUR_MAPPING, merged, null, source, accounts);
  }

  /** The layout of a target table; {@code category} null for a table of unknown kind. */
  public static FieldLayout of(String target, String table, String category) {
    Target t = TargetCatalog.get(target);
    for (Target.Table tb : t.tables()) {
      if (tb.name().equals(table)) {
        Map<String, List<String>> accounts = new LinkedHashMap<>();
        tb.mappings()
            .forEach(
                (field, m) -> {
                  if (m instanceof FieldMapping.DomainUser d) {
                    accounts.put(field, List.of(d.domainColumn(), d.nameColumn()));
                  }
                });
        return new FieldLayout(table, tb.fields(), category, null, accounts);
      }
    }
    throw new IllegalArgumentException("target " + target + " has no table " + table);
  }

  /**
   * Exports of query results, by the table whose columns they carry. An export of one table does
   * not say per row what kind of event it is, so the process tables are of unknown kind: every rule
   * is tried on them. SecurityEvent rows say it through their EventID (see {@link Layouts}).
   */
  public static List<FieldLayout> exportLayouts() {
    return List.of(
        of("sentinel_asim", "imProcessCreate", null),
        of("microsoft_xdr", "DeviceProcessEvents", null),
        of("azure_monitor", "SecurityEvent", null));
  }

  /**
   * The Security 4688 layout: the event's own names (NewProcessName, ...) for Sigma's process
   * fields.
   */
  public static FieldLayout security4688() {
    FieldLayout se = of("azure_monitor", "SecurityEvent", null);
    return of(
        "Security 4688",
        se.sigmaToColumns(),
        WindowsLogsources.builtIn().of("Security", null, "4688"));
  }

  /**
   * The table whose exported rows the log holds ({@code DeviceProcessEvents}), or {@code null} for
   * an event log or a log of Sigma names.
   */
  public String exportedTable() {
    String base =
        name.endsWith(YOUR_MAPPING)
            ? name.substring(0, name.length() - YOUR_MAPPING.length())
            : name;
    for (FieldLayout l : exportLayouts()) {
      if (l.name().equals(base)) {
        return base;
      }
    }
    return null;
  }

  private static final String YOUR_MAPPING = " + your mapping";

  /** The Sigma name shown for a column: the Sigma field it holds, or the column itself. */
  public String sigmaNameOf(String column) {
    for (Map.Entry<String, List<String>> e : sigmaToColumns.entrySet()) {
      if (e.getValue().contains(column) && !e.getKey().equals(column)) {
        return e.getKey();
      }
    }
    return column;
  }

  /** Cheap: layouts are map keys of every schema, and their column maps are large. */
  @Override
  public int hashCode() {
    return name.hashCode() * 31 + source.hashCode() + sigmaToColumns.size() + accounts.size();
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof FieldLayout l
            && l.name.equals(name)
            && l.source.equals(source)
            && l.sigmaToColumns.equals(sigmaToColumns)
            && l.accounts.equals(accounts));
  }
}
