package org.sigmaworkbench.rule.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleProblem;

class CorrelationReaderTest {

  private static RuleFile load(String correlation) {
    return new RuleLoader().load("title: c\ncorrelation:\n" + correlation.indent(2), "c.yml");
  }

  @Test
  void everyTypeOfTheSpecificationLoads() {
    for (String type :
        new String[] {
          "event_count",
          "value_count",
          "temporal",
          "temporal_ordered",
          "value_sum",
          "value_avg",
          "value_percentile"
        }) {
      String condition =
          type.startsWith("temporal")
              ? ""
              : type.startsWith("value")
                  ? "condition:\n  field: Bytes\n  gte: 100\n"
                  : "condition:\n  gte: 100\n";
      RuleFile f =
          load("type: " + type + "\nrules: [a, b]\ngroup-by: [User]\ntimespan: 15m\n" + condition);
      assertThat(f.problems()).as(type).isEmpty();
      CorrelationRule c = (CorrelationRule) f.documents().get(0);
      assertThat(c.type()).isEqualTo(type);
      assertThat(c.timespanSeconds()).isEqualTo(900);
    }
  }

  @Test
  void theModelHoldsEveryPart() {
    CorrelationRule c =
        (CorrelationRule)
            load("type: value_percentile\nrules:\n  - failed_login\ngroup-by:\n  - internal_ip\n"
                    + "timespan: 1d\ngenerate: true\naliases:\n  internal_ip:\n"
                    + "    failed_login: SourceIp\ncondition:\n  field: Bytes\n  percentile: 95\n"
                    + "  gt: 1000\n  lte: 5000\n")
                .documents()
                .get(0);
    assertThat(c.problems()).isEmpty();
    assertThat(c.rules()).containsExactly("failed_login");
    assertThat(c.groupBy()).containsExactly("internal_ip");
    assertThat(c.timespanSeconds()).isEqualTo(86400);
    assertThat(c.generate()).isTrue();
    assertThat(c.aliases())
        .containsEntry("internal_ip", java.util.Map.of("failed_login", "SourceIp"));
    assertThat(c.condition())
        .containsExactly(
            java.util.Map.entry("field", "Bytes"),
            java.util.Map.entry("percentile", "95"),
            java.util.Map.entry("gt", "1000"),
            java.util.Map.entry("lte", "5000"));
    assertThat(c.source().value("correlation.timespan")).isEqualTo(new Position(8, 13));
  }

  @Test
  void mistakesAreErrorsAtTheirPlace() {
    RuleFile f =
        load(
            "type: event_sum\nrules: a\ntimespan: 1x\ngenerate: maybe\ncondition:\n  gte: many\n"
                + "  above: 3\n");
    assertThat(f.problems())
        .extracting(p -> p.line() + ":" + p.message())
        .anyMatch(m -> m.startsWith("3:") && m.contains("unknown correlation type 'event_sum'"))
        .anyMatch(m -> m.startsWith("5:") && m.contains("timespan '1x'"))
        .anyMatch(m -> m.startsWith("6:") && m.contains("true or false"))
        .anyMatch(m -> m.startsWith("8:") && m.contains("not 'many'"))
        .anyMatch(m -> m.startsWith("9:") && m.contains("unknown condition operator 'above'"));
    assertThat(f.problems()).allMatch(p -> p.line() > 0);
  }

  @Test
  void valueTypesNeedAFieldAndCountsNeedAComparison() {
    assertThat(load("type: value_count\nrules: a\ntimespan: 1h\ncondition:\n  gte: 3\n").problems())
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("names the aggregated 'field'"));
    assertThat(
            load("type: event_count\nrules: a\ntimespan: 1h\ncondition:\n  field: x\n").problems())
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("needs a comparison"));
    assertThat(load("type: event_count\nrules: a\ntimespan: 0m\ncondition:\n  gte: 3\n").problems())
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("positive length"));
    assertThat(load("type: event_count\nrules: a\ntimespan: 1h\n").problems())
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("needs a 'condition'"));
  }
}
