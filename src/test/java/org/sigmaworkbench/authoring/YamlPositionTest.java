package org.sigmaworkbench.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlPositionTest {

  @Test
  void aCommentStartsAtAHashAfterWhiteSpaceOutsideQuotes() {
    assertThat(YamlPosition.commentStart("# all of it")).isZero();
    assertThat(YamlPosition.commentStart("value # note")).isEqualTo(6);
    assertThat(YamlPosition.commentStart("value\t# note")).isEqualTo(6);
    assertThat(YamlPosition.commentStart("C:\\a#b")).isEqualTo(-1);
    assertThat(YamlPosition.commentStart("'a # b' # c")).isEqualTo(8);
    assertThat(YamlPosition.commentStart("\"a # b\"")).isEqualTo(-1);
    assertThat(YamlPosition.commentStart("['x # y','z # w'] # c")).isEqualTo(18);
    assertThat(YamlPosition.commentStart("it's # c")).isEqualTo(5);
    assertThat(YamlPosition.commentStart("'never closed # c")).isEqualTo(-1);
  }

  @Test
  void aKeyEndsAtAColonFollowedBySpaceOrTheEnd() {
    assertThat(YamlPosition.keyColon("CommandLine|contains: x")).isEqualTo(20);
    assertThat(YamlPosition.keyColon("selection:")).isEqualTo(9);
    assertThat(YamlPosition.keyColon("'a: b': c")).isEqualTo(6);
    assertThat(YamlPosition.keyColon("'a: b")).isEqualTo(-1);
    assertThat(YamlPosition.keyColon("C:\\x")).isEqualTo(-1);
    assertThat(YamlPosition.keyColon("x # a: b")).isEqualTo(-1);
    assertThat(YamlPosition.keyColon("[a, b: c]")).isEqualTo(-1);
  }

  @Test
  void aKeyFollowedOnlyByACommentOpensABlock() {
    String text = "detection:  # the search\n    selection:\n        Image: x";
    YamlPosition pos = YamlPosition.of(text, text.length());
    assertThat(pos.path()).isEqualTo(List.of("detection", "selection"));
    assertThat(pos.key()).isEqualTo("Image");
  }
}
