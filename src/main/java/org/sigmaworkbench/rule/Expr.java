package org.sigmaworkbench.rule;

import java.util.List;

/**
 * The normalized detection: a boolean tree whose leaves are (field, predicate) pairs with every
 * modifier already applied. The KQL writer and the matcher both read this form and nothing else, so
 * a semantic decision about a rule is made once, here.
 */
public sealed interface Expr {

  /**
   * The expressions right below this one: the terms of {@link And} and {@link Or}, the term of
   * {@link Not}, the body of {@link Named}; none below {@link Const} and {@link Match}.
   */
  default List<Expr> children() {
    if (this instanceof And a) {
      return a.terms();
    }
    if (this instanceof Or o) {
      return o.terms();
    }
    if (this instanceof Not n) {
      return List.of(n.term());
    }
    if (this instanceof Named n) {
      return List.of(n.body());
    }
    return List.of();
  }

  /** All terms hold. An empty list holds. */
  record And(List<Expr> terms) implements Expr {
    public And {
      terms = List.copyOf(terms);
    }
  }

  /** At least one term holds. An empty list does not hold. */
  record Or(List<Expr> terms) implements Expr {
    public Or {
      terms = List.copyOf(terms);
    }
  }

  /** The term does not hold. */
  record Not(Expr term) implements Expr {}

  /** A constant (for example {@code all of} over nothing, or a value list that became empty). */
  record Const(boolean value) implements Expr {}

  /**
   * A search identifier of the rule (a selection, a filter, a keyword list) by name, so
   * explanations can say which selections matched. It has no meaning of its own: it holds exactly
   * when its body holds.
   */
  record Named(String name, Expr body, Position position) implements Expr {}

  /**
   * One field compared with one value.
   *
   * @param field the Sigma field name, or {@code null} for a keyword: any field of the event
   * @param predicate the comparison
   * @param origin where in the rule this comparison comes from
   */
  record Match(String field, Predicate predicate, Origin origin) implements Expr {
    public boolean isKeyword() {
      return field == null;
    }
  }

  /**
   * Where a {@link Match} comes from in the rule text.
   *
   * @param identifier the search identifier (selection) it belongs to
   * @param key the map key as written, with modifiers ({@code CommandLine|contains}); empty for
   *     keywords
   * @param value the value as written in the rule
   * @param position line and column of that value
   */
  record Origin(String identifier, String key, String value, Position position) {
    public static final Origin NONE = new Origin("", "", "", Position.NONE);
  }
}
