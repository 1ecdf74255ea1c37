package org.sigmaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandSpecTest {

  private static CommandSpec spec() {
    return new CommandSpec("demo", "A demo command.")
        .params("RULE", 1, "Rules.")
        .values("--logs", "FILE", true, "Log files.")
        .choice("--format", "text", List.of("text", "jsonl"), "text or jsonl.")
        .value("--threads", "N", null, "Threads.")
        .repeated("--placeholder", "NAME=VALUE", "A value.")
        .split("--disable", "ID", "Checks off.")
        .flag("--explain-misses", "Misses too.");
  }

  private static CommandSpec.Parsed parse(String... args) throws CommandSpec.UsageException {
    return spec().parse(List.of(args));
  }

  @Test
  void aManyValuedOptionTakesArgumentsUpToTheNextOption() throws Exception {
    CommandSpec.Parsed p =
        parse("r.yml", "--logs", "a.evtx", "b.csv", "--format", "JSONL", "s.yml");
    assertThat(p.values("--logs")).containsExactly("a.evtx", "b.csv");
    assertThat(p.value("--format")).isEqualTo("jsonl");
    assertThat(p.params()).containsExactly("r.yml", "s.yml");
  }

  @Test
  void optionsTakeTheirValueAfterAnEqualsSignAndRepeat() throws Exception {
    CommandSpec.Parsed p =
        parse(
            "--logs=a.evtx",
            "--logs=b.evtx",
            "--placeholder=x=1",
            "--placeholder",
            "x=2",
            "--disable=lint.a,lint.b",
            "--disable",
            "lint.c",
            "--threads=2",
            "--threads=3",
            "r.yml");
    assertThat(p.values("--logs")).containsExactly("a.evtx", "b.evtx");
    assertThat(p.values("--placeholder")).containsExactly("x=1", "x=2");
    assertThat(p.values("--disable")).containsExactly("lint.a", "lint.b", "lint.c");
    assertThat(p.integer("--threads")).isEqualTo(3);
    assertThat(p.params()).containsExactly("r.yml");
  }

  @Test
  void defaultsFillWhatIsNotGivenAndFlagsAreOffUntilGiven() throws Exception {
    CommandSpec.Parsed p = parse("r.yml", "--logs", "a");
    assertThat(p.value("--format")).isEqualTo("text");
    assertThat(p.value("--threads")).isNull();
    assertThat(p.flag("--explain-misses")).isFalse();
    assertThat(parse("r.yml", "--explain-misses", "--logs", "a").flag("--explain-misses")).isTrue();
  }

  @Test
  void aDoubleDashEndsTheOptions() throws Exception {
    CommandSpec.Parsed p = parse("--logs", "a", "--", "--odd-name.yml", "-x.yml");
    assertThat(p.values("--logs")).containsExactly("a");
    assertThat(p.params()).containsExactly("--odd-name.yml", "-x.yml");
  }

  @Test
  void whatDoesNotFitIsAUsageErrorThatSaysWhy() {
    assertThatThrownBy(() -> parse("r.yml")).hasMessageContaining("'--logs=FILE'");
    assertThatThrownBy(() -> parse("--logs", "a")).hasMessageContaining("'RULE'");
    assertThatThrownBy(() -> parse("r.yml", "--logs", "a", "--bogus"))
        .hasMessageContaining("unknown option '--bogus'");
    assertThatThrownBy(() -> parse("r.yml", "--logs", "a", "--format", "xml"))
        .hasMessageContaining("expected one of [text, jsonl]")
        .hasMessageContaining("'xml'");
    assertThatThrownBy(() -> parse("r.yml", "--logs", "--format", "text"))
        .hasMessageContaining("'--logs' needs a value");
    assertThatThrownBy(() -> parse("r.yml", "--logs", "a", "--threads", "--format", "text"))
        .hasMessageContaining("'--threads' needs a value");
    assertThatThrownBy(() -> parse("r.yml", "--logs="))
        .hasMessageContaining("'--logs' needs a value");
    assertThatThrownBy(() -> parse("r.yml", "--logs", "a", "--explain-misses=yes"))
        .hasMessageContaining("takes no value");
    assertThatThrownBy(() -> parse("r.yml", "--logs", "a", "--threads", "two").integer("--threads"))
        .hasMessageContaining("'two' is not a whole number");
  }

  @Test
  void helpAndVersionNeedNothingElse() throws Exception {
    assertThat(parse("--help").help).isTrue();
    assertThat(parse("-V").version).isTrue();
  }

  @Test
  void usageWrapsAtEightyColumnsAndNamesEveryOption() {
    StringWriter w = new StringWriter();
    spec().usage("sigma-workbench", new PrintWriter(w, true));
    String text = w.toString();
    assertThat(text.lines()).allMatch(l -> l.length() <= 80);
    assertThat(text)
        .startsWith("Usage: sigma-workbench demo [-hV]")
        .contains("--logs=FILE...")
        .contains("text or jsonl (default: text).")
        .contains("--placeholder=NAME=VALUE")
        .contains("--disable=ID[,ID...]")
        .contains("-h, --help");
  }
}
