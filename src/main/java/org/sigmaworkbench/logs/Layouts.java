package org.sigmaworkbench.logs;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Chooses the {@link FieldLayout} of a log from its column names or its event identity. */
final class Layouts {

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

  private Layouts() {}

  /**
   * The layout whose columns a header carries: an export of an ASIM, Defender or SecurityEvent
   * table when at least two of that table's distinctive columns are present and they outnumber the
   * Sigma names present; otherwise the Sigma names.
   */
  static FieldLayout forColumns(Collection<String> columns) {
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
    int bestScore = 1;
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
    if (best.name().equals("SecurityEvent")) {
      return FieldLayout.security4688();
    }
    return best;
  }

  /** The layout of a Windows event by channel and event id. */
  static FieldLayout forWindowsEvent(String channel, String eventId) {
    if (eventId == null) {
      return FieldLayout.NATIVE;
    }
    if ("4688".equals(eventId) && (channel == null || channel.equalsIgnoreCase("Security"))) {
      return SECURITY_4688;
    }
    if ("1".equals(eventId)
        && channel != null
        && channel.toLowerCase(Locale.ROOT).contains("sysmon")) {
      return SYSMON_PROCESS;
    }
    return FieldLayout.NATIVE;
  }

  private static final FieldLayout SECURITY_4688 = FieldLayout.security4688();
  private static final FieldLayout SYSMON_PROCESS =
      new FieldLayout("Sysmon process creation", java.util.Map.of(), "process_creation");

  static List<FieldLayout> all() {
    return List.of(FieldLayout.NATIVE, SECURITY_4688, SYSMON_PROCESS);
  }
}
