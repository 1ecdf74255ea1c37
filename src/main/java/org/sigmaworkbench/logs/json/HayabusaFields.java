package org.sigmaworkbench.logs.json;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.sigmaworkbench.logs.EventBuilder;
import org.sigmaworkbench.mapping.WindowsLogsources;
import org.sigmaworkbench.yaml.DataFiles;

/**
 * Hayabusa's timelines (csv-timeline, json-timeline, JSON lines): one row per detection with the
 * event's {@code Channel} (abbreviated: {@code Sec}, {@code Sysmon}), {@code EventID}, {@code
 * RecordID}, and its fields in {@code Details} under abbreviated names ({@code Cmdline}, {@code
 * Proc}) and in {@code ExtraFieldInfo} or {@code AllFieldInfo} under their own names. In CSV these
 * are {@code "Name: value ¦ Name: value"}; in JSON objects. Abbreviations map to Sigma names
 * through {@code hayabusa-details.yaml}.
 */
public final class HayabusaFields {

  /** Hayabusa's separator between fields in a CSV cell: space, U+00A6 BROKEN BAR, space. */
  static final String SEPARATOR = " \u00a6 ";

  private static final String RESOURCE = "hayabusa-details.yaml";
  private static final Map<String, String> DETAILS = load();

  private HayabusaFields() {}

  public static boolean matches(Collection<String> columns) {
    return columns.contains("Timestamp")
        && columns.contains("RuleTitle")
        && columns.contains("Channel")
        && columns.contains("EventID");
  }

  /** Shapes a CSV row: the cells {@code Details}, {@code ExtraFieldInfo}, {@code AllFieldInfo}. */
  public static void shapeCsv(EventBuilder b) {
    common(b);
    splitCell(b, "Details", true);
    splitCell(b, "ExtraFieldInfo", false);
    splitCell(b, "AllFieldInfo", false);
  }

  /** Shapes a JSON object, flattened: {@code Details.Cmdline}, {@code ExtraFieldInfo.X}, ... */
  static void shapeJson(EventBuilder b) {
    common(b);
    int n = b.size();
    for (int i = 0; i < n; i++) {
      String name = b.name(i);
      String to = null;
      if (name.startsWith("Details.")) {
        to = detailName(name.substring("Details.".length()));
      } else if (name.startsWith("ExtraFieldInfo.")) {
        to = name.substring("ExtraFieldInfo.".length());
      } else if (name.startsWith("AllFieldInfo.")) {
        to = name.substring("AllFieldInfo.".length());
      }
      if (to != null && b.indexOf(to) < 0) {
        b.setName(i, to);
      }
    }
  }

  private static void common(EventBuilder b) {
    int c = b.indexOf("Channel");
    if (c >= 0 && b.value(c) != null) {
      b.setValue(c, WindowsLogsources.builtIn().channelName(b.value(c)));
    }
    b.rename("RecordID", "EventRecordID");
  }

  private static void splitCell(EventBuilder b, String column, boolean abbreviated) {
    String cell = b.get(column);
    if (cell == null || cell.isBlank() || cell.equals("-")) {
      return;
    }
    for (String part : cell.split(SEPARATOR, -1)) {
      int colon = part.indexOf(": ");
      if (colon <= 0) {
        continue;
      }
      String name = part.substring(0, colon).strip();
      String value = part.substring(colon + 2);
      b.add(abbreviated ? detailName(name) : name, value);
    }
  }

  private static String detailName(String abbreviation) {
    return DETAILS.getOrDefault(abbreviation, abbreviation);
  }

  private static Map<String, String> load() {
    Map<?, ?> root = DataFiles.map(DataFiles.load(EventBuilder.class, RESOURCE), RESOURCE);
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<?, ?> e :
        DataFiles.map(root.get("details"), RESOURCE + ": details").entrySet()) {
      out.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
    }
    return Map.copyOf(out);
  }
}
