package org.sigmaworkbench.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.Explanation;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/** A row read back through the target's mapping gets the spans a local test gives. */
class RowMatcherTest {

  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String RULE =
      "title: Recon\nlogsource:\n  category: process_creation\n  product: windows\n"
          + "detection:\n  selection:\n    Image|endswith: '\\whoami.exe'\n"
          + "    CommandLine|contains: '/all'\n  user:\n    User|contains: 'admin'\n"
          + "  condition: selection and user\n";

  private static SigmaRule rule(String text) throws Exception {
    RuleFile f = new RuleLoader().load(text, "rule.yml");
    return f.rules().get(0);
  }

  @Test
  void aDefenderRowHasTheSpansOfTheSameRowReadFromAnExport() throws Exception {
    SigmaRule r = rule(RULE);
    Target xdr = TargetCatalog.get("microsoft_xdr");
    KqlResult written = new KqlWriter(xdr).write(r);
    assertThat(written.ok()).as("%s", written).isTrue();
    CompiledRule compiled = CompiledRule.compile(r);

    List<String> names =
        List.of(
            "Timestamp",
            "DeviceName",
            "FolderPath",
            "ProcessCommandLine",
            "AccountDomain",
            "AccountName",
            "AdditionalFields");
    List<String> values =
        List.of(
            "2026-01-02T03:04:05Z",
            "pc1",
            "C:\\Windows\\System32\\whoami.exe",
            "whoami.exe /all",
            "CORP",
            "admin-joe",
            "{\"Note\":\"x\"}");

    // The local test: the same row as an exported CSV of DeviceProcessEvents.
    Path csv = dir.resolve("export.csv");
    StringBuilder b = new StringBuilder(String.join(",", names)).append("\n");
    List<String> quoted = new ArrayList<>();
    for (String v : values) {
      quoted.add("\"" + v.replace("\"", "\"\"") + "\"");
    }
    b.append(String.join(",", quoted)).append("\n");
    Files.writeString(csv, b, StandardCharsets.UTF_8);
    Event local;
    try (EventStream s = LogReaders.open(csv)) {
      local = s.next();
    }
    Explanation expected = compiled.explain(local);
    assertThat(expected.matched()).isTrue();
    assertThat(expected.spans()).isNotEmpty();

    // The service's row, as Defender XDR advanced hunting returns it.
    List<QueryResult.Column> columns = new ArrayList<>();
    List<JsonNode> row = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String type = names.get(i).equals("AdditionalFields") ? "dynamic" : "string";
      columns.add(new QueryResult.Column(names.get(i), type));
      row.add(
          type.equals("dynamic") ? JSON.readTree(values.get(i)) : JSON.valueToTree(values.get(i)));
    }
    MatchedRow matched = new RowMatcher(compiled, xdr, written).match(columns, row, 1);

    assertThat(matched.hit()).isTrue();
    assertThat(matched.spans()).isEqualTo(expected.spans());
    assertThat(matched.spans())
        .extracting(s -> s.field() + ":" + s.column())
        .contains("Image:FolderPath", "CommandLine:ProcessCommandLine");
  }

  @Test
  void membersOfADynamicColumnAreFields() throws Exception {
    SigmaRule r =
        rule(
            "title: Pipe\nlogsource:\n  category: pipe_created\n  product: windows\n"
                + "detection:\n  selection:\n    PipeName|startswith: '\\msagent_'\n"
                + "  condition: selection\n");
    Target xdr = TargetCatalog.get("microsoft_xdr");
    KqlResult written = new KqlWriter(xdr).write(r);
    CompiledRule compiled = CompiledRule.compile(r);
    RowMatcher m = new RowMatcher(compiled, xdr, written);
    assertThat(written.ok()).as("%s", written).isTrue();
    String column = mappedColumn(written, "PipeName");
    assertThat(column).isEqualTo("AdditionalFields.PipeName");
    String dyn = "AdditionalFields";
    String member = "PipeName";
    List<QueryResult.Column> columns =
        List.of(
            new QueryResult.Column("Timestamp", "datetime"),
            new QueryResult.Column(dyn, "dynamic"));
    // Log Analytics writes dynamic values as JSON text.
    List<JsonNode> row =
        List.of(
            JSON.valueToTree("2026-01-02T03:04:05Z"),
            JSON.valueToTree("{\"" + member + "\":\"\\\\msagent_12\"}"));
    MatchedRow matched = m.match(columns, row, 1);
    assertThat(matched.hit()).isTrue();
    assertThat(matched.spans()).extracting(s -> s.column()).containsExactly(column);
  }

  private static String mappedColumn(KqlResult written, String field) {
    for (Target.Branch b : written.reads()) {
      var cols = b.table().columnsFor(field);
      if (cols.isPresent()) {
        return cols.get().get(0);
      }
    }
    return null;
  }

  @Test
  void aRowTheRuleDoesNotMatchHasNoHit() throws Exception {
    SigmaRule r = rule(RULE);
    Target xdr = TargetCatalog.get("microsoft_xdr");
    RowMatcher m = new RowMatcher(CompiledRule.compile(r), xdr, new KqlWriter(xdr).write(r));
    MatchedRow row =
        m.match(
            List.of(new QueryResult.Column("FolderPath", "string")),
            List.of(JSON.valueToTree("C:\\Windows\\notepad.exe")),
            1);
    assertThat(row.hit()).isFalse();
    assertThat(row.event().get("Image")).isEqualTo("C:\\Windows\\notepad.exe");
  }
}
