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

class FileNameRewriteTest {

  private static final ColumnExpr NAME =
      new ColumnExpr(
          "InitiatingProcessParentFileName", "string", "InitiatingProcessParentFileName");

  @Test
  void endswithAfterABackslashIsTheWholeName() {
    Problems problems = new Problems();
    Cond c =
        FileNameRewrite.apply(
            NAME,
            new Predicate.StringMatch(Predicate.StringOp.ENDSWITH, "\\cmd.exe", false),
            "ParentImage",
            problems);
    assertThat(CondWriter.write(c)).isEqualTo("InitiatingProcessParentFileName =~ \"cmd.exe\"");
    assertThat(problems.errors).isEmpty();
  }

  @Test
  void aFolderInTheValueFailsWithAMessage() {
    Problems problems = new Problems();
    FileNameRewrite.apply(
        NAME,
        new Predicate.StringMatch(Predicate.StringOp.ENDSWITH, "\\System32\\cmd.exe", false),
        "ParentImage",
        problems);
    assertThat(problems.errors)
        .singleElement()
        .asString()
        .contains("'ParentImage' is a full path")
        .contains("InitiatingProcessParentFileName holds only the file name")
        .contains("endswith '\\System32\\cmd.exe'");
  }

  @Property(tries = 2000)
  void whatCanBeWrittenMeansWhatThePredicateMeansOnTheFullPath(
      @ForAll("paths") String path, @ForAll("predicates") Predicate p) {
    String name = path.substring(path.lastIndexOf('\\') + 1);
    Problems problems = new Problems();
    Cond c = FileNameRewrite.apply(NAME, p, "Image", problems);
    if (problems.errors.isEmpty()) {
      assertThat(CondEvaluator.eval(c, col -> name))
          .as("%s on %s", p, path)
          .isEqualTo(CondEvaluator.test(p, path));
    }
  }

  /** Full paths: a folder (at least one backslash) and a name. */
  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> part = Arbitraries.strings().withChars('a', 'b', '.', '\\').ofMaxLength(4);
    Arbitrary<String> name = Arbitraries.strings().withChars('a', 'b', '.').ofMaxLength(4);
    return Combinators.combine(part, name).as((folder, file) -> folder + "\\" + file);
  }

  @Provide
  Arbitrary<Predicate> predicates() {
    return Combinators.combine(
            Arbitraries.of(Predicate.StringOp.class),
            Arbitraries.strings().withChars('a', 'b', '.', '\\').ofMaxLength(4))
        .as((op, t) -> (Predicate) new Predicate.StringMatch(op, t, false));
  }
}
