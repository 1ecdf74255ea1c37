package org.sigmaworkbench.engine;

import org.sigmaworkbench.logs.Event;

/** A rule that matched an event, with why. */
public record Hit(CompiledRule rule, Event event, Explanation explanation) {}
