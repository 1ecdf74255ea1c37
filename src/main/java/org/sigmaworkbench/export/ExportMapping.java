package org.sigmaworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sigmaworkbench.yaml.DataFiles;

/**
 * The export's data file ({@code mapping.yaml} beside this class): severities, tactics, defaults,
 * limits and per-table entity mappings. Read once; its accessors are named after its keys.
 */
public final class ExportMapping {

  /** One identifier of an entity, read from one column. */
  public record Identifier(String identifier, String column) {}

  /** A Sentinel entity mapping: an entity type and up to three identifiers. */
  public record Entity(String type, List<Identifier> identifiers) {}

  /** A Defender impacted asset: its OData type, identifier, and the column it is read from. */
  public record Asset(String type, String identifier, String column) {}

  private static final class Holder {
    static final ExportMapping INSTANCE = load();
  }

  private final JsonNode root;

  private ExportMapping(JsonNode root) {
    this.root = root;
  }

  /** The data file of this build. */
  public static ExportMapping get() {
    return Holder.INSTANCE;
  }

  private static ExportMapping load() {
    return new ExportMapping(DataFiles.loadTree(ExportMapping.class, "mapping.yaml"));
  }

  /** A node of the file by path ({@code sentinel}, {@code query_max}), never {@code null}. */
  JsonNode node(String... path) {
    JsonNode n = root;
    for (String p : path) {
      n = n.path(p);
    }
    return n;
  }

  String text(String... path) {
    JsonNode n = node(path);
    if (n.isMissingNode() || n.isNull()) {
      throw new IllegalStateException("mapping.yaml has no " + String.join(".", path));
    }
    return n.asText();
  }

  int number(String... path) {
    return Integer.parseInt(text(path));
  }

  Duration duration(String... path) {
    return Durations.parse(text(path));
  }

  List<String> texts(String... path) {
    return texts(node(path));
  }

  private static List<String> texts(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }

  List<String> targets(ExportFormat f) {
    return texts("formats", f.id, "targets");
  }

  /**
   * Severity of a Sigma level for Sentinel or Defender; an absent or unknown level is the default.
   */
  String severity(String level, boolean sentinel) {
    String l = level == null ? "" : level.toLowerCase(Locale.ROOT);
    JsonNode n = node("severity", l);
    if (n.isMissingNode()) {
      n = node("severity", text("default_level"));
    }
    return n.path(sentinel ? "sentinel" : "defender").asText();
  }

  /** Sentinel tactic of an ATT&CK tactic short name ({@code credential-access}), if any. */
  Optional<String> tactic(String shortName) {
    JsonNode n = node("tactics", shortName.toLowerCase(Locale.ROOT).replace('_', '-'));
    return n.isMissingNode() ? Optional.empty() : Optional.of(n.asText());
  }

  String defenderCategory(String sentinelTactic) {
    if (sentinelTactic == null) {
      return text("defender_default_category");
    }
    JsonNode n = node("defender_categories", sentinelTactic);
    return n.isMissingNode() ? text("defender_default_category") : n.asText();
  }

  boolean enabledByStatus(String status) {
    return status != null && texts("enabled_status").contains(status.toLowerCase(Locale.ROOT));
  }

  /** The entity mappings of a table, as the data file lists them. */
  public List<Entity> entities(String table) {
    List<Entity> out = new ArrayList<>();
    for (JsonNode e : node("tables", table, "entities")) {
      for (Map.Entry<String, JsonNode> f : e.properties()) {
        List<Identifier> ids = new ArrayList<>();
        for (Map.Entry<String, JsonNode> i : f.getValue().properties()) {
          ids.add(new Identifier(i.getKey(), i.getValue().asText()));
        }
        out.add(new Entity(f.getKey(), ids));
      }
    }
    return out;
  }

  /** The data connectors that fill a table, as content-YAML objects. */
  JsonNode connectors(String table) {
    return node("tables", table, "connectors");
  }

  /** The Defender impacted assets of a table. */
  public List<Asset> assets(String table) {
    List<Asset> out = new ArrayList<>();
    for (JsonNode a : node("tables", table, "assets")) {
      out.add(
          new Asset(
              a.path("type").asText(), a.path("identifier").asText(), a.path("column").asText()));
    }
    return out;
  }

  /** Entity type to its accepted identifiers. */
  Map<String, List<String>> identifiers() {
    return textLists("sentinel", "identifiers");
  }

  /** Impacted asset OData type to its documented identifiers. */
  Map<String, List<String>> assetTypes() {
    return textLists("defender", "asset_types");
  }

  /** An object of the file whose values are lists of texts, by key in the file's order. */
  private Map<String, List<String>> textLists(String... path) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : node(path).properties()) {
      out.put(f.getKey(), texts(f.getValue()));
    }
    return out;
  }
}
