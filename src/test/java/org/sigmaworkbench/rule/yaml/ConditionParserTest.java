package org.sigmaworkbench.rule.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleProblem;

class ConditionParserTest {

  private final Map<String, Expr.Named> ids = new LinkedHashMap<>();
  private final List<RuleProblem> problems = new ArrayList<>();

  ConditionParserTest() {
    for (String n : List.of("selection", "selection_2", "filter_main", "filter_opt", "_helper")) {
      ids.put(n, new Expr.Named(n, new Expr.Const(true), Position.NONE));
    }
  }

  private Expr parse(String c) {
    return new ConditionParser(c, new Position(1, 1), ids, problems).parse().expr();
  }

  private String show(Expr e) {
    if (e instanceof Expr.Named n) {
      return n.name();
    }
    if (e instanceof Expr.Not n) {
      return "not(" + show(n.term()) + ")";
    }
    if (e instanceof Expr.And a) {
      return "and(" + String.join(",", a.terms().stream().map(this::show).toList()) + ")";
    }
    if (e instanceof Expr.Or o) {
      return "or(" + String.join(",", o.terms().stream().map(this::show).toList()) + ")";
    }
    return e.toString();
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(show(parse("selection or selection_2 and filter_main")))
        .isEqualTo("or(selection,and(selection_2,filter_main))");
  }

  @Test
  void notBindsTighterThanAnd() {
    assertThat(show(parse("not selection and filter_main")))
        .isEqualTo("and(not(selection),filter_main)");
  }

  @Test
  void parenthesesGroup() {
    assertThat(show(parse("selection and (filter_main or not filter_opt)")))
        .isEqualTo("and(selection,or(filter_main,not(filter_opt)))");
  }

  @Test
  void quantifiersOverPatterns() {
    assertThat(show(parse("1 of selection* and not 1 of filter_*")))
        .isEqualTo("and(or(selection,selection_2),not(or(filter_main,filter_opt)))");
    assertThat(show(parse("all of selection*"))).isEqualTo("and(selection,selection_2)");
  }

  @Test
  void themLeavesOutUnderscoreIdentifiers() {
    assertThat(show(parse("1 of them")))
        .isEqualTo("or(selection,selection_2,filter_main,filter_opt)");
  }

  @Test
  void errorsSayWhatWasExpectedAndWhere() {
    assertThat(parse("selection and")).isNull();
    assertThat(problems.get(0).message()).contains("ends early");
    problems.clear();
    assertThat(parse("selection filter_main")).isNull();
    assertThat(problems.get(0).position()).isEqualTo(new Position(1, 11));
    problems.clear();
    assertThat(parse("(selection or filter_main")).isNull();
    assertThat(problems.get(0).message()).contains("expected ')'");
    problems.clear();
    assertThat(parse("1 of nothing*")).isNull();
    assertThat(problems.get(0).message()).contains("matches no search identifier");
    problems.clear();
    assertThat(parse("selection*")).isNull();
    assertThat(problems.get(0).message()).contains("needs '1 of'");
  }
}
