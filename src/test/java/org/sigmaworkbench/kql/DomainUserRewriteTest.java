package org.sigmaworkbench.kql;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.Predicate;

class DomainUserRewriteTest {

  private static final ColumnExpr DOMAIN =
      new ColumnExpr("AccountDomain", "string", "AccountDomain");
  private static final ColumnExpr NAME = new ColumnExpr("AccountName", "string", "AccountName");

  private static String where(Predicate.StringOp op, String v) {
    return CondWriter.write(
        DomainUserRewrite.apply(DOMAIN, NAME, new Predicate.StringMatch(op, v, false)));
  }

  @Test
  void commonComparisonsAreSplitOverTheTwoColumns() {
    assertThat(where(Predicate.StringOp.EQUALS, "NT AUTHORITY\\SYSTEM"))
        .isEqualTo("AccountDomain =~ \"NT AUTHORITY\" and AccountName =~ \"SYSTEM\"");
    assertThat(where(Predicate.StringOp.CONTAINS, "AUTHORI"))
        .isEqualTo("AccountDomain contains \"AUTHORI\" or AccountName contains \"AUTHORI\"");
    assertThat(where(Predicate.StringOp.ENDSWITH, "\\SYSTEM"))
        .isEqualTo("isnotempty(AccountDomain) and AccountName =~ \"SYSTEM\"");
  }

  @Test
  void anAccountWithoutDomainIsTheName() {
    assertThat(where(Predicate.StringOp.EQUALS, "root")).isEqualTo("AccountName =~ \"root\"");
  }

  @Test
  void anythingElseComparesTheJoinedAccount() {
    assertThat(where(Predicate.StringOp.STARTSWITH, "NT AUTH"))
        .isEqualTo(
            "iff(isempty(AccountDomain), AccountName, strcat(AccountDomain, \"\\\\\", AccountName))"
                + " startswith \"NT AUTH\"");
  }

  @Property(tries = 3000)
  void theSplitMeansWhatThePredicateMeansOnDomainBackslashName(
      @ForAll("parts") String domain,
      @ForAll("parts") String name,
      @ForAll("predicates") Predicate p) {
    String sigma = domain.isEmpty() ? name : domain + "\\" + name;
    Cond c = DomainUserRewrite.apply(DOMAIN, NAME, p);
    boolean ours =
        CondEvaluator.eval(c, col -> col == DOMAIN ? domain : col == NAME ? name : sigma);
    // Equality with a value without a backslash names the account alone; equality with the empty
    // text is no value, which the joined account says.
    boolean expected =
        p instanceof Predicate.StringMatch s
                && s.op() == Predicate.StringOp.EQUALS
                && !s.text().isEmpty()
                && s.text().indexOf('\\') < 0
            ? CondEvaluator.test(p, name)
            : CondEvaluator.test(p, sigma);
    assertThat(ours).as("%s on %s as %s", p, sigma, CondWriter.write(c)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> parts() {
    return Arbitraries.strings().withChars('a', 'b', 'N', 'T', ' ').ofMaxLength(4);
  }

  @Provide
  Arbitrary<Predicate> predicates() {
    Arbitrary<String> text =
        Arbitraries.strings().withChars('a', 'b', 'N', 'T', ' ', '\\').ofMaxLength(5);
    return Combinators.combine(
            Arbitraries.of(Predicate.StringOp.class), text, Arbitraries.of(false, true))
        .as((op, t, cased) -> (Predicate) new Predicate.StringMatch(op, t, cased));
  }
}
