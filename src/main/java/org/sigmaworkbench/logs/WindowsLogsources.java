package org.sigmaworkbench.logs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Sigma logsource of a Windows event from its channel (or provider) and event id, read from the
 * data file {@code logsources.yaml}. A record that names neither a channel nor a known provider,
 * and whose event id alone says nothing, is of unknown kind.
 */
public final class WindowsLogsources {

  /** One channel of the data file. */
  record Channel(
      String name,
      String service,
      List<String> otherServices,
      List<String> aliases,
      List<String> providers,
      Map<Integer, List<String>> events,
      List<Integer> bareIds) {}

  private static final String RESOURCE = "logsources.yaml";
  private static final WindowsLogsources BUILT_IN = load();

  private final String product;
  private final List<Channel> channels;
  private final Map<String, Channel> byChannel = new HashMap<>();
  private final Map<String, Channel> byProvider = new HashMap<>();
  private final Map<Integer, Channel> byBareId = new HashMap<>();
  private final Map<String, String> services = new HashMap<>();
  private final Map<String, EventSource> cache = new ConcurrentHashMap<>();

  private WindowsLogsources(String product, List<Channel> channels) {
    this.product = product;
    this.channels = List.copyOf(channels);
    for (Channel c : channels) {
      byChannel.putIfAbsent(key(c.name()), c);
      for (String a : c.aliases()) {
        byChannel.putIfAbsent(key(a), c);
      }
      for (String p : c.providers()) {
        byProvider.putIfAbsent(key(p), c);
      }
      for (Integer id : c.bareIds()) {
        byBareId.putIfAbsent(id, c);
      }
      services.putIfAbsent(key(c.service()), c.service());
      for (String s : c.otherServices()) {
        services.putIfAbsent(key(s), c.service());
      }
    }
  }

  /** The built-in table. */
  public static WindowsLogsources builtIn() {
    return BUILT_IN;
  }

  /** Every category some event id of the table has. */
  java.util.Set<String> categories() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Channel c : channels) {
      c.events().values().forEach(out::addAll);
    }
    return out;
  }

  /** The channels the table knows, in file order. */
  List<Channel> channels() {
    return channels;
  }

  /**
   * The logsource of an event.
   *
   * @param channel the channel (or a tool's abbreviation of it), or {@code null}
   * @param provider the provider name (or Event Viewer's display name of it), or {@code null}
   * @param eventId the event id as written ({@code 4688}, {@code "1"}), or {@code null}
   */
  public EventSource of(String channel, String provider, String eventId) {
    String k = channel + "\u0000" + provider + "\u0000" + eventId;
    EventSource s = cache.get(k);
    if (s == null) {
      s = resolve(blankToNull(channel), blankToNull(provider), parseId(eventId));
      if (cache.size() < 10_000) {
        cache.put(k, s);
      }
    }
    return s;
  }

  /**
   * The service name events carry for a rule's Sigma service ({@code ldap} is {@code ldap_debug}'s
   * channel), or {@code null} when no channel of the table has that service.
   */
  public String eventService(String ruleService) {
    return ruleService == null ? null : services.get(key(ruleService));
  }

  /** The first channel whose events are of a Sigma service, or {@code null}. */
  public String channelOfService(String service) {
    if (service == null) {
      return null;
    }
    for (Channel c : channels) {
      if (c.service().equalsIgnoreCase(service)) {
        return c.name();
      }
    }
    return null;
  }

  /** The channel name for a channel alias (Hayabusa's {@code Sec}), or the name itself. */
  public String channelName(String channelOrAlias) {
    if (channelOrAlias == null) {
      return null;
    }
    Channel c = byChannel.get(key(channelOrAlias));
    return c == null ? channelOrAlias : c.name();
  }

  private EventSource resolve(String channel, String provider, Integer id) {
    Channel c = null;
    if (channel != null) {
      c = byChannel.get(key(channel));
      if (c == null) {
        // A channel no Sigma service names: a Windows event that no service rule is for.
        return new EventSource(product, null, List.of());
      }
    } else if (provider != null) {
      c = byProvider.get(key(provider));
    }
    if (c == null && channel == null && id != null) {
      c = byBareId.get(id);
    }
    if (c == null) {
      return EventSource.UNKNOWN;
    }
    List<String> categories = id == null ? List.of() : c.events().getOrDefault(id, List.of());
    return new EventSource(product, c.service(), categories);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String key(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }

  /** The event id as a number: {@code 4688}, {@code "4688"}, {@code "4688.0"}; else null. */
  static Integer parseId(String eventId) {
    if (eventId == null) {
      return null;
    }
    String t = eventId.strip();
    int end = 0;
    while (end < t.length() && end < 10 && Character.isDigit(t.charAt(end))) {
      end++;
    }
    if (end == 0 || (end < t.length() && !t.substring(end).matches("\\.0*"))) {
      return null;
    }
    return Integer.valueOf(t.substring(0, end));
  }

  private static WindowsLogsources load() {
    return parse(DataFiles.load(RESOURCE));
  }

  static WindowsLogsources parse(Object doc) {
    Map<?, ?> root = DataFiles.map(doc, RESOURCE);
    String product = DataFiles.string(root.get("product"), RESOURCE + ": product");
    List<Channel> channels = new ArrayList<>();
    for (Object o : DataFiles.list(root.get("channels"), RESOURCE + ": channels")) {
      Map<?, ?> m = DataFiles.map(o, RESOURCE + ": a channel");
      String name = DataFiles.string(m.get("channel"), RESOURCE + ": channel");
      String where = RESOURCE + ": channel " + name;
      Map<Integer, List<String>> events = new HashMap<>();
      if (m.get("events") != null) {
        for (Map.Entry<?, ?> e : DataFiles.map(m.get("events"), where + ": events").entrySet()) {
          Integer id = parseId(String.valueOf(e.getKey()));
          if (id == null) {
            throw new IllegalStateException(where + ": event id '" + e.getKey() + "'");
          }
          events.put(id, DataFiles.strings(e.getValue(), where + ": event " + id));
        }
      }
      List<Integer> bare = new ArrayList<>();
      for (String s : DataFiles.strings(m.get("bare_ids"), where + ": bare_ids")) {
        bare.add(parseId(s));
      }
      channels.add(
          new Channel(
              name,
              DataFiles.string(m.get("service"), where + ": service"),
              DataFiles.strings(m.get("also"), where + ": also"),
              DataFiles.strings(m.get("aliases"), where + ": aliases"),
              DataFiles.strings(m.get("providers"), where + ": providers"),
              Map.copyOf(events),
              List.copyOf(bare)));
    }
    return new WindowsLogsources(product, channels);
  }
}
