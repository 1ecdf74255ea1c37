package org.sigmaworkbench.workspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventBuilder;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.json.JsonFields;
import org.sigmaworkbench.mapping.EventSource;
import org.sigmaworkbench.mapping.FieldMapping;
import org.sigmaworkbench.mapping.Target;

/**
 * Reads rows of a rule's query result back into events and runs the rule's matcher on them, so a
 * row shows the same spans a local test shows for the same event.
 *
 * <p>A row's columns are the event's fields; the target tables the query reads say which column
 * holds which Sigma field (the KQL writer's mapping read backwards, as for an exported CSV of the
 * same table). A dynamic value that is an object is also spread into {@code Column.member} fields,
 * so a field read from a dynamic column ({@code AdditionalFields.PipeName}, {@code
 * EventData.Image}) is found. Fields the target reads through a value rewrite (a file name cut from
 * a path, another spelling of a prefix) are not read back: the row holds them in the table's form,
 * and a rule value about them shows no span. The rows are events of the rule's own logsource, since
 * the query chose them: the logsource check of the matcher is not applied.
 */
public final class RowMatcher {

  private final CompiledRule rule;
  private final FieldLayout layout;

  /**
   * @param rule the rule whose query ran
   * @param target the target it was written for
   * @param written the written query, whose {@link KqlResult#reads()} name the tables; when empty,
   *     the tables serving the rule's logsource in the target
   */
  public RowMatcher(CompiledRule rule, Target target, KqlResult written) {
    this.rule = rule;
    List<Target.Table> tables = new ArrayList<>();
    for (Target.Branch b : written == null ? List.<Target.Branch>of() : written.reads()) {
      tables.add(b.table());
    }
    if (tables.isEmpty()) {
      for (Target.Branch b : target.homeOf(rule.rule().logsource()).branches()) {
        tables.add(b.table());
      }
    }
    this.layout = layoutOf(tables, rule.fields());
  }

  /** The layout reading rows of these tables: every table's mapping, the first table's first. */
  static FieldLayout layoutOf(List<Target.Table> tables, List<String> ruleFields) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, List<String>> accounts = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (Target.Table t : tables) {
      names.add(t.name());
      t.fields()
          .forEach(
              (field, columns) -> {
                List<String> all = fields.computeIfAbsent(field, k -> new ArrayList<>());
                for (String c : columns) {
                  if (!all.contains(c)) {
                    all.add(c);
                  }
                }
              });
      t.mappings()
          .forEach(
              (field, m) -> {
                if (m instanceof FieldMapping.DomainUser d) {
                  accounts.putIfAbsent(field, List.of(d.domainColumn(), d.nameColumn()));
                }
              });
    }
    for (Target.Table t : tables) {
      if (t.otherFields() == null) {
        continue;
      }
      for (String f : ruleFields) {
        if (!fields.containsKey(f)
            && t.mappingFor(f).orElse(null) instanceof FieldMapping.Value v
            && v.isPlain()) {
          fields.put(f, new ArrayList<>(v.columns()));
        }
      }
    }
    return new FieldLayout(
        names.isEmpty() ? "query result" : String.join(" | ", names),
        fields,
        null,
        EventSource.UNKNOWN,
        accounts);
  }

  /** The layout rows are read with (Sigma field to columns). */
  public FieldLayout layout() {
    return layout;
  }

  /**
   * One row as an event.
   *
   * @param record the row's place in the result, from 1
   */
  public Event event(List<QueryResult.Column> columns, List<JsonNode> row, long record) {
    return event(columns, row, record, "query result");
  }

  /**
   * One row as an event of a named source.
   *
   * @param source the name the event's {@link Event#file()} gives (the workspace, for a window)
   */
  public Event event(
      List<QueryResult.Column> columns, List<JsonNode> row, long record, String source) {
    EventBuilder b = new EventBuilder();
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i).name();
      JsonNode cell = i < row.size() ? row.get(i) : null;
      b.add(name, QueryResult.text(cell));
      JsonNode object = asObject(cell, columns.get(i).type());
      if (object != null) {
        spread(object, name, b);
      }
    }
    return b.build(source, record, layout);
  }

  /** A dynamic object: as JSON, or as the JSON text Log Analytics writes dynamic values in. */
  private static JsonNode asObject(JsonNode cell, String type) {
    if (cell == null) {
      return null;
    }
    if (cell.isObject()) {
      return cell;
    }
    if (cell.isTextual() && "dynamic".equals(type) && cell.textValue().strip().startsWith("{")) {
      try {
        JsonNode parsed = HttpQuery.JSON.readTree(cell.textValue());
        return parsed != null && parsed.isObject() ? parsed : null;
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }

  private static void spread(JsonNode object, String prefix, EventBuilder b) {
    try (JsonParser p = JsonFields.JSON.createParser(object.toString())) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        JsonFields.flatten(p, prefix, b);
      }
    } catch (IOException e) {
      // The JSON came from Jackson: it parses. Leave the members out if it ever does not.
    }
  }

  /** One row, matched. */
  public MatchedRow match(List<QueryResult.Column> columns, List<JsonNode> row, long record) {
    Event e = event(columns, row, record);
    return new MatchedRow(row, e, rule.explain(e));
  }

  /** Every row of a result, matched, in order. */
  public List<MatchedRow> matchAll(QueryResult result) {
    return matchAll(result, "query result");
  }

  /** Every row of a result, matched, in order, as events of the named source. */
  public List<MatchedRow> matchAll(QueryResult result, String source) {
    List<MatchedRow> out = new ArrayList<>(result.rows().size());
    long n = 0;
    for (List<JsonNode> row : result.rows()) {
      Event e = event(result.columns(), row, ++n, source);
      out.add(new MatchedRow(row, e, rule.explain(e)));
    }
    return out;
  }
}
