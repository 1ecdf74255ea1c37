package org.sigmaworkbench.kql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;

/**
 * The column lists of the target files agree with the schemas kql-validate checks queries against:
 * every column a target names exists there with the same Kusto type.
 */
class TargetSchemaCorpusTest {

  private static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Object> m = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        p.nextToken();
        m.put(k, read(p));
      }
      return m;
    }
    if (t == JsonToken.START_ARRAY) {
      List<Object> l = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        l.add(read(p));
      }
      return l;
    }
    return p.getText();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void everyColumnOfEveryTargetIsInTheValidatorsSchema() throws IOException {
    Map<String, Object> schema;
    try (JsonParser p =
        new JsonFactory()
            .createParser(Files.readString(TestFiles.shared("tools/kql-validate/schemas.json")))) {
      p.nextToken();
      schema = map(read(p));
    }
    List<String> problems = new ArrayList<>();
    int tables = 0;
    for (Target target : TargetCatalog.all()) {
      for (Target.Table table : target.tables()) {
        tables++;
        Map<String, Object> columns;
        if (map(schema.get("tables")).containsKey(table.name())) {
          columns = map(map(schema.get("tables")).get(table.name()));
        } else {
          Map<String, Object> function = map(map(schema.get("functions")).get(table.name()));
          assertThat(function).as("%s in schemas.json", table.name()).isNotNull();
          columns =
              function.containsKey("columnSet")
                  ? map(map(schema.get("columnSets")).get(function.get("columnSet")))
                  : map(function.get("columns"));
        }
        for (Map.Entry<String, String> c : table.columns().entrySet()) {
          Object type = columns.get(c.getKey());
          if (!c.getValue().equals(type)) {
            problems.add(
                target.name()
                    + " "
                    + table.name()
                    + "."
                    + c.getKey()
                    + ": "
                    + c.getValue()
                    + " here, "
                    + type
                    + " in schemas.json");
          }
        }
      }
    }
    assertThat(tables).isGreaterThan(10);
    assertThat(problems).isEmpty();
  }
}
