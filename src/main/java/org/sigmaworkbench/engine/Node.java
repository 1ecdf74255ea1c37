package org.sigmaworkbench.engine;

import java.util.List;
import org.sigmaworkbench.logs.Event;

/**
 * One part of a compiled condition. {@link #eval} runs per event and allocates nothing; the other
 * methods serve explanations.
 */
abstract class Node {

  /** Whether the node holds for the event; {@code slots} are the rule's fields in its schema. */
  abstract boolean eval(Event e, int[] slots);

  /** A rough relative cost of {@link #eval}, so that cheap tests run first. */
  abstract int cost();

  /**
   * Adds the spans of the leaves that make this node hold, in rule order; called only when it
   * holds, and only where it counts for the outcome (not under a negation).
   */
  abstract void spans(Event e, int[] slots, List<MatchSpan> out);

  /** Adds every leaf under this node, in rule order. */
  abstract void leaves(List<LeafNode> out);
}
