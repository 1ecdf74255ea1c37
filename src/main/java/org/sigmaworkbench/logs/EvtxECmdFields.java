package org.sigmaworkbench.logs;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * EvtxECmd's columns (CSV or JSON) to event fields. Its {@code Payload} holds the event data and is
 * the reliable source: each named {@code Data} becomes a field ({@code CommandLine}, {@code Image},
 * ...). Its own columns get the names event XML gives them ({@code EventId} to {@code EventID},
 * {@code Provider} to {@code Provider_Name}); its {@code ProcessId} and {@code ThreadId} are the
 * writer's ({@code Execution_ProcessID}), not the event's.
 */
final class EvtxECmdFields {

  private EvtxECmdFields() {}

  /** Whether columns are EvtxECmd's. */
  static boolean matches(java.util.Collection<String> columns) {
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
  static String shape(EventBuilder b) {
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
    int p = b.indexOf("Payload");
    if (p < 0) {
      return null;
    }
    try {
      JsonFields.addPayload(b.value(p), b);
      return null;
    } catch (JsonProcessingException e) {
      return "the Payload column is not valid JSON ("
          + e.getOriginalMessage()
          + "); the record was kept without its event data";
    }
  }
}
