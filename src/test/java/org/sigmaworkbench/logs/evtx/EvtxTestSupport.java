package org.sigmaworkbench.logs.evtx;

import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.detect.LogReaders;

/** What the .evtx tests share. */
final class EvtxTestSupport {
  private EvtxTestSupport() {}

  /**
   * The layouts the event-XML reader chooses, taken from it: an XML event with the given channel
   * and event id, read through {@link LogReaders}, says which layout it got.
   */
  static final WindowsLayouts LAYOUTS = EvtxTestSupport::layoutOf;

  private static final java.util.Map<String, FieldLayout> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static FieldLayout layoutOf(String channel, String provider, String eventId) {
    return CACHE.computeIfAbsent(
        channel + "\u0000" + provider + "\u0000" + eventId,
        k -> readLayout(channel, provider, eventId));
  }

  private static FieldLayout readLayout(String channel, String provider, String eventId) {
    try {
      java.nio.file.Path f = java.nio.file.Files.createTempFile("layout", ".xml");
      try {
        StringBuilder x = new StringBuilder("<Event><System>");
        if (provider != null) {
          x.append("<Provider Name=\"").append(escape(provider)).append("\"/>");
        }
        if (eventId != null) {
          x.append("<EventID>").append(escape(eventId)).append("</EventID>");
        }
        if (channel != null) {
          x.append("<Channel>").append(escape(channel)).append("</Channel>");
        }
        x.append("</System></Event>");
        java.nio.file.Files.writeString(f, x);
        try (EventStream s = LogReaders.open(f)) {
          Event e = s.next();
          return e.schema().layout();
        }
      } finally {
        java.nio.file.Files.deleteIfExists(f);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;");
  }
}
