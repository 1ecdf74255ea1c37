package org.sigmaworkbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenedFilesTest {

  private static String[] open(String... args) {
    return OpenedFiles.asOptions(args);
  }

  @Test
  void aRuleFileOpensAsTheRule() {
    assertThat(open("/home/a/rules/proc_creation.yml"))
        .containsExactly("--rule", "/home/a/rules/proc_creation.yml");
    assertThat(open("C:\\Rules\\Export.YAML")).containsExactly("--rule", "C:\\Rules\\Export.YAML");
  }

  @Test
  void anyOtherFileLoadsAsALog() {
    assertThat(open("Security.evtx")).containsExactly("--logs", "Security.evtx");
    assertThat(open("a.csv", "b.jsonl", "c")).containsExactly("--logs", "a.csv", "b.jsonl", "c");
  }

  @Test
  void aRuleAndLogsTogether() {
    assertThat(open("sysmon.evtx", "rule.yml", "more.xml"))
        .containsExactly("--rule", "rule.yml", "--logs", "sysmon.evtx", "more.xml");
  }

  @Test
  void optionsAfterTheFilesStayAsGiven() {
    assertThat(open("rule.yml", "--target", "microsoft_xdr"))
        .containsExactly("--rule", "rule.yml", "--target", "microsoft_xdr");
    assertThat(open("x.evtx", "--logs", "y.csv"))
        .containsExactly("--logs", "x.evtx", "--logs", "y.csv");
  }

  @Test
  void optionsFirstAreLeftAlone() {
    String[] args = {"--rule", "r.yml", "--logs", "a.evtx", "b.yml"};
    assertThat(open(args)).isSameAs(args);
    assertThat(open()).isEmpty();
  }

  @Test
  void twoRuleFilesAreLeftForTheWindowToRefuse() {
    String[] args = {"a.yml", "b.yaml"};
    assertThat(open(args)).isSameAs(args);
  }
}
