package org.sigmaworkbench.logs.json;

import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sigmaworkbench.logs.EventBuilder;
import org.sigmaworkbench.logs.LogKind;
import org.sigmaworkbench.logs.MessageFields;
import org.sigmaworkbench.yaml.DataFiles;

/**
 * The shapes of Windows events in JSON, by the tool that wrote them, and how each becomes event
 * fields with the names event XML gives them (so Sigma's names work on all of them):
 *
 * <ul>
 *   <li>evtx_dump and Chainsaw search ({@code Event.System.*}, {@code Event.EventData.*},
 *       attributes under {@code #attributes} or {@code X_attributes}); Chainsaw hunt wraps that in
 *       {@code document.data}; Elasticsearch exports wrap everything in {@code _source};
 *   <li>Winlogbeat / Elastic Agent (ECS): {@code winlog.event_data.*}, {@code winlog.channel},
 *       {@code process.command_line}, mapped through {@code ecs-fields.yaml};
 *   <li>Hayabusa timelines and EvtxECmd JSON (see {@link HayabusaFields}, {@link EvtxECmdFields});
 *   <li>flat objects (NXLog, OTRF/Mordor, Winlogbeat raw): the keys are the field names; {@code
 *       Hostname} and {@code SourceName} are read as {@code Computer} and {@code Provider_Name}.
 * </ul>
 */
public final class WindowsJsonFields {

  private static final String ECS_RESOURCE = "ecs-fields.yaml";
  private static final List<String> ECS_PREFIXES;
  private static final Map<String, String> ECS_SYSTEM;
  private static final Map<String, String> ECS_FIELDS;

  static {
    Map<?, ?> root = DataFiles.map(DataFiles.load(LogKind.class, ECS_RESOURCE), ECS_RESOURCE);
    ECS_PREFIXES = List.copyOf(DataFiles.strings(root.get("prefixes"), ECS_RESOURCE));
    ECS_SYSTEM = orderedMap(root.get("system"), ECS_RESOURCE + ": system");
    ECS_FIELDS = orderedMap(root.get("ecs"), ECS_RESOURCE + ": ecs");
  }

  private WindowsJsonFields() {}

  /** The kind of a flattened object, judged from its names. */
  public static LogKind classify(List<String> names) {
    boolean evtx = false;
    boolean winlog = false;
    boolean chainsawHunt = false;
    for (String n : names) {
      String m = n.startsWith("_source.") ? n.substring("_source.".length()) : n;
      if (m.startsWith("document.data.Event.")) {
        chainsawHunt = true;
      } else if (m.startsWith("Event.System.")
          || m.startsWith("Event.EventData.")
          || m.startsWith("Event.UserData.")) {
        evtx = true;
      } else if (m.startsWith("winlog.")) {
        winlog = true;
      }
    }
    if (chainsawHunt) {
      return LogKind.CHAINSAW_JSON;
    }
    if (evtx) {
      return LogKind.EVTX_DUMP_JSON;
    }
    if (winlog) {
      return LogKind.WINLOGBEAT_JSON;
    }
    boolean details = false;
    for (String n : names) {
      if (n.equals("Details") || n.startsWith("Details.") || n.startsWith("AllFieldInfo")) {
        details = true;
        break;
      }
    }
    if (details && HayabusaFields.matches(names)) {
      return LogKind.HAYABUSA_JSON;
    }
    if (names.contains("Payload") && EvtxECmdFields.matches(names)) {
      return LogKind.EVTXECMD_JSON;
    }
    return LogKind.JSON;
  }

  /**
   * Shapes a flattened object as the given kind.
   *
   * @return a problem to report, or {@code null}
   */
  static String shape(LogKind kind, EventBuilder b) {
    stripPrefix(b, "_source.");
    switch (kind) {
      case CHAINSAW_JSON -> {
        stripPrefix(b, "document.data.");
        evtx(b);
      }
      case EVTX_DUMP_JSON -> evtx(b);
      case WINLOGBEAT_JSON -> winlogbeat(b);
      case HAYABUSA_JSON -> HayabusaFields.shapeJson(b);
      case EVTXECMD_JSON -> {
        return EvtxECmdFields.shape(b);
      }
      default -> flat(b);
    }
    return null;
  }

  private static void stripPrefix(EventBuilder b, String prefix) {
    for (int i = 0; i < b.size(); i++) {
      String n = b.name(i);
      if (n.startsWith(prefix)) {
        b.setName(i, n.substring(prefix.length()));
      }
    }
  }

  /**
   * evtx_dump names to event XML names: {@code Event.System.Provider.#attributes.Name} to {@code
   * Provider_Name}, {@code Event.EventData.CommandLine} to {@code CommandLine}.
   */
  static void evtx(EventBuilder b) {
    for (int i = b.size() - 1; i >= 0; i--) {
      String n = b.name(i);
      if (n.startsWith("Event.#attributes.") || n.startsWith("Event_attributes.")) {
        b.remove(i);
      }
    }
    BitSet fromSystem = new BitSet();
    Set<String> dataNames = new HashSet<>();
    for (int i = 0; i < b.size(); i++) {
      String n = b.name(i);
      String rest;
      if (n.startsWith("Event.System.")) {
        fromSystem.set(i);
        rest = n.substring("Event.System.".length());
        rest = rest.replace(".#attributes.", "_").replace("_attributes.", "_");
        if (rest.endsWith(".#text")) {
          rest = rest.substring(0, rest.length() - 6);
        }
      } else if (n.startsWith("Event.EventData.")) {
        rest = n.substring("Event.EventData.".length());
        if (rest.endsWith(".#text")) {
          rest = rest.substring(0, rest.length() - 6);
        }
      } else if (n.startsWith("Event.UserData.")) {
        rest = n.substring("Event.UserData.".length());
        int dot = rest.lastIndexOf('.');
        rest = dot >= 0 ? rest.substring(dot + 1) : rest;
      } else if (n.startsWith("Event.RenderingInfo.")) {
        rest = n.equals("Event.RenderingInfo.Message") ? "Message" : n;
      } else {
        continue;
      }
      b.setName(i, rest);
      if (!fromSystem.get(i)) {
        dataNames.add(rest);
      }
    }
    // The event's own data first: Sysmon's EventData Version, not the System one.
    for (int i = fromSystem.length() - 1; i >= 0; i = fromSystem.previousSetBit(i - 1)) {
      if (dataNames.contains(b.name(i))) {
        b.shadowSystemField(i);
      }
    }
  }

  private static void winlogbeat(EventBuilder b) {
    for (int i = 0; i < b.size(); i++) {
      String n = b.name(i);
      for (String p : ECS_PREFIXES) {
        if (n.startsWith(p) && n.length() > p.length()) {
          String own = n.substring(p.length());
          if (b.indexOf(own) < 0) {
            b.setName(i, own);
          }
          break;
        }
      }
    }
    for (Map.Entry<String, String> e : ECS_SYSTEM.entrySet()) {
      b.rename(e.getKey(), e.getValue());
    }
    if (b.indexOf("User") < 0 && b.get("user.name") != null) {
      String domain = b.get("user.domain");
      b.add(
          "User",
          domain == null || domain.isEmpty()
              ? b.get("user.name")
              : domain + "\\" + b.get("user.name"));
    }
    for (Map.Entry<String, String> e : ECS_FIELDS.entrySet()) {
      b.rename(e.getKey(), e.getValue());
    }
    MessageFields.addTo(b);
  }

  /** Flat keys: a few common names for the System fields, and fields from the message. */
  static void flat(EventBuilder b) {
    b.rename("Hostname", "Computer");
    b.rename("SourceName", "Provider_Name");
    b.rename("ProviderName", "Provider_Name");
    b.rename("EventId", "EventID");
    MessageFields.addTo(b);
  }

  private static Map<String, String> orderedMap(Object o, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : DataFiles.map(o, where).entrySet()) {
      out.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }
}
