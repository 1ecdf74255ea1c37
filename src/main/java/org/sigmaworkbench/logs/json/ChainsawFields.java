package org.sigmaworkbench.logs.json;

import java.io.IOException;
import org.sigmaworkbench.logs.EventBuilder;

/**
 * Chainsaw {@code hunt --csv}: one CSV per rule group with {@code timestamp}, {@code detections}
 * (the rules that hit), {@code path}, then the mapping's visible fields; for Sigma rules {@code
 * Event ID}, {@code Record ID}, {@code Computer} and {@code Event Data}, the event data as JSON.
 */
public final class ChainsawFields {

  private ChainsawFields() {}

  /**
   * Shapes a row.
   *
   * @return a problem with the event data, or {@code null}
   */
  public static String shapeCsv(EventBuilder b) {
    b.rename("Event ID", "EventID");
    b.rename("Record ID", "EventRecordID");
    String data = b.get("Event Data");
    if (data == null || data.isBlank()) {
      return null;
    }
    try {
      JsonFields.addObject(data, b);
      return null;
    } catch (IOException e) {
      return "the Event Data column is not a JSON object; the record was kept without its event"
          + " data";
    }
  }
}
