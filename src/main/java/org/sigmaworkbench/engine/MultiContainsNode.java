package org.sigmaworkbench.engine;

import java.util.List;
import org.sigmaworkbench.logs.Event;

/**
 * An {@code or} of many {@code contains} on one field with one case rule, tested in a single pass
 * over the value ({@link LiteralScanner}) instead of one search per rule value; each literal found
 * is checked with its own comparison, so the outcome is the {@code or}'s. Explanations use the
 * original comparisons.
 */
final class MultiContainsNode extends Node implements LiteralScanner.Found {
  private final int field;
  private final FieldNode[] leaves;
  private final LiteralScanner scanner;
  private final LiteralScanner.Fold fold;
  private final int cost;

  MultiContainsNode(int field, List<FieldNode> leaves, LiteralScanner.Fold fold) {
    this.field = field;
    this.leaves = leaves.toArray(FieldNode[]::new);
    this.fold = fold;
    this.scanner = new LiteralScanner(leaves.stream().map(MultiContainsNode::text).toList(), fold);
    this.cost = 12;
  }

  /** The text of a contains test. */
  static String text(FieldNode leaf) {
    return ((StringTests.Comparison) leaf.test).text;
  }

  @Override
  boolean eval(Event e, int[] slots) {
    int slot = slots[field];
    // Every literal is non-empty, so a value that is absent or empty holds none of them.
    for (int s = slot; s >= 0; s = e.schema().nextOfSameName(s)) {
      String v = e.value(s);
      if (v != null && !v.isEmpty() && scanner.scan(v, this)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean found(int literal, String value, int start) {
    ValueTest t = leaves[literal].test;
    return switch (fold) {
      case EXACT -> true;
      case ASCII -> ((StringTests.AsciiFolded) t).p.regionMatches(value, start);
      case LOWER -> ((StringTests.Lowered) t).p.matchEnd(value, start) >= 0;
    };
  }

  @Override
  int cost() {
    return cost;
  }

  @Override
  void spans(Event e, int[] slots, List<MatchSpan> out) {
    BooleanNodes.spansOfHolding(leaves, e, slots, out);
  }

  @Override
  void leaves(List<LeafNode> out) {
    for (FieldNode leaf : leaves) {
      out.add(leaf);
    }
  }
}
