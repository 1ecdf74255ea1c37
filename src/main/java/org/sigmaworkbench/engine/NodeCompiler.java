package org.sigmaworkbench.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.Predicate;

/**
 * Turns normalized expressions into {@link Node}s, numbering the fields they read. Each expression
 * object is compiled once, so a search identifier named several times in a condition shares one
 * body.
 */
final class NodeCompiler {
  private final List<String> fields = new ArrayList<>();
  private final Map<String, Integer> fieldIndex = new HashMap<>();
  private final Map<Expr, Node> compiled = new IdentityHashMap<>();

  /** The fields read so far, by index. */
  List<String> fields() {
    return fields;
  }

  Node compile(Expr e) {
    Node n = compiled.get(e);
    if (n == null) {
      n = build(e);
      compiled.put(e, n);
    }
    return n;
  }

  private Node build(Expr e) {
    if (e instanceof Expr.And a) {
      return new BooleanNodes.And(a.terms().stream().map(this::compile).toArray(Node[]::new));
    }
    if (e instanceof Expr.Or o) {
      return new BooleanNodes.Or(o.terms().stream().map(this::compile).toArray(Node[]::new));
    }
    if (e instanceof Expr.Not n) {
      return new BooleanNodes.Not(compile(n.term()));
    }
    if (e instanceof Expr.Const c) {
      return new BooleanNodes.Const(c.value());
    }
    if (e instanceof Expr.Named n) {
      return new BooleanNodes.Ref(n.name(), compile(n.body()));
    }
    Expr.Match m = (Expr.Match) e;
    if (m.predicate() instanceof Predicate.FieldRef f) {
      if (m.isKeyword()) {
        // A field reference needs a field to compare; the rule model allows none here.
        return new BooleanNodes.Const(false);
      }
      return new FieldRefNode(m, field(m.field()), field(f.otherField()), f);
    }
    if (m.isKeyword()) {
      return new KeywordNode(m, ValueTest.of(m.predicate(), true));
    }
    return new FieldNode(m, field(m.field()), ValueTest.of(m.predicate(), false));
  }

  private int field(String name) {
    return fieldIndex.computeIfAbsent(
        name,
        k -> {
          fields.add(k);
          return fields.size() - 1;
        });
  }
}
