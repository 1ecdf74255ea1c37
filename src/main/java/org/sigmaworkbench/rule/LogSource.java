package org.sigmaworkbench.rule;

/** The {@code logsource} of a rule; absent parts are {@code null}. */
public record LogSource(String category, String product, String service, String definition) {
  public static final LogSource EMPTY = new LogSource(null, null, null, null);

  /** {@code product/category/service} with the absent parts left out, for messages. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (String[] part :
        new String[][] {{"product", product}, {"category", category}, {"service", service}}) {
      if (part[1] != null) {
        if (b.length() > 0) {
          b.append(", ");
        }
        b.append(part[0]).append(": ").append(part[1]);
      }
    }
    return b.length() == 0 ? "(no logsource)" : b.toString();
  }
}
