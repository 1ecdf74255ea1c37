package org.sigmaworkbench.logs.xml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventBuilder;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.logs.TextEventStream;
import org.sigmaworkbench.logs.TextInput;

/**
 * Reads Windows event XML: {@code wevtutil qe /f:xml} and {@code Get-WinEvent | % ToXml()} output
 * (events one after another with no root element), Event Viewer "Save as XML" ({@code <Events>}
 * root, {@code RenderingInfo}), and evtx dumps. Each {@code <Event>} becomes one event with the
 * System fields under their Sigma names ({@code EventID}, {@code Channel}, {@code Provider_Name},
 * ...) and each {@code <Data Name="X">} as {@code X}. DTDs and external entities are refused.
 */
public final class XmlEventReader extends TextEventStream {

  private static final String ROOT = "sigma-workbench-root";

  /** After this many XML errors in one file, reading stops at the next. */
  static final int MAX_RECOVERIES = 20;

  private final Path path;
  private final XMLInputFactory factory;
  private XMLStreamReader xml;
  // Where the current parse begins: characters of the text (declarations blanked) passed over,
  // and the line and column there; the synthetic start tags in front of it, on its first line.
  private long segmentChars;
  private long segmentLine = 1;
  private long segmentColumn = 1;
  private int prefixLength;
  private int recoveries;
  private long record;
  private boolean done;
  private final EventBuilder builder = new EventBuilder();
  private volatile boolean rootEvents;
  private volatile boolean rendered;

  public XmlEventReader(Path path) throws IOException, LogFormatException {
    this(path, ReadOptions.AUTO);
  }

  public XmlEventReader(Path path, ReadOptions options) throws IOException, LogFormatException {
    super(path, options);
    String head = TextInput.head(path, TextInput.HEAD_CHARS);
    this.rootEvents = head.contains("<Events>") || head.contains("<Events ");
    this.rendered = head.contains("<RenderingInfo");
    this.path = path;
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    this.factory = f;
    Reader text;
    try {
      text = openText();
    } catch (LogFormatException e) {
      throw new LogFormatException(file + ": " + e.getMessage());
    }
    String prefix = "<" + ROOT + ">";
    this.prefixLength = prefix.length();
    try {
      this.xml = parser(prefix, text);
    } catch (XMLStreamException e) {
      text.close();
      throw new LogFormatException(file + ": not readable as XML: " + e.getMessage());
    }
  }

  /** The file's text as the parser reads it: decoded, its XML declarations blanked. */
  private Reader openText() throws IOException, LogFormatException {
    this.input = TextInput.open(path);
    PushbackReader body = new PushbackReader(input.reader(), 8192);
    try {
      refuseDoctype(body);
    } catch (LogFormatException e) {
      body.close();
      throw e;
    }
    return new XmlDeclarationFilter(body);
  }

  private XMLStreamReader parser(String prefix, Reader text) throws XMLStreamException {
    return factory.createXMLStreamReader(
        new ConcatReader(
            List.of(new StringReader(prefix), text, new StringReader("</" + ROOT + ">"))));
  }

  /** The text from {@code chars} characters on, or {@code null} when it is shorter. */
  private BufferedReader textFrom(long chars) throws IOException {
    Reader text;
    try {
      text = openText();
    } catch (LogFormatException e) {
      return null; // not reached: the same text opened before
    }
    BufferedReader in = new BufferedReader(text, 1 << 16);
    long rest = chars;
    while (rest > 0) {
      long k = in.skip(rest);
      if (k <= 0) {
        in.close();
        return null;
      }
      rest -= k;
    }
    return in;
  }

  /** A position in the current parse's text: characters from its start, line and column. */
  private static final class Pos {
    long at;
    long line = 1;
    long column;

    void step(int ch) {
      at++;
      if (ch == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  }

  /**
   * After an XML error at {@code line} and {@code column} of the current parse: starts a new parse
   * at the first {@code <Event>} start tag past it (comments and CDATA sections passed over).
   * Returns that tag's line in the file, or -1 when no event follows.
   */
  private long resumeAfter(long line, long column) throws IOException {
    TextInput.Opened previous = input;
    long resumed = -1;
    try {
      resumed = openAfter(line, column);
    } finally {
      if (resumed < 0) {
        if (input != previous) {
          input.reader().close();
        }
        input = previous;
      } else {
        previous.reader().close();
      }
    }
    return resumed;
  }

  private long openAfter(long line, long column) throws IOException {
    BufferedReader in = textFrom(segmentChars);
    if (in == null) {
      return -1;
    }
    Pos p = new Pos();
    p.column = prefixLength + 1;
    char[] look = new char[9];
    int ch;
    while ((ch = in.read()) >= 0) {
      if (ch == '<') {
        in.mark(look.length + 1);
        int n = 0;
        int k;
        while (n < look.length && (k = in.read(look, n, look.length - n)) > 0) {
          n += k;
        }
        in.reset();
        String ahead = new String(look, 0, n);
        boolean past = p.line > line || (p.line == line && p.column > column);
        if (past && n >= 6 && ahead.startsWith("Event") && endsName(ahead.charAt(5))) {
          // The new parse reads on from here: the '<' just read, then the rest of the text.
          long fileLine = segmentLine + p.line - 1;
          segmentColumn = p.line == 1 ? segmentColumn + p.column - 1 - prefixLength : p.column;
          segmentLine = fileLine;
          segmentChars += p.at;
          String prefix = "<" + ROOT + ">" + (rootEvents ? "<Events>" : "");
          prefixLength = prefix.length();
          try {
            xml.close();
          } catch (XMLStreamException e) {
            // the old parse is over
          }
          try {
            xml = parser(prefix + "<", in);
          } catch (XMLStreamException e) {
            in.close();
            return -1;
          }
          return fileLine;
        }
        String close =
            ahead.startsWith("!--") ? "-->" : ahead.startsWith("![CDATA[") ? "]]>" : null;
        if (close != null) {
          p.step(ch);
          int matched = 0;
          while (matched < 3 && (ch = in.read()) >= 0) {
            p.step(ch);
            if (ch == close.charAt(matched)) {
              matched++;
            } else if (matched < 2 || ch != close.charAt(1)) {
              matched = ch == close.charAt(0) ? 1 : 0;
            } // "]]]>" and "--->": two of the first character still match
          }
          continue;
        }
      }
      p.step(ch);
    }
    in.close();
    return -1;
  }

  private static boolean endsName(char c) {
    return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\r' || c == '\n';
  }

  /**
   * Refuses a DOCTYPE at the start of the text, after an optional XML declaration; reads nothing
   * away ({@link XmlDeclarationFilter} blanks the declaration, which may not follow the synthetic
   * root).
   */
  private static void refuseDoctype(PushbackReader r) throws IOException, LogFormatException {
    char[] head = new char[4096];
    int n = 0;
    int k;
    while (n < head.length && (k = r.read(head, n, head.length - n)) > 0) {
      n += k;
    }
    r.unread(head, 0, n);
    String start = new String(head, 0, n).stripLeading();
    if (start.startsWith("<?xml")) {
      int end = start.indexOf("?>");
      start = end < 0 ? "" : start.substring(end + 2).stripLeading();
    }
    if (start.startsWith("<!DOC")) {
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
        problem(
            "",
            "the XML holds no <Event> element; expected Windows event XML (wevtutil, Get-WinEvent"
                + " ToXml(), Event Viewer Save as XML)",
            true);
      }
      return null;
    } catch (XMLStreamException e) {
      Location loc = e.getLocation();
      // The location in the file: the current parse starts at segmentLine and segmentColumn,
      // behind synthetic start tags on its first line.
      long fileLine = loc == null ? 0 : segmentLine + loc.getLineNumber() - 1;
      long fileColumn =
          loc == null
              ? 0
              : Math.max(
                  1,
                  loc.getLineNumber() == 1
                      ? segmentColumn + loc.getColumnNumber() - 1 - prefixLength
                      : loc.getColumnNumber());
      String where = loc == null ? "" : "line " + fileLine + ", column " + fileColumn;
      String msg = e.getMessage() == null ? "invalid XML" : e.getMessage();
      int idx = msg.indexOf("Message: ");
      if (idx >= 0) {
        msg = msg.substring(idx + 9);
      }
      if (msg.endsWith(".")) {
        msg = msg.substring(0, msg.length() - 1);
      }
      boolean dtd = msg.contains("DOCTYPE") || msg.contains("DTD");
      if (dtd) {
        msg = "a DTD is not allowed in an event log (entities could reach outside the file)";
      }
      String error = "XML error after record " + record + ": " + msg;
      if (loc != null && recoveries < MAX_RECOVERIES && !dtd) {
        recoveries++;
        long resumed = resumeAfter(loc.getLineNumber(), loc.getColumnNumber());
        if (resumed > 0) {
          problem(
              where,
              error + "; the text up to the next <Event> (line " + resumed + ") was skipped",
              false);
          return next();
        }
      }
      problem(
          where,
          error
              + (recoveries >= MAX_RECOVERIES
                  ? "; reading stopped here after " + MAX_RECOVERIES + " errors"
                  : "; no <Event> follows it, reading stopped here"),
          true);
      done = true;
      return null;
    }
  }

  private void fail(String message) {
    Location loc = xml.getLocation();
    problem(
        loc == null ? "" : "line " + loc.getLineNumber() + ", column " + loc.getColumnNumber(),
        message,
        true);
    done = true;
  }

  /** Reads one {@code <Event>} element (the reader is on its start tag) into an event. */
  private Event readEvent() throws XMLStreamException {
    EventBuilder b = builder;
    b.clear();
    int systemFields = 0;
    String section = "";
    int depth = 1;
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
            b.addIfAbsent(local + "_" + attr, xml.getAttributeValue(i));
          }
          systemFields = b.size();
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
              b.addIfAbsent(local, value.strip());
              systemFields = b.size();
            }
          } else if (section.equals("EventData") || section.equals("UserData")) {
            if (local.equals("Data")) {
              if (dataName != null && !dataName.isEmpty()) {
                b.addData(dataName, value, systemFields);
              } else {
                // Every unnamed <Data> is one more value of the field Data.
                b.addRepeated(EventBuilder.UNNAMED_DATA, value);
              }
              dataName = null;
            } else if (!value.isBlank() || local.equals("Binary")) {
              b.addData(local, value, systemFields);
            }
          } else if (section.equals("RenderingInfo")) {
            rendered = true;
            if (local.equals("Message")) {
              b.addIfAbsent("Message", value);
            }
          }
          text.setLength(0);
        }
      }
    }
    record++;
    return b.build(file, record, withUserColumns(b.windowsLayout()));
  }

  @Override
  protected String textFormatName() {
    return rootEvents && rendered
        ? "Event Viewer XML (Save as XML, with rendered messages)"
        : rendered ? "Event XML with rendered messages (wevtutil /f:RenderedXml)" : "Event XML";
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
