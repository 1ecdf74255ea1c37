package org.sigmaworkbench.engine;

import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.rule.Expr;

/**
 * A keyword: a value searched in every field of the event, as KQL's {@code * contains}. Columns an
 * event does not fill read as empty, so a test that the empty string passes always holds.
 */
final class KeywordNode extends LeafNode {
  final ValueTest test;
  private final boolean matchesEmpty;

  KeywordNode(Expr.Match match, ValueTest test) {
    super(match);
    this.test = test;
    this.matchesEmpty = test.test("");
  }

  @Override
  boolean eval(Event e, int[] slots) {
    if (matchesEmpty) {
      return true;
    }
    int n = e.schema().size();
    for (int i = 0; i < n; i++) {
      String v = e.value(i);
      if (v != null && test.test(v)) {
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
