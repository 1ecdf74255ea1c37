package org.sigmaworkbench.logs;

import org.sigmaworkbench.mapping.Reach;
import org.sigmaworkbench.mapping.WindowsLogsources;

/** Where an event comes from, as the reach check of a query needs it ({@link Reach}). */
public final class EventOrigins {

  private EventOrigins() {}

  /**
   * The event's origin: the exported table its log's columns belong to, or the Windows channel it
   * was written to (its {@code Channel} field, else the channel of its Sigma service).
   */
  public static Reach.Origin of(Event e) {
    FieldLayout layout = e.schema().layout();
    String export = layout.exportedTable();
    WindowsLogsources windows = WindowsLogsources.builtIn();
    String channel = e.get("Channel");
    if (channel == null || channel.isBlank()) {
      channel = windows.channelOfService(layout.service());
    } else {
      channel = windows.channelName(channel.strip());
    }
    return new Reach.Origin(export, channel, e::get);
  }
}
