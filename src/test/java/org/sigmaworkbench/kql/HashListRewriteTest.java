package org.sigmaworkbench.kql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.Predicate;

class HashListRewriteTest {

  private static final Target.Table TABLE = TargetCatalog.get("microsoft_xdr").tables().get(0);
  private static final Map<String, String> COLUMNS =
      Map.of("MD5", "MD5", "SHA1", "SHA1", "SHA256", "SHA256");

  private static Problems problems;

  private static String where(Predicate p) {
    problems = new Problems();
    return CondWriter.write(HashListRewrite.apply(TABLE, COLUMNS, p, "Hashes", problems));
  }

  private static Predicate contains(String v) {
    return new Predicate.StringMatch(Predicate.StringOp.CONTAINS, v, false);
  }

  @Test
  void aFullHashIsEqualityAndAPartialOneAPrefix() {
    String md5 = "0123456789abcdef0123456789abcdef";
    assertThat(where(contains("MD5=" + md5))).isEqualTo("MD5 =~ \"" + md5 + "\"");
    assertThat(where(contains("sha256=ABCD"))).isEqualTo("SHA256 startswith \"ABCD\"");
    assertThat(where(contains("SHA1=ABCD,"))).isEqualTo("SHA1 =~ \"ABCD\"");
  }

  @Test
  void aBareHashIsLookedForInEveryColumn() {
    assertThat(where(contains("abcdef12")))
        .contains("MD5 contains \"abcdef12\"")
        .contains("SHA1 contains \"abcdef12\"")
        .contains("SHA256 contains \"abcdef12\"");
  }

  @Test
  void whatDependsOnTheLoggedAlgorithmsFails() {
    where(contains("IMPHASH=ABCD"));
    assertThat(problems.errors)
        .singleElement()
        .asString()
        .contains("names IMPHASH")
        .contains("MD5, SHA1, SHA256");
    where(new Predicate.StringMatch(Predicate.StringOp.EQUALS, "SHA1=ABCD", false));
    assertThat(problems.errors).singleElement().asString().contains("cannot be rewritten");
    where(contains(",MD5=AB"));
    assertThat(problems.errors).isNotEmpty();
  }
}
