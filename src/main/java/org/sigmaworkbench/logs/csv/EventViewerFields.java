package org.sigmaworkbench.logs.csv;

import java.util.List;
import org.sigmaworkbench.logs.EventBuilder;
import org.sigmaworkbench.logs.MessageFields;

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

  /** Headers of other languages, known without looking at the rows. */
  static final List<List<String>> LOCALIZED_HEADERS =
      List.of(
          List.of("Ebene", "Datum und Uhrzeit", "Quelle", "Ereignis-ID", "Aufgabenkategorie"),
          List.of(
              "Niveau",
              "Date et heure",
              "Source",
              "ID de l\u2019\u00e9v\u00e9nement",
              "Cat\u00e9gorie de la t\u00e2che"));

  private EventViewerFields() {}

  /**
   * Whether a header and the first rows look like Event Viewer's: five names, rows of six fields
   * with a number in the fourth.
   */
  static boolean matches(List<String> header, List<List<String>> rows) {
    if (header.size() == 5
        && (header.equals(EN_US_HEADER) || LOCALIZED_HEADERS.contains(normalize(header)))) {
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

  /**
   * The header with apostrophes written one way (Excel or a user may have typed a straight one).
   */
  private static List<String> normalize(List<String> header) {
    return header.stream().map(h -> h.replace('\'', '\u2019')).toList();
  }

  /**
   * Fields from the message; a problem when its labels are not recognized ({@link MessageFields}).
   */
  static String shape(EventBuilder b) {
    return MessageFields.addTo(b);
  }
}
