package org.sigmaworkbench.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Whether a written query can return an event at all: the event must be a row of one of the tables
 * the query reads ({@link Target.Table#reads()}: the Windows channels or exports a table holds) and
 * pass that table's row filter for the rule's logsource. Read from the same target data as the
 * writer, with the field mappings read forwards (an event's {@code Provider_Name} is WindowsEvent's
 * {@code Provider}). What an event does not say (no channel, no provider) is not held against it.
 */
public final class Reach {

  private Reach() {}

  /**
   * What is known of where an event comes from.
   *
   * @param exportOf the table whose exported rows the log holds ({@code DeviceProcessEvents}), or
   *     {@code null} for an event of a Windows event log (or of unknown origin)
   * @param channel the Windows channel the event was written to, or {@code null} when unknown
   * @param field the event's value of a Sigma field, {@code null} when it has none
   */
  public record Origin(String exportOf, String channel, Function<String, String> field) {}

  /**
   * A written query as far as its reach goes (the KQL writer's result is one).
   *
   * <p>{@link #ok()} whether the query was written; {@link #reads()} the tables it reads, each with
   * the source of it that serves the rule's logsource (empty when not known: a correlation).
   */
  public interface Query {
    boolean ok();

    List<Target.Branch> reads();
  }

  /**
   * Why the query cannot return the event, or {@code null} when it can.
   *
   * @param target the target the query was written for
   * @param query the written query (a failed one reaches nothing)
   */
  public static String outside(Target target, Query query, Origin event) {
    String who = "the " + shortTitle(target) + " query";
    if (!query.ok()) {
      return "there is no " + shortTitle(target) + " query for the rule";
    }
    List<Target.Branch> reads = query.reads();
    if (reads.isEmpty()) {
      return null;
    }
    List<String> tables = reads.stream().map(b -> b.table().name()).distinct().toList();
    if (event.exportOf() != null) {
      for (Target.Branch b : reads) {
        if (b.table().name().equalsIgnoreCase(event.exportOf())
            || b.table().reads().exports().stream()
                .anyMatch(x -> x.equalsIgnoreCase(event.exportOf()))) {
          return null;
        }
      }
      return "an export of "
          + event.exportOf()
          + ", which "
          + who
          + " does not read (it reads "
          + String.join(", ", tables)
          + ")";
    }
    boolean anyChannels = false;
    List<String> described = new ArrayList<>();
    for (Target.Branch b : reads) {
      Target.Reads r = b.table().reads();
      described.add(describe(b));
      if (!r.readsChannels()) {
        continue;
      }
      anyChannels = true;
      if (event.channel() != null && !r.readsChannel(event.channel())) {
        continue;
      }
      if (passesFilter(b, event)) {
        return null;
      }
    }
    if (!anyChannels) {
      return who
          + " reads "
          + String.join(", ", tables)
          + ", which "
          + (tables.size() == 1 ? "holds" : "hold")
          + " no Windows event log events";
    }
    String id = event.field().apply("EventID");
    return who
        + " reads "
        + String.join(" and ", described)
        + "; this is "
        + (event.channel() == null ? "an event" : "a " + event.channel() + " event")
        + (id == null || id.isEmpty() ? "" : " " + id);
  }

  /** The target's title without its parenthesis: {@code Azure Monitor}. */
  public static String shortTitle(Target target) {
    String t = target.title();
    int p = t.indexOf(" (");
    return p > 0 ? t.substring(0, p) : t;
  }

  /** {@code SecurityEvent (Security: EventID 4688)}. */
  private static String describe(Target.Branch b) {
    List<String> parts = new ArrayList<>();
    List<String> channels = b.table().reads().channels();
    String where = channels.contains("*") ? "" : String.join(", ", channels);
    for (Map.Entry<String, List<Object>> e : b.source().filter().entrySet()) {
      parts.add(
          e.getKey()
              + " "
              + String.join(" or ", e.getValue().stream().map(Object::toString).toList()));
    }
    String filter = String.join(", ", parts);
    if (where.isEmpty() && filter.isEmpty()) {
      return b.table().name();
    }
    return b.table().name()
        + " ("
        + where
        + (where.isEmpty() || filter.isEmpty() ? "" : ": ")
        + filter
        + ")";
  }

  private static boolean passesFilter(Target.Branch b, Origin event) {
    for (Map.Entry<String, List<Object>> e : b.source().filter().entrySet()) {
      List<String> values = rowValues(b.table(), e.getKey(), event);
      if (values == null) {
        continue;
      }
      boolean any = false;
      for (Object wanted : e.getValue()) {
        for (String v : values) {
          if (same(wanted.toString(), v)) {
            any = true;
          }
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(String wanted, String value) {
    if (wanted.equalsIgnoreCase(value.strip())) {
      return true;
    }
    try {
      return Long.parseLong(wanted) == Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * The values a column of the table would hold for the event, read forwards through the table's
   * mapping; {@code null} when that cannot be known (the event lacks the field, or the column is
   * computed by a rewrite).
   */
  static List<String> rowValues(Target.Table table, String column, Origin event) {
    for (Map.Entry<String, FieldMapping> m : table.mappings().entrySet()) {
      if (m.getValue() instanceof FieldMapping.Value v
          && v.source() instanceof FieldMapping.Source.Column c
          && c.column().equals(column)) {
        String value = event.field().apply(m.getKey());
        if (value == null || value.isEmpty()) {
          continue;
        }
        if (v.rewrite() instanceof FieldMapping.Rewrite.None) {
          return List.of(value);
        }
        if (v.rewrite() instanceof FieldMapping.Rewrite.Values x) {
          for (Map.Entry<String, List<String>> e : x.values().entrySet()) {
            if (e.getKey().equalsIgnoreCase(value)) {
              return e.getValue();
            }
          }
        }
        return null;
      }
    }
    String own = column;
    if (table.otherFields() != null && column.startsWith(table.otherFields() + ".")) {
      own = column.substring(table.otherFields().length() + 1);
    } else if (!table.fieldsByColumnName() || !table.columns().containsKey(column)) {
      return null;
    }
    String value = event.field().apply(own);
    return value == null || value.isEmpty() ? null : List.of(value);
  }
}
