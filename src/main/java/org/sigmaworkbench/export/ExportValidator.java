package org.sigmaworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an export document against what the service documents and refuses: required fields,
 * enumerations, ISO-8601 durations and their ranges, lengths, entity mappings, tactics and
 * techniques, and for Defender the schedule periods and the columns a custom detection needs. Each
 * problem is {@code field: why}, the field written as a path in the document.
 */
public final class ExportValidator {

  private static final Pattern TECHNIQUE = Pattern.compile("T[0-9]{4}");
  private static final Pattern SUB_OR_TECHNIQUE = Pattern.compile("T[0-9]{4}(\\.[0-9]{3})?");
  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern SHORT_DURATION = Pattern.compile("[0-9]+[mhd]");
  private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+");

  private final ExportMapping mapping;

  public ExportValidator(ExportMapping mapping) {
    this.mapping = mapping;
  }

  public ExportValidator() {
    this(ExportMapping.get());
  }

  /**
   * The problems of a document.
   *
   * @param columns the columns the query returns (empty when they are not known)
   */
  public List<String> validate(ExportFormat format, JsonNode doc, Set<String> columns) {
    List<String> p = new ArrayList<>();
    switch (format) {
      case SENTINEL_ARM -> arm(doc, columns, p);
      case SENTINEL_YAML -> contentYaml(doc, columns, p);
      case DEFENDER -> defender(doc, columns, p);
    }
    return p;
  }

  // Sentinel ARM

  private void arm(JsonNode doc, Set<String> columns, List<String> p) {
    if (!doc.path("$schema").asText().startsWith("https://schema.management.azure.com/")) {
      p.add("$schema: not an ARM deployment template schema");
    }
    if (!doc.path("parameters").path("workspace").path("type").asText().equals("string")) {
      p.add("parameters.workspace: the template needs a string parameter 'workspace'");
    }
    JsonNode resources = doc.path("resources");
    if (!resources.isArray() || resources.isEmpty()) {
      p.add("resources: no alert rule resource");
      return;
    }
    for (int i = 0; i < resources.size(); i++) {
      armResource(resources.get(i), "resources[" + i + "].", columns, p);
    }
  }

  private void armResource(JsonNode r, String at, Set<String> columns, List<String> p) {
    if (!r.path("type")
            .asText()
            .equals("Microsoft.OperationalInsights/workspaces/providers/alertRules")
        && !r.path("type").asText().equals("Microsoft.SecurityInsights/alertRules")) {
      p.add(at + "type: not a Microsoft.SecurityInsights alert rule");
    }
    String name = r.path("name").asText();
    int slash = name.lastIndexOf('/');
    String guid = name.substring(slash + 1).replace("')]", "");
    if (!GUID.matcher(guid).matches()) {
      p.add(at + "name: the rule's name must end in a GUID");
    }
    if (!r.path("apiVersion").asText().equals(mapping.text("sentinel", "api_version"))) {
      p.add(at + "apiVersion: expected " + mapping.text("sentinel", "api_version"));
    }
    if (!r.path("kind").asText().equals("Scheduled")) {
      p.add(at + "kind: must be Scheduled");
    }
    JsonNode props = r.path("properties");
    String pa = at + "properties.";
    for (String field :
        List.of(
            "displayName",
            "enabled",
            "severity",
            "query",
            "queryFrequency",
            "queryPeriod",
            "triggerOperator",
            "triggerThreshold",
            "suppressionEnabled",
            "suppressionDuration")) {
      if (props.path(field).isMissingNode() || props.path(field).isNull()) {
        p.add(pa + field + ": required");
      }
    }
    text(props, "displayName", pa, mapping.number("sentinel", "name_max"), p);
    text(props, "description", pa, mapping.number("sentinel", "description_max"), p);
    text(props, "query", pa, mapping.number("sentinel", "query_max"), p);
    oneOf(props, "severity", pa, mapping.texts("sentinel", "severities"), p);
    oneOf(props, "triggerOperator", pa, mapping.texts("sentinel", "trigger_operators"), p);
    if (!props.path("enabled").isBoolean()) {
      p.add(pa + "enabled: must be true or false");
    }
    if (!props.path("suppressionEnabled").isBoolean()) {
      p.add(pa + "suppressionEnabled: must be true or false");
    }
    threshold(props, pa, p);
    Duration frequency = isoDuration(props, "queryFrequency", pa, p);
    Duration period = isoDuration(props, "queryPeriod", pa, p);
    isoDuration(props, "suppressionDuration", pa, p);
    schedule(frequency, period, pa + "queryFrequency", pa + "queryPeriod", p);
    tactics(props.path("tactics"), pa + "tactics", p);
    JsonNode techniques = props.path("techniques");
    for (JsonNode t : techniques) {
      if (!TECHNIQUE.matcher(t.asText()).matches()) {
        p.add(pa + "techniques: '" + t.asText() + "' is not a technique id (T1234)");
      }
    }
    techniquesNeedTactics(techniques, props.path("tactics"), pa + "techniques", p);
    entityMappings(
        props.path("entityMappings"),
        pa + "entityMappings",
        mapping.number("sentinel", "entity_mappings_max"),
        columns,
        p);
    JsonNode grouping = props.path("eventGroupingSettings").path("aggregationKind");
    if (!grouping.isMissingNode()
        && !List.of("SingleAlert", "AlertPerResult").contains(grouping.asText())) {
      p.add(pa + "eventGroupingSettings.aggregationKind: must be SingleAlert or AlertPerResult");
    }
  }

  // Sentinel content YAML

  private void contentYaml(JsonNode y, Set<String> columns, List<String> p) {
    for (String field :
        List.of(
            "id",
            "name",
            "description",
            "severity",
            "requiredDataConnectors",
            "queryFrequency",
            "queryPeriod",
            "triggerOperator",
            "triggerThreshold",
            "query",
            "version",
            "kind")) {
      if (y.path(field).isMissingNode() || y.path(field).isNull()) {
        p.add(field + ": required");
      }
    }
    if (!GUID.matcher(y.path("id").asText()).matches()) {
      p.add("id: must be a GUID");
    }
    text(y, "name", "", mapping.number("sentinel", "name_max"), p);
    text(y, "description", "", mapping.number("sentinel", "description_max"), p);
    text(y, "query", "", mapping.number("sentinel", "query_max"), p);
    oneOf(y, "severity", "", mapping.texts("sentinel", "severities"), p);
    oneOf(y, "triggerOperator", "", List.of("gt", "lt", "eq", "ne"), p);
    oneOf(y, "kind", "", List.of("Scheduled"), p);
    threshold(y, "", p);
    if (!VERSION.matcher(y.path("version").asText()).matches()) {
      p.add("version: must be a.b.c");
    }
    for (JsonNode c : y.path("requiredDataConnectors")) {
      if (c.path("connectorId").asText().isEmpty() || !c.path("dataTypes").isArray()) {
        p.add("requiredDataConnectors: each needs a connectorId and dataTypes");
      }
    }
    Duration frequency = shortDuration(y, "queryFrequency", p);
    Duration period = shortDuration(y, "queryPeriod", p);
    schedule(frequency, period, "queryFrequency", "queryPeriod", p);
    tactics(y.path("tactics"), "tactics", p);
    JsonNode techniques = y.path("relevantTechniques");
    for (JsonNode t : techniques) {
      if (!SUB_OR_TECHNIQUE.matcher(t.asText()).matches()) {
        p.add("relevantTechniques: '" + t.asText() + "' is not a technique id (T1234, T1234.001)");
      }
    }
    techniquesNeedTactics(techniques, y.path("tactics"), "relevantTechniques", p);
    entityMappings(
        y.path("entityMappings"),
        "entityMappings",
        mapping.number("sentinel", "yaml_entity_mappings_max"),
        columns,
        p);
  }

  // Defender

  private void defender(JsonNode d, Set<String> columns, List<String> p) {
    String name = d.path("displayName").asText();
    if (name.isBlank()) {
      p.add("displayName: required");
    } else if (name.length() > mapping.number("defender", "name_max")) {
      p.add(
          "displayName: "
              + name.length()
              + " characters, more than the "
              + mapping.number("defender", "name_max")
              + " allowed");
    }
    if (!d.path("isEnabled").isBoolean()) {
      p.add("isEnabled: must be true or false");
    }
    if (d.path("queryCondition").path("queryText").asText().isBlank()) {
      p.add("queryCondition.queryText: required");
    }
    String period = d.path("schedule").path("period").asText();
    List<String> periods = mapping.texts("defender", "periods");
    if (!periods.contains(period)) {
      p.add(
          "schedule.period: '"
              + period
              + "' is not one Defender allows ("
              + String.join(", ", periods)
              + "; 0 runs continuously)");
    }
    JsonNode alert = d.path("detectionAction").path("alertTemplate");
    String at = "detectionAction.alertTemplate.";
    if (alert.path("title").asText().isBlank()) {
      p.add(at + "title: required");
    }
    if (alert.path("description").asText().isBlank()) {
      p.add(at + "description: required");
    }
    oneOf(alert, "severity", at, mapping.texts("defender", "severities"), p);
    oneOf(alert, "category", at, mapping.texts("defender_category_values"), p);
    for (JsonNode t : alert.path("mitreTechniques")) {
      if (!SUB_OR_TECHNIQUE.matcher(t.asText()).matches()) {
        p.add(
            at + "mitreTechniques: '" + t.asText() + "' is not a technique id (T1234, T1234.001)");
      }
    }
    Map<String, List<String>> assetTypes = mapping.assetTypes();
    JsonNode assets = alert.path("impactedAssets");
    if (!assets.isArray() || assets.isEmpty()) {
      p.add(at + "impactedAssets: at least one impacted asset is required");
    }
    for (JsonNode a : assets) {
      String type = a.path("@odata.type").asText();
      String id = a.path("identifier").asText();
      if (!assetTypes.containsKey(type)) {
        p.add(at + "impactedAssets: unknown asset type '" + type + "'");
      } else if (!assetTypes.get(type).contains(id)) {
        p.add(at + "impactedAssets: '" + id + "' is not an identifier of " + type);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String c : mapping.texts("defender", "required_columns")) {
      if (!columns.contains(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      p.add(
          "queryCondition.queryText: the query does not return "
              + String.join(", ", missing)
              + ", which a custom detection needs"
              + (columns.isEmpty() ? " (an aggregating query returns only its groups)" : ""));
    }
  }

  // Shared checks

  private static void text(JsonNode obj, String field, String at, int max, List<String> p) {
    String v = obj.path(field).asText("");
    if (field.equals("description") && obj.path(field).isMissingNode()) {
      return;
    }
    if (v.isBlank()) {
      p.add(at + field + ": must not be empty");
    } else if (v.length() > max) {
      p.add(at + field + ": " + v.length() + " characters, more than the " + max + " allowed");
    }
  }

  private static void oneOf(
      JsonNode obj, String field, String at, List<String> allowed, List<String> p) {
    String v = obj.path(field).asText("");
    if (!allowed.contains(v)) {
      p.add(at + field + ": '" + v + "' is not one of " + String.join(", ", allowed));
    }
  }

  private void threshold(JsonNode obj, String at, List<String> p) {
    JsonNode t = obj.path("triggerThreshold");
    int max = mapping.number("sentinel", "threshold_max");
    if (!t.isInt() || t.asInt() < 0 || t.asInt() > max) {
      p.add(at + "triggerThreshold: must be a whole number from 0 to " + max);
    }
  }

  private static Duration isoDuration(JsonNode obj, String field, String at, List<String> p) {
    String v = obj.path(field).asText("");
    if (!Durations.isIso(v)) {
      p.add(at + field + ": '" + v + "' is not an ISO-8601 duration");
      return null;
    }
    return Durations.parse(v);
  }

  private static Duration shortDuration(JsonNode obj, String field, List<String> p) {
    String v = obj.path(field).asText("");
    if (!SHORT_DURATION.matcher(v).matches()) {
      p.add(field + ": '" + v + "' is not a duration in minutes, hours or days (5m, 1h, 1d)");
      return null;
    }
    return Durations.parse(v);
  }

  private void schedule(
      Duration frequency, Duration period, String frequencyAt, String periodAt, List<String> p) {
    scheduleDuration(frequency, "frequency", frequencyAt, p);
    scheduleDuration(period, "period", periodAt, p);
    if (frequency != null && period != null) {
      if (period.compareTo(frequency) < 0) {
        p.add(
            periodAt
                + ": "
                + Durations.describe(period)
                + " is shorter than the frequency ("
                + Durations.describe(frequency)
                + "): events between runs would never be looked at");
      }
      Duration longPeriod = mapping.duration("sentinel", "long_period");
      Duration minFrequency = mapping.duration("sentinel", "long_period_min_frequency");
      if (period.compareTo(longPeriod) > 0 && frequency.compareTo(minFrequency) < 0) {
        p.add(
            frequencyAt
                + ": a rule that looks back more than "
                + Durations.describe(longPeriod)
                + " runs at most every "
                + Durations.describe(minFrequency));
      }
    }
  }

  /**
   * A Sentinel schedule's {@code frequency} or {@code period}, when given: within the range the
   * mapping file documents for it ({@code frequency_min}, {@code frequency_max}...), whole minutes.
   */
  private void scheduleDuration(Duration d, String name, String at, List<String> p) {
    if (d == null) {
      return;
    }
    range(
        d,
        mapping.duration("sentinel", name + "_min"),
        mapping.duration("sentinel", name + "_max"),
        at,
        p);
    if (d.getSeconds() % 60 != 0) {
      p.add(at + ": must be whole minutes");
    }
  }

  private static void range(Duration d, Duration min, Duration max, String at, List<String> p) {
    if (d.compareTo(min) < 0) {
      p.add(
          at
              + ": "
              + Durations.describe(d)
              + " is shorter than the "
              + Durations.describe(min)
              + " Sentinel allows");
    } else if (d.compareTo(max) > 0) {
      p.add(
          at
              + ": "
              + Durations.describe(d)
              + " is longer than the "
              + Durations.describe(max)
              + " Sentinel allows");
    }
  }

  private void tactics(JsonNode tactics, String at, List<String> p) {
    List<String> allowed = mapping.texts("sentinel_tactics");
    Set<String> seen = new HashSet<>();
    for (JsonNode t : tactics) {
      if (!allowed.contains(t.asText())) {
        p.add(at + ": '" + t.asText() + "' is not a tactic Sentinel accepts");
      }
      if (!seen.add(t.asText())) {
        p.add(at + ": '" + t.asText() + "' is listed twice");
      }
    }
  }

  /** Sentinel refuses techniques without a tactic they could belong to. */
  private static void techniquesNeedTactics(
      JsonNode techniques, JsonNode tactics, String at, List<String> p) {
    if (techniques.isArray()
        && !techniques.isEmpty()
        && (!tactics.isArray() || tactics.isEmpty())) {
      p.add(
          at
              + ": techniques need a tactic; add the attack.<tactic> tag of "
              + techniques.get(0).asText()
              + " to the rule");
    }
  }

  private void entityMappings(
      JsonNode mappings, String at, int max, Set<String> columns, List<String> p) {
    if (mappings.isMissingNode()) {
      return;
    }
    if (mappings.size() > max) {
      p.add(at + ": " + mappings.size() + " entity mappings, more than the " + max + " allowed");
    }
    Map<String, List<String>> identifiers = mapping.identifiers();
    List<String> types = mapping.texts("sentinel", "entity_types");
    int maxIds = mapping.number("sentinel", "identifiers_max");
    for (int i = 0; i < mappings.size(); i++) {
      JsonNode m = mappings.get(i);
      String mat = at + "[" + i + "]";
      String type = m.path("entityType").asText();
      if (!types.contains(type)) {
        p.add(mat + ".entityType: '" + type + "' is not an entity type Sentinel knows");
        continue;
      }
      JsonNode fields = m.path("fieldMappings");
      if (!fields.isArray() || fields.isEmpty()) {
        p.add(mat + ".fieldMappings: at least one identifier is required");
      } else if (fields.size() > maxIds) {
        p.add(mat + ".fieldMappings: " + fields.size() + " identifiers, more than " + maxIds);
      }
      for (JsonNode f : fields) {
        String id = f.path("identifier").asText();
        String column = f.path("columnName").asText();
        List<String> known = identifiers.get(type);
        if (known != null && !known.contains(id)) {
          p.add(mat + ".fieldMappings: '" + id + "' is not an identifier of " + type);
        }
        if (!columns.contains(column)) {
          p.add(mat + ".fieldMappings: the query does not return column '" + column + "'");
        }
      }
    }
  }
}
