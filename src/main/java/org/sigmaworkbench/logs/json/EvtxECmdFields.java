package org.sigmaworkbench.logs.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Collection;
import org.sigmaworkbench.logs.EventBuilder;

/**
 * EvtxECmd's columns (CSV or JSON) to event fields. Its {@code Payload} holds the event data and is
 * the reliable source: each named {@code Data} becomes a field ({@code CommandLine}, {@code Image},
 * ...). Its own columns get the names event XML gives them ({@code EventId} to {@code EventID},
 * {@code Provider} to {@code Provider_Name}); its {@code ProcessId} and {@code ThreadId} are the
 * writer's ({@code Execution_ProcessID}), not the event's.
 */
public final class EvtxECmdFields {

  private EvtxECmdFields() {}

  /** Whether columns are EvtxECmd's. */
  public static boolean matches(Collection<String> columns) {
    return columns.contains("Payload")
        && (columns.contains("EventId") || columns.contains("EventID"))
        && (columns.contains("MapDescription")
            || columns.contains("PayloadData1")
            || columns.contains("ExecutableInfo"));
  }

  /**
   * Shapes a record.
   *
   * @return a problem with the payload, or {@code null}
   */
  public static String shape(EventBuilder b) {
    for (int i = 0; i < b.size(); i++) {
      String n = b.name(i);
      String to =
          switch (n) {
            case "EventId" -> "EventID";
            case "Provider" -> "Provider_Name";
            case "EventRecordId" -> "EventRecordID";
            case "ProcessId" -> "Execution_ProcessID";
            case "ThreadId" -> "Execution_ThreadID";
            case "UserId" -> "Security_UserID";
            default -> null;
          };
      if (to != null) {
        b.setName(i, to);
      }
    }
    String problem = null;
    int p = b.indexOf("Payload");
    if (p >= 0) {
      try {
        JsonFields.addPayload(b.value(p), b);
      } catch (JsonProcessingException e) {
        problem =
            "the Payload column is not valid JSON ("
                + e.getOriginalMessage()
                + "); the record was kept without its event data";
      }
    }
    if (b.indexOf("CommandLine") < 0 && "1".equals(b.get("EventID"))) {
      sysmonProcessFromMapColumns(b);
    }
    return problem;
  }

  /**
   * Without a payload (exports often drop the column: it is the largest), EvtxECmd's Sysmon 1 map
   * still gives the command line in {@code ExecutableInfo} and the parent in {@code PayloadData4}
   * and {@code PayloadData6}.
   */
  private static void sysmonProcessFromMapColumns(EventBuilder b) {
    String provider = b.get("Provider_Name");
    if (provider == null || !provider.contains("Sysmon")) {
      return;
    }
    String exe = b.get("ExecutableInfo");
    if (exe != null && !exe.isEmpty()) {
      b.add("CommandLine", exe);
    }
    labelled(b, "PayloadData4", "ParentProcess: ", "ParentImage");
    labelled(b, "PayloadData6", "ParentCommandLine: ", "ParentCommandLine");
    String user = b.get("UserName");
    if (user != null && !user.isEmpty()) {
      b.addIfAbsent("User", user);
    }
  }

  private static void labelled(EventBuilder b, String column, String label, String field) {
    String v = b.get(column);
    if (v != null && v.startsWith(label)) {
      b.addIfAbsent(field, v.substring(label.length()));
    }
  }
}
