package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.sigmaworkbench.engine.kqleval.EventValues;
import org.sigmaworkbench.engine.kqleval.SigmaRuleGrammar;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Matching many rules at once (literal prefilter, cheapest tests first) gives exactly the hits of
 * trying every rule on every event.
 */
class RuleSetMatcherPropertyTest {

  private static final List<String> FIELDS =
      new ArrayList<>(
          new TreeSet<>(
              TargetCatalog.get("sentinel_asim")
                  .tableFor(new LogSource("process_creation", "windows", null, null))
                  .orElseThrow()
                  .fields()
                  .keySet()));

  @Provide
  Arbitrary<List<SigmaRuleGrammar.Rule>> ruleSets() {
    return SigmaRuleGrammar.rule(FIELDS).list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Integer>> seeds() {
    return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(4).ofMaxSize(16);
  }

  @Property(tries = 400)
  void sameHitsAsEveryRuleOnItsOwn(
      @ForAll("ruleSets") List<SigmaRuleGrammar.Rule> generated,
      @ForAll("seeds") List<Integer> seeds) {
    List<CompiledRule> rules = new ArrayList<>();
    List<String> values = new ArrayList<>(List.of("", "cmd"));
    for (SigmaRuleGrammar.Rule g : generated) {
      SigmaRule r = new RuleLoader().load(g.yaml(), "g.yml").firstRule().orElseThrow();
      if (r.isUsable()) {
        rules.add(CompiledRule.compile(r));
        EventValues.candidates(r.condition()).values().forEach(values::addAll);
      }
    }
    RuleSetMatcher matcher = new RuleSetMatcher(rules, 0);
    RuleSetMatcher.Scratch scratch = matcher.newScratch();
    for (int e = 0; e < seeds.size(); e++) {
      List<String> names = new ArrayList<>();
      List<String> vals = new ArrayList<>();
      for (int f = 0; f < FIELDS.size(); f++) {
        int s = seeds.get((e + f) % seeds.size()) * 31 + f * 7 + e;
        if (s % 3 != 0) {
          names.add(FIELDS.get(f));
          vals.add(values.get(Math.floorMod(s, values.size())));
        }
      }
      Event event =
          new Event(
              "g",
              e + 1,
              FieldSchema.of(names, e % 2 == 0 ? FieldLayout.NATIVE : processCreation()),
              vals.toArray(String[]::new));
      List<Integer> expected = new ArrayList<>();
      for (int r = 0; r < rules.size(); r++) {
        if (rules.get(r).appliesTo(event) && rules.get(r).matches(event)) {
          expected.add(r);
        }
      }
      List<Integer> actual = new ArrayList<>();
      matcher.match(event, scratch, actual::add);
      Statistics.label("hits per event").collect(Math.min(expected.size(), 3));
      assertThat(actual).as("event %s", Map.of("names", names, "values", vals)).isEqualTo(expected);
    }
  }

  private static FieldLayout processCreation() {
    return new FieldLayout("Sysmon process creation", Map.of(), "process_creation");
  }
}
