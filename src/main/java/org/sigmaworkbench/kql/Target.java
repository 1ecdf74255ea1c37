package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sigmaworkbench.rule.LogSource;

/**
 * A KQL destination: which table a logsource goes to and how Sigma fields become columns there.
 * Loaded from a data file ({@link TargetCatalog}); nothing here is specific to one target.
 *
 * @param name the identifier used on the command line ({@code sentinel_asim})
 * @param title a name for people
 * @param tables the tables, in the order they are tried
 */
public record Target(String name, String title, List<Table> tables) {

  public Target {
    tables = List.copyOf(tables);
  }

  /**
   * One table (or ASIM parser function) of a target.
   *
   * @param name the table or function name written at the head of the query
   * @param logsources the logsources it serves; a rule matches one when every part the entry gives
   *     equals the rule's (case-insensitively)
   * @param fields Sigma field name to the column(s) holding it; several columns are tried in turn
   * @param columns every column of the table with its Kusto type ({@code string}, {@code long},
   *     ...)
   */
  public record Table(
      String name,
      List<LogSource> logsources,
      Map<String, List<String>> fields,
      Map<String, String> columns) {

    public Table {
      logsources = List.copyOf(logsources);
      fields = Map.copyOf(fields);
      columns = Map.copyOf(columns);
    }

    /** The Kusto type of a column, or empty when the table does not list it. */
    public Optional<String> columnType(String column) {
      return Optional.ofNullable(columns.get(column));
    }

    /** The columns for a Sigma field: exact name first, then ignoring case. */
    public Optional<List<String>> columnsFor(String sigmaField) {
      List<String> exact = fields.get(sigmaField);
      if (exact != null) {
        return Optional.of(exact);
      }
      for (Map.Entry<String, List<String>> e : fields.entrySet()) {
        if (e.getKey().equalsIgnoreCase(sigmaField)) {
          return Optional.of(e.getValue());
        }
      }
      return Optional.empty();
    }

    boolean serves(LogSource rule) {
      for (LogSource ls : logsources) {
        if (partMatches(ls.category(), rule.category())
            && partMatches(ls.product(), rule.product())
            && partMatches(ls.service(), rule.service())) {
          return true;
        }
      }
      return false;
    }

    private static boolean partMatches(String wanted, String actual) {
      return wanted == null
          || (actual != null
              && wanted.toLowerCase(Locale.ROOT).equals(actual.toLowerCase(Locale.ROOT)));
    }
  }

  /** The first table serving a logsource. */
  public Optional<Table> tableFor(LogSource logsource) {
    for (Table t : tables) {
      if (t.serves(logsource)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Every logsource this target serves, for messages. */
  public List<String> servedLogsources() {
    List<String> out = new ArrayList<>();
    for (Table t : tables) {
      for (LogSource ls : t.logsources()) {
        out.add(ls.describe() + " -> " + t.name());
      }
    }
    return out;
  }
}
