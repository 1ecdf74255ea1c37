package org.sigmaworkbench.logs;

import java.io.IOException;
import java.io.StringReader;
import java.util.Collection;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Log Analytics exports of the {@code Event} table (Sysmon and other channels collected by the
 * Azure Monitor agent), {@code WindowsEvent} and {@code SecurityEvent}: the event's data is one
 * column, {@code EventData}, as XML ({@code <DataItem><EventData><Data Name="Image">...}) or as
 * JSON ({@code {"Image": "..."}}); the channel is {@code EventLog} or {@code Channel}. Each named
 * datum becomes a field, unless the row already has a column of that name.
 */
final class EventDataColumn {

  /** Factories are not promised to be thread-safe; readers run on their own threads. */
  private static final ThreadLocal<XMLInputFactory> XML =
      ThreadLocal.withInitial(EventDataColumn::secureFactory);

  private EventDataColumn() {}

  private static XMLInputFactory secureFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  static boolean matches(Collection<String> columns) {
    return columns.contains("EventData")
        && columns.contains("EventID")
        && (columns.contains("EventLog") || columns.contains("Channel"));
  }

  /**
   * Shapes a row.
   *
   * @return a problem with the column, or {@code null}
   */
  static String shape(EventBuilder b) {
    b.rename("EventLog", "Channel");
    if (b.indexOf("Provider_Name") < 0) {
      b.rename("Provider", "Provider_Name");
      b.rename("Source", "Provider_Name");
    }
    String data = b.get("EventData");
    if (data == null || data.isBlank()) {
      return null;
    }
    String t = data.strip();
    try {
      if (t.startsWith("<")) {
        addXml(t, b);
      } else if (t.startsWith("{")) {
        EventBuilder found = new EventBuilder();
        JsonFields.addObject(t, found);
        for (int i = 0; i < found.size(); i++) {
          b.addIfAbsent(found.name(i), found.value(i));
        }
      }
      return null;
    } catch (IOException | XMLStreamException e) {
      return "the EventData column could not be read ("
          + e.getMessage().lines().findFirst().orElse("")
          + "); the record was kept without its event data";
    }
  }

  private static void addXml(String text, EventBuilder b) throws XMLStreamException {
    XMLStreamReader x = XML.get().createXMLStreamReader(new StringReader(text));
    try {
      String name = null;
      StringBuilder value = new StringBuilder();
      int unnamed = 0;
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.DTD) {
          throw new XMLStreamException("a DTD is not allowed");
        }
        if (ev == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Data")) {
          name = x.getAttributeValue(null, "Name");
          if (name == null || name.isEmpty()) {
            name = unnamed++ == 0 ? "Data" : "Data" + unnamed;
          }
          value.setLength(0);
        } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA)
            && name != null) {
          value.append(x.getText());
        } else if (ev == XMLStreamConstants.END_ELEMENT
            && x.getLocalName().equals("Data")
            && name != null) {
          b.addIfAbsent(name, value.toString());
          name = null;
        }
      }
    } finally {
      x.close();
    }
  }
}
