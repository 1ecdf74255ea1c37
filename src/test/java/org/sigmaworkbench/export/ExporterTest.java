package org.sigmaworkbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * The headline rule's exports against fixtures checked by hand with Microsoft's documentation
 * (alertRules 2025-09-01 REST specification, Azure-Sentinel analytics-rule template checks, Graph
 * beta detectionRule), and each refusal the services make.
 */
class ExporterTest {

  private static RuleDocument headline() {
    return new RuleLoader().load(TestFiles.headlineRuleText(), "headline.yml").documents().get(0);
  }

  private static RuleDocument rule(String text) {
    return new RuleLoader().load(text, "rule.yml").documents().get(0);
  }

  private static Export export(
      ExportFormat format, String target, ExportOptions options, RuleDocument d) {
    return new Exporter(format, TargetCatalog.get(target), options).export(d, Map.of());
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = ExporterTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static final String BASE =
      "title: Whoami\nid: 1b2b3c4d-0000-4000-8000-000000000001\nstatus: test\nlevel: high\n"
          + "tags:\n  - attack.discovery\n  - attack.t1033\n"
          + "logsource:\n  category: process_creation\n  product: windows\n"
          + "detection:\n  selection:\n    Image|endswith: '\\whoami.exe'\n  condition: selection\n";

  @Test
  void theHeadlineRuleExportsAsTheCheckedFixtures() throws IOException {
    assertThat(
            export(ExportFormat.SENTINEL_ARM, "sentinel_asim", ExportOptions.DEFAULT, headline())
                .text())
        .isEqualTo(fixture("headline.arm.json"));
    assertThat(
            export(ExportFormat.SENTINEL_ARM, "azure_monitor", ExportOptions.DEFAULT, headline())
                .text())
        .isEqualTo(fixture("headline.arm.azure_monitor.json"));
    assertThat(
            export(ExportFormat.SENTINEL_YAML, "sentinel_asim", ExportOptions.DEFAULT, headline())
                .text())
        .isEqualTo(fixture("headline.sentinel.yaml"));
    assertThat(
            export(ExportFormat.DEFENDER, "microsoft_xdr", ExportOptions.DEFAULT, headline())
                .text())
        .isEqualTo(fixture("headline.defender.json"));
  }

  @Test
  void theHeadlineRuleMapsTagsLevelAndStatus() {
    Export arm =
        export(ExportFormat.SENTINEL_ARM, "sentinel_asim", ExportOptions.DEFAULT, headline());
    assertThat(arm.problems()).isEmpty();
    JsonNode p = arm.document().path("resources").get(0).path("properties");
    assertThat(p.path("severity").asText()).isEqualTo("Medium");
    assertThat(p.path("enabled").asBoolean()).isTrue();
    assertThat(p.path("tactics").toString()).isEqualTo("[\"CredentialAccess\",\"Execution\"]");
    // The stable API takes technique ids only; sub-techniques go to the parent.
    assertThat(p.path("techniques").toString()).isEqualTo("[\"T1552\",\"T1059\"]");
    Export yaml =
        export(ExportFormat.SENTINEL_YAML, "sentinel_asim", ExportOptions.DEFAULT, headline());
    assertThat(yaml.document().path("relevantTechniques").toString())
        .isEqualTo("[\"T1552.004\",\"T1059.001\"]");
    Export defender =
        export(ExportFormat.DEFENDER, "microsoft_xdr", ExportOptions.DEFAULT, headline());
    JsonNode alert = defender.document().path("detectionAction").path("alertTemplate");
    assertThat(alert.path("category").asText()).isEqualTo("CredentialAccess");
    assertThat(alert.path("severity").asText()).isEqualTo("medium");
    assertThat(defender.document().path("schedule").path("period").asText()).isEqualTo("1H");
  }

  @Test
  void theRuleGuidIsAVersion5UuidOfTheSigmaIdAndTheSameInEveryFormat() {
    // RFC 4122 test vector: uuid5(NAMESPACE_DNS, "python.org").
    assertThat(
            Exporter.nameUuid(
                UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"))
        .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    String guid = Exporter.guid(headline().meta());
    assertThat(UUID.fromString(guid).version()).isEqualTo(5);
    Export yaml =
        export(ExportFormat.SENTINEL_YAML, "sentinel_asim", ExportOptions.DEFAULT, headline());
    Export arm =
        export(ExportFormat.SENTINEL_ARM, "sentinel_asim", ExportOptions.DEFAULT, headline());
    assertThat(yaml.document().path("id").asText()).isEqualTo(guid);
    assertThat(arm.document().path("resources").get(0).path("name").asText()).contains(guid);
    assertThat(Exporter.guid(rule(BASE).meta())).isNotEqualTo(guid);
  }

  @Test
  void levelsAndStatusesFollowTheMapping() {
    RuleDocument critical = rule(BASE.replace("level: high", "level: critical"));
    Export e = export(ExportFormat.SENTINEL_ARM, "sentinel_asim", ExportOptions.DEFAULT, critical);
    assertThat(e.document().at("/resources/0/properties/severity").asText()).isEqualTo("High");
    RuleDocument experimental = rule(BASE.replace("status: test", "status: experimental"));
    assertThat(
            export(ExportFormat.DEFENDER, "microsoft_xdr", ExportOptions.DEFAULT, experimental)
                .document()
                .path("isEnabled")
                .asBoolean())
        .isFalse();
    ExportOptions enable = new ExportOptions(null, null, 0, true);
    assertThat(
            export(ExportFormat.DEFENDER, "microsoft_xdr", enable, experimental)
                .document()
                .path("isEnabled")
                .asBoolean())
        .isTrue();
  }

  @Test
  void stealthAndDefenseImpairmentGoToDefenseEvasion() {
    RuleDocument r =
        rule(
            BASE.replace(
                "  - attack.discovery\n", "  - attack.stealth\n  - attack.defense-impairment\n"));
    Export e = export(ExportFormat.SENTINEL_YAML, "sentinel_asim", ExportOptions.DEFAULT, r);
    assertThat(e.problems()).isEmpty();
    assertThat(e.document().path("tactics").toString()).isEqualTo("[\"DefenseEvasion\"]");
  }

  @Test
  void aCorrelationLooksBackOverItsTimespanWithoutEntityMappings() {
    String text =
        BASE.replace("title: Whoami\n", "title: Whoami\nname: whoami_runs\n")
            + "---\ntitle: Repeated whoami\nstatus: test\ncorrelation:\n  type: event_count\n"
            + "  rules:\n    - whoami_runs\n  group-by:\n    - User\n  timespan: 6h\n"
            + "  condition:\n    gte: 3\n";
    var file = new RuleLoader().load(text, "corr.yml");
    SigmaRule base = (SigmaRule) file.documents().get(0);
    RuleDocument corr = file.documents().get(1);
    Export e =
        new Exporter(
                ExportFormat.SENTINEL_ARM,
                TargetCatalog.get("sentinel_asim"),
                ExportOptions.DEFAULT)
            .export(corr, Map.of("whoami_runs", base));
    assertThat(e.problems()).isEmpty();
    JsonNode p = e.document().at("/resources/0/properties");
    assertThat(p.path("queryFrequency").asText()).isEqualTo("PT1H");
    assertThat(p.path("queryPeriod").asText()).isEqualTo("PT6H");
    assertThat(p.has("entityMappings")).isFalse();
    assertThat(e.warnings()).anyMatch(w -> w.contains("no entity mappings"));
    Export defender =
        new Exporter(
                ExportFormat.DEFENDER, TargetCatalog.get("microsoft_xdr"), ExportOptions.DEFAULT)
            .export(corr, Map.of("whoami_runs", base));
    assertThat(defender.ok()).isFalse();
    assertThat(defender.problems())
        .anyMatch(
            x -> x.startsWith("queryCondition.queryText: the query does not return Timestamp"));
  }

  // Refusals

  private static ExportOptions every(String frequency, String period) {
    return new ExportOptions(
        frequency == null ? null : Durations.parse(frequency),
        period == null ? null : Durations.parse(period),
        0,
        false);
  }

  @Test
  void aFrequencyShorterThanFiveMinutesIsRefused() {
    Export e = export(ExportFormat.SENTINEL_ARM, "sentinel_asim", every("4m", null), headline());
    assertThat(e.ok()).isFalse();
    assertThat(e.problems())
        .contains(
            "resources[0].properties.queryFrequency: 4 minutes is shorter than the 5 minutes"
                + " Sentinel allows");
    Export y = export(ExportFormat.SENTINEL_YAML, "sentinel_asim", every("4m", null), headline());
    assertThat(y.problems())
        .contains("queryFrequency: 4 minutes is shorter than the 5 minutes Sentinel allows");
  }

  @Test
  void aPeriodShorterThanTheFrequencyOrLongerThanFourteenDaysIsRefused() {
    assertThat(
            export(ExportFormat.SENTINEL_YAML, "sentinel_asim", every("2h", "1h"), headline())
                .problems())
        .anyMatch(p -> p.startsWith("queryPeriod: 1 hour is shorter than the frequency (2 hours)"));
    assertThat(
            export(ExportFormat.SENTINEL_YAML, "sentinel_asim", every("1h", "15d"), headline())
                .problems())
        .contains("queryPeriod: 15 days is longer than the 14 days Sentinel allows");
    assertThat(
            export(ExportFormat.SENTINEL_YAML, "sentinel_asim", every("30m", "3d"), headline())
                .problems())
        .contains(
            "queryFrequency: a rule that looks back more than 2 days runs at most every 1 hour");
    assertThat(
            export(ExportFormat.SENTINEL_YAML, "sentinel_asim", every("1h", "3d"), headline()).ok())
        .isTrue();
  }

  @Test
  void aQueryLongerThanTenThousandCharactersIsRefused() {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 700; i++) {
      values.append("      - 'needle-number-").append(i).append("'\n");
    }
    RuleDocument r =
        rule(
            BASE.replace(
                "    Image|endswith: '\\whoami.exe'\n", "    CommandLine|contains:\n" + values));
    Export e = export(ExportFormat.SENTINEL_ARM, "sentinel_asim", ExportOptions.DEFAULT, r);
    assertThat(e.ok()).isFalse();
    assertThat(e.problems())
        .anyMatch(
            p ->
                p.startsWith("resources[0].properties.query: ")
                    && p.endsWith("characters, more than the 10000 allowed"));
  }

  @Test
  void aTitleLongerThanTheServiceAllowsIsRefused() {
    RuleDocument r = rule(BASE.replace("title: Whoami", "title: " + "W".repeat(300)));
    assertThat(
            export(ExportFormat.SENTINEL_YAML, "sentinel_asim", ExportOptions.DEFAULT, r)
                .problems())
        .contains("name: 300 characters, more than the 256 allowed");
    assertThat(export(ExportFormat.DEFENDER, "microsoft_xdr", ExportOptions.DEFAULT, r).problems())
        .contains("displayName: 300 characters, more than the 256 allowed");
  }

  @Test
  void defenderTakesOnlyItsPeriods() {
    Export e = export(ExportFormat.DEFENDER, "microsoft_xdr", every("2h", null), headline());
    assertThat(e.problems())
        .containsExactly(
            "schedule.period: '2H' is not one Defender allows (0, 1H, 3H, 12H, 24H; 0 runs"
                + " continuously)");
    for (String ok : new String[] {"0s", "1h", "3h", "12h", "1d"}) {
      assertThat(export(ExportFormat.DEFENDER, "microsoft_xdr", every(ok, null), headline()).ok())
          .as(ok)
          .isTrue();
    }
    assertThat(Exporter.defenderPeriod(Duration.ofDays(1))).isEqualTo("24H");
  }

  @Test
  void techniquesWithoutATacticAreRefusedBySentinelOnly() {
    RuleDocument r = rule(BASE.replace("  - attack.discovery\n", ""));
    assertThat(
            export(ExportFormat.SENTINEL_YAML, "sentinel_asim", ExportOptions.DEFAULT, r)
                .problems())
        .containsExactly(
            "relevantTechniques: techniques need a tactic; add the attack.<tactic> tag of T1033 to"
                + " the rule");
    Export d = export(ExportFormat.DEFENDER, "microsoft_xdr", ExportOptions.DEFAULT, r);
    assertThat(d.ok()).isTrue();
    assertThat(d.document().at("/detectionAction/alertTemplate/category").asText())
        .isEqualTo("SuspiciousActivity");
  }

  @Test
  void aThresholdOutOfRangeIsRefused() {
    Export e =
        export(
            ExportFormat.SENTINEL_ARM,
            "sentinel_asim",
            new ExportOptions(null, null, 20000, false),
            headline());
    assertThat(e.problems())
        .contains(
            "resources[0].properties.triggerThreshold: must be a whole number from 0 to 10000");
  }

  @Test
  void theValidatorNamesBrokenFieldsOfAHandEditedDocument() {
    Export e =
        export(ExportFormat.SENTINEL_ARM, "sentinel_asim", ExportOptions.DEFAULT, headline());
    var doc = (com.fasterxml.jackson.databind.node.ObjectNode) e.document().deepCopy();
    var p = (com.fasterxml.jackson.databind.node.ObjectNode) doc.at("/resources/0/properties");
    p.put("severity", "Critical");
    p.put("queryPeriod", "1 hour");
    p.remove("suppressionDuration");
    p.withArray("tactics").add("Stealth");
    p.withArray("techniques").add("T1059.001");
    ((com.fasterxml.jackson.databind.node.ObjectNode) p.withArray("entityMappings").get(0))
        .put("entityType", "Device");
    var problems =
        new ExportValidator()
            .validate(
                ExportFormat.SENTINEL_ARM,
                doc,
                TargetCatalog.get("sentinel_asim").tables().get(0).columns().keySet());
    String at = "resources[0].properties.";
    assertThat(problems)
        .contains(
            at + "severity: 'Critical' is not one of Informational, Low, Medium, High",
            at + "queryPeriod: '1 hour' is not an ISO-8601 duration",
            at + "suppressionDuration: required",
            at + "tactics: 'Stealth' is not a tactic Sentinel accepts",
            at + "techniques: 'T1059.001' is not a technique id (T1234)",
            at + "entityMappings[0].entityType: 'Device' is not an entity type Sentinel knows");
  }
}
