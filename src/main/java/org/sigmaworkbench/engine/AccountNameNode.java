package org.sigmaworkbench.engine;

import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.rule.Expr;

/**
 * Equality with a value without a backslash on a field that may be a Windows account kept as a
 * domain column and a name column (Defender's {@code AccountDomain}, {@code AccountName}): the
 * value names the account alone, so it also holds when it equals the name column, whatever the
 * domain (the KQL writer's {@code domain}/{@code name} mapping decides the same). Where the field
 * is one value ({@code DOMAIN\name} in Sysmon), it is the plain comparison.
 */
final class AccountNameNode extends FieldNode {
  final int nameField;

  AccountNameNode(Expr.Match match, int field, int nameField, ValueTest test) {
    super(match, field, test);
    this.nameField = nameField;
  }

  @Override
  boolean eval(Event e, int[] slots) {
    if (super.eval(e, slots)) {
      return true;
    }
    int slot = slots[nameField];
    if (slot < 0) {
      return false;
    }
    String v = e.value(slot);
    return hasValue(v) && test.test(v);
  }

  @Override
  void spans(Event e, int[] slots, List<MatchSpan> out) {
    int before = out.size();
    super.spans(e, slots, out);
    int slot = slots[nameField];
    if (out.size() == before && slot >= 0) {
      String v = e.value(slot);
      if (hasValue(v) && test.test(v)) {
        out.add(span(e, slot, test.span(v)));
      }
    }
  }
}
