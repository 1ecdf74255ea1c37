package org.sigmaworkbench.rule.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/** Safe composing types scalars exactly as SnakeYAML's own resolver does. */
class SigmaYamlTest {

  private static Tag ours(String scalar) {
    SigmaYaml.Documents d = SigmaYaml.compose("v: " + scalar + "\n");
    assertThat(d.problems()).isEmpty();
    return ((MappingNode) d.nodes().get(0)).getValue().get(0).getValueNode().getTag();
  }

  private static Tag snakeYamls(String scalar) {
    LoaderOptions o = new LoaderOptions();
    Composer c =
        new Composer(
            new ParserImpl(new StreamReader(new StringReader("v: " + scalar + "\n")), o),
            new Resolver(),
            o);
    Node n = c.getSingleNode();
    return ((MappingNode) n).getValue().get(0).getValueNode().getTag();
  }

  @Test
  void implicitTypesMatchSnakeYaml() {
    for (String s :
        new String[] {
          "yes",
          "No",
          "ON",
          "off",
          "true",
          "False",
          "~",
          "null",
          "Null",
          "",
          "0x1F",
          "017",
          "1_000",
          "-5",
          "+3",
          "3.5",
          ".inf",
          "-.Inf",
          ".NaN",
          "1e3",
          "2020-01-01",
          "2020-01-01 10:00:00",
          "<<",
          "=",
          "text",
          "y",
          "n",
          "tru",
          "nope",
          "C:\\x",
          "'quoted'",
          "\"q\"",
          "0b101",
          "1:30",
          "12:30:45",
          "o",
          "O"
        }) {
      assertThat(ours(s)).as(s).isEqualTo(snakeYamls(s));
    }
  }

  @Property(tries = 500)
  void anyPlainScalarIsTypedAsSnakeYamlTypesIt(@ForAll("scalars") String s) {
    Tag expected;
    try {
      expected = snakeYamls(s);
    } catch (YAMLException | ClassCastException e) {
      Assume.that(false);
      return;
    }
    assertThat(ours(s)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> scalars() {
    return Arbitraries.strings()
        .withChars("yYnNtTfFoOeE0123456789._-+:abcxz")
        .ofMinLength(1)
        .ofMaxLength(8);
  }
}
