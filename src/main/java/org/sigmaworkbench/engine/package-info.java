/**
 * The matcher: a normalized rule compiled once into predicates over events, with the meaning the
 * KQL writer gives the same rule (case-insensitive unless cased, RE2 regular expressions, a missing
 * field read as empty), hits with the matched spans, and explanations of hits and misses.
 *
 * <p>May use {@code rule} and {@code logs}; never JavaFX.
 */
package org.sigmaworkbench.engine;
