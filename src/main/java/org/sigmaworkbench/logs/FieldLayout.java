package org.sigmaworkbench.logs;

import java.util.List;
import java.util.Map;
import org.sigmaworkbench.kql.Target;
import org.sigmaworkbench.kql.TargetCatalog;

/**
 * How the fields of a log relate to Sigma field names: native (the log already uses Sigma names, as
 * Sysmon does) or the layout of a KQL table (an ASIM, Defender or SecurityEvent export), in which
 * case the table's mapping, the same one the KQL writer uses, says which column holds a Sigma
 * field.
 *
 * @param name a label for the UI ({@code Sysmon/Sigma names}, {@code imProcessCreate})
 * @param sigmaToColumns Sigma field to the columns that hold it; empty for native layouts
 * @param category the Sigma logsource category the events belong to, or {@code null} when unknown
 */
public record FieldLayout(String name, Map<String, List<String>> sigmaToColumns, String category) {

  public FieldLayout {
    sigmaToColumns = Map.copyOf(sigmaToColumns);
  }

  /** Field names are Sigma names; the category is unknown. */
  public static final FieldLayout NATIVE = new FieldLayout("Sigma field names", Map.of(), null);

  /** The layout of a target table. */
  public static FieldLayout of(String target, String table, String category) {
    Target t = TargetCatalog.get(target);
    for (Target.Table tb : t.tables()) {
      if (tb.name().equals(table)) {
        return new FieldLayout(table, tb.fields(), category);
      }
    }
    throw new IllegalArgumentException("target " + target + " has no table " + table);
  }

  /** Exports of query results, by the table whose columns they carry. */
  public static List<FieldLayout> exportLayouts() {
    return List.of(
        of("sentinel_asim", "imProcessCreate", "process_creation"),
        of("microsoft_xdr", "DeviceProcessEvents", "process_creation"),
        of("azure_monitor", "SecurityEvent", null));
  }

  /**
   * The Security 4688 layout: the event's own names (NewProcessName, ...) for Sigma's process
   * fields.
   */
  public static FieldLayout security4688() {
    FieldLayout se = of("azure_monitor", "SecurityEvent", "process_creation");
    return new FieldLayout("Security 4688", se.sigmaToColumns(), "process_creation");
  }

  /** The Sigma name shown for a column: the Sigma field it holds, or the column itself. */
  public String sigmaNameOf(String column) {
    for (Map.Entry<String, List<String>> e : sigmaToColumns.entrySet()) {
      if (e.getValue().contains(column) && !e.getKey().equals(column)) {
        return e.getKey();
      }
    }
    return column;
  }
}
