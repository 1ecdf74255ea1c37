package org.sigmaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;

class ExportCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SigmaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static final String WHOAMI =
      "title: Whoami\nid: 1b2b3c4d-0000-4000-8000-000000000001\nstatus: stable\n"
          + "tags:\n  - attack.discovery\n  - attack.t1033\n"
          + "logsource:\n  category: process_creation\n  product: windows\n"
          + "detection:\n  selection:\n    Image|endswith: '\\whoami.exe'\n  condition: selection\n";

  private static final String NO_TABLE =
      "title: Okta\nlogsource:\n  product: okta\n  service: okta\n"
          + "detection:\n  selection:\n    eventType: user.session.start\n  condition: selection\n";

  private Path rules() throws IOException {
    Path folder = dir.resolve("rules");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("whoami.yml"), WHOAMI);
    Files.copy(TestFiles.HEADLINE_RULE, folder.resolve("cert.yml"));
    return folder;
  }

  @Test
  void aFolderIsWrittenOneFilePerRule() throws IOException {
    Path out = dir.resolve("out");
    Run r = run("export", rules().toString(), "--as", "sentinel-arm", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.exists(out.resolve("cert.arm.json"))).isTrue();
    JsonNode whoami = new ObjectMapper().readTree(out.resolve("whoami.arm.json").toFile());
    assertThat(whoami.at("/resources/0/kind").asText()).isEqualTo("Scheduled");
    assertThat(whoami.at("/resources/0/properties/query").asText()).startsWith("imProcessCreate");
    assertThat(r.out()).contains("whoami.yml -> ").contains("cert.yml -> ");
  }

  @Test
  void singleWritesOneTemplateForTheFolder() throws IOException {
    Path out = dir.resolve("out");
    Run r =
        run(
            "export",
            rules().toString(),
            "--as",
            "sentinel-arm",
            "--target",
            "azure_monitor",
            "--single",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode all = new ObjectMapper().readTree(out.resolve("sentinel-rules.json").toFile());
    assertThat(all.path("resources").size()).isEqualTo(2);
    assertThat(all.at("/resources/0/properties/query").asText())
        .startsWith("union\n  (SecurityEvent");
  }

  @Test
  void aRuleThatCannotBeExportedSaysWhyAndTheOthersGoOn() throws IOException {
    Path folder = rules();
    Files.writeString(folder.resolve("okta.yml"), NO_TABLE);
    Run r = run("export", folder.toString(), "--as", "defender", "--format", "jsonl");
    assertThat(r.code()).isEqualTo(1);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    ObjectMapper m = new ObjectMapper();
    JsonNode okta = m.readTree(lines.get(1));
    assertThat(okta.path("ok").asBoolean()).isFalse();
    assertThat(okta.path("problems").get(0).asText())
        .startsWith("query: no Microsoft Defender XDR");
    JsonNode whoami = m.readTree(lines.get(2));
    assertThat(whoami.path("ok").asBoolean()).isTrue();
    assertThat(whoami.at("/document/schedule/period").asText()).isEqualTo("1H");
    assertThat(r.err()).contains("1 of 3 rules could not be exported as defender");
  }

  @Test
  void refusalsAreListedByField() throws IOException {
    Path folder = rules();
    Run r =
        run(
            "export",
            folder.resolve("whoami.yml").toString(),
            "--as",
            "sentinel-yaml",
            "--frequency",
            "1m");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("whoami.yml (Whoami): cannot be exported as sentinel-yaml:")
        .contains("  queryFrequency: 1 minute is shorter than the 5 minutes Sentinel allows");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void usageErrors() throws IOException {
    String rule = rules().resolve("whoami.yml").toString();
    Run unknown = run("export", rule, "--as", "splunk");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("invalid value for option '--as'");
    Run missing = run("export", rule);
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .contains(
            "missing required option '--as=AS' (one of sentinel-arm, sentinel-yaml, defender)");
    Run target = run("export", rule, "--as", "defender", "--target", "sentinel_asim");
    assertThat(target.code()).isEqualTo(2);
    assertThat(target.err()).contains("defender takes the target microsoft_xdr");
    Run period = run("export", rule, "--as", "defender", "--period", "1h");
    assertThat(period.code()).isEqualTo(2);
    Run duration = run("export", rule, "--as", "sentinel-arm", "--frequency", "often");
    assertThat(duration.code()).isEqualTo(2);
    assertThat(duration.err()).contains("'often' is not a duration");
    Run single = run("export", rule, "--as", "defender", "--single");
    assertThat(single.code()).isEqualTo(2);
  }

  @Test
  void printedYamlDocumentsAreSeparated() throws IOException {
    Run r =
        run("export", rules().toString(), "--as", "sentinel-yaml", "--enable", "--threshold", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\n---\nid: ").contains("triggerThreshold: 2");
    assertThat(r.out().split("\n---\n")).hasSize(2);
  }
}
