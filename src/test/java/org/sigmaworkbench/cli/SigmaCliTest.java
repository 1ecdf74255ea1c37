package org.sigmaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sigmaworkbench.export.ExportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The command line as picocli reads it from the commands' declarations. */
class SigmaCliTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SigmaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** The command {@code args[0]} with the rest of {@code args} parsed into it, not run. */
  @SuppressWarnings("unchecked")
  private static <T> T parsed(String... args) {
    PrintWriter silent = new PrintWriter(Writer.nullWriter());
    CommandLine cl = SigmaCli.commandLine(new SigmaCli.Root(), args[0], silent, silent);
    CommandLine.ParseResult r = cl.parseArgs(args);
    return (T) r.subcommand().commandSpec().userObject();
  }

  @Test
  void everyCommandsHelpListsEachOfItsOptionsAndParametersWithADescription() {
    PrintWriter silent = new PrintWriter(Writer.nullWriter());
    CommandLine all = SigmaCli.commandLine(new SigmaCli.Root(), null, silent, silent);
    for (String name : SigmaCli.NAMES) {
      CommandLine.Model.CommandSpec spec = all.getSubcommands().get(name).getCommandSpec();
      String help = run(name, "--help").out();
      assertThat(help).startsWith("Usage: sigma-workbench " + name + " [-hV]");
      assertThat(help.lines()).allMatch(l -> l.length() <= 80);
      assertThat(spec.args()).isNotEmpty();
      for (ArgSpec a : spec.args()) {
        assertThat(String.join(" ", a.description())).as(name + " " + a.paramLabel()).isNotBlank();
        String shown = a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
        assertThat(help).as(name).contains(shown);
      }
      assertThat(run("help", name).out()).isEqualTo(help);
    }
    assertThat(run("export", "--help").out())
        .contains("--as=AS")
        .contains("--threshold=N")
        .contains("(default: 0)")
        .contains("--placeholder=NAME=VALUE")
        .contains("%NAME% placeholder")
        .containsPattern(
            "--format=FORMAT +text or jsonl \\(one line per rule\\) \\(default: text\\)");
    assertThat(run("check", "--help").out())
        .contains("--disable=ID[,ID...]")
        .containsPattern("--format=FORMAT +text or jsonl \\(default: text\\)");
  }

  @Test
  void theTopLevelHelpListsTheWindowsOptionsAndTheCommands() {
    Run top = run("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out())
        .startsWith("Usage: sigma-workbench [-hV]")
        .contains("--rule=FILE")
        .contains("--logs=FILE...")
        .contains("--target=TARGET")
        .contains("microsoft_xdr, azure_monitor (default: sentinel_asim)")
        .contains("--rules=DIR")
        .contains("--empty")
        .contains("Commands:");
    for (String name : SigmaCli.NAMES) {
      assertThat(top.out()).containsPattern("(?m)^  " + name + " ");
    }
    assertThat(run().out()).isEqualTo(top.out());
    assertThat(run("help").out()).isEqualTo(top.out());
    assertThat(run("--version").out()).isEqualTo(SigmaCli.version() + "\n");
    assertThat(run("test", "-V").out()).isEqualTo(SigmaCli.version() + "\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "convert R --targte x | unknown option '--targte'; did you mean --target? | convert",
        "convert R --format xml | invalid value for option '--format': expected one of [text,"
            + " jsonl] (case-insensitive) but was 'xml' | convert",
        "convert R --unmapped maybe | option '--unmapped': expected one of [fail, keep] | convert",
        "convert R --target | option '--target' needs a value (--target=TARGET) | convert",
        "convert R --target= | invalid value for option '--target': a value is needed | convert",
        "convert | missing required argument 'RULE_OR_DIR' | convert",
        "test R | missing required option '--logs=FILE' | test",
        "test R --logs --format text | option '--logs' needs a value before '--format' | test",
        "test R --logs a --threads two | option '--threads': 'two' is not a whole number | test",
        "test R --logs a --bogus | unknown option '--bogus' | test",
        "check R --disable | option '--disable' needs a value (--disable=ID) | check",
        "events | missing required argument 'FILE' | events",
        "export R | missing required option '--as=AS' (one of sentinel-arm, sentinel-yaml,"
            + " defender) | export",
        "export R --as splunk | option '--as': expected one of [sentinel-arm, sentinel-yaml,"
            + " defender] (case-insensitive) but was 'splunk' | export",
        "export R --as sentinel-arm --frequency often | option '--frequency': 'often' is not a"
            + " duration | export",
        "export R --as defender --single | --single applies to sentinel-arm only | export",
        "export R --as defender --target sentinel_asim | defender takes the target microsoft_xdr"
            + " | export",
        "frobnicate | unknown command 'frobnicate' | ",
        "conevrt R | unknown command 'conevrt'; did you mean convert? | ",
        "help frobnicate | unknown command 'frobnicate' | ",
      })
  void aUsageErrorIsOneLineAndAHintWithExitCodeTwo(String line, String says, String command) {
    String[] args = line.strip().split(" ");
    Run r = run(args);
    assertThat(r.code()).as(line).isEqualTo(2);
    assertThat(r.out()).as(line).isEmpty();
    List<String> lines = r.err().lines().toList();
    assertThat(lines).as(line).hasSize(2);
    assertThat(lines.get(0)).as(line).startsWith("error: ").contains(says.strip());
    String where = command == null ? "sigma-workbench" : "sigma-workbench " + command.strip();
    assertThat(lines.get(1)).isEqualTo("Run '" + where + " --help' for the options.");
  }

  @Test
  void optionValuesReachTheCommand() {
    TestCommand t =
        parsed(
            "test",
            "r.yml",
            "--logs",
            "a.evtx",
            "b.csv",
            "--format",
            "JSONL",
            "s.yml",
            "--threads=2",
            "--threads",
            "3",
            "--explain-misses",
            "--target",
            "microsoft_xdr",
            "--placeholder=x=1",
            "--placeholder",
            "x=2",
            "--placeholders",
            "p.yml");
    assertThat(t.inputs).containsExactly(Path.of("r.yml"), Path.of("s.yml"));
    assertThat(t.logs).containsExactly(Path.of("a.evtx"), Path.of("b.csv"));
    assertThat(t.output.format).isEqualTo(OutputFormat.jsonl);
    assertThat(t.threads).isEqualTo(3);
    assertThat(t.explainMisses).isTrue();
    assertThat(t.target).isEqualTo("microsoft_xdr");
    assertThat(t.placeholders.values).containsExactly("x=1", "x=2");
    assertThat(t.placeholders.file).isEqualTo(Path.of("p.yml"));

    TestCommand plain = parsed("test", "--logs=a.evtx", "--logs=b.evtx", "--", "--odd.yml");
    assertThat(plain.logs).containsExactly(Path.of("a.evtx"), Path.of("b.evtx"));
    assertThat(plain.inputs).containsExactly(Path.of("--odd.yml"));
    assertThat(plain.output.format).isEqualTo(OutputFormat.text);
    assertThat(plain.threads).isNull();
    assertThat(plain.explainMisses).isFalse();
    assertThat(plain.target).isNull();
    assertThat(plain.placeholders.values).isEmpty();

    ConvertCommand c = parsed("convert", "r.yml");
    assertThat(c.target).isEqualTo("sentinel_asim");
    assertThat(c.unmapped.choice).isEqualTo(UnmappedOption.Choice.fail);
    assertThat(((ConvertCommand) parsed("convert", "r.yml", "--unmapped=KEEP")).unmapped.choice)
        .isEqualTo(UnmappedOption.Choice.keep);

    CheckCommand k =
        parsed("check", "--disable=lint.a,lint.b", "--disable", "lint.c", "--no-lint", "r.yml");
    assertThat(k.disabled).containsExactly("lint.a", "lint.b", "lint.c");
    assertThat(k.noLint).isTrue();
    assertThat(k.listChecks).isFalse();
    assertThat(((CheckCommand) parsed("check", "--list-checks")).inputs).isEmpty();

    ExportCommand e =
        parsed(
            "export",
            "r.yml",
            "--as",
            "Sentinel-YAML",
            "--frequency",
            "5m",
            "--period",
            "1h",
            "--threshold",
            "2",
            "--enable",
            "--out",
            "dir");
    assertThat(e.as).isEqualTo(ExportFormat.SENTINEL_YAML);
    assertThat(e.frequency).isEqualTo(Duration.ofMinutes(5));
    assertThat(e.period).isEqualTo(Duration.ofHours(1));
    assertThat(e.threshold).isEqualTo(2);
    assertThat(e.enable).isTrue();
    assertThat(e.out).isEqualTo(Path.of("dir"));
    assertThat(((ExportCommand) parsed("export", "r.yml", "--as", "defender")).threshold).isZero();

    EventsCommand v = parsed("events", "a.evtx", "b.csv");
    assertThat(v.files).containsExactly(Path.of("a.evtx"), Path.of("b.csv"));
  }

  @Test
  void theWindowsArgumentsAreCheckedBeforeAWindowOpens() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path rules = Files.createDirectory(dir.resolve("rules"));
    assertThat(
            SigmaCli.checkWindowArguments(
                new String[] {"--rules", rules.toString(), "--logs", "a.csv", "--empty"},
                new PrintWriter(out),
                new PrintWriter(err)))
        .isEqualTo(-1);
    assertThat(out.toString() + err).isEmpty();

    assertThat(
            SigmaCli.checkWindowArguments(
                new String[] {"--target", "nope"}, new PrintWriter(out), new PrintWriter(err)))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "error: invalid value for option '--target': expected one of [sentinel_asim,"
                + " microsoft_xdr, azure_monitor] (case-insensitive) but was 'nope'\n"
                + "Run 'sigma-workbench --help' for the options.\n");

    StringWriter help = new StringWriter();
    assertThat(
            SigmaCli.checkWindowArguments(
                new String[] {"--rule", "r.yml", "--help"},
                new PrintWriter(help),
                new PrintWriter(err)))
        .isZero();
    assertThat(help.toString()).isEqualTo(run("--help").out());
  }

  @Test
  void aTypoIsMatchedToNamesAFewEditsAway() {
    assertThat(SigmaCli.closest("--targte", List.of("--target", "--format")))
        .containsExactly("--target");
    assertThat(SigmaCli.closest("tset", SigmaCli.NAMES)).containsExactly("test");
    assertThat(SigmaCli.closest("frobnicate", SigmaCli.NAMES)).isEmpty();
  }
}
