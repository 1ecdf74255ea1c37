package org.sigmaworkbench.engine;

import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.Predicate;

/**
 * {@code fieldref}: a field compared with another field of the same event, as KQL compares two
 * columns: exact when cased, else with ASCII letters folded (see {@link
 * org.sigmaworkbench.rule.CaseFolding}). False when either field has no value (absent or empty), as
 * {@link Predicate#holdsOnNoValue()} says.
 */
final class FieldRefNode extends LeafNode {
  final int field;
  final int other;
  final Predicate.FieldRef ref;

  FieldRefNode(Expr.Match match, int field, int other, Predicate.FieldRef ref) {
    super(match);
    this.field = field;
    this.other = other;
    this.ref = ref;
  }

  @Override
  boolean eval(Event e, int[] slots) {
    String v = e.value(slots[field]);
    String o = e.value(slots[other]);
    return hasValue(v) && hasValue(o) && find(v, o) >= 0;
  }

  @Override
  String fieldWithoutValue(Event e, int[] slots) {
    return !hasValue(e.value(slots[field]))
        ? match.field()
        : !hasValue(e.value(slots[other])) ? ref.otherField() : null;
  }

  /** Where the other value is found in {@code v} under the operator, or -1. */
  private int find(String v, String o) {
    boolean cased = ref.cased();
    return switch (ref.op()) {
      case EQUALS -> (cased ? v.equals(o) : v.length() == o.length() && region(v, 0, o)) ? 0 : -1;
      case CONTAINS -> cased ? v.indexOf(o) : Text.asciiIndexOf(v, o);
      case STARTSWITH -> region(v, 0, o) ? 0 : -1;
      case ENDSWITH -> region(v, v.length() - o.length(), o) ? v.length() - o.length() : -1;
    };
  }

  private boolean region(String v, int from, String o) {
    return ref.cased() ? from >= 0 && v.startsWith(o, from) : Text.asciiRegionMatches(v, from, o);
  }

  @Override
  int cost() {
    return 6;
  }

  @Override
  void spans(Event e, int[] slots, List<MatchSpan> out) {
    int slot = slots[field];
    String v = e.value(slot);
    String o = e.value(slots[other]);
    if (!hasValue(v) || !hasValue(o)) {
      return;
    }
    int at = find(v, o);
    if (at >= 0) {
      int end = ref.op() == Predicate.StringOp.EQUALS ? v.length() : at + o.length();
      out.add(span(e, slot, ValueTest.pack(at, end)));
    }
  }
}
