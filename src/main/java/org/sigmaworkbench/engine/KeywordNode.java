package org.sigmaworkbench.engine;

import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.rule.Expr;

/**
 * A keyword: a value searched in every field of the event, as KQL's {@code * contains}. It holds
 * when some field that has a value (present and not empty) matches; fields with no value are not
 * tested, so a keyword that every text matches ({@code '*'}) holds when any field has a value.
 */
final class KeywordNode extends LeafNode {
  final ValueTest test;

  KeywordNode(Expr.Match match, ValueTest test) {
    super(match);
    this.test = test;
  }

  @Override
  boolean eval(Event e, int[] slots) {
    int n = e.schema().size();
    for (int i = 0; i < n; i++) {
      String v = e.value(i);
      if (v != null && !v.isEmpty() && test.test(v)) {
        return true;
      }
    }
    return false;
  }

  @Override
  int cost() {
    return 8 * test.cost() + 10;
  }

  @Override
  void spans(Event e, int[] slots, List<MatchSpan> out) {
    int n = e.schema().size();
    for (int i = 0; i < n; i++) {
      String v = e.value(i);
      if (v != null && !v.isEmpty() && test.test(v)) {
        out.add(span(e, i, test.span(v)));
      }
    }
  }
}
