package org.sigmaworkbench.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.Modifier;
import org.sigmaworkbench.rule.SigmaKeys;

class HoverDocsTest {

  @Test
  void everyModifierAndEveryOfferedKeyIsExplainedWithAnExample() {
    for (Modifier m : Modifier.values()) {
      HoverDocs.Doc d = HoverDocs.modifier(m.sigmaName()).orElseThrow(() -> new AssertionError(m));
      assertThat(d.example()).contains("|" + m.sigmaName());
      assertThat(d.summary()).isNotBlank();
    }
    for (String k : SigmaKeys.topLevelNames()) {
      HoverDocs.Doc d = HoverDocs.key(k).orElseThrow(() -> new AssertionError(k));
      assertThat(d.example()).startsWith(k + ":");
    }
  }

  @Test
  void theWordUnderTheCaretChoosesTheDoc() {
    String text =
        "title: x\ntags:\n    - attack.t1059.001\ndetection:\n    sel:\n"
            + "        CommandLine|contains|all: x\n    condition: sel\n";
    assertThat(HoverDocs.at(text, text.indexOf("t1059")))
        .get()
        .asString()
        .contains("PowerShell")
        .contains("execution");
    assertThat(HoverDocs.at(text, text.indexOf("contains") + 2))
        .get()
        .asString()
        .startsWith("contains");
    assertThat(HoverDocs.at(text, text.indexOf("all:"))).get().asString().startsWith("all");
    assertThat(HoverDocs.at(text, 2)).get().asString().startsWith("title");
    assertThat(HoverDocs.at(text, text.indexOf("CommandLine") + 1)).isEmpty();
    assertThat(HoverDocs.at(text, text.indexOf("condition") + 1))
        .get()
        .asString()
        .startsWith("condition");
  }
}
