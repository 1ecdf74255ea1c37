package org.sigmaworkbench.logs.evtx;

import org.sigmaworkbench.logs.FieldLayout;

/**
 * Chooses the field layout of a Windows event from its System values, as the event-XML reader does.
 * Called for every record, so it must be cheap and return the same instance for the same kind of
 * event (the decoder reuses schemas by layout identity).
 */
@FunctionalInterface
public interface WindowsLayouts {
  FieldLayout layout(String channel, String provider, String eventId);
}
