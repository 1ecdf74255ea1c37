package org.sigmaworkbench.logs.evtx;

import java.util.Arrays;

/**
 * Turns the elements of one event, as the binary XML walk produces them, into field names and
 * values by the rules of the event-XML reader ({@code org.sigmaworkbench.logs.xml.XmlEventReader}),
 * so that a record read from a .evtx and the same record exported as XML give the same fields:
 *
 * <ul>
 *   <li>under {@code System}: each attribute as {@code Element_Attribute} (not {@code EventID}'s
 *       {@code Qualifiers}), each element's non-blank text, stripped, under its name;
 *   <li>under {@code EventData} and {@code UserData}: {@code <Data Name="X">} as {@code X}, each
 *       {@code <Data>} without a name as one more value of {@code Data}; other elements by name
 *       when their text is not blank (or they are {@code Binary});
 *   <li>a field of the event's data takes the place of a System field of the same name (Sysmon's
 *       {@code Version}), whose value still places the event ({@link #systemValue}); otherwise the
 *       first field of a name wins; other sections are not fields.
 * </ul>
 *
 * An element's text is what follows its start tag or the end of its last child element.
 */
final class FieldCollector extends KeyedStrings {
  private enum Section {
    SYSTEM,
    DATA,
    RENDERING,
    OTHER
  }

  /** The fields' names, by slot ({@link #values} has their values). */
  String[] names = new String[32];

  /** How many of the first fields are System's (System comes first in an event). */
  private int systemCount;

  /** System fields whose place a data field took: their System values by slot. */
  private final IntKeyedStrings shadowed = new IntKeyedStrings(4);

  private long seenLow;
  private long seenHigh;
  private int depth;
  private Section section = Section.OTHER;
  private boolean inElement;
  private String dataName;
  private String text;
  private StringBuilder more;

  FieldCollector() {
    super(32);
  }

  void reset() {
    count = 0;
    seenLow = 0;
    seenHigh = 0;
    depth = 0;
    section = Section.OTHER;
    inElement = false;
    dataName = null;
    systemCount = 0;
    shadowed.clear();
    text = null;
    more = null;
  }

  void start(String name) {
    depth++;
    clearText();
    if (depth == 1) {
      return;
    }
    if (depth == 2) {
      section =
          switch (name) {
            case "System" -> Section.SYSTEM;
            case "EventData", "UserData" -> Section.DATA;
            case "RenderingInfo" -> Section.RENDERING;
            default -> Section.OTHER;
          };
      return;
    }
    inElement = true;
    if (section == Section.DATA && name.equals("Data")) {
      dataName = null;
    }
  }

  /**
   * An attribute of the element just started.
   *
   * @param element the element's name
   * @param name the attribute's name
   * @param qualified {@code element_name}
   */
  void attribute(String element, String name, String qualified, String value) {
    if (depth < 3) {
      return;
    }
    if (section == Section.SYSTEM) {
      if (!(name.equals("Qualifiers") && element.equals("EventID"))) {
        add(qualified, value);
        systemCount = count;
      }
    } else if (section == Section.DATA && name.equals("Name") && element.equals("Data")) {
      dataName = value;
    }
  }

  void text(String s) {
    if (text == null) {
      text = s;
    } else {
      if (more == null) {
        more = new StringBuilder(text.length() + s.length() + 16);
        more.append(text);
      }
      more.append(s);
    }
  }

  void end(String name) {
    depth--;
    if (depth >= 2 && inElement) {
      String value = more != null ? more.toString() : text != null ? text : "";
      switch (section) {
        case SYSTEM:
          if (!value.isBlank()) {
            add(name, value.strip());
            systemCount = count;
          }
          break;
        case DATA:
          if (name.equals("Data")) {
            if (dataName != null && !dataName.isEmpty()) {
              addData(dataName, value);
            } else {
              // Every unnamed <Data> is one more value of the field Data.
              append("Data", value);
            }
            dataName = null;
          } else if (!value.isBlank() || name.equals("Binary")) {
            addData(name, value);
          }
          break;
        case RENDERING:
          if (name.equals("Message")) {
            add("Message", value);
          }
          break;
        default:
          break;
      }
    }
    clearText();
  }

  private void clearText() {
    text = null;
    more = null;
  }

  private void add(String name, String value) {
    if (indexOf(name) < 0) {
      append(name, value);
    }
  }

  /** A field of the event's data: it takes the place of a System field of that name. */
  private void addData(String name, String value) {
    int i = indexOf(name);
    if (i < 0) {
      append(name, value);
    } else if (i < systemCount && shadowed.indexOf(i) < 0) {
      shadowed.add(i, values[i]);
      values[i] = value;
    }
  }

  /** The slot of a field collected so far, or -1. */
  private int indexOf(String name) {
    // A 128-bit filter of the names' hashes spares the scan for names not seen yet.
    int h = name.hashCode();
    long bit = 1L << h;
    boolean seen = (h & 64) == 0 ? (seenLow & bit) != 0 : (seenHigh & bit) != 0;
    if (seen) {
      for (int i = 0; i < count; i++) {
        String n = names[i];
        if (n == name || n.equals(name)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Adds a field, also when one of that name is there (a value of a field of several). */
  private void append(String name, String value) {
    int h = name.hashCode();
    long bit = 1L << h;
    if ((h & 64) == 0) {
      seenLow |= bit;
    } else {
      seenHigh |= bit;
    }
    int i = appendValue(value);
    names[i] = name;
  }

  @Override
  void growKeys(int capacity) {
    names = Arrays.copyOf(names, capacity);
  }

  /**
   * The System value of a slot: the value a data field of the same name replaced, or the slot's.
   */
  String systemValue(int slot) {
    int k = shadowed.indexOf(slot);
    return k < 0 ? values[slot] : shadowed.value(k);
  }
}
