package org.sigmaworkbench.rule;

import java.math.BigDecimal;

/**
 * An aggregation in Sigma 1.x condition syntax ({@code selection | count(field) by group > 10}),
 * kept so old rules load; correlation rules replace it.
 *
 * @param function count, min, max, avg or sum
 * @param field the aggregated field, or {@code null} (as in {@code count()})
 * @param groupBy the field after {@code by}, or {@code null}
 * @param op the comparison
 * @param threshold the number compared with
 */
public record LegacyAggregation(
    String function, String field, String groupBy, Predicate.CompareOp op, BigDecimal threshold) {}
