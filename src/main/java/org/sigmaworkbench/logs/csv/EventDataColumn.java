package org.sigmaworkbench.logs.csv;

import java.io.IOException;
import java.io.StringReader;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sigmaworkbench.logs.EventBuilder;
import org.sigmaworkbench.logs.json.JsonFields;

/**
 * Log Analytics exports of the {@code Event} table (Sysmon and other channels collected by the
 * Azure Monitor agent), {@code WindowsEvent} and {@code SecurityEvent}: the event's data is one
 * column, {@code EventData}, as XML ({@code <DataItem><EventData><Data Name="Image">...}) or as
 * JSON ({@code {"Image": "..."}}); the channel is {@code EventLog} or {@code Channel}. Each named
 * datum becomes a field, before a column of the same name; the unnamed ones are the values of
 * {@code Data}.
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
        Set<String> added = new HashSet<>();
        for (int i = 0; i < found.size(); i++) {
          addDatum(b, added, found.name(i), found.value(i), false);
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
      boolean unnamed = false;
      StringBuilder value = new StringBuilder();
      Set<String> added = new HashSet<>();
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.DTD) {
          throw new XMLStreamException("a DTD is not allowed");
        }
        if (ev == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Data")) {
          name = x.getAttributeValue(null, "Name");
          unnamed = name == null || name.isEmpty();
          if (unnamed) {
            name = EventBuilder.UNNAMED_DATA;
          }
          value.setLength(0);
        } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA)
            && name != null) {
          value.append(x.getText());
        } else if (ev == XMLStreamConstants.END_ELEMENT
            && x.getLocalName().equals("Data")
            && name != null) {
          addDatum(b, added, name, value.toString(), unnamed);
          name = null;
        }
      }
    } finally {
      x.close();
    }
  }

  /**
   * Adds a datum of the event: it wins over a column of the same name (the event's own data comes
   * before what the row says about it, as for event XML); an unnamed datum is one more value of
   * {@code Data}.
   */
  private static void addDatum(
      EventBuilder b, Set<String> added, String name, String value, boolean unnamed) {
    if (unnamed) {
      if (added.add(name)) {
        int i = b.indexOf(name);
        if (i >= 0) {
          b.shadowSystemField(i);
        }
      }
      b.addRepeated(name, value);
      return;
    }
    if (!added.add(name)) {
      return;
    }
    int i = b.indexOf(name);
    if (i >= 0) {
      b.shadowSystemField(i);
    }
    b.add(name, value);
  }
}
