package org.sigmaworkbench.kql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.mapping.FieldMapping;
import org.sigmaworkbench.rule.Predicate;

class PrefixRewriteTest {

  /** Defender's spelling: one Sigma hive, two table spellings for user hives. */
  private static final List<FieldMapping.Prefix> XDR =
      List.of(
          new FieldMapping.Prefix("HKLM\\", List.of("HKEY_LOCAL_MACHINE\\")),
          new FieldMapping.Prefix("HKU\\", List.of("HKEY_CURRENT_USER\\", "HKEY_USERS\\")));

  private static final ColumnExpr KEY = new ColumnExpr("RegistryKey", "string", "RegistryKey");

  private static String where(Predicate p) {
    return CondWriter.write(PrefixRewrite.apply(KEY, XDR, p));
  }

  @Test
  void aLeadingHiveIsRewrittenOnTheValue() {
    assertThat(
            where(
                new Predicate.StringMatch(
                    Predicate.StringOp.STARTSWITH, "HKLM\\SOFTWARE\\", false)))
        .isEqualTo("RegistryKey startswith \"HKEY_LOCAL_MACHINE\\\\SOFTWARE\\\\\"");
    assertThat(where(new Predicate.StringMatch(Predicate.StringOp.EQUALS, "HKU\\x", false)))
        .isEqualTo("RegistryKey in~ (\"HKEY_CURRENT_USER\\\\x\", \"HKEY_USERS\\\\x\")");
  }

  @Test
  void containsKeepsTheUnanchoredFormBesideTheRewrittenStart() {
    assertThat(
            where(new Predicate.StringMatch(Predicate.StringOp.CONTAINS, "HKLM\\SOFTWARE", false)))
        .isEqualTo(
            "RegistryKey contains \"HKLM\\\\SOFTWARE\" or RegistryKey startswith"
                + " \"HKEY_LOCAL_MACHINE\\\\SOFTWARE\"");
  }

  @Test
  void aValueAwayFromTheHiveIsLeftAlone() {
    assertThat(
            where(
                new Predicate.StringMatch(
                    Predicate.StringOp.CONTAINS, "\\CurrentVersion\\Run", false)))
        .isEqualTo("RegistryKey contains \"\\\\CurrentVersion\\\\Run\"");
  }

  @Test
  void aValueCrossingTheHiveIsComparedWithTheSigmaSpelling() {
    String w = where(new Predicate.StringMatch(Predicate.StringOp.CONTAINS, "LM\\SOFTWARE", false));
    assertThat(w)
        .startsWith("case(RegistryKey startswith \"HKEY_LOCAL_MACHINE\\\\\", strcat(\"HKLM\\\\\",")
        .endsWith(" contains \"LM\\\\SOFTWARE\"");
    assertThat(where(new Predicate.Regex("^HKLM\\\\", false, false, false))).startsWith("case(");
  }

  /** The Sigma spelling of a Defender value, as the back-transform computes it. */
  private static String back(String t) {
    for (FieldMapping.Prefix p : XDR) {
      for (String target : p.target()) {
        if (t.regionMatches(true, 0, target, 0, target.length())) {
          return p.sigma() + t.substring(target.length());
        }
      }
    }
    return t;
  }

  @Property(tries = 3000)
  void everyRewriteMeansWhatThePredicateMeansOnTheSigmaValue(
      @ForAll("roots") String root,
      @ForAll("rests") String rest,
      @ForAll("userSpelling") int spelling,
      @ForAll("predicates") Predicate p) {
    String sigma = root + rest;
    // Sysmon never writes a hive in the table's spelling; such a value has no table form.
    Assume.that(back(sigma).equals(sigma));
    String table = sigma;
    for (FieldMapping.Prefix prefix : XDR) {
      if (sigma.startsWith(prefix.sigma())) {
        String t = prefix.target().get(Math.min(spelling, prefix.target().size() - 1));
        table = t + sigma.substring(prefix.sigma().length());
      }
    }
    String row = table;
    Cond c = PrefixRewrite.apply(KEY, XDR, p);
    boolean ours = CondEvaluator.eval(c, col -> col.text().startsWith("case(") ? back(row) : row);
    assertThat(ours)
        .as("%s on %s (table: %s) as %s", p, sigma, table, CondWriter.write(c))
        .isEqualTo(CondEvaluator.test(p, sigma));
  }

  @Provide
  Arbitrary<String> roots() {
    return Arbitraries.of("HKLM\\", "HKU\\", "HKCR\\", "");
  }

  @Provide
  Arbitrary<Integer> userSpelling() {
    return Arbitraries.integers().between(0, 1);
  }

  private static Arbitrary<String> fragments() {
    return Arbitraries.strings()
        .withChars('H', 'K', 'L', 'M', 'U', 'E', 'Y', '_', '\\', 'S', 'a', 'k')
        .ofMinLength(0)
        .ofMaxLength(6);
  }

  @Provide
  Arbitrary<String> rests() {
    Arbitrary<String> token =
        Arbitraries.oneOf(
            Arbitraries.of("HKLM\\", "HKU\\", "HKEY_USERS\\", "HKEY_LOCAL_MACHINE\\", "SOFTWARE\\"),
            fragments());
    return token.list().ofMaxSize(3).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Predicate> predicates() {
    Arbitrary<String> text =
        Combinators.combine(
                Arbitraries.of(
                    "", "HKLM\\", "HKU\\", "HK", "KLM\\", "LM\\", "M\\", "\\", "HKEY_", "USERS\\"),
                fragments())
            .as((a, b) -> a + b);
    Arbitrary<Predicate> strings =
        Combinators.combine(
                Arbitraries.of(Predicate.StringOp.class), text, Arbitraries.of(false, true))
            .as(
                (op, t, cased) ->
                    new Predicate.StringMatch(op, cased ? t : t.toLowerCase(Locale.ROOT), cased));
    Arbitrary<Predicate> patterns =
        Combinators.combine(text, Arbitraries.of("*", "?", "*\\*"), text)
            .as(
                (a, w, b) ->
                    CondEvaluator.wildcard(a.replace("\\", "\\\\") + w + b.replace("\\", "\\\\")));
    return Arbitraries.oneOf(strings, strings, patterns);
  }
}
