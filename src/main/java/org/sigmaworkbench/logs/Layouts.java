package org.sigmaworkbench.logs;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sigmaworkbench.mapping.EventSource;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.mapping.WindowsLogsources;

/** Chooses the {@link FieldLayout} of a log from its column names or its event identity. */
public final class Layouts {

  /** Sigma names of the process-creation taxonomy, to recognise logs that already use them. */
  private static final Set<String> SIGMA_PROCESS_FIELDS =
      Set.of(
          "CommandLine",
          "Image",
          "ParentImage",
          "ParentCommandLine",
          "OriginalFileName",
          "User",
          "IntegrityLevel",
          "ProcessId",
          "ParentProcessId",
          "CurrentDirectory",
          "Hashes",
          "ProcessGuid",
          "ParentProcessGuid");

  /** Loaded when first needed: it comes from a KQL target's tables. */
  private static final class Security4688 {
    static final FieldLayout LAYOUT = FieldLayout.security4688();
  }

  private static final Map<EventSource, FieldLayout> NATIVE_BY_SOURCE = new ConcurrentHashMap<>();

  private Layouts() {}

  /**
   * The layout whose columns a header carries: an export of an ASIM, Defender or SecurityEvent
   * table when at least two of that table's distinctive columns are present and they outnumber the
   * Sigma names present; otherwise the Sigma names.
   */
  public static FieldLayout forColumns(Collection<String> columns) {
    Set<String> lower = new HashSet<>();
    for (String c : columns) {
      lower.add(c.toLowerCase(Locale.ROOT));
    }
    int nativeScore = 0;
    for (String f : SIGMA_PROCESS_FIELDS) {
      if (lower.contains(f.toLowerCase(Locale.ROOT))) {
        nativeScore++;
      }
    }
    FieldLayout best = FieldLayout.NATIVE;
    // Two distinctive columns tell a table; a file of one column is that column's table.
    int bestScore = columns.size() == 1 ? 0 : 1;
    for (FieldLayout layout : FieldLayout.exportLayouts()) {
      int score = 0;
      for (var e : layout.sigmaToColumns().entrySet()) {
        for (String column : e.getValue()) {
          if (!column.equals(e.getKey()) && lower.contains(column.toLowerCase(Locale.ROOT))) {
            score++;
            break;
          }
        }
      }
      if (score > bestScore && score > nativeScore) {
        best = layout;
        bestScore = score;
      }
    }
    return best;
  }

  /** Loaded when first needed: it comes from every KQL target's tables. */
  private static final class KnownNames {
    static final Set<String> LOWER = load();

    private static Set<String> load() {
      Set<String> out = new HashSet<>();
      for (String f : SIGMA_PROCESS_FIELDS) {
        out.add(f.toLowerCase(Locale.ROOT));
      }
      for (String name : TargetCatalog.BUILT_IN) {
        for (var t : TargetCatalog.get(name).tables()) {
          for (String f : t.mappings().keySet()) {
            out.add(f.toLowerCase(Locale.ROOT));
          }
          for (String c : t.columns().keySet()) {
            out.add(c.toLowerCase(Locale.ROOT));
          }
        }
      }
      return Set.copyOf(out);
    }
  }

  /**
   * Whether a column name is a field this tool knows: a Sigma field some KQL target maps, or a
   * column of one of their tables ({@code CommandLine}, {@code ProcessCommandLine}), ignoring case.
   * A file of one column is read as a log only when its header is one of these.
   */
  public static boolean isKnownField(String name) {
    return KnownNames.LOWER.contains(name.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * The layout of a Windows event by where it comes from and its event id: the Security 4688 column
   * names for process creation in the Security log, Sigma names otherwise; and the Sigma logsource
   * from {@code logsources.yaml}. Any argument may be {@code null}.
   */
  public static FieldLayout forWindowsEvent(String channel, String provider, String eventId) {
    EventSource source = WindowsLogsources.builtIn().of(channel, provider, eventId);
    if ("security".equals(source.service()) && source.hasCategory("process_creation")) {
      return Security4688.LAYOUT;
    }
    return nativeFor(source);
  }

  /** The layout of a Windows event by channel and event id (either may be {@code null}). */
  static FieldLayout forWindowsEvent(String channel, String eventId) {
    return forWindowsEvent(channel, null, eventId);
  }

  /** Sigma field names, for events of the given kind. */
  static FieldLayout nativeFor(EventSource source) {
    if (!source.isKnown()) {
      return FieldLayout.NATIVE;
    }
    return NATIVE_BY_SOURCE.computeIfAbsent(source, s -> FieldLayout.of(describe(s), Map.of(), s));
  }

  /** A layout's columns for one row's kind (a SecurityEvent export holds every Security event). */
  static FieldLayout forRow(FieldLayout columns, EventSource source) {
    if (columns == FieldLayout.NATIVE) {
      return nativeFor(source);
    }
    return columns.withSource(source);
  }

  private static String describe(EventSource s) {
    if (s.service() != null && s.category() != null) {
      return "Windows " + s.service() + " " + s.category();
    }
    if (s.service() != null) {
      return "Windows " + s.service();
    }
    return s.describe();
  }

  static List<FieldLayout> all() {
    return List.of(FieldLayout.NATIVE, Security4688.LAYOUT);
  }
}
