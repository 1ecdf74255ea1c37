package org.sigmaworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.FilterRule;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleMeta;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * Builds the document of one rule in one format from the rule and its KQL, then checks it with
 * {@link ExportValidator}. What goes where:
 *
 * <ul>
 *   <li>title to the rule's name; description, Sigma id, status, level, author, false positives and
 *       references to its description (references are left out first when the description would be
 *       too long);
 *   <li>level to severity, {@code attack.<tactic>} tags to tactics, {@code attack.tNNNN[.NNN]} tags
 *       to techniques, status to enabled (stable and test on, others off unless asked);
 *   <li>the table the query reads to entity mappings, data connectors or impacted assets;
 *   <li>the schedule from the options, a correlation's time span to the look-back period.
 * </ul>
 */
public final class Exporter {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern TECHNIQUE = Pattern.compile("t[0-9]{4}(\\.[0-9]{3})?");

  /** Namespace of the rule GUIDs (name-based UUID version 5 of the Sigma id). */
  static final UUID NAMESPACE = UUID.fromString("5c1f6a0e-7d4b-4f6e-9a47-2b8e3c9d1f60");

  static final String ARM_SCHEMA =
      "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

  private final ExportFormat format;
  private final Target target;
  private final ExportOptions options;
  private final ExportMapping mapping = ExportMapping.get();

  public Exporter(ExportFormat format, Target target, ExportOptions options) {
    this.format = format;
    this.target = target;
    this.options = options;
  }

  public ExportFormat format() {
    return format;
  }

  /**
   * Writes the query of a document and exports it; {@code rules} are those a correlation may name.
   */
  public Export export(RuleDocument document, Map<String, SigmaRule> rules) {
    RuleMeta meta = document.meta();
    List<String> errors = new ArrayList<>();
    for (RuleProblem p : document.problems()) {
      if (p.isError()) {
        errors.add("rule: " + p.describe());
        break;
      }
    }
    if (!errors.isEmpty()) {
      return new Export(format, meta.id(), meta.title(), null, errors, List.of());
    }
    if (document instanceof FilterRule) {
      return new Export(
          format,
          meta.id(),
          meta.title(),
          null,
          List.of("rule: a filter adds exclusions to the rules it names; it is not exported alone"),
          List.of());
    }
    KqlWriter writer = new KqlWriter(target);
    KqlResult kql =
        document instanceof CorrelationRule c
            ? writer.write(c, rules)
            : writer.write((SigmaRule) document);
    return export(document, kql);
  }

  /** Exports a document whose query is already written. */
  public Export export(RuleDocument document, KqlResult kql) {
    RuleMeta meta = document.meta();
    if (!kql.ok()) {
      return new Export(
          format,
          meta.id(),
          meta.title(),
          null,
          List.of("query: " + String.join("; ", kql.errors())),
          List.of());
    }
    boolean aggregated =
        document instanceof CorrelationRule
            || (document instanceof SigmaRule r && r.aggregation() != null);
    // A query that filters rows returns every column of its table (of each table of a union, a
    // column one branch lacks being empty on that branch's rows); an aggregation returns its groups
    // only, so no column of the table can be relied on.
    Set<String> columns = new LinkedHashSet<>();
    if (!aggregated) {
      for (String name : kql.tables()) {
        Target.Table table = table(name);
        if (table != null) {
          columns.addAll(table.columns().keySet());
        }
      }
    }
    List<String> warnings = new ArrayList<>(kql.warnings());
    Facts facts = facts(document, kql, columns, aggregated, warnings);
    JsonNode doc =
        switch (format) {
          case SENTINEL_ARM -> arm(facts);
          case SENTINEL_YAML -> contentYaml(facts);
          case DEFENDER -> defender(facts);
        };
    List<String> problems = new ExportValidator(mapping).validate(format, doc, columns);
    return new Export(format, meta.id(), meta.title(), doc, problems, warnings);
  }

  private Target.Table table(String name) {
    for (Target.Table t : target.tables()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }

  /** What the formats share, drawn from the rule once. */
  private record Facts(
      String guid,
      String title,
      String description,
      String level,
      boolean enabled,
      String query,
      List<String> tables,
      Duration frequency,
      Duration period,
      List<String> tactics,
      List<String> techniques,
      List<ExportMapping.Entity> entities,
      List<ExportMapping.Asset> assets) {}

  private Facts facts(
      RuleDocument document,
      KqlResult kql,
      Set<String> columns,
      boolean aggregated,
      List<String> warnings) {
    RuleMeta meta = document.meta();
    List<String> tactics = new ArrayList<>();
    List<String> techniques = new ArrayList<>();
    for (String tag : meta.tags()) {
      String t = tag.toLowerCase(Locale.ROOT);
      if (!t.startsWith("attack.")) {
        continue;
      }
      String name = t.substring("attack.".length());
      if (TECHNIQUE.matcher(name).matches()) {
        addOnce(techniques, name.toUpperCase(Locale.ROOT));
      } else {
        mapping.tactic(name).ifPresent(s -> addOnce(tactics, s));
      }
    }
    Duration frequency = options.frequency() != null ? options.frequency() : defaultFrequency();
    Duration period = options.period();
    if (period == null) {
      period = frequency;
      if (document instanceof CorrelationRule c
          && c.timespanSeconds() > 0
          && Duration.ofSeconds(c.timespanSeconds()).compareTo(period) > 0) {
        period = Duration.ofSeconds(c.timespanSeconds());
      }
    }
    List<ExportMapping.Entity> entities = new ArrayList<>();
    // A union's tables each add their mappings; one the tables share is mapped once.
    for (String table : kql.tables()) {
      for (ExportMapping.Entity e : mapping.entities(table)) {
        List<ExportMapping.Identifier> ids = new ArrayList<>();
        for (ExportMapping.Identifier i : e.identifiers()) {
          if (columns.contains(i.column())) {
            ids.add(i);
          }
        }
        ExportMapping.Entity kept = new ExportMapping.Entity(e.type(), ids);
        if (!ids.isEmpty() && !entities.contains(kept)) {
          entities.add(kept);
        }
      }
    }
    if (aggregated && format.sentinel()) {
      warnings.add(
          "no entity mappings: the query aggregates, so the table's columns are not in its results");
    }
    boolean enabled = options.enable() || mapping.enabledByStatus(meta.status());
    return new Facts(
        guid(meta),
        meta.title() == null ? "" : meta.title().strip(),
        description(meta),
        meta.level(),
        enabled,
        kql.query(),
        kql.tables(),
        frequency,
        period,
        tactics,
        techniques,
        entities,
        mapping.assets(kql.table()));
  }

  private Duration defaultFrequency() {
    if (format == ExportFormat.DEFENDER) {
      return Duration.ofHours(
          Long.parseLong(mapping.text("defender", "default_period").replace("H", "")));
    }
    return mapping.duration("sentinel", "default_frequency");
  }

  private static void addOnce(List<String> list, String value) {
    if (!list.contains(value)) {
      list.add(value);
    }
  }

  /** A stable GUID for the rule: UUID v5 of its Sigma id (or title when it has none). */
  static String guid(RuleMeta meta) {
    String name =
        meta.id() != null
            ? "sigma:" + meta.id().strip().toLowerCase(Locale.ROOT)
            : "sigma-title:" + (meta.title() == null ? "" : meta.title().strip());
    return nameUuid(NAMESPACE, name).toString();
  }

  /** RFC 4122 name-based UUID, version 5 (SHA-1). */
  static UUID nameUuid(UUID namespace, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] ns = new byte[16];
      long msb = namespace.getMostSignificantBits();
      long lsb = namespace.getLeastSignificantBits();
      for (int i = 0; i < 8; i++) {
        ns[i] = (byte) (msb >>> (8 * (7 - i)));
        ns[8 + i] = (byte) (lsb >>> (8 * (7 - i)));
      }
      sha1.update(ns);
      sha1.update(name.getBytes(StandardCharsets.UTF_8));
      byte[] h = sha1.digest();
      h[6] = (byte) ((h[6] & 0x0f) | 0x50);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      long hi = 0;
      long lo = 0;
      for (int i = 0; i < 8; i++) {
        hi = (hi << 8) | (h[i] & 0xff);
        lo = (lo << 8) | (h[8 + i] & 0xff);
      }
      return new UUID(hi, lo);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java platform", e);
    }
  }

  /**
   * The description: the rule's own text, then where it comes from, then false positives and
   * references; references, then false positives, are left out when the whole is too long.
   */
  String description(RuleMeta meta) {
    int max = mapping.number("sentinel", "description_max");
    StringBuilder head = new StringBuilder();
    if (meta.description() != null && !meta.description().isBlank()) {
      head.append(meta.description().strip());
    }
    StringBuilder source = new StringBuilder("Sigma rule");
    if (meta.id() != null) {
      source.append(' ').append(meta.id().strip());
    }
    List<String> facts = new ArrayList<>();
    if (meta.status() != null) {
      facts.add("status " + meta.status());
    }
    if (meta.level() != null) {
      facts.add("level " + meta.level());
    }
    if (meta.author() != null && !meta.author().isBlank()) {
      facts.add("author " + meta.author().strip());
    }
    if (!facts.isEmpty()) {
      source.append(" (").append(String.join(", ", facts)).append(')');
    }
    source.append('.');
    String falsePositives = "";
    if (!meta.falsepositives().isEmpty()) {
      String list = String.join("; ", meta.falsepositives()).strip();
      falsePositives = "\n\nFalse positives: " + list + (list.matches(".*[.!?]$") ? "" : ".");
    }
    StringBuilder references = new StringBuilder();
    if (!meta.references().isEmpty()) {
      references.append("\n\nReferences:");
      for (String r : meta.references()) {
        references.append("\n- ").append(r);
      }
    }
    String base = (head.length() > 0 ? head + "\n\n" : "") + source;
    for (String candidate :
        new String[] {base + falsePositives + references, base + falsePositives, base}) {
      if (candidate.length() <= max) {
        return candidate;
      }
    }
    return base;
  }

  // Documents

  private JsonNode arm(Facts f) {
    ObjectNode template = JSON.objectNode();
    template.put("$schema", ARM_SCHEMA);
    template.put("contentVersion", "1.0.0.0");
    ObjectNode workspace = template.putObject("parameters").putObject("workspace");
    workspace.put("type", "string");
    workspace
        .putObject("metadata")
        .put("description", "Name of the Log Analytics workspace where Microsoft Sentinel is on.");
    template.putArray("resources").add(armResource(f));
    return template;
  }

  private ObjectNode armResource(Facts f) {
    ObjectNode r = JSON.objectNode();
    r.put("type", "Microsoft.OperationalInsights/workspaces/providers/alertRules");
    r.put(
        "name", "[concat(parameters('workspace'), '/Microsoft.SecurityInsights/" + f.guid + "')]");
    r.put("apiVersion", mapping.text("sentinel", "api_version"));
    r.put("kind", "Scheduled");
    ObjectNode p = r.putObject("properties");
    p.put("displayName", f.title);
    p.put("description", f.description);
    p.put("severity", mapping.severity(f.level, true));
    p.put("enabled", f.enabled);
    p.put("query", f.query);
    p.put("queryFrequency", Durations.iso(f.frequency));
    p.put("queryPeriod", Durations.iso(f.period));
    p.put("triggerOperator", mapping.text("sentinel", "trigger_operator"));
    p.put("triggerThreshold", options.threshold());
    p.put("suppressionDuration", mapping.text("sentinel", "suppression_duration"));
    p.put("suppressionEnabled", false);
    strings(p.putArray("tactics"), f.tactics);
    List<String> parents = new ArrayList<>(new LinkedHashSet<>(parentsOf(f.techniques)));
    strings(p.putArray("techniques"), parents);
    if (!f.entities.isEmpty()) {
      entityMappings(p.putArray("entityMappings"), f.entities);
    }
    p.putObject("eventGroupingSettings")
        .put("aggregationKind", mapping.text("sentinel", "event_grouping"));
    return r;
  }

  /** One ARM template deploying every rule of the exports given (each an ARM template). */
  public static JsonNode combine(List<Export> exports) {
    ObjectNode template = null;
    for (Export e : exports) {
      if (e.format() != ExportFormat.SENTINEL_ARM || !e.ok()) {
        continue;
      }
      if (template == null) {
        template = e.document().deepCopy();
      } else {
        ((ArrayNode) template.get("resources")).addAll((ArrayNode) e.document().get("resources"));
      }
    }
    return template;
  }

  private JsonNode contentYaml(Facts f) {
    ObjectNode y = JSON.objectNode();
    y.put("id", f.guid);
    y.put("name", f.title);
    y.put("description", f.description);
    y.put("severity", mapping.severity(f.level, true));
    ArrayNode connectors = y.putArray("requiredDataConnectors");
    for (String table : f.tables) {
      mapping
          .connectors(table)
          .forEach(
              c -> {
                if (!connectors.valueStream().toList().contains(c)) {
                  connectors.add(c.deepCopy());
                }
              });
    }
    y.put("queryFrequency", Durations.shortForm(f.frequency));
    y.put("queryPeriod", Durations.shortForm(f.period));
    y.put("triggerOperator", "gt");
    y.put("triggerThreshold", options.threshold());
    strings(y.putArray("tactics"), f.tactics);
    strings(y.putArray("relevantTechniques"), f.techniques);
    y.put("query", f.query);
    if (!f.entities.isEmpty()) {
      entityMappings(y.putArray("entityMappings"), f.entities);
    }
    y.put("version", mapping.text("sentinel", "template_version"));
    y.put("kind", "Scheduled");
    return y;
  }

  private JsonNode defender(Facts f) {
    ObjectNode d = JSON.objectNode();
    d.put("displayName", f.title);
    d.put("isEnabled", f.enabled);
    d.putObject("queryCondition").put("queryText", f.query);
    d.putObject("schedule").put("period", defenderPeriod(f.frequency));
    ObjectNode action = d.putObject("detectionAction");
    ObjectNode alert = action.putObject("alertTemplate");
    alert.put("title", f.title);
    alert.put("description", f.description);
    alert.put("severity", mapping.severity(f.level, false));
    alert.put("category", mapping.defenderCategory(f.tactics.isEmpty() ? null : f.tactics.get(0)));
    strings(alert.putArray("mitreTechniques"), f.techniques);
    alert.put(
        "recommendedActions",
        "Review the device, account and process in the alert against the rule's known false"
            + " positives before acting.");
    ArrayNode assets = alert.putArray("impactedAssets");
    for (ExportMapping.Asset a : f.assets) {
      ObjectNode n = assets.addObject();
      n.put("@odata.type", a.type());
      n.put("identifier", a.identifier());
    }
    action.putArray("responseActions");
    return d;
  }

  /** Defender's period text for a frequency: {@code 0}, {@code 1H}, ... as written by Graph. */
  static String defenderPeriod(Duration frequency) {
    long s = frequency.getSeconds();
    if (s == 0) {
      return "0";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "H";
    }
    return Durations.iso(frequency);
  }

  private static List<String> parentsOf(List<String> techniques) {
    List<String> out = new ArrayList<>();
    for (String t : techniques) {
      int dot = t.indexOf('.');
      addOnce(out, dot < 0 ? t : t.substring(0, dot));
    }
    return out;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static void entityMappings(ArrayNode array, List<ExportMapping.Entity> entities) {
    for (ExportMapping.Entity e : entities) {
      ObjectNode m = array.addObject();
      m.put("entityType", e.type());
      ArrayNode fields = m.putArray("fieldMappings");
      for (ExportMapping.Identifier i : e.identifiers()) {
        ObjectNode fm = fields.addObject();
        fm.put("identifier", i.identifier());
        fm.put("columnName", i.column());
      }
    }
  }
}
