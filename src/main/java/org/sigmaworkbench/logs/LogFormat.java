package org.sigmaworkbench.logs;

/** The log formats the readers know: one reader each ({@link LogKind} names them for people). */
public enum LogFormat {
  /** CSV or tab-separated exports. */
  CSV,
  /** Event XML. */
  XML,
  /** JSON or JSON lines. */
  JSON,
  /** Windows .evtx. */
  EVTX
}
