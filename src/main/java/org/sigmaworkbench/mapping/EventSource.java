package org.sigmaworkbench.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What kind of event a record is, in Sigma's logsource terms: the product, the service (the Windows
 * channel's Sigma name), the categories it belongs to, and how sure that placement is. An event of
 * unknown kind (a flat export that names no channel, provider or event id) has all of them empty;
 * every rule is tried on it.
 *
 * @param product the Sigma product ({@code windows}), or {@code null}
 * @param service the Sigma service ({@code security}, {@code sysmon}, ...), or {@code null}
 * @param categories the Sigma categories ({@code process_creation}, ...), the main one first; a
 *     Sysmon event 13 is both {@code registry_set} and {@code registry_event}
 * @param placement how the event was placed
 * @param origin what placed it, for people ({@code channel Security}, {@code provider
 *     Microsoft-Windows-RPC, no channel}), or {@code null}
 */
public record EventSource(
    String product, String service, List<String> categories, Placement placement, String origin) {

  /** How an event was placed among Sigma's logsources. */
  public enum Placement {
    /** Nothing is known (no channel, provider or event id): every rule is tried. */
    UNKNOWN,
    /** Only the product is known (an event id alone, a provider writing to several channels). */
    PRODUCT,
    /** The service and categories of the logsource table. */
    LOGSOURCE,
    /** The channel or provider is known to belong to no Sigma logsource. */
    NONE,
    /** The channel or provider is not in the logsource table: no logsource of ours covers it. */
    UNLISTED
  }

  /** Nothing is known: every rule applies. */
  public static final EventSource UNKNOWN =
      new EventSource(null, null, List.of(), Placement.UNKNOWN, null);

  public EventSource {
    categories = categories == null ? List.of() : List.copyOf(categories);
    Objects.requireNonNull(placement, "placement");
  }

  /** An event placed at a logsource of the table (or known by nothing, when all are null). */
  public EventSource(String product, String service, List<String> categories) {
    this(
        product,
        service,
        categories,
        product == null && service == null && (categories == null || categories.isEmpty())
            ? Placement.UNKNOWN
            : Placement.LOGSOURCE,
        null);
  }

  // Written out: a record's generated equals and hashCode link through a bootstrap method on first
  // use, which cost the first .evtx chunk's decoding about 20 ms.
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof EventSource e
            && Objects.equals(e.product, product)
            && Objects.equals(e.service, service)
            && e.categories.equals(categories)
            && e.placement == placement
            && Objects.equals(e.origin, origin));
  }

  @Override
  public int hashCode() {
    return ((Objects.hashCode(product) * 31 + Objects.hashCode(service)) * 31
                + categories.hashCode())
            * 31
        + Objects.hashCode(origin);
  }

  /** Whether two events are placed alike, whatever placed them (the origin is not compared). */
  public boolean samePlace(EventSource o) {
    return Objects.equals(o.product, product)
        && Objects.equals(o.service, service)
        && o.categories.equals(categories)
        && o.placement == placement;
  }

  /** An event known only by its category (an export of a process table, say). */
  public static EventSource ofCategory(String category) {
    return category == null
        ? UNKNOWN
        : new EventSource(null, null, List.of(category.toLowerCase(Locale.ROOT)));
  }

  /** Whether anything is known about the event's kind. */
  public boolean isKnown() {
    return placement != Placement.UNKNOWN;
  }

  /**
   * Whether the event's source is known to lie outside every logsource that names a category or a
   * service: only rules that name neither are tried on it.
   */
  public boolean isOutsideLogsources() {
    return placement == Placement.NONE || placement == Placement.UNLISTED;
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
