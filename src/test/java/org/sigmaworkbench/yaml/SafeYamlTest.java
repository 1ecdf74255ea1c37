package org.sigmaworkbench.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The one YAML front-end: located messages and the same limits for every kind of file. */
class SafeYamlTest {

  @Test
  void aDataFileThatIsNotValidYamlNamesTheFileLineAndColumn() {
    assertThatThrownBy(() -> SafeYaml.single("a: 1\nb: [\n", "x.yaml"))
        .isInstanceOf(SafeYaml.YamlFileException.class)
        .hasMessageStartingWith("x.yaml:3:1: not valid YAML: ");
  }

  @Test
  void aDataFileRefusesTypeTagsAndAliasBombsAsRulesDo() {
    assertThatThrownBy(() -> SafeYaml.single("a: !thing {}\n", "x.yaml"))
        .hasMessage("x.yaml:1:4: YAML type tag '!thing' is not allowed in a data file");
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
    for (int i = 1; i < 30; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1);
      bomb.append(", *a").append(i - 1).append("]\n");
    }
    assertThatThrownBy(() -> SafeYaml.single(bomb.toString(), "x.yaml"))
        .hasMessageContaining("alias bomb");
  }

  @Test
  void aTagTheComposerRefusesIsALocatedErrorNotAnException() {
    // Found by fuzzing: SnakeYAML's composer throws IllegalArgumentException for this tag.
    // (an escape cut off by the end of the text).
    assertThatThrownBy(() -> SafeYaml.single("!A%A", "x.yaml"))
        .isInstanceOf(SafeYaml.YamlFileException.class)
        .hasMessageStartingWith("x.yaml:1:1: ")
        .hasMessageContaining("cannot read this node");
    assertThatThrownBy(() -> SafeYaml.single("a: 1\nDomainControllers: !%A", "x.yaml"))
        .isInstanceOf(SafeYaml.YamlFileException.class)
        .hasMessageStartingWith("x.yaml:2:20: ")
        .hasMessageContaining("cannot read this node");
  }

  @Test
  void aDataFileOfTwoDocumentsIsRefused() {
    assertThatThrownBy(() -> SafeYaml.single("a: 1\n---\nb: 2\n", "x.yaml"))
        .hasMessage("x.yaml:3:1: the file holds more than one YAML document");
  }

  @Test
  void scalarsAreTypedAsYaml11TypesThem() {
    MappingNode root = (MappingNode) SafeYaml.single("a: [1, 'two', ~, yes, word]\n", "x.yaml");
    SequenceNode a = (SequenceNode) root.getValue().get(0).getValueNode();
    assertThat(a.getValue())
        .extracting(Node::getTag)
        .containsExactly(Tag.INT, Tag.STR, Tag.NULL, Tag.BOOL, Tag.STR);
    assertThat(SafeYaml.isNull(a.getValue().get(2))).isTrue();
    assertThat(SafeYaml.single("", "x.yaml")).isNull();
  }

  @Test
  void aProblemWithoutAPlaceSaysTheFileOnly() {
    SafeYaml.Problem p = new SafeYaml.Problem("yaml.limit", "too deep", 0, 0, "");
    assertThat(p.located("x.yaml")).isEqualTo("x.yaml: too deep");
    assertThat(new SafeYaml.Problem("yaml.syntax", "bad", 2, 3, "").located("x.yaml"))
        .isEqualTo("x.yaml:2:3: not valid YAML: bad");
  }
}
