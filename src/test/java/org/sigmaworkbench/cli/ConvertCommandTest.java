package org.sigmaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SigmaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static final String BASE =
      "title: Whoami\nname: whoami_runs\nlogsource:\n  category: process_creation\n"
          + "  product: windows\ndetection:\n  selection:\n    Image|endswith: '\\whoami.exe'\n"
          + "  condition: selection\n";

  private static final String CORRELATION =
      "title: Repeated whoami\ncorrelation:\n  type: event_count\n  rules:\n    - whoami_runs\n"
          + "  group-by:\n    - Computer\n  timespan: 1h\n  condition:\n    gte: 3\n";

  @Test
  void aCorrelationIsWrittenOverTheRuleItNamesInAnotherFile() throws IOException {
    Files.writeString(dir.resolve("base.yml"), BASE);
    Files.writeString(dir.resolve("corr.yml"), CORRELATION);
    Run r = run("convert", dir.toString(), "--target", "microsoft_xdr");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "let whoami_runs = DeviceProcessEvents\n| where FolderPath endswith"
                + " \"\\\\whoami.exe\"\n"
                + "| project EventTime = Timestamp, SigmaRule = \"whoami_runs\","
                + " Computer = DeviceName;\n"
                + "let Events = whoami_runs;\n")
        .contains("| summarize EventCount = count() by WindowStart, Computer\n")
        .contains("| extend Hit = EventCount >= 3\n");
  }

  @Test
  void aCorrelationWithoutItsRulesSaysWhatIsMissing() throws IOException {
    Path corr = dir.resolve("corr.yml");
    Files.writeString(corr, CORRELATION);
    Run r = run("convert", corr.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("corr.yml (Repeated whoami)")
        .contains("names rule 'whoami_runs', which is not among the rules given");
  }

  @Test
  void placeholderValuesComeFromTheCommandLine() throws IOException {
    Path rule = dir.resolve("p.yml");
    Files.writeString(
        rule,
        "title: P\nlogsource:\n  category: process_creation\ndetection:\n  sel:\n"
            + "    Computer|expand: '%Workstations%'\n  condition: sel\n");
    Run none = run("convert", rule.toString());
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("%Workstations%").contains("--placeholder");
    Run given =
        run(
            "convert",
            rule.toString(),
            "--placeholder",
            "Workstations=ws1",
            "--placeholder",
            "Workstations=ws2");
    assertThat(given.code()).isZero();
    assertThat(given.out())
        .isEqualTo("imProcessCreate\n| where DvcHostname in~ (\"ws1\", \"ws2\")\n");
    assertThat(run("convert", rule.toString(), "--placeholder", "oops").code()).isEqualTo(2);
  }

  @Test
  void unmappedFieldsCanBeKept() throws IOException {
    Path rule = dir.resolve("u.yml");
    Files.writeString(
        rule,
        "title: U\nlogsource:\n  category: process_creation\ndetection:\n  sel:\n"
            + "    Weird-Field: x\n  condition: sel\n");
    Run failed = run("convert", rule.toString());
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.err()).contains("'Weird-Field' has no column in imProcessCreate");
    Run kept = run("convert", rule.toString(), "--unmapped", "keep");
    assertThat(kept.code()).isZero();
    assertThat(kept.out()).isEqualTo("imProcessCreate\n| where ['Weird-Field'] =~ \"x\"\n");
    assertThat(kept.err()).contains("warning: field 'Weird-Field' is not mapped");
  }

  @Test
  void aTargetFileCanBeGiven() throws IOException {
    Path rule = dir.resolve("r.yml");
    Files.writeString(rule, BASE);
    Path target = dir.resolve("mine.yaml");
    Files.writeString(
        target,
        "name: mine\ntables:\n  - name: Proc_CL\n    logsources:\n"
            + "      - {category: process_creation}\n    fields:\n      Image: exe_s\n"
            + "    columns: {exe_s: string}\n");
    Run r = run("convert", rule.toString(), "--target", target.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("Proc_CL\n| where exe_s endswith \"\\\\whoami.exe\"\n");
    Files.writeString(target, "name: mine\ntables:\n  - name: T\n    logsourcs: []\n");
    Run bad = run("convert", rule.toString(), "--target", target.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("mine.yaml:4:").contains("unknown key 'logsourcs'");
  }
}
