package org.sigmaworkbench.kql;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class KqlStringsTest {

  @Test
  void escapesWhatCouldEndOrHideInTheLiteral() {
    assertThat(KqlStrings.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(KqlStrings.quote("l1\nl2\r\t")).isEqualTo("\"l1\\nl2\\r\\t\"");
    assertThat(KqlStrings.quote("\u0000\u202e\u2028\u200b"))
        .isEqualTo("\"\\u0000\\u202e\\u2028\\u200b\"");
    assertThat(KqlStrings.quote("\ud800x")).isEqualTo("\"\\ud800x\"");
  }

  @Test
  void keepsVisibleTextAsItIs() {
    assertThat(KqlStrings.quote("é–—😀 'x'")).isEqualTo("\"é–—😀 'x'\"");
  }

  @Property(tries = 2000)
  void everyStringReadsBackAsItself(@ForAll String s) {
    KqlExpression e = KqlExpression.parse(KqlStrings.quote(s));
    assertThat(e).isEqualTo(new KqlExpression.Str(s));
  }

  @Property(tries = 500)
  void everyNameIsAColumnReference(@ForAll String name) {
    String c = KqlStrings.column(name);
    assertThat(KqlExpression.parse(c)).isEqualTo(new KqlExpression.Name(name));
  }
}
