package org.sigmaworkbench.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;

class CompletionEngineTest {

  static final CompletionEngine ENGINE = new CompletionEngine();
  static final Target ASIM = TargetCatalog.get("sentinel_asim");

  static final String RULE =
      """
      title: Whoami
      id: 6f3e2987-db24-4c78-a860-b4f4095a7095
      status: experimental
      tags:
          - attack.discovery
      logsource:
          category: process_creation
          product: windows
      detection:
          selection_img:
              Image|endswith: '\\\\whoami.exe'
          selection_cli:
              CommandLine: x
          filter_main:
              User: y
          condition: selection_img
      level: high
      """;

  /** Completion where {@code |} marks the caret in {@code text}. */
  static CompletionEngine.Result at(String textWithCaret, Map<String, Map<String, Long>> stats) {
    int caret = textWithCaret.indexOf('¦');
    String text = textWithCaret.replace("¦", "");
    return ENGINE.complete(text, caret, ASIM, stats);
  }

  static CompletionEngine.Result at(String textWithCaret) {
    return at(textWithCaret, null);
  }

  static List<String> labels(CompletionEngine.Result r) {
    return r.items().stream().map(Completion::label).toList();
  }

  @Test
  void topLevelKeysOfARuleLeaveOutThoseWritten() {
    CompletionEngine.Result r = at(RULE.replace("level: high\n", "de¦\n"));
    assertThat(labels(r)).contains("description").doesNotContain("detection", "title");
    assertThat(r.prefix()).isEqualTo("de");
    CompletionEngine.Result all = at(RULE.replace("level: high\n", "¦\n"));
    assertThat(labels(all)).contains("level", "falsepositives", "author", "date");
    assertThat(all.items()).allMatch(c -> c.kind() == Completion.Kind.KEY);
    assertThat(
            all.items().stream()
                .filter(c -> c.label().equals("level"))
                .findFirst()
                .orElseThrow()
                .description())
        .contains("severe");
  }

  @Test
  void correlationAndFilterDocumentsGetTheirOwnKeys() {
    String corr = "title: Many\ncorrelation:\n    type: event_count\n¦\n";
    assertThat(labels(at(corr)))
        .contains("level", "falsepositives")
        .doesNotContain("logsource", "detection", "generate");
    assertThat(labels(at("title: Many\ncorrelation:\n    ¦\n")))
        .contains("type", "rules", "group-by", "timespan", "condition", "generate");
    assertThat(labels(at("title: Many\ncorrelation:\n    generate: ¦\n")))
        .containsExactly("false", "true");
    assertThat(labels(at("title: Many\ncorrelation:\n    type: ¦\n")))
        .contains("event_count", "value_count", "temporal", "temporal_ordered");
    assertThat(labels(at("title: F\nfilter:\n    ¦\n")))
        .containsExactly("rules", "selection", "condition");
    assertThat(
            labels(at("title: F\nlogsource:\n    product: windows\nfilter:\n    rules: any\n¦\n")))
        .doesNotContain("detection", "filter");
  }

  @Test
  void modifiersAfterAFieldOfferOnlyWhatMayFollow() {
    List<String> first = labels(at(RULE.replace("CommandLine: x", "CommandLine|¦")));
    assertThat(first)
        .contains("contains", "startswith", "endswith", "re", "windash", "base64offset", "all")
        .doesNotContain("i", "m", "s");
    List<String> afterContains =
        labels(at(RULE.replace("CommandLine: x", "CommandLine|contains|¦")));
    assertThat(afterContains)
        .contains("all", "windash", "cased")
        .doesNotContain("contains", "startswith", "endswith", "re", "gt", "exists", "base64");
    List<String> afterAll =
        labels(at(RULE.replace("CommandLine: x", "CommandLine|contains|all|¦")));
    assertThat(afterAll).doesNotContain("all", "contains");
    assertThat(labels(at(RULE.replace("CommandLine: x", "CommandLine|re|¦"))))
        .contains("i", "m", "s", "all")
        .doesNotContain("contains", "windash", "base64offset");
    assertThat(labels(at(RULE.replace("CommandLine: x", "CommandLine|utf16le|¦"))))
        .contains("base64", "base64offset")
        .doesNotContain("utf16be", "re", "windash");
    assertThat(labels(at(RULE.replace("CommandLine: x", "CommandLine|exists|¦")))).isEmpty();
    assertThat(labels(at(RULE.replace("CommandLine: x", "CommandLine|con¦"))))
        .containsExactly("contains");
  }

  @Test
  void fieldsForProcessCreationStartWithThoseTheTargetMaps() {
    CompletionEngine.Result r = at(RULE.replace("CommandLine: x", "¦"));
    List<String> l = labels(r);
    assertThat(l).contains("CommandLine", "Image", "ParentImage", "User");
    Completion cmd =
        r.items().stream().filter(c -> c.label().equals("CommandLine")).findFirst().orElseThrow();
    assertThat(cmd.kind()).isEqualTo(Completion.Kind.FIELD);
    assertThat(cmd.description()).startsWith("mapped by sentinel_asim");
    // a field the target does not map comes after every mapped one and says so
    int lastMapped = -1;
    int firstUnmapped = Integer.MAX_VALUE;
    for (int i = 0; i < r.items().size(); i++) {
      if (r.items().get(i).description().contains("not mapped")) {
        firstUnmapped = Math.min(firstUnmapped, i);
      } else if (r.items().get(i).description().startsWith("mapped by")) {
        lastMapped = i;
      }
    }
    assertThat(lastMapped).isLessThan(firstUnmapped);
    assertThat(labels(at(RULE.replace("CommandLine: x", "Parent¦"))))
        .first()
        .asString()
        .startsWith("Parent");
  }

  @Test
  void attackTagsCarryTheirNames() {
    CompletionEngine.Result r = at(RULE.replace("- attack.discovery", "- attack.t1059¦"));
    assertThat(labels(r)).contains("attack.t1059", "attack.t1059.001");
    Completion ps =
        r.items().stream()
            .filter(c -> c.label().equals("attack.t1059.001"))
            .findFirst()
            .orElseThrow();
    assertThat(ps.description()).contains("PowerShell").contains("execution");
    assertThat(r.from()).isEqualTo(RULE.indexOf("attack.discovery"));
    assertThat(labels(at(RULE.replace("- attack.discovery", "- attack.ste¦"))))
        .containsExactly("attack.stealth");
    assertThat(labels(at(RULE.replace("- attack.discovery", "- ¦"))))
        .contains("attack.", "car.", "cve.", "detection.", "tlp.");
    assertThat(labels(at(RULE.replace("- attack.discovery", "- detection.¦"))))
        .containsExactly(
            "detection.threat-hunting", "detection.emerging-threats", "detection.dfir");
    assertThat(labels(at(RULE.replace("- attack.discovery", "- attack.powersh¦"))))
        .contains("attack.t1059.001");
  }

  @Test
  void valuesOfLogsourceStatusLevelAndRelated() {
    assertThat(labels(at(RULE.replace("category: process_creation", "category: proc¦"))))
        .first()
        .isEqualTo("process_creation");
    assertThat(labels(at(RULE.replace("product: windows", "product: ¦"))))
        .contains("windows", "linux");
    assertThat(labels(at(RULE.replace("status: experimental", "status: ¦"))))
        .containsExactly("experimental", "test", "stable", "deprecated", "unsupported");
    assertThat(labels(at(RULE.replace("level: high", "level: ¦"))))
        .containsExactly("informational", "low", "medium", "high", "critical");
    assertThat(
            labels(
                at(
                    "title: x\nrelated:\n    - id: 6f3e2987-db24-4c78-a860-b4f4095a7095\n      type: ¦\n")))
        .containsExactly("derived", "obsolete", "merged", "renamed", "similar");
  }

  @Test
  void conditionOffersIdentifiersGroupsAndOperators() {
    List<String> l = labels(at(RULE.replace("condition: selection_img", "condition: ¦")));
    assertThat(l)
        .contains(
            "selection_img",
            "selection_cli",
            "filter_main",
            "1 of selection_*",
            "all of selection_*",
            "1 of filter_*",
            "all of them",
            "not",
            "and",
            "or")
        .doesNotContain("condition");
    assertThat(
            labels(
                at(
                    RULE.replace(
                        "condition: selection_img", "condition: selection_img and not fil¦"))))
        .contains("filter_main", "1 of filter_*");
  }

  @Test
  void valuesFromLoadedLogsMostFrequentFirstWithCounts() {
    Map<String, Long> images = new LinkedHashMap<>();
    images.put("C:\\Windows\\System32\\cmd.exe", 3L);
    images.put("C:\\Windows\\System32\\whoami.exe", 12L);
    images.put("C:\\Tools\\a*b.exe", 1L);
    Map<String, Map<String, Long>> stats = Map.of("Image", images);
    CompletionEngine.Result r =
        at(RULE.replace("Image|endswith: '\\\\whoami.exe'", "Image|endswith: ¦"), stats);
    assertThat(labels(r))
        .containsExactly(
            "C:\\Windows\\System32\\whoami.exe",
            "C:\\Windows\\System32\\cmd.exe",
            "C:\\Tools\\a*b.exe");
    assertThat(r.items().get(0).description()).startsWith("12 events");
    assertThat(r.items().get(0).kind()).isEqualTo(Completion.Kind.LOGGED_VALUE);
    assertThat(r.items().get(2).text()).isEqualTo("'C:\\Tools\\a\\*b.exe'");
    CompletionEngine.Result listed =
        at(
            RULE.replace(
                "Image|endswith: '\\\\whoami.exe'", "Image|endswith:\n                - 'who¦"),
            stats);
    assertThat(labels(listed)).containsExactly("C:\\Windows\\System32\\whoami.exe");
  }
}
