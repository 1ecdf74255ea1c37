package org.sigmaworkbench.engine;

import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.rule.Expr;

/**
 * One field against one value. A field with no value (absent or empty) is not tested: the outcome
 * there is the predicate's {@link org.sigmaworkbench.rule.Predicate#holdsOnNoValue()}. A field of
 * several values ({@link MoreValues}) holds when the test holds on any value that has one.
 */
class FieldNode extends LeafNode {
  final int field;
  final ValueTest test;
  private final boolean onNoValue;

  FieldNode(Expr.Match match, int field, ValueTest test) {
    super(match);
    this.field = field;
    this.test = test;
    this.onNoValue = match.predicate().holdsOnNoValue();
  }

  @Override
  boolean eval(Event e, int[] slots) {
    String v = e.value(slots[field]);
    if (!e.schema().hasRepeatedNames()) {
      return v == null || v.isEmpty() ? onNoValue : test.test(v);
    }
    return MoreValues.test(e, slots[field], test, onNoValue);
  }

  @Override
  String fieldWithoutValue(Event e, int[] slots) {
    return MoreValues.hasAnyValue(e, slots[field]) ? null : match.field();
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
