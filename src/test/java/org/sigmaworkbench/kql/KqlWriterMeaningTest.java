package org.sigmaworkbench.kql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Where KQL's own meaning differs from the rule's, the writer spells the rule's: non-ASCII letters
 * compared lower-cased, and conversions that can be null kept two-valued under not().
 */
class KqlWriterMeaningTest {

  private static String where(String detection) {
    return where("azure_monitor", detection);
  }

  private static String where(String target, String detection) {
    String text =
        "title: t\nlogsource:\n  category: process_creation\n  product: windows\ndetection:\n"
            + detection.indent(2);
    KqlResult r =
        new KqlWriter(TargetCatalog.get(target))
            .write(new RuleLoader().load(text, "t.yml").firstRule().orElseThrow());
    assertThat(r.errors()).isEmpty();
    return KqlWriterTest.lastWhere(KqlWriterTest.firstBranch(r.query()));
  }

  @Test
  void nonAsciiCaseInsensitiveValuesAreComparedLowerCased() {
    assertThat(where("sel:\n  CommandLine|contains: 'JÜRGEN'\ncondition: sel"))
        .isEqualTo("tolower(CommandLine) contains_cs \"jürgen\"");
    assertThat(where("sel:\n  CommandLine: ['Ärger', 'a', 'b']\ncondition: sel"))
        .isEqualTo("tolower(CommandLine) == \"ärger\" or CommandLine in~ (\"a\", \"b\")");
    assertThat(where("sel:\n  CommandLine|cased: 'JÜRGEN'\ncondition: sel"))
        .isEqualTo("CommandLine == \"JÜRGEN\"");
    assertThat(where("kw:\n  - 'JÜRGEN'\ncondition: kw")).isEqualTo("* contains \"JÜRGEN\"");
  }

  @Test
  void conversionsThatMayBeNullAreTwoValuedUnderNot() {
    assertThat(where("sel:\n  Computer|cidr: 10.0.0.0/8\ncondition: not sel"))
        .isEqualTo("not(coalesce(ipv4_is_in_range(Computer, \"10.0.0.0/8\"), false))");
    assertThat(where("sentinel_asim", "sel:\n  ProcessId|gt: 4\ncondition: not sel"))
        .isEqualTo("not(coalesce(tolong(TargetProcessId) > 4, false))");
    assertThat(where("sentinel_asim", "sel:\n  ProcessId: 4\ncondition: not sel"))
        .isEqualTo("not(tolong(TargetProcessId) == 4)");
    assertThat(where("sel:\n  Computer|cidr: 10.0.0.0/8\ncondition: sel"))
        .isEqualTo("ipv4_is_in_range(Computer, \"10.0.0.0/8\")");
  }
}
