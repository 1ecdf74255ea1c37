package org.sigmaworkbench.kql;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import org.sigmaworkbench.mapping.Reach;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * Whether a rule's query for a target can return an event: the written query (one per rule, kept)
 * and the event's origin ({@code logs.EventOrigins}), checked by {@link Reach}. Safe to share
 * between threads.
 */
public final class QueryReach {

  private final Target target;
  private final KqlWriter writer;
  // By identity: a rule is a deep record, and this is asked once per hit.
  private final Map<SigmaRule, KqlResult> queries =
      Collections.synchronizedMap(new IdentityHashMap<>());

  public QueryReach(Target target) {
    this.target = target;
    this.writer = new KqlWriter(target);
  }

  public Target target() {
    return target;
  }

  /** {@code the Azure Monitor query}. */
  public String queryName() {
    return "the " + Reach.shortTitle(target) + " query";
  }

  /** Why the rule's query cannot return the event, or {@code null} when it can. */
  public String outside(SigmaRule rule, Reach.Origin origin) {
    KqlResult q = queries.computeIfAbsent(rule, writer::write);
    return Reach.outside(target, q, origin);
  }
}
