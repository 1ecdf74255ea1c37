package org.sigmaworkbench.logs.evtx;

import java.util.Arrays;

/**
 * Turns the elements of one event, as the binary XML walk produces them, into field names and
 * values by the rules of the event-XML reader ({@code org.sigmaworkbench.logs.XmlEventReader}), so
 * that a record read from a .evtx and the same record exported as XML give the same fields:
 *
 * <ul>
 *   <li>under {@code System}: each attribute as {@code Element_Attribute} (not {@code EventID}'s
 *       {@code Qualifiers}), each element's non-blank text, stripped, under its name;
 *   <li>under {@code EventData} and {@code UserData}: {@code <Data Name="X">} as {@code X}, a
 *       {@code <Data>} without a name as {@code Data}, {@code Data2}, ...; other elements by name
 *       when their text is not blank (or they are {@code Binary});
 *   <li>the first field of a name wins; other sections are not fields.
 * </ul>
 *
 * An element's text is what follows its start tag or the end of its last child element.
 */
final class FieldCollector {
  private static final String[] UNNAMED_DATA = new String[64];

  static {
    UNNAMED_DATA[0] = "Data";
    for (int i = 1; i < UNNAMED_DATA.length; i++) {
      UNNAMED_DATA[i] = ("Data" + (i + 1)).intern();
    }
  }

  private enum Section {
    SYSTEM,
    DATA,
    RENDERING,
    OTHER
  }

  String[] names = new String[32];
  String[] values = new String[32];
  int count;

  private long seenLow;
  private long seenHigh;
  private int depth;
  private Section section = Section.OTHER;
  private boolean inElement;
  private String dataName;
  private int unnamed;
  private String text;
  private StringBuilder more;

  void reset() {
    count = 0;
    seenLow = 0;
    seenHigh = 0;
    depth = 0;
    section = Section.OTHER;
    inElement = false;
    dataName = null;
    unnamed = 0;
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
          }
          break;
        case DATA:
          if (name.equals("Data")) {
            String field;
            if (dataName != null && !dataName.isEmpty()) {
              field = dataName;
            } else {
              field =
                  unnamed < UNNAMED_DATA.length ? UNNAMED_DATA[unnamed] : "Data" + (unnamed + 1);
              unnamed++;
            }
            add(field, value);
            dataName = null;
          } else if (!value.isBlank() || name.equals("Binary")) {
            add(name, value);
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
    // A 128-bit filter of the names' hashes spares the scan for names not seen yet.
    int h = name.hashCode();
    long bit = 1L << h;
    boolean seen = (h & 64) == 0 ? (seenLow & bit) != 0 : (seenHigh & bit) != 0;
    if (seen) {
      for (int i = 0; i < count; i++) {
        String n = names[i];
        if (n == name || n.equals(name)) {
          return;
        }
      }
    }
    if ((h & 64) == 0) {
      seenLow |= bit;
    } else {
      seenHigh |= bit;
    }
    if (count == names.length) {
      names = Arrays.copyOf(names, count * 2);
      values = Arrays.copyOf(values, count * 2);
    }
    names[count] = name;
    values[count] = value;
    count++;
  }

  /** The value of a field collected so far, or {@code null}. */
  int slotOf(String name) {
    for (int i = 0; i < count; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
