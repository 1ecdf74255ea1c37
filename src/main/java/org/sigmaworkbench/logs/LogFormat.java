package org.sigmaworkbench.logs;

/** The log formats the readers know. */
public enum LogFormat {
  CSV("CSV / tab-separated export"),
  XML("Event XML"),
  JSON("JSON / JSON lines"),
  EVTX("Windows .evtx");

  private final String title;

  LogFormat(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
