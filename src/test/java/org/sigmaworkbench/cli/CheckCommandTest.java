package org.sigmaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SigmaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static final String RULE =
      "title: Whoami Execution\nid: 6f3e2987-db24-4c78-a860-b4f4095a7095\nstatus: test\n"
          + "description: A whoami.exe execution by anyone\nauthor: Jane\ndate: 2024-01-15\n"
          + "logsource:\n  category: process_creation\n  product: windows\ndetection:\n"
          + "  selection:\n    Image|endswith: '\\whoami.exe'\n  condition: selection\n"
          + "level: high\n";

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** The values of one top-level key of each jsonl line. */
  private static List<String> field(String jsonl, String key) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : jsonl.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try (JsonParser p = new JsonFactory().createParser(line)) {
        p.nextToken();
        String value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          JsonToken t = p.nextToken();
          if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
            StringBuilder b = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
              JsonToken n = p.nextToken();
              if (n == JsonToken.START_ARRAY || n == JsonToken.START_OBJECT) {
                depth++;
              } else if (n == JsonToken.END_ARRAY || n == JsonToken.END_OBJECT) {
                depth--;
              } else if (n == JsonToken.VALUE_STRING || n.isNumeric()) {
                b.append(p.getText()).append('|');
              }
            }
            if (k.equals(key)) {
              value = b.toString();
            }
          } else if (k.equals(key)) {
            value = t == JsonToken.VALUE_NULL ? null : p.getText();
          }
        }
        out.add(value);
      }
    }
    return out;
  }

  @Test
  void cleanRuleHasNoWarningsAndExitsZero() throws IOException {
    Path rule = write("whoami_execution.yml", RULE);
    Run r = run("check", rule.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("1 files checked (1 documents): 0 with errors, 0 warnings");
  }

  @Test
  void lintWarningsCarryPositionsAndTheCheckId() throws IOException {
    Path rule = write("whoami_execution.yml", RULE.replace("level: high", "level: severe"));
    Run r = run("check", rule.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("whoami_execution.yml:14:8: warning: level 'severe' is not one of")
        .contains("[lint.level-value]");
    Run off = run("check", rule.toString(), "--disable", "lint.level-value,lint.title-*");
    assertThat(off.out()).isEmpty();
    Run noLint = run("check", rule.toString(), "--no-lint");
    assertThat(noLint.out()).isEmpty();
  }

  @Test
  void unknownCheckIdsAreAUsageError() throws IOException {
    Path rule = write("whoami_execution.yml", RULE);
    Run r = run("check", rule.toString(), "--disable", "lint.no-such-check");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'lint.no-such-check' is not a lint check");
  }

  @Test
  void listChecksPrintsEveryIdWithItsDescription() {
    Run r = run("check", "--list-checks");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines())
        .hasSize(org.sigmaworkbench.rule.lint.Linter.checks().size())
        .anyMatch(l -> l.startsWith("lint.title-length  "))
        .anyMatch(l -> l.startsWith("lint.id-duplicate  "));
    assertThat(run("check").code()).isEqualTo(2);
  }

  @Test
  void jsonlHasOneLinePerDocument() throws IOException {
    String correlation =
        "title: Many Whoami\nid: 0e95725d-7320-415d-80f7-004da920fc11\ncorrelation:\n"
            + "  type: event_count\n  rules: [6f3e2987-db24-4c78-a860-b4f4095a7095]\n"
            + "  group-by: [User]\n  timespan: 1h\n  condition:\n    gte: 10\n";
    Path multi = write("whoami_correlation.yml", RULE + "---\n" + correlation);
    Path bad = write("broken_rule_file.yml", "title: [\n");
    Run r = run("check", multi.toString(), bad.toString(), "--format", "jsonl");
    assertThat(r.code()).isEqualTo(1);
    assertThat(field(r.out(), "kind")).containsExactly("rule", "correlation", null);
    assertThat(field(r.out(), "document")).containsExactly("1", "2", "0");
    assertThat(field(r.out(), "ok")).containsExactly("true", "true", "false");
    assertThat(field(r.out(), "errors").get(2)).contains("yaml.syntax");
  }

  @Test
  void duplicateIdsAcrossInputsAreFound() throws IOException {
    Path a = write("whoami_execution_one.yml", RULE);
    Path b = write("whoami_execution_two.yml", RULE.replace("Whoami Execution", "Other Title"));
    Run r = run("check", a.toString(), b.toString());
    assertThat(r.out()).contains("[lint.id-duplicate]").contains("whoami_execution_two.yml:2");
  }

  @Test
  void placeholdersFileFeedsExpand() throws IOException {
    Path rule =
        write(
            "whoami_on_servers.yml",
            RULE.replace(
                "  condition: selection",
                "    Computer|expand: '%Servers%'\n  condition: selection"));
    Run without = run("check", rule.toString(), "--no-lint");
    assertThat(without.out()).contains("placeholder %Servers% has no values");
    Path table = write("placeholders.yml", "Servers: ['srv*']\n");
    Run with = run("check", rule.toString(), "--no-lint", "--placeholders", table.toString());
    assertThat(with.out()).isEmpty();
    Run convert = run("convert", rule.toString(), "--placeholders", table.toString());
    assertThat(convert.code()).isZero();
    assertThat(convert.out()).contains("srv");
    Path broken = write("bad_placeholders.yml", "Servers: {a: b}\n");
    Run bad = run("check", rule.toString(), "--placeholders", broken.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("bad_placeholders.yml:1:10: error:");
    assertThat(
            run("test", rule.toString(), "--logs", "x.csv", "--placeholders", broken.toString())
                .code())
        .isEqualTo(2);
  }
}
