package org.sigmaworkbench.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.LogonIds;
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
      List<Node> terms = mergeContains(o.terms().stream().map(this::compile).toList());
      return terms.size() == 1 ? terms.get(0) : new BooleanNodes.Or(terms.toArray(Node[]::new));
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
    Long logonId = LogonIds.equalityNumber(m.field(), m.predicate());
    if (logonId != null) {
      return new FieldNode(m, field(m.field()), new LogonIdTest(logonId));
    }
    ValueTest test = ValueTest.of(m.predicate(), false);
    if (m.predicate() instanceof Predicate.StringMatch s
        && s.op() == Predicate.StringOp.EQUALS
        && s.text().indexOf('\\') < 0) {
      return new AccountNameNode(
          m, field(m.field()), field(FieldSchema.accountNameKey(m.field())), test);
    }
    return new FieldNode(m, field(m.field()), test);
  }

  /** Fewest terms of an {@code or} that make its literals worth one scan. */
  private static final int MERGE_AT = 4;

  /**
   * Replaces the {@code contains} terms of an {@code or} that share a field and a case rule by one
   * {@link MultiContainsNode}, where there are many of them or some are too short for a fast single
   * search.
   */
  private static List<Node> mergeContains(List<Node> terms) {
    Map<String, List<FieldNode>> groups = new LinkedHashMap<>();
    for (Node t : terms) {
      if (t instanceof FieldNode f && foldOf(f) != null) {
        groups.computeIfAbsent(f.field + "/" + foldOf(f), k -> new ArrayList<>()).add(f);
      }
    }
    List<Node> out = new ArrayList<>();
    Set<Node> merged = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node t : terms) {
      if (merged.contains(t)) {
        continue;
      }
      if (t instanceof FieldNode f && foldOf(f) != null) {
        List<FieldNode> g = groups.get(f.field + "/" + foldOf(f));
        boolean shortOnes = g.stream().anyMatch(x -> MultiContainsNode.text(x).length() < 3);
        if (g.size() >= MERGE_AT || (g.size() >= 2 && shortOnes)) {
          merged.addAll(g);
          out.add(new MultiContainsNode(f.field, g, foldOf(f)));
          continue;
        }
      }
      out.add(t);
    }
    return out;
  }

  /** The fold a contains test can be scanned with, or {@code null} when it cannot. */
  private static LiteralScanner.Fold foldOf(FieldNode f) {
    if (!(f.test instanceof StringTests.Comparison c)
        || c.op != Predicate.StringOp.CONTAINS
        || c.text.isEmpty()) {
      return null;
    }
    if (c instanceof StringTests.Cased) {
      return LiteralScanner.Fold.EXACT;
    }
    if (c instanceof StringTests.AsciiFolded) {
      return LiteralScanner.Fold.ASCII;
    }
    if (c.text.chars().noneMatch(ch -> Character.isSurrogate((char) ch))) {
      return LiteralScanner.Fold.LOWER;
    }
    return null;
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
