package org.sigmaworkbench.rule.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.Predicate;
import org.sigmaworkbench.rule.SigmaRule;

class PlaceholderFileTest {

  @TempDir Path dir;

  @Test
  void readsNamesToValuesOnTopOfTheStandardTable() {
    PlaceholderFile.Loaded l =
        PlaceholderFile.read(
            "Administrators:\n  - 'adm_*'\n  - Administrator\nDomainControllers: ['DC01']\n"
                + "Printers: PRN01\nServers:\n");
    assertThat(l.problems()).isEmpty();
    Placeholders t = l.table();
    assertThat(t.lookup("administrators")).contains(List.of("adm_*", "Administrator"));
    assertThat(t.lookup("DomainControllers")).contains(List.of("DC01"));
    assertThat(t.lookup("Printers")).contains(List.of("PRN01"));
    assertThat(t.lookup("Workstations")).contains(List.of());
    assertThat(t.asMap().keySet())
        .startsWith(
            "Administrators", "JumpServers", "Workstations", "Servers", "DomainControllers");
  }

  @Test
  void writeThenReadGivesTheSameTable() throws Exception {
    Placeholders t =
        Placeholders.standard()
            .with(
                "Workstations",
                List.of(
                    "WS-*",
                    "it's",
                    "tab\there",
                    "C:\\x",
                    "two\nlines",
                    " lead and trail ",
                    "sep\u2028arator",
                    "nul\u0000",
                    "caf\u00e9",
                    "'quoted' \"double\"",
                    "#not a comment",
                    "x".repeat(200)))
            .with("Custom Name", List.of("a"))
            .with("'odd': key", List.of());
    Path file = dir.resolve("placeholders.yml");
    PlaceholderFile.write(t, file);
    PlaceholderFile.Loaded back = PlaceholderFile.read(file);
    assertThat(back.problems()).isEmpty();
    assertThat(back.table()).isEqualTo(t);
    assertThat(back.table().without("Custom Name").lookup("custom name")).isEmpty();
    assertThat(Files.readString(file)).contains("Workstations:\n  - 'WS-*'\n  - 'it''s'");
  }

  @Test
  void badShapesHaveLinesAndColumns() {
    PlaceholderFile.Loaded l =
        PlaceholderFile.read("Servers:\n  nested: map\n'%Bad%': [x]\nServers: [y]\n");
    assertThat(l.hasErrors()).isTrue();
    assertThat(l.problems())
        .extracting(p -> p.line() + ":" + p.message())
        .anyMatch(s -> s.startsWith("2:") && s.contains("takes a list of values"))
        .anyMatch(s -> s.startsWith("3:") && s.contains("without %"))
        .anyMatch(s -> s.startsWith("4:") && s.contains("given twice"));
    assertThat(PlaceholderFile.read("- a\n- b\n").problems().get(0).message())
        .contains("a map of placeholder names");
    assertThat(PlaceholderFile.read("a: [\n").problems().get(0).code()).isEqualTo("yaml.syntax");
    assertThat(PlaceholderFile.read(dir.resolve("missing.yml")).problems().get(0).message())
        .contains("cannot read");
  }

  @Test
  void theTableDrivesExpand() {
    Placeholders t = PlaceholderFile.read("Servers: ['srv*']\n").table();
    SigmaRule r =
        new RuleLoader(t)
            .load(
                "title: t\nlogsource:\n  product: windows\ndetection:\n  sel:\n"
                    + "    ComputerName|expand: '%Servers%'\n  condition: sel\n",
                "t.yml")
            .firstRule()
            .orElseThrow();
    Expr.Match m = (Expr.Match) ((Expr.Named) r.condition()).body();
    assertThat(m.predicate())
        .isEqualTo(new Predicate.StringMatch(Predicate.StringOp.STARTSWITH, "srv", false));
  }
}
