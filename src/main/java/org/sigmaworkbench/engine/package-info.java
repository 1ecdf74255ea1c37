/**
 * The matcher: a normalized rule compiled once into predicates over events, with the meaning the
 * KQL writer gives the same rule (ASCII-folding case-insensitive comparisons, lower-cased ones for
 * values with other cased letters, RE2 regular expressions, {@code tolong}/{@code todouble}
 * numbers, a field with no value decided by {@link
 * org.sigmaworkbench.rule.Predicate#holdsOnNoValue()}), hits with the matched spans, and
 * explanations of hits and misses; correlations over hits. Runs over logs are {@code engine.run};
 * the sentences a user reads about a run are {@link org.sigmaworkbench.engine.RunWords}.
 *
 * <p>May use {@code rule} and {@code logs}; never JavaFX, never {@code kql}.
 */
package org.sigmaworkbench.engine;
