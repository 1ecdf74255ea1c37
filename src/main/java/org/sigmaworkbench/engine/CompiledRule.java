package org.sigmaworkbench.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventSource;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.logs.WindowsLogsources;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.Predicate;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * A rule compiled once for matching: its normalized condition as a tree of tests over field slots.
 * Field names are resolved to slots once per {@link FieldSchema}; a miss allocates nothing.
 * Thread-safe.
 */
public final class CompiledRule {

  private final SigmaRule rule;
  private final Node root;
  private final List<String> fields = new ArrayList<>();
  private final Map<FieldSchema, int[]> slotCache = new ConcurrentHashMap<>();
  private volatile SchemaSlots last;

  private volatile SourceFit lastFit;

  private record SchemaSlots(FieldSchema schema, int[] slots) {}

  private record SourceFit(EventSource source, boolean applies) {}

  private CompiledRule(SigmaRule rule) {
    this.rule = rule;
    this.root = compile(rule.condition());
  }

  /**
   * Compiles a usable rule.
   *
   * @throws IllegalArgumentException when the rule has errors
   */
  public static CompiledRule compile(SigmaRule rule) {
    if (!rule.isUsable()) {
      throw new IllegalArgumentException("the rule has errors and cannot be matched");
    }
    return new CompiledRule(rule);
  }

  public SigmaRule rule() {
    return rule;
  }

  /** Whether the rule matches the event. */
  public boolean matches(Event event) {
    return root.eval(event, slots(event.schema()));
  }

  /**
   * Whether the rule's logsource fits the event. An event of unknown kind (a flat export that names
   * no channel or event id) fits every rule. Otherwise a rule's category must be one of the
   * event's, its service the event's channel's (a service the logsource table does not know fits
   * events of channels it does not know), and its product, when both say one, the event's.
   */
  public boolean appliesTo(Event event) {
    EventSource source = event.schema().layout().source();
    SourceFit fit = lastFit;
    if (fit != null && fit.source() == source) {
      return fit.applies();
    }
    boolean applies = fits(rule.logsource(), source);
    lastFit = new SourceFit(source, applies);
    return applies;
  }

  private static boolean fits(LogSource rule, EventSource event) {
    if (!event.isKnown()) {
      return true;
    }
    if (rule.product() != null
        && event.product() != null
        && !rule.product().equalsIgnoreCase(event.product())) {
      return false;
    }
    if (rule.category() != null && !event.hasCategory(rule.category())) {
      return false;
    }
    if (rule.service() == null) {
      return true;
    }
    String service = WindowsLogsources.builtIn().eventService(rule.service());
    // A service no known channel has may be the channel of an event we cannot name either.
    return service == null ? event.service() == null : service.equalsIgnoreCase(event.service());
  }

  /** Why the rule matches or not, with the matched spans. */
  public Explanation explain(Event event) {
    int[] slots = slots(event.schema());
    boolean matched = root.eval(event, slots);
    Map<String, Boolean> identifiers = new LinkedHashMap<>();
    for (String name : rule.identifiers().keySet()) {
      identifiers.put(name, false);
    }
    root.identifiers(event, slots, identifiers);
    List<MatchSpan> spans = new ArrayList<>();
    if (matched) {
      root.spans(event, slots, true, spans);
    }
    return new Explanation(
        matched, identifiers, spans, Summary.of(rule.condition(), identifiers, matched));
  }

  private int[] slots(FieldSchema schema) {
    SchemaSlots l = last;
    if (l != null && l.schema() == schema) {
      return l.slots();
    }
    int[] s = slotCache.computeIfAbsent(schema, this::resolve);
    last = new SchemaSlots(schema, s);
    return s;
  }

  private int[] resolve(FieldSchema schema) {
    int[] s = new int[fields.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = schema.slotOf(fields.get(i));
    }
    return s;
  }

  private int fieldIndex(String field) {
    int i = fields.indexOf(field);
    if (i < 0) {
      fields.add(field);
      i = fields.size() - 1;
    }
    return i;
  }

  private Node compile(Expr e) {
    if (e instanceof Expr.And a) {
      return new AndNode(a.terms().stream().map(this::compile).toArray(Node[]::new));
    }
    if (e instanceof Expr.Or o) {
      return new OrNode(o.terms().stream().map(this::compile).toArray(Node[]::new));
    }
    if (e instanceof Expr.Not n) {
      return new NotNode(compile(n.term()));
    }
    if (e instanceof Expr.Const c) {
      return new ConstNode(c.value());
    }
    if (e instanceof Expr.Named n) {
      return new NamedNode(n.name(), compile(n.body()));
    }
    Expr.Match m = (Expr.Match) e;
    if (m.isKeyword()) {
      return new KeywordNode(m, ValueTest.of(m.predicate()));
    }
    if (m.predicate() instanceof Predicate.FieldRef f) {
      return new FieldRefNode(m, fieldIndex(m.field()), fieldIndex(f.otherField()), f);
    }
    return new LeafNode(m, fieldIndex(m.field()), ValueTest.of(m.predicate()));
  }

  private abstract static class Node {
    abstract boolean eval(Event e, int[] slots);

    void identifiers(Event e, int[] slots, Map<String, Boolean> out) {}

    /** Collects spans of leaves that hold where {@code positive} (not under a negation). */
    void spans(Event e, int[] slots, boolean positive, List<MatchSpan> out) {}
  }

  private static final class AndNode extends Node {
    private final Node[] terms;

    AndNode(Node[] terms) {
      this.terms = terms;
    }

    @Override
    boolean eval(Event e, int[] slots) {
      for (Node t : terms) {
        if (!t.eval(e, slots)) {
          return false;
        }
      }
      return true;
    }

    @Override
    void identifiers(Event e, int[] slots, Map<String, Boolean> out) {
      for (Node t : terms) {
        t.identifiers(e, slots, out);
      }
    }

    @Override
    void spans(Event e, int[] slots, boolean positive, List<MatchSpan> out) {
      for (Node t : terms) {
        t.spans(e, slots, positive, out);
      }
    }
  }

  private static final class OrNode extends Node {
    private final Node[] terms;

    OrNode(Node[] terms) {
      this.terms = terms;
    }

    @Override
    boolean eval(Event e, int[] slots) {
      for (Node t : terms) {
        if (t.eval(e, slots)) {
          return true;
        }
      }
      return false;
    }

    @Override
    void identifiers(Event e, int[] slots, Map<String, Boolean> out) {
      for (Node t : terms) {
        t.identifiers(e, slots, out);
      }
    }

    @Override
    void spans(Event e, int[] slots, boolean positive, List<MatchSpan> out) {
      for (Node t : terms) {
        if (t.eval(e, slots) == positive) {
          t.spans(e, slots, positive, out);
        }
      }
    }
  }

  private static final class NotNode extends Node {
    private final Node term;

    NotNode(Node term) {
      this.term = term;
    }

    @Override
    boolean eval(Event e, int[] slots) {
      return !term.eval(e, slots);
    }

    @Override
    void identifiers(Event e, int[] slots, Map<String, Boolean> out) {
      term.identifiers(e, slots, out);
    }

    @Override
    void spans(Event e, int[] slots, boolean positive, List<MatchSpan> out) {
      term.spans(e, slots, !positive, out);
    }
  }

  private static final class ConstNode extends Node {
    private final boolean value;

    ConstNode(boolean value) {
      this.value = value;
    }

    @Override
    boolean eval(Event e, int[] slots) {
      return value;
    }
  }

  private static final class NamedNode extends Node {
    private final String name;
    private final Node body;

    NamedNode(String name, Node body) {
      this.name = name;
      this.body = body;
    }

    @Override
    boolean eval(Event e, int[] slots) {
      return body.eval(e, slots);
    }

    @Override
    void identifiers(Event e, int[] slots, Map<String, Boolean> out) {
      out.put(name, body.eval(e, slots));
    }

    @Override
    void spans(Event e, int[] slots, boolean positive, List<MatchSpan> out) {
      if (positive) {
        body.spans(e, slots, true, out);
      }
    }
  }

  private static final class LeafNode extends Node {
    private final Expr.Match match;
    private final int field;
    private final ValueTest test;

    LeafNode(Expr.Match match, int field, ValueTest test) {
      this.match = match;
      this.field = field;
      this.test = test;
    }

    @Override
    boolean eval(Event e, int[] slots) {
      String v = e.value(slots[field]);
      return test.test(v == null ? "" : v);
    }

    @Override
    void spans(Event e, int[] slots, boolean positive, List<MatchSpan> out) {
      int slot = slots[field];
      String v = e.value(slot);
      if (positive && v != null && test.test(v)) {
        long s = test.span(v);
        out.add(
            new MatchSpan(
                match.origin().identifier(),
                match.field(),
                e.schema().name(slot),
                (int) (s >>> 32),
                (int) s,
                match.origin().value(),
                match.origin().key(),
                match.origin().position().line()));
      }
    }
  }

  private static final class KeywordNode extends Node {
    private final Expr.Match match;
    private final ValueTest test;

    KeywordNode(Expr.Match match, ValueTest test) {
      this.match = match;
      this.test = test;
    }

    @Override
    boolean eval(Event e, int[] slots) {
      int n = e.schema().size();
      for (int i = 0; i < n; i++) {
        String v = e.value(i);
        if (v != null && test.test(v)) {
          return true;
        }
      }
      return test.test("");
    }

    @Override
    void spans(Event e, int[] slots, boolean positive, List<MatchSpan> out) {
      if (!positive) {
        return;
      }
      int n = e.schema().size();
      for (int i = 0; i < n; i++) {
        String v = e.value(i);
        if (v != null && !v.isEmpty() && test.test(v)) {
          long s = test.span(v);
          out.add(
              new MatchSpan(
                  match.origin().identifier(),
                  e.schema().displayName(i),
                  e.schema().name(i),
                  (int) (s >>> 32),
                  (int) s,
                  match.origin().value(),
                  match.origin().key(),
                  match.origin().position().line()));
        }
      }
    }
  }

  private static final class FieldRefNode extends Node {
    private final Expr.Match match;
    private final int field;
    private final int other;
    private final Predicate.FieldRef ref;

    FieldRefNode(Expr.Match match, int field, int other, Predicate.FieldRef ref) {
      this.match = match;
      this.field = field;
      this.other = other;
      this.ref = ref;
    }

    @Override
    boolean eval(Event e, int[] slots) {
      String v = e.value(slots[field]);
      String o = e.value(slots[other]);
      v = v == null ? "" : v;
      o = o == null ? "" : o;
      return (ref.cased()
              ? new ValueTest.Cased(ref.op(), o)
              : new ValueTest.IgnoreCase(ref.op(), o))
          .test(v);
    }

    @Override
    void spans(Event e, int[] slots, boolean positive, List<MatchSpan> out) {
      int slot = slots[field];
      String v = e.value(slot);
      if (positive && v != null && eval(e, slots)) {
        String o = e.value(slots[other]);
        o = o == null ? "" : o;
        long s =
            (ref.cased() ? new ValueTest.Cased(ref.op(), o) : new ValueTest.IgnoreCase(ref.op(), o))
                .span(v);
        out.add(
            new MatchSpan(
                match.origin().identifier(),
                match.field(),
                e.schema().name(slot),
                (int) (s >>> 32),
                (int) s,
                match.origin().value(),
                match.origin().key(),
                match.origin().position().line()));
      }
    }
  }
}
