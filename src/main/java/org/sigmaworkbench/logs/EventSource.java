package org.sigmaworkbench.logs;

import java.util.List;
import java.util.Locale;

/**
 * What kind of event a record is, in Sigma's logsource terms: the product, the service (the Windows
 * channel's Sigma name) and the categories it belongs to. An event of unknown kind (a flat export
 * that names no channel or event id, an export of one query result) has all three empty; every rule
 * is tried on it.
 *
 * @param product the Sigma product ({@code windows}), or {@code null}
 * @param service the Sigma service ({@code security}, {@code sysmon}, ...), or {@code null}
 * @param categories the Sigma categories ({@code process_creation}, ...), the main one first; a
 *     Sysmon event 13 is both {@code registry_set} and {@code registry_event}
 */
public record EventSource(String product, String service, List<String> categories) {

  /** Nothing is known: every rule applies. */
  public static final EventSource UNKNOWN = new EventSource(null, null, List.of());

  public EventSource {
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  // Written out: a record's generated equals and hashCode link through a bootstrap method on first
  // use, which cost the first .evtx chunk's decoding about 20 ms.
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof EventSource e
            && java.util.Objects.equals(e.product, product)
            && java.util.Objects.equals(e.service, service)
            && e.categories.equals(categories));
  }

  @Override
  public int hashCode() {
    return (java.util.Objects.hashCode(product) * 31 + java.util.Objects.hashCode(service)) * 31
        + categories.hashCode();
  }

  /** An event known only by its category (an export of a process table, say). */
  public static EventSource ofCategory(String category) {
    return category == null
        ? UNKNOWN
        : new EventSource(null, null, List.of(category.toLowerCase(Locale.ROOT)));
  }

  /** Whether anything is known about the event's kind. */
  public boolean isKnown() {
    return product != null || service != null || !categories.isEmpty();
  }

  /** The main category, or {@code null}. */
  public String category() {
    return categories.isEmpty() ? null : categories.get(0);
  }

  /** Whether the event belongs to a category (ignoring case). */
  public boolean hasCategory(String category) {
    for (String c : categories) {
      if (c.equalsIgnoreCase(category)) {
        return true;
      }
    }
    return false;
  }

  /** {@code windows/security/process_creation} with the unknown parts left out, for the UI. */
  public String describe() {
    if (!isKnown()) {
      return "unknown kind";
    }
    StringBuilder b = new StringBuilder();
    for (String part : new String[] {product, service, category()}) {
      if (part != null) {
        if (b.length() > 0) {
          b.append('/');
        }
        b.append(part);
      }
    }
    return b.toString();
  }
}
