package org.sigmaworkbench.engine;

import org.sigmaworkbench.logs.Event;

/** A rule that did not match an event, with why (for analysts looking for an expected hit). */
public record Miss(CompiledRule rule, Event event, Explanation explanation) {}
