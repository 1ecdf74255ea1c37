package org.sigmaworkbench.rule.lint;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sigmaworkbench.rule.DetectionItem;
import org.sigmaworkbench.rule.FilterRule;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.SourceMap;

/** The {@code logsource}: its keys, its values, and whether a generic category fits better. */
final class LogsourceLint implements LintFamily {

  private static final Set<String> KEYS = Set.of("category", "product", "service", "definition");
  private static final Pattern VALUE = Pattern.compile("[a-z0-9_.-]+");

  /** Sysmon event ids and the generic category that stands for each. */
  private static final Map<Integer, String> SYSMON =
      Map.ofEntries(
          Map.entry(1, "process_creation"),
          Map.entry(2, "file_change"),
          Map.entry(3, "network_connection"),
          Map.entry(4, "sysmon_status"),
          Map.entry(5, "process_termination"),
          Map.entry(6, "driver_load"),
          Map.entry(7, "image_load"),
          Map.entry(8, "create_remote_thread"),
          Map.entry(9, "raw_access_thread"),
          Map.entry(10, "process_access"),
          Map.entry(11, "file_event"),
          Map.entry(12, "registry_event (registry_add, registry_delete)"),
          Map.entry(13, "registry_event (registry_set)"),
          Map.entry(14, "registry_event (registry_rename)"),
          Map.entry(15, "create_stream_hash"),
          Map.entry(16, "sysmon_status"),
          Map.entry(17, "pipe_created"),
          Map.entry(18, "pipe_created"),
          Map.entry(19, "wmi_event"),
          Map.entry(20, "wmi_event"),
          Map.entry(21, "wmi_event"),
          Map.entry(22, "dns_query"),
          Map.entry(23, "file_delete"),
          Map.entry(24, "clipboard_change"),
          Map.entry(25, "process_tampering"),
          Map.entry(26, "file_delete_detected"),
          Map.entry(27, "file_block_executable"),
          Map.entry(28, "file_block_shredding"),
          Map.entry(29, "file_executable_detected"),
          Map.entry(255, "sysmon_error"));

  /** Windows categories that already stand for one kind of event, so an EventID is redundant. */
  private static final Set<String> WINDOWS_EVENT_CATEGORIES =
      Set.of(
          "clipboard_capture",
          "create_remote_thread",
          "create_stream_hash",
          "dns_query",
          "driver_load",
          "file_access",
          "file_change",
          "file_delete",
          "file_event",
          "file_rename",
          "image_load",
          "network_connection",
          "pipe_created",
          "process_access",
          "process_creation",
          "process_tampering",
          "process_termination",
          "ps_classic_provider_start",
          "ps_classic_script",
          "ps_classic_start",
          "ps_module",
          "ps_script",
          "raw_access_thread",
          "registry_add",
          "registry_delete",
          "registry_event",
          "registry_rename",
          "registry_set",
          "sysmon_error",
          "sysmon_status",
          "wmi_event");

  @Override
  public void check(LintContext ctx) {
    LogSource ls;
    if (ctx.doc instanceof SigmaRule r) {
      ls = r.logsource();
    } else if (ctx.doc instanceof FilterRule f) {
      ls = f.logsource();
    } else {
      return;
    }
    for (Map.Entry<String, SourceMap.Entry> e : ctx.src.entries().entrySet()) {
      String path = e.getKey();
      if (!path.startsWith("logsource.")) {
        continue;
      }
      String key = path.substring("logsource.".length());
      if (key.contains(".") || key.contains("[")) {
        continue;
      }
      if (!KEYS.contains(key)) {
        ctx.warn(
            "lint.logsource-field",
            e.getValue().keyPosition(),
            "logsource key '"
                + key
                + "' is not read by converters (category, product, service, definition)",
            key);
      } else if (!key.equals("definition")
          && e.getValue().text() != null
          && !VALUE.matcher(e.getValue().text()).matches()) {
        ctx.warn(
            "lint.logsource-value",
            e.getValue().valuePosition(),
            "logsource "
                + key
                + " '"
                + e.getValue().text()
                + "' is written in lower case with '_' for spaces, e.g. '"
                + e.getValue().text().toLowerCase(Locale.ROOT).trim().replace(' ', '_')
                + "'",
            e.getValue().text());
      }
    }
    if (!"windows".equals(ls.product())) {
      return;
    }
    for (DetectionItem item : ctx.src.detectionItems()) {
      if (!"EventID".equals(item.field())) {
        continue;
      }
      if (ls.category() != null && WINDOWS_EVENT_CATEGORIES.contains(ls.category())) {
        ctx.warn(
            "lint.eventid-in-category",
            item.keyPosition(),
            "category '"
                + ls.category()
                + "' already selects its events; an EventID test ties the rule to one log"
                + " source and can hide matches from the others",
            item.key());
        continue;
      }
      for (DetectionItem.Value v : item.values()) {
        Integer id = eventId(v);
        String generic = null;
        if (id != null && "sysmon".equals(ls.service())) {
          generic = SYSMON.get(id);
        } else if (id != null && id == 4688 && "security".equals(ls.service())) {
          generic = "process_creation";
        }
        if (generic != null && !item.modifiers().contains("neq")) {
          ctx.warn(
              "lint.generic-logsource",
              v.position(),
              "EventID "
                  + id
                  + " of service "
                  + ls.service()
                  + " has a generic category: use 'category: "
                  + generic
                  + "' so the rule fits every source of such events",
              v.text());
        }
      }
    }
  }

  private static Integer eventId(DetectionItem.Value v) {
    try {
      return Integer.valueOf(v.text().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
