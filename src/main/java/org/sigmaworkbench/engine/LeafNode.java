package org.sigmaworkbench.engine;

import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.rule.Expr;

/** A comparison of the rule: one field (or every field, for a keyword) against one value. */
abstract class LeafNode extends Node {
  final Expr.Match match;

  LeafNode(Expr.Match match) {
    this.match = match;
  }

  @Override
  void leaves(List<LeafNode> out) {
    out.add(this);
  }

  /**
   * The field this comparison reads when the event has no value for it (absent or empty), else
   * {@code null}; keywords read no one field.
   */
  String fieldWithoutValue(Event e, int[] slots) {
    return null;
  }

  static boolean hasValue(String v) {
    return v != null && !v.isEmpty();
  }

  MatchSpan span(Event e, int slot, long span) {
    return new MatchSpan(
        match.origin().identifier(),
        match.isKeyword() ? e.schema().displayName(slot) : match.field(),
        e.schema().name(slot),
        ValueTest.start(span),
        ValueTest.end(span),
        match.origin().value(),
        match.origin().key(),
        match.origin().position().line(),
        e.schema().occurrence(slot));
  }
}
