package org.sigmaworkbench.kql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

class KqlWriterTest {

  private static SigmaRule headline() {
    return new RuleLoader().load(TestFiles.headlineRuleText(), "h.yml").firstRule().orElseThrow();
  }

  static SigmaRule rule(String logsource, String detection) {
    String text =
        "title: t\nlogsource:\n" + logsource.indent(2) + "detection:\n" + detection.indent(2);
    return new RuleLoader().load(text, "t.yml").firstRule().orElseThrow();
  }

  private static SigmaRule process(String selection) {
    return rule(
        "category: process_creation\nproduct: windows",
        "sel:\n"
            + selection.indent(2)
            + "filter:\n  ParentImage|endswith: '\\explorer.exe'\ncondition: sel and not filter");
  }

  private static KqlResult write(String target, SigmaRule rule) {
    return new KqlWriter(TargetCatalog.get(target)).write(rule);
  }

  /** The condition of the last {@code | where} of the query. */
  private static String where(String target, String selection) {
    KqlResult r = write(target, process(selection));
    assertThat(r.errors()).isEmpty();
    return lastWhere(firstBranch(r.query()));
  }

  @Test
  void headlineIsByteIdenticalForSentinel() {
    assertThat(write("sentinel_asim", headline()).query())
        .isEqualTo(
            "imProcessCreate\n| where TargetProcessCommandLine contains \"Export-PfxCertificate \" or"
                + " TargetProcessCommandLine contains \"Export-Certificate \"");
  }

  @Test
  void headlineReadsBothProcessCreationTablesOfAzureMonitor() {
    assertThat(write("azure_monitor", headline()).query())
        .isEqualTo(
            "union\n"
                + "  (SecurityEvent\n"
                + "  | where CommandLine contains \"Export-PfxCertificate \" or CommandLine contains"
                + " \"Export-Certificate \"),\n"
                + "  (WindowsEvent\n"
                + "  | where Provider == \"Microsoft-Windows-Sysmon\" and EventID == 1\n"
                + "  | where tostring(EventData.CommandLine) contains \"Export-PfxCertificate \" or"
                + " tostring(EventData.CommandLine) contains \"Export-Certificate \")");
  }

  @ParameterizedTest
  @CsvSource({"microsoft_xdr, DeviceProcessEvents, ProcessCommandLine"})
  void headlineHasTheSameLayoutForTheOtherTargets(String target, String table, String column) {
    assertThat(write(target, headline()).query())
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
    assertThat(where("sentinel_asim", "CommandLine: 'a?b\\*c'"))
        .startsWith("TargetProcessCommandLine matches regex \"(?is)^a.b\\\\*c$\"");
  }

  @Test
  void valuesCannotBreakOutOfTheirLiteral() {
    assertThat(
            where(
                "azure_monitor", "CommandLine|contains: \"a\\\"b\\\\c\\nd\\u0001\\u202e\\u65e5\""))
        .startsWith("CommandLine contains \"a\\\"b\\\\c\\nd\\u0001\\u202e\u65e5\"");
  }

  @Test
  void numbersOnNumericAndStringColumns() {
    assertThat(where("microsoft_xdr", "ProcessId|gt: 4")).startsWith("ProcessId > 4");
    assertThat(where("sentinel_asim", "ProcessId|gt: 4")).startsWith("tolong(TargetProcessId) > 4");
    assertThat(where("sentinel_asim", "ProcessId|lt: 4.5"))
        .startsWith("todouble(TargetProcessId) < 4.5");
    assertThat(where("microsoft_xdr", "ProcessId|contains: 12"))
        .startsWith("tostring(ProcessId) contains \"12\"");
    assertThat(where("microsoft_xdr", "ProcessId: [1, 2]")).startsWith("ProcessId in (1, 2)");
  }

  @Test
  void unmappedFieldIsAnErrorThatNamesIt() {
    KqlResult r = write("sentinel_asim", process("NoSuchField: x"));
    assertThat(r.ok()).isFalse();
    assertThat(r.errors().get(0))
        .contains("'NoSuchField'")
        .contains("imProcessCreate")
        .contains("CommandLine")
        .contains("keep unmapped fields");
    KqlResult kept =
        new KqlWriter(TargetCatalog.get("sentinel_asim"), new KqlOptions(true))
            .write(process("NoSuchField: x"));
    assertThat(kept.query()).contains("NoSuchField =~ \"x\"");
    assertThat(kept.warnings()).singleElement().asString().contains("NoSuchField");
  }

  @Test
  void aTableThatHoldsEveryFieldIsChosenOverOneThatDoesNot() {
    KqlResult r = write("azure_monitor", process("OriginalFileName: cmd.exe"));
    assertThat(r.table()).isEqualTo("WindowsEvent");
    assertThat(r.query())
        .startsWith(
            "WindowsEvent\n| where Provider == \"Microsoft-Windows-Sysmon\" and EventID == 1\n"
                + "| where tostring(EventData.OriginalFileName) =~ \"cmd.exe\"");
  }

  @Test
  void unknownLogsourceNamesWhatTheTargetOffers() {
    SigmaRule r = rule("product: aws\nservice: cloudtrail", "sel:\n  eventName: x\ncondition: sel");
    KqlResult k = write("sentinel_asim", r);
    assertThat(k.errors().get(0))
        .contains("product: aws, service: cloudtrail")
        .contains("category: process_creation -> imProcessCreate");
  }

  @Test
  void columnsThatAreNotIdentifiersAreBracketed() {
    assertThat(KqlStrings.column("cs-uri-query")).isEqualTo("['cs-uri-query']");
    assertThat(KqlStrings.column("where")).isEqualTo("['where']");
    assertThat(KqlStrings.column("it's")).isEqualTo("['it\\'s']");
    assertThat(KqlStrings.column("CommandLine")).isEqualTo("CommandLine");
    KqlResult kept =
        new KqlWriter(TargetCatalog.get("sentinel_asim"), new KqlOptions(true))
            .write(process("cs-uri-query: x"));
    assertThat(kept.query()).contains("['cs-uri-query'] =~ \"x\"");
  }

  @Test
  void existsNullCidrAndFieldref() {
    assertThat(where("sentinel_asim", "CommandLine|exists: true"))
        .startsWith("isnotempty(TargetProcessCommandLine)");
    assertThat(where("sentinel_asim", "CommandLine: null"))
        .startsWith("isempty(TargetProcessCommandLine)");
    assertThat(where("microsoft_xdr", "ProcessId|exists: false")).startsWith("isnull(ProcessId)");
    assertThat(where("azure_monitor", "Image|fieldref: ParentImage"))
        .startsWith("isnotempty(ParentProcessName) and NewProcessName =~ ParentProcessName");
    SigmaRule net =
        rule(
            "category: network_connection\nproduct: windows",
            "sel:\n  DestinationIp|cidr: ['10.0.0.0/8', 'fe80::/10', '::/0']\ncondition: sel");
    assertThat(write("microsoft_xdr", net).query())
        .endsWith(
            "| where ipv4_is_in_range(RemoteIP, \"10.0.0.0/8\") or ipv6_is_in_range(RemoteIP,"
                + " \"fe80::/10\") or (ipv6_is_in_range(RemoteIP, \"::/0\") and RemoteIP contains"
                + " \":\")");
  }

  @Test
  void securityEventProcessCreationIsFilteredUnlessTheRuleImpliesIt() {
    assertThat(firstBranch(write("azure_monitor", process("CommandLine|contains: x")).query()))
        .startsWith("SecurityEvent\n| where CommandLine contains \"x\"");
    assertThat(firstBranch(write("azure_monitor", process("CommandLine: null")).query()))
        .startsWith("SecurityEvent\n| where EventID == 4688\n| where isempty(CommandLine)");
  }

  @Test
  void logsourceEventsAreSelectedInSharedTables() {
    SigmaRule delete =
        rule(
            "category: file_delete\nproduct: windows",
            "sel:\n  TargetFilename|endswith: '.pf'\ncondition: sel");
    assertThat(write("sentinel_asim", delete).query())
        .isEqualTo(
            "imFileEvent\n| where EventType == \"FileDeleted\"\n| where TargetFilePath endswith"
                + " \".pf\"");
    assertThat(write("microsoft_xdr", delete).query())
        .isEqualTo(
            "DeviceFileEvents\n| where ActionType == \"FileDeleted\"\n| where FolderPath endswith"
                + " \".pf\"");
  }

  @Test
  void registryPathsJoinKeyAndValueName() {
    SigmaRule set =
        rule(
            "category: registry_set\nproduct: windows",
            "sel:\n  TargetObject|endswith: '\\CurrentVersion\\Run\\evil'\ncondition: sel");
    assertThat(write("microsoft_xdr", set).query())
        .isEqualTo(
            "DeviceRegistryEvents\n| where ActionType == \"RegistryValueSet\"\n| extend"
                + " TargetObject = iff(isempty(RegistryValueName), RegistryKey, strcat(RegistryKey,"
                + " \"\\\\\", RegistryValueName))\n| where TargetObject endswith"
                + " \"\\\\CurrentVersion\\\\Run\\\\evil\"");
  }

  @Test
  void longDisjunctionsAreGroupedSoKustoCanParseThem() {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      values.append("  - 'v").append(i).append("'\n");
    }
    String w = where("microsoft_xdr", "CommandLine|contains:\n" + values);
    assertThat(w).startsWith("((ProcessCommandLine contains \"v0\" or");
    assertThat(w.split("\\(ProcessCommandLine contains", -1)).hasSize(5);
  }

  @Test
  void keywordsAreFullTextSearches() {
    SigmaRule k =
        rule(
            "category: process_creation\nproduct: windows",
            "keywords:\n  - evil\n  - 'mid*dle'\ncondition: keywords");
    assertThat(write("microsoft_xdr", k).query())
        .endsWith("| where * contains \"evil\" or * matches regex \"(?is)^.*mid.*dle.*$\"");
    SigmaRule starts =
        rule(
            "category: process_creation\nproduct: windows",
            "keywords:\n  '|startswith': evil\ncondition: keywords");
    assertThat(write("microsoft_xdr", starts).errors())
        .singleElement()
        .asString()
        .contains("keyword");
  }

  @Test
  void placeholdersNeedValues() {
    String detection = "sel:\n  User|expand: '%Admins%'\ncondition: sel";
    KqlResult none = write("sentinel_asim", rule("category: process_creation", detection));
    assertThat(none.ok()).isFalse();
    assertThat(none.errors().get(0)).contains("%Admins%").contains("--placeholder");
    String text =
        "title: t\nlogsource:\n  category: process_creation\ndetection:\n" + detection.indent(2);
    SigmaRule given =
        new RuleLoader(Placeholders.standard().with("Admins", List.of("a\\root", "b\\root")))
            .load(text, "t.yml")
            .firstRule()
            .orElseThrow();
    assertThat(write("sentinel_asim", given).query())
        .endsWith("| where TargetUsername in~ (\"a\\\\root\", \"b\\\\root\")");
  }

  @Test
  void legacyAggregationIsSummarized() {
    SigmaRule r =
        rule(
            "category: process_creation\nproduct: windows",
            "sel:\n  Image|endswith: '\\net.exe'\ncondition: sel | count(CommandLine) by Computer > 5");
    KqlResult k = write("microsoft_xdr", r);
    assertThat(k.query())
        .isEqualTo(
            "DeviceProcessEvents\n| where FolderPath endswith \"\\\\net.exe\"\n| summarize"
                + " ValueCount = count_distinct(ProcessCommandLine) by DeviceName\n| where ValueCount"
                + " > 5");
    assertThat(k.warnings()).anySatisfy(w -> assertThat(w).contains("timeframe"));
  }

  @Test
  void numbersWrittenAsTextCompareNumericallyOnNumericColumns() {
    assertThat(where("microsoft_xdr", "LogonId: '0x3e7'")).startsWith("LogonId == 999 and");
    assertThat(where("microsoft_xdr", "LogonId: ['0x3e7', '0x3e4']"))
        .startsWith("LogonId in (999, 996) and");
    assertThat(where("microsoft_xdr", "LogonId: 'none'"))
        .startsWith("tostring(LogonId) =~ \"none\"");
  }

  @Test
  void accountsAndHashesAreReadFromTheirColumns() {
    assertThat(where("microsoft_xdr", "User|contains: 'AUTHORI'"))
        .startsWith("(AccountDomain contains \"AUTHORI\" or AccountName contains \"AUTHORI\") and");
    assertThat(where("sentinel_asim", "Hashes|contains: 'IMPHASH=ABCD'"))
        .startsWith("TargetProcessIMPHASH startswith \"ABCD\" and");
    KqlResult r = write("microsoft_xdr", process("Hashes|contains: 'IMPHASH=ABCD'"));
    assertThat(r.errors()).singleElement().asString().contains("names IMPHASH");
  }

  /** The first branch of a union (SecurityEvent for Azure Monitor process creation), as a query. */
  static String firstBranch(String query) {
    if (!query.startsWith("union\n")) {
      return query;
    }
    return query.substring("union\n  (".length(), query.indexOf("),\n")).replace("\n  ", "\n");
  }

  /** The rule's condition: the last step; a row filter may come before it. */
  static String lastWhere(String query) {
    return query.substring(query.lastIndexOf("| where ") + 8);
  }
}
