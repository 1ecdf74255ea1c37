package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.logs.TextFilter;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Reading a .evtx with a filter loses nothing the filter wants: over every .evtx of the corpora and
 * many sets of literals (text, numbers, SIDs, times, hex, GUID pieces, text of templates, the
 * literals of every regression rule), every event of a full read that holds a wanted literal in one
 * of its values is delivered, under the same number and with the same values; the events delivered
 * and those passed over add up to the full read's; the problems are the same.
 */
class EvtxPassOverCorpusTest {

  /** Literal sets, each folded as the rules' prefilter folds them. */
  private static List<List<String>> literalSets() throws IOException {
    List<List<String>> sets = new ArrayList<>();
    sets.add(List.of("certificate "));
    sets.add(List.of("export-pfxcertificate ", "export-certificate "));
    sets.add(List.of("powershell"));
    sets.add(List.of("s-1-5-18")); // a SID
    sets.add(List.of("0x3e7")); // hex
    sets.add(List.of("2019-")); // times
    sets.add(List.of("-4f")); // GUID pieces
    sets.add(List.of("true"));
    sets.add(List.of("microsoft-windows-")); // provider names, often literals of the template
    sets.add(List.of("\\temp\\", "svchost.exe", ".ps1"));
    sets.add(List.of("a")); // nearly everything
    sets.add(List.of("4688", "4624"));
    Set<String> regression = new LinkedHashSet<>();
    for (SigmaRegressionCorpusTest.RegressionSet set : SigmaRegressionCorpusTest.sets()) {
      var rule =
          new RuleLoader()
              .load(org.sigmaworkbench.TestFiles.corpus("sigma-regression").resolve(set.rulePath()))
              .firstRule()
              .orElseThrow();
      Set<Prefilter.Need> needs = Prefilter.needs(rule.condition());
      if (needs != null) {
        needs.forEach(n -> regression.add(n.literal()));
      }
    }
    assertThat(regression).hasSizeGreaterThan(20);
    sets.add(List.copyOf(regression));
    return sets;
  }

  private record Read(
      Map<Long, List<String>> events, long passedOver, List<String> problems, long count) {}

  private static Read read(Path file, TextFilter filter) throws IOException, LogFormatException {
    Map<Long, List<String>> events = new HashMap<>();
    long count = 0;
    try (EventStream s = LogReaders.open(file, ReadOptions.AUTO.withFilter(filter))) {
      Event e;
      while ((e = s.next()) != null) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < e.schema().size(); i++) {
          values.add(e.schema().name(i) + "=" + e.value(i));
        }
        assertThat(events.put(e.record(), values)).as("event number %d twice", e.record()).isNull();
        count++;
      }
      List<String> problems = s.problems().stream().map(LogProblem::describe).toList();
      return new Read(events, s.passedOver(), problems, count);
    }
  }

  @Test
  void passingOverLosesNothingTheFilterWants() throws Exception {
    List<List<String>> sets = literalSets();
    long passed = 0;
    long delivered = 0;
    long wanted = 0;
    for (Path file : HuntCorpusTest.logs()) {
      Read full = read(file, null);
      assertThat(full.passedOver()).isZero();
      for (List<String> literals : sets) {
        NeedsFilter filter = new NeedsFilter(literals);
        Read filtered = read(file, filter);
        String what = file.getFileName() + " with " + literals;
        assertThat(filtered.count() + filtered.passedOver()).as(what).isEqualTo(full.count());
        assertThat(filtered.problems()).as(what).isEqualTo(full.problems());
        for (Map.Entry<Long, List<String>> e : filtered.events().entrySet()) {
          assertThat(e.getValue())
              .as(what + ", event " + e.getKey())
              .isEqualTo(full.events().get(e.getKey()));
        }
        for (Map.Entry<Long, List<String>> e : full.events().entrySet()) {
          boolean wants =
              e.getValue().stream().anyMatch(v -> filter.in(v.substring(v.indexOf('=') + 1)));
          if (wants) {
            wanted++;
            assertThat(filtered.events())
                .as(what + ", event " + e.getKey())
                .containsKey(e.getKey());
          }
        }
        passed += filtered.passedOver();
        delivered += filtered.count();
      }
    }
    // The filters do pass over records, and keep many.
    assertThat(passed).isGreaterThan(delivered);
    assertThat(wanted).isGreaterThan(1000);
    assertThat(Arrays.asList(passed, delivered)).allMatch(n -> n > 0);
  }
}
