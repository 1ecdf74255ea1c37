package org.sigmaworkbench.kql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.rule.RuleLoader;
import org.sigmaworkbench.rule.SigmaRule;

class KqlWriterTest {

  private static SigmaRule headline() {
    return new RuleLoader().load(TestFiles.headlineRuleText(), "h.yml").firstRule().orElseThrow();
  }

  private static SigmaRule rule(String selection) {
    String text =
        "title: t\nlogsource:\n  category: process_creation\n  product: windows\ndetection:\n  sel:\n"
            + selection.indent(4)
            + "  filter:\n    ParentImage|endswith: '\\explorer.exe'\n  condition: sel and not filter\n";
    return new RuleLoader().load(text, "t.yml").firstRule().orElseThrow();
  }

  private static String where(String target, String selection) {
    KqlResult r = new KqlWriter(TargetCatalog.get(target)).write(rule(selection));
    assertThat(r.errors()).isEmpty();
    return r.query().substring(r.query().indexOf("| where ") + 8);
  }

  @Test
  void headlineIsByteIdenticalForSentinel() {
    KqlResult r = new KqlWriter(TargetCatalog.get("sentinel_asim")).write(headline());
    assertThat(r.query())
        .isEqualTo(
            "imProcessCreate\n| where TargetProcessCommandLine contains \"Export-PfxCertificate \" or"
                + " TargetProcessCommandLine contains \"Export-Certificate \"");
  }

  @ParameterizedTest
  @CsvSource({
    "microsoft_xdr, DeviceProcessEvents, ProcessCommandLine",
    "azure_monitor, SecurityEvent, CommandLine"
  })
  void headlineHasTheSameLayoutForTheOtherTargets(String target, String table, String column) {
    KqlResult r = new KqlWriter(TargetCatalog.get(target)).write(headline());
    assertThat(r.query())
        .isEqualTo(
            table
                + "\n| where "
                + column
                + " contains \"Export-PfxCertificate \" or "
                + column
                + " contains \"Export-Certificate \"");
  }

  @Test
  void negationAndPrecedence() {
    assertThat(where("sentinel_asim", "CommandLine|contains: [a, b]\nUser: x"))
        .isEqualTo(
            "(TargetProcessCommandLine contains \"a\" or TargetProcessCommandLine contains \"b\") and"
                + " TargetUsername =~ \"x\" and not(ActingProcessName endswith \"\\\\explorer.exe\")");
  }

  @Test
  void equalityListsBecomeInTilde() {
    assertThat(where("microsoft_xdr", "OriginalFileName: [a.exe, b.exe]"))
        .startsWith("ProcessVersionInfoOriginalFileName in~ (\"a.exe\", \"b.exe\") and");
  }

  @Test
  void casedUsesCaseSensitiveOperators() {
    assertThat(where("azure_monitor", "CommandLine|contains|cased: WhoAmI"))
        .startsWith("CommandLine contains_cs \"WhoAmI\"");
    assertThat(where("azure_monitor", "CommandLine|cased: [A, B]"))
        .startsWith("CommandLine in (\"A\", \"B\")");
  }

  @Test
  void middleWildcardIsAnAnchoredCaseInsensitiveRegex() {
    assertThat(where("azure_monitor", "CommandLine: 'a*b.c'"))
        .startsWith("CommandLine matches regex \"(?is)^a.*b\\\\.c$\"");
  }

  @Test
  void valuesCannotBreakOutOfTheirLiteral() {
    assertThat(where("azure_monitor", "CommandLine|contains: \"a\\\"b\\\\c\\nd\\u0001\""))
        .startsWith("CommandLine contains \"a\\\"b\\\\c\\nd\\u0001\"");
  }

  @Test
  void numbersOnNumericAndStringColumns() {
    assertThat(where("microsoft_xdr", "ProcessId|gt: 4")).startsWith("ProcessId > 4");
    assertThat(where("sentinel_asim", "ProcessId|gt: 4")).startsWith("tolong(TargetProcessId) > 4");
    assertThat(where("microsoft_xdr", "ProcessId|contains: 12"))
        .startsWith("tostring(ProcessId) contains \"12\"");
  }

  @Test
  void unmappedFieldIsAnErrorThatNamesIt() {
    KqlResult r = new KqlWriter(TargetCatalog.get("sentinel_asim")).write(rule("NoSuchField: x"));
    assertThat(r.ok()).isFalse();
    assertThat(r.errors().get(0))
        .contains("'NoSuchField'")
        .contains("imProcessCreate")
        .contains("CommandLine");
    KqlResult kept =
        new KqlWriter(TargetCatalog.get("sentinel_asim"), new KqlOptions(true))
            .write(rule("NoSuchField: x"));
    assertThat(kept.query()).contains("NoSuchField =~ \"x\"");
    assertThat(kept.warnings()).isNotEmpty();
  }

  @Test
  void unknownLogsourceNamesWhatTheTargetOffers() {
    String text =
        "title: t\nlogsource:\n  category: dns_query\n  product: windows\ndetection:\n  sel:\n    QueryName: x\n  condition: sel\n";
    SigmaRule r = new RuleLoader().load(text, "t.yml").firstRule().orElseThrow();
    KqlResult k = new KqlWriter(TargetCatalog.get("sentinel_asim")).write(r);
    assertThat(k.errors().get(0))
        .contains("dns_query")
        .contains("process_creation -> imProcessCreate");
  }

  @Test
  void columnsThatAreNotIdentifiersAreBracketed() {
    assertThat(KqlStrings.column("cs-uri-query")).isEqualTo("['cs-uri-query']");
    assertThat(KqlStrings.column("where")).isEqualTo("['where']");
    assertThat(KqlStrings.column("CommandLine")).isEqualTo("CommandLine");
  }

  @Test
  void existsNullCidrAndFieldref() {
    assertThat(where("azure_monitor", "CommandLine|exists: true"))
        .startsWith("isnotempty(CommandLine)");
    assertThat(where("azure_monitor", "CommandLine: null")).startsWith("isempty(CommandLine)");
    assertThat(where("azure_monitor", "Image|fieldref: ParentImage"))
        .startsWith("NewProcessName =~ ParentProcessName");
  }
}
