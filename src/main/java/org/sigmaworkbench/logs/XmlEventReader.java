package org.sigmaworkbench.logs;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Windows event XML: {@code wevtutil qe /f:xml} and {@code Get-WinEvent | % ToXml()} output
 * (events one after another with no root element), Event Viewer "Save as XML" ({@code <Events>}
 * root, {@code RenderingInfo}), and evtx dumps. Each {@code <Event>} becomes one event with the
 * System fields under their Sigma names ({@code EventID}, {@code Channel}, {@code Provider_Name},
 * ...) and each {@code <Data Name="X">} as {@code X}. DTDs and external entities are refused.
 */
final class XmlEventReader implements EventStream {

  private static final String ROOT = "sigma-workbench-root";

  private final String file;
  private final TextInput.Opened input;
  private final XMLStreamReader xml;
  private final List<LogProblem> problems = new ArrayList<>();
  private long record;
  private boolean done;
  private final Map<String, String> userColumns;
  private final Map<FieldLayout, FieldLayout> userLayouts = new IdentityHashMap<>();
  private volatile boolean rootEvents;
  private volatile boolean rendered;

  XmlEventReader(Path path) throws IOException, LogFormatException {
    this(path, ReadOptions.AUTO);
  }

  XmlEventReader(Path path, ReadOptions options) throws IOException, LogFormatException {
    this.file = path.getFileName().toString();
    this.userColumns = options.columnToSigma();
    String head = TextInput.head(path, FormatDetector.HEAD_CHARS);
    this.rootEvents = head.contains("<Events>") || head.contains("<Events ");
    this.rendered = head.contains("<RenderingInfo");
    this.input = TextInput.open(path);
    PushbackReader body = new PushbackReader(input.reader(), 8192);
    try {
      skipDeclaration(body);
    } catch (LogFormatException e) {
      body.close();
      throw new LogFormatException(file + ": " + e.getMessage());
    }
    Reader wrapped =
        new ConcatReader(
            List.of(
                new StringReader("<" + ROOT + ">"),
                new XmlDeclarationFilter(body),
                new StringReader("</" + ROOT + ">")));
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    try {
      this.xml = f.createXMLStreamReader(wrapped);
    } catch (XMLStreamException e) {
      throw new LogFormatException(file + ": not readable as XML: " + e.getMessage());
    }
  }

  /**
   * Drops an XML declaration (it may not follow the synthetic root) and a leading DOCTYPE check.
   */
  private static void skipDeclaration(PushbackReader r) throws IOException, LogFormatException {
    char[] head = new char[5];
    int n = 0;
    int c;
    while ((c = r.read()) >= 0 && Character.isWhitespace(c)) {
      // leading whitespace
    }
    if (c < 0) {
      return;
    }
    head[n++] = (char) c;
    while (n < 5 && (c = r.read()) >= 0) {
      head[n++] = (char) c;
    }
    if (n == 5 && new String(head).equals("<?xml")) {
      int prev = 0;
      while ((c = r.read()) >= 0) {
        if (prev == '?' && c == '>') {
          break;
        }
        prev = c;
      }
      do {
        c = r.read();
      } while (c >= 0 && Character.isWhitespace(c));
      if (c < 0) {
        return;
      }
      n = 0;
      head[n++] = (char) c;
      while (n < 5 && (c = r.read()) >= 0) {
        head[n++] = (char) c;
      }
    }
    r.unread(head, 0, n);
    if (n == 5 && new String(head).equals("<!DOC")) {
      throw new LogFormatException(
          "a DTD (<!DOCTYPE>) is not allowed in an event log: its entities could reach outside the file");
    }
  }

  @Override
  public Event next() throws IOException {
    if (done) {
      return null;
    }
    try {
      while (xml.hasNext()) {
        int ev = xml.next();
        if (ev == XMLStreamConstants.DTD) {
          fail("a DTD is not allowed in an event log (entities could reach outside the file)");
          return null;
        }
        if (ev == XMLStreamConstants.START_ELEMENT) {
          if (xml.getLocalName().equals("Event")) {
            return readEvent();
          }
          if (xml.getLocalName().equals("Events")) {
            rootEvents = true;
          }
        }
      }
      done = true;
      if (record == 0) {
        problems.add(
            new LogProblem(
                file,
                "",
                "the XML holds no <Event> element; expected Windows event XML (wevtutil, Get-WinEvent"
                    + " ToXml(), Event Viewer Save as XML)",
                true));
      }
      return null;
    } catch (XMLStreamException e) {
      Location loc = e.getLocation();
      String where =
          loc == null ? "" : "line " + loc.getLineNumber() + ", column " + loc.getColumnNumber();
      String msg = e.getMessage() == null ? "invalid XML" : e.getMessage();
      int idx = msg.indexOf("Message: ");
      if (idx >= 0) {
        msg = msg.substring(idx + 9);
      }
      if (msg.contains("DOCTYPE") || msg.contains("DTD")) {
        msg = "a DTD is not allowed in an event log (entities could reach outside the file)";
      }
      problems.add(
          new LogProblem(
              file,
              where,
              "XML error after record " + record + ": " + msg + "; reading stopped here",
              true));
      done = true;
      return null;
    }
  }

  private void fail(String message) {
    Location loc = xml.getLocation();
    problems.add(
        new LogProblem(
            file,
            loc == null ? "" : "line " + loc.getLineNumber() + ", column " + loc.getColumnNumber(),
            message,
            true));
    done = true;
  }

  /** Reads one {@code <Event>} element (the reader is on its start tag) into an event. */
  private Event readEvent() throws XMLStreamException {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    String section = "";
    int depth = 1;
    int unnamed = 0;
    StringBuilder text = new StringBuilder();
    String dataName = null;
    String element = null;
    while (depth > 0 && xml.hasNext()) {
      int ev = xml.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
        String local = xml.getLocalName();
        text.setLength(0);
        if (depth == 2) {
          section = local;
          continue;
        }
        element = local;
        if (section.equals("System")) {
          for (int i = 0; i < xml.getAttributeCount(); i++) {
            String attr = xml.getAttributeLocalName(i);
            if (local.equals("EventID") && attr.equals("Qualifiers")) {
              continue;
            }
            add(names, values, local + "_" + attr, xml.getAttributeValue(i));
          }
        } else if (local.equals("Data")) {
          dataName = xml.getAttributeValue(null, "Name");
        }
      } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
        text.append(xml.getText());
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
        if (depth >= 2 && element != null) {
          String local = xml.getLocalName();
          String value = text.toString();
          if (section.equals("System")) {
            if (!value.isBlank()) {
              add(names, values, local, value.strip());
            }
          } else if (section.equals("EventData") || section.equals("UserData")) {
            if (local.equals("Data")) {
              String name =
                  dataName != null && !dataName.isEmpty()
                      ? dataName
                      : "Data" + (unnamed++ == 0 ? "" : unnamed);
              add(names, values, name, value);
              dataName = null;
            } else if (!value.isBlank() || local.equals("Binary")) {
              add(names, values, local, value);
            }
          } else if (section.equals("RenderingInfo")) {
            rendered = true;
            if (local.equals("Message")) {
              add(names, values, "Message", value);
            }
          }
          text.setLength(0);
        }
      }
    }
    record++;
    FieldLayout layout =
        Layouts.forWindowsEvent(
            valueOf(names, values, "Channel"),
            valueOf(names, values, "Provider_Name"),
            valueOf(names, values, "EventID"));
    if (!userColumns.isEmpty()) {
      layout = userLayouts.computeIfAbsent(layout, l -> l.withColumns(userColumns));
    }
    return new Event(file, record, FieldSchema.of(names, layout), values.toArray(String[]::new));
  }

  private static void add(List<String> names, List<String> values, String name, String value) {
    if (!names.contains(name)) {
      names.add(name);
      values.add(value);
    }
  }

  private static String valueOf(List<String> names, List<String> values, String name) {
    int i = names.indexOf(name);
    return i < 0 ? null : values.get(i);
  }

  @Override
  public List<LogProblem> problems() {
    return problems;
  }

  @Override
  public String formatName() {
    String name =
        rootEvents && rendered
            ? "Event Viewer XML (Save as XML, with rendered messages)"
            : rendered ? "Event XML with rendered messages (wevtutil /f:RenderedXml)" : "Event XML";
    return userColumns.isEmpty() ? name : name + ", with your column mapping";
  }

  @Override
  public long bytesRead() {
    return input.counter().count();
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // closing only releases the parser
    }
    input.reader().close();
  }
}
