package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndentationTest {

  private static String applied(String text, Indentation.Edit e) {
    return text.substring(0, e.from()) + e.replacement() + text.substring(e.to());
  }

  @Test
  void theStepIsTheSmallestIndentIncreaseTheDocumentUses() {
    assertThat(Indentation.step("title: x\nlogsource:\n  product: windows\n")).isEqualTo(2);
    assertThat(Indentation.step("detection:\n    sel:\n        a: 1\n")).isEqualTo(4);
    assertThat(Indentation.step("a:\n  b:\n      - c\n")).isEqualTo(2);
    assertThat(Indentation.step("title: x\nid: y\n")).isEqualTo(Indentation.DEFAULT_STEP);
    assertThat(Indentation.step("")).isEqualTo(Indentation.DEFAULT_STEP);
  }

  @Test
  void tabIndentsTheCaretLineWithSpacesAndTheCaretStaysWithItsText() {
    String text = "a:\nb: 1\nc: 2\n";
    int caret = text.indexOf("b: 1") + 1;
    Indentation.Edit e = Indentation.apply(text, caret, caret, 2, false);
    assertThat(applied(text, e)).isEqualTo("a:\n  b: 1\nc: 2\n");
    assertThat(e.caret()).isEqualTo(caret + 2).isEqualTo(e.anchor());
  }

  @Test
  void shiftTabOutdentsByAtMostOneStep() {
    String text = "a:\n     b: 1\n c: 2\n";
    Indentation.Edit e = Indentation.apply(text, 5, 5, 4, true);
    assertThat(applied(text, e)).isEqualTo("a:\n b: 1\n c: 2\n");
    assertThat(e.caret()).isEqualTo(3);
    int c = text.indexOf("c: 2");
    Indentation.Edit once = Indentation.apply(text, c, c, 4, true);
    assertThat(applied(text, once)).isEqualTo("a:\n     b: 1\nc: 2\n");
    String flat = "x: 1\n";
    assertThat(applied(flat, Indentation.apply(flat, 2, 2, 4, true))).isEqualTo(flat);
  }

  @Test
  void aSelectionIndentsEveryLineItTouchesButNotTheLineItEndsBefore() {
    String text = "sel:\n- a\n\n- b\nkeep: 1\n";
    int start = text.indexOf("- a");
    int end = text.indexOf("keep");
    Indentation.Edit e = Indentation.apply(text, start, end, 4, false);
    assertThat(applied(text, e)).isEqualTo("sel:\n    - a\n\n    - b\nkeep: 1\n");
    String after = applied(text, e);
    assertThat(after.substring(e.anchor(), e.caret())).isEqualTo("    - a\n\n    - b\n");
    Indentation.Edit back = Indentation.apply(after, e.anchor(), e.caret(), 4, true);
    assertThat(applied(after, back)).isEqualTo(text);
  }

  @Test
  void theLastLineWithoutANewlineIsIndentedToo() {
    String text = "a: 1\nb: 2";
    Indentation.Edit e = Indentation.apply(text, text.length(), text.length(), 2, false);
    assertThat(applied(text, e)).isEqualTo("a: 1\n  b: 2");
    assertThat(e.caret()).isEqualTo(text.length() + 2);
  }
}
