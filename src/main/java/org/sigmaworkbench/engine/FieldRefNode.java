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
    if (hasValue(v) && hasValue(o) && find(v, o) >= 0) {
      return true;
    }
    if (!e.schema().hasRepeatedNames()) {
      return false;
    }
    // A field of several values: any value of one against any of the other, both with a value.
    return holdingPair(e, slots[field], slots[other]) != null;
  }

  /** The slots of a value of each field, both with a value, on which the comparison holds. */
  private int[] holdingPair(Event e, int fieldSlot, int otherSlot) {
    for (int s = fieldSlot; s >= 0; s = e.schema().nextOfSameName(s)) {
      String v = e.value(s);
      if (!hasValue(v)) {
        continue;
      }
      for (int o = otherSlot; o >= 0; o = e.schema().nextOfSameName(o)) {
        String ov = e.value(o);
        if (hasValue(ov) && find(v, ov) >= 0) {
          return new int[] {s, o};
        }
      }
    }
    return null;
  }

  @Override
  String fieldWithoutValue(Event e, int[] slots) {
    return !MoreValues.hasAnyValue(e, slots[field])
        ? match.field()
        : !MoreValues.hasAnyValue(e, slots[other]) ? ref.otherField() : null;
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
    int otherSlot = slots[other];
    if (e.schema().hasRepeatedNames()) {
      int[] pair = holdingPair(e, slot, otherSlot);
      if (pair != null) {
        slot = pair[0];
        otherSlot = pair[1];
      }
    }
    String v = e.value(slot);
    String o = e.value(otherSlot);
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
