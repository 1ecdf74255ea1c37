/**
 * JMH benchmarks, run by {@code .ci/bench}; never part of {@code mvn verify}. Each states what it
 * measures and against which baseline.
 */
package org.sigmaworkbench.bench;
