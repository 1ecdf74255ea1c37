package org.sigmaworkbench.logs.csv;

import java.util.Collection;
import org.sigmaworkbench.logs.EventBuilder;
import org.sigmaworkbench.logs.MessageFields;

/**
 * {@code Get-WinEvent | Export-Csv}: the properties of {@code EventLogRecord} as columns ({@code
 * Id}, {@code ProviderName}, {@code LogName}, {@code MachineName}, {@code Message}, ...). The event
 * data is only in the {@code Message} text ({@code Properties} holds just a type name).
 */
final class PowerShellCsvFields {

  private PowerShellCsvFields() {}

  static boolean matches(Collection<String> columns, boolean eventLogRecordTypeLine) {
    return eventLogRecordTypeLine
        || (columns.contains("Message")
            && columns.contains("Id")
            && (columns.contains("ProviderName") || columns.contains("LogName")));
  }

  /** Renames the columns; a problem when the message's labels are not recognized. */
  static String shape(EventBuilder b) {
    for (int i = 0; i < b.size(); i++) {
      String to =
          switch (b.name(i)) {
            case "Id" -> "EventID";
            case "ProviderName" -> "Provider_Name";
            case "ProviderId" -> "Provider_Guid";
            case "LogName" -> "Channel";
            case "MachineName" -> "Computer";
            case "RecordId" -> "EventRecordID";
            case "ProcessId" -> "Execution_ProcessID";
            case "ThreadId" -> "Execution_ThreadID";
            case "UserId" -> "Security_UserID";
            default -> null;
          };
      if (to != null && b.indexOf(to) < 0) {
        b.setName(i, to);
      }
    }
    return MessageFields.addTo(b);
  }
}
