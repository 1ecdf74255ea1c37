package org.sigmaworkbench.logs;

import java.util.List;

/**
 * Event Viewer's "Save All Events As" CSV or tab-separated text: five named columns (Level, Date
 * and Time, Source, Event ID, Task Category, in the user's language) and a sixth, unnamed, with the
 * rendered message. The columns are taken by position, so a localized header reads the same; the
 * event's fields come from the message text ({@link MessageFields}).
 */
final class EventViewerFields {

  /** The names given to the six columns, by position. */
  static final List<String> COLUMNS =
      List.of("Level", "TimeCreated", "Provider_Name", "EventID", "Task", "Message");

  /** The en-US header. */
  static final List<String> EN_US_HEADER =
      List.of("Level", "Date and Time", "Source", "Event ID", "Task Category");

  private EventViewerFields() {}

  /**
   * Whether a header and the first rows look like Event Viewer's: five names, rows of six fields
   * with a number in the fourth.
   */
  static boolean matches(List<String> header, List<List<String>> rows) {
    if (header.size() == 5 && header.equals(EN_US_HEADER)) {
      return true;
    }
    if (header.size() != 5 || rows.isEmpty()) {
      return false;
    }
    for (List<String> r : rows) {
      if (r.size() != 6 || !r.get(3).strip().matches("\\d{1,5}")) {
        return false;
      }
    }
    return true;
  }

  static void shape(EventBuilder b) {
    MessageFields.addTo(b);
  }
}
