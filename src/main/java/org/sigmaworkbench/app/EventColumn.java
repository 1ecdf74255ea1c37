package org.sigmaworkbench.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.sigmaworkbench.engine.EventTime;
import org.sigmaworkbench.engine.MatchSpan;
import org.sigmaworkbench.logs.Event;

/**
 * A column of the events table, without JavaFX: what its cells say (the text that the filter
 * searches, copy puts on the clipboard and export writes) and how it sorts.
 *
 * @param id the column's node id ({@code commandLineColumn}, ...)
 * @param title the header shown in the table
 * @param header the name in copied and exported text and in the Columns menu
 * @param width the preferred width in pixels
 * @param shown whether the column is shown until the user hides it
 * @param text what a row's cell holds
 * @param order how rows sort by this column (ascending)
 */
record EventColumn(
    String id,
    String title,
    String header,
    double width,
    boolean shown,
    Function<EventRow, String> text,
    Comparator<EventRow> order) {

  /** The columns, in table order. */
  static List<EventColumn> all() {
    List<EventColumn> c = new ArrayList<>();
    c.add(
        new EventColumn(
            "hitColumn",
            "",
            "Hit",
            28,
            true,
            r -> r.hitInReach() ? "hit" : r.hit() ? "hit outside the query's reach" : "",
            Comparator.comparingInt(r -> r.hitInReach() ? 0 : r.hit() ? 1 : 2)));
    c.add(
        new EventColumn(
            "recordColumn",
            "#",
            "Record",
            56,
            true,
            r -> Long.toString(r.event().record()),
            Comparator.comparingLong(r -> r.event().record())));
    c.add(
        new EventColumn(
            "timeColumn", "Time", "Time", 200, true, r -> timeText(r.event()), byTime()));
    c.add(field("fileColumn", "File", 120, true, r -> r.event().file()));
    c.add(field("eventIdColumn", "EventID", 70, false, r -> value(r, "EventID")));
    c.add(field("computerColumn", "Computer", 150, false, r -> value(r, "Computer")));
    c.add(field("userColumn", "User", 130, false, r -> value(r, "User")));
    c.add(field("commandLineColumn", "CommandLine", 560, true, r -> value(r, "CommandLine")));
    c.add(field("imageColumn", "Image", 180, true, r -> value(r, "Image")));
    c.add(field("parentImageColumn", "ParentImage", 180, false, r -> value(r, "ParentImage")));
    c.add(
        field(
            "parentCommandLineColumn",
            "ParentCommandLine",
            300,
            false,
            r -> value(r, "ParentCommandLine")));
    c.add(field("whyColumn", "Why", 230, true, r -> r.hit() ? whyText(r) : ""));
    c.add(
        field(
            "reachColumn",
            "Reach",
            150,
            true,
            r -> r.outsideReach() != null ? "outside the query's reach" : ""));
    return List.copyOf(c);
  }

  private static EventColumn field(
      String id, String title, double width, boolean shown, Function<EventRow, String> text) {
    return new EventColumn(
        id, title, title, width, shown, text, Comparator.comparing(text, EventColumn::natural));
  }

  private static String value(EventRow r, String field) {
    String v = r.event().get(field);
    return v == null ? "" : v;
  }

  /** The time as the log writes it: the first time field {@link EventTime} reads. */
  static String timeText(Event e) {
    for (String f : EventTime.FIELDS) {
      String v = e.get(f);
      if (v != null && !v.isBlank() && EventTime.parse(v) != null) {
        return v;
      }
    }
    return "";
  }

  /** By the instant of the event (whatever form each log writes it in); no time sorts last. */
  private static Comparator<EventRow> byTime() {
    Map<Event, Instant> cache = new WeakHashMap<>();
    Function<EventRow, Instant> time =
        r -> {
          synchronized (cache) {
            return cache.computeIfAbsent(
                r.event(),
                e -> {
                  Instant t = EventTime.of(e);
                  return t == null ? Instant.MAX : t;
                });
          }
        };
    return Comparator.comparing(time);
  }

  /**
   * Text order in which numbers compare as numbers ({@code 9 < 10}) and come before other text;
   * other text compares without case, then with case so that the order is total.
   */
  static int natural(String a, String b) {
    Double x = number(a);
    Double y = number(b);
    if (x != null && y != null) {
      int c = Double.compare(x, y);
      return c != 0 ? c : a.compareTo(b);
    }
    if (x != null || y != null) {
      return x != null ? -1 : 1;
    }
    int c = String.CASE_INSENSITIVE_ORDER.compare(a, b);
    return c != 0 ? c : a.compareTo(b);
  }

  private static Double number(String s) {
    if (s == null || s.isEmpty() || s.length() > 32) {
      return null;
    }
    char c = s.charAt(0);
    if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
      return null;
    }
    try {
      double d = Double.parseDouble(s);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Which selection entries matched: "CommandLine|contains 'export-pfxcertificate'", ... */
  static String whyText(EventRow r) {
    List<String> parts = new ArrayList<>();
    for (MatchSpan s : r.explanation().spans()) {
      String p =
          s.ruleKey().isEmpty()
              ? "keyword '" + s.ruleValue() + "'"
              : s.ruleKey() + " '" + s.ruleValue() + "'";
      if (!parts.contains(p)) {
        parts.add(p);
      }
    }
    return parts.isEmpty() ? r.explanation().summary() : String.join(", ", parts);
  }

  /** Whether any of the texts holds the query, ignoring case; a blank query matches every row. */
  static boolean matches(List<String> texts, String query) {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    if (q.isEmpty()) {
      return true;
    }
    for (String t : texts) {
      if (t != null && t.toLowerCase(Locale.ROOT).contains(q)) {
        return true;
      }
    }
    return false;
  }
}
