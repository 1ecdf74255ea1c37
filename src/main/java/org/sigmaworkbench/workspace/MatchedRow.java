package org.sigmaworkbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.sigmaworkbench.engine.Explanation;
import org.sigmaworkbench.engine.MatchSpan;
import org.sigmaworkbench.logs.Event;

/**
 * A row of a query result, read back as an event and matched by the rule.
 *
 * @param cells the row as the service returned it
 * @param event the row as an event: its columns, with the target table's mapping for Sigma names
 * @param explanation what the rule's matcher says of the event: hit or not, and the spans
 */
public record MatchedRow(List<JsonNode> cells, Event event, Explanation explanation) {

  public MatchedRow {
    cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
  }

  /** Whether the local matcher matches the row as the query did. */
  public boolean hit() {
    return explanation.matched();
  }

  /** The matched parts of the row's values, as a local test shows them. */
  public List<MatchSpan> spans() {
    return explanation.spans();
  }
}
