package org.sigmaworkbench.engine;

import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.rule.Expr;

/**
 * One field against one value; a missing field is tested as the empty string. A field of several
 * values ({@link MoreValues}) holds when any of them does.
 */
class FieldNode extends LeafNode {
  final int field;
  final ValueTest test;

  FieldNode(Expr.Match match, int field, ValueTest test) {
    super(match);
    this.field = field;
    this.test = test;
  }

  @Override
  boolean eval(Event e, int[] slots) {
    String v = e.value(slots[field]);
    return test.test(v == null ? "" : v) || MoreValues.anyLater(e, slots[field], test);
  }

  @Override
  int cost() {
    return test.cost() + 1;
  }

  @Override
  void spans(Event e, int[] slots, List<MatchSpan> out) {
    int slot = MoreValues.firstHolding(e, slots[field], test);
    if (slot >= 0) {
      out.add(span(e, slot, test.span(e.value(slot))));
    }
  }
}
