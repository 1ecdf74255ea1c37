package org.sigmaworkbench.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.sigmaworkbench.logs.Event;

/**
 * {@code and}, {@code or}, {@code not}, constants and references to a search identifier. {@code
 * and} and {@code or} test their terms cheapest first (the outcome does not depend on the order);
 * explanations keep the rule's order.
 */
final class BooleanNodes {
  private BooleanNodes() {}

  private static Node[] cheapestFirst(Node[] terms) {
    Node[] order = terms.clone();
    Arrays.sort(order, Comparator.comparingInt(Node::cost));
    return order;
  }

  /**
   * The spans of an {@code or}: those of each term that holds, in rule order (a term that does not
   * hold did not make the outcome).
   */
  static void spansOfHolding(Node[] terms, Event e, int[] slots, List<MatchSpan> out) {
    for (Node t : terms) {
      if (t.eval(e, slots)) {
        t.spans(e, slots, out);
      }
    }
  }

  /**
   * {@code and} or {@code or}: terms in the rule's order, and tested cheapest first. The first term
   * whose outcome is {@code decidedBy} (false for {@code and}, true for {@code or}) decides the
   * junction; when none is, the junction is the opposite.
   */
  abstract static class Junction extends Node {
    final Node[] terms;
    final Node[] order;
    private final boolean decidedBy;
    private final int cost;

    Junction(Node[] terms, boolean decidedBy) {
      this.terms = terms;
      this.order = cheapestFirst(terms);
      this.decidedBy = decidedBy;
      this.cost = Arrays.stream(terms).mapToInt(Node::cost).sum();
    }

    @Override
    final boolean eval(Event e, int[] slots) {
      for (Node t : order) {
        if (t.eval(e, slots) == decidedBy) {
          return decidedBy;
        }
      }
      return !decidedBy;
    }

    @Override
    int cost() {
      return cost;
    }

    @Override
    void leaves(List<LeafNode> out) {
      for (Node t : terms) {
        t.leaves(out);
      }
    }
  }

  static final class And extends Junction {
    And(Node[] terms) {
      super(terms, false);
    }

    @Override
    void spans(Event e, int[] slots, List<MatchSpan> out) {
      for (Node t : terms) {
        t.spans(e, slots, out);
      }
    }
  }

  static final class Or extends Junction {
    Or(Node[] terms) {
      super(terms, true);
    }

    @Override
    void spans(Event e, int[] slots, List<MatchSpan> out) {
      spansOfHolding(terms, e, slots, out);
    }
  }

  /** A node over one other node, costing what it costs and having its leaves. */
  abstract static class Unary extends Node {
    final Node term;

    Unary(Node term) {
      this.term = term;
    }

    @Override
    int cost() {
      return term.cost();
    }

    @Override
    void leaves(List<LeafNode> out) {
      term.leaves(out);
    }
  }

  static final class Not extends Unary {
    Not(Node term) {
      super(term);
    }

    @Override
    boolean eval(Event e, int[] slots) {
      return !term.eval(e, slots);
    }

    @Override
    void spans(Event e, int[] slots, List<MatchSpan> out) {
      // What holds under a negation did not make the outcome.
    }
  }

  static final class Const extends Node {
    final boolean value;

    Const(boolean value) {
      this.value = value;
    }

    @Override
    boolean eval(Event e, int[] slots) {
      return value;
    }

    @Override
    int cost() {
      return 0;
    }

    @Override
    void spans(Event e, int[] slots, List<MatchSpan> out) {}

    @Override
    void leaves(List<LeafNode> out) {}
  }

  /** A search identifier named in the condition; its body is compiled once per rule. */
  static final class Ref extends Unary {
    final String name;

    Ref(String name, Node body) {
      super(body);
      this.name = name;
    }

    @Override
    boolean eval(Event e, int[] slots) {
      return term.eval(e, slots);
    }

    @Override
    void spans(Event e, int[] slots, List<MatchSpan> out) {
      term.spans(e, slots, out);
    }
  }
}
