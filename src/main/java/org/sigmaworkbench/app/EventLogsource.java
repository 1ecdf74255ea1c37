package org.sigmaworkbench.app;

import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.mapping.EventSource;
import org.sigmaworkbench.mapping.WindowsLogsources;
import org.sigmaworkbench.rule.LogSource;

/**
 * The Sigma logsource of one event, for a rule written from it: what its log's layout says, else
 * what its Windows channel and event id say (through {@link WindowsLogsources}).
 */
final class EventLogsource {
  private EventLogsource() {}

  static LogSource of(Event e) {
    EventSource s = e.schema().layout().source();
    if (s == null || !s.isKnown()) {
      String channel = e.get("Channel");
      String provider = e.get("Provider_Name");
      String id = e.get("EventID");
      if (channel != null || provider != null) {
        EventSource w = WindowsLogsources.builtIn().of(channel, provider, id);
        if (w != null && w.isKnown()) {
          s = w;
        }
      }
    }
    if (s == null || !s.isKnown()) {
      return new LogSource(null, "windows", null, null);
    }
    return new LogSource(s.category(), s.product(), s.service(), null);
  }
}
