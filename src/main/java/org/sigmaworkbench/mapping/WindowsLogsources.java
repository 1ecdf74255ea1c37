package org.sigmaworkbench.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.sigmaworkbench.yaml.DataFiles;

/**
 * The Sigma logsource of a Windows event from its channel (or, without one, its provider) and event
 * id, read from the data file {@code logsources.yaml}:
 *
 * <ul>
 *   <li>a channel of the table gives its service and the categories of the event id;
 *   <li>without a channel, a provider of a channel, or an ETW provider of the table, gives that
 *       logsource; a provider that writes to several channels gives the product only;
 *   <li>a channel or provider known to belong to no Sigma logsource is {@link
 *       EventSource.Placement#NONE}; one the table does not list is {@link
 *       EventSource.Placement#UNLISTED}: either way only product-only rules are tried on it;
 *   <li>an event id alone gives the channel when no other common channel uses it, else the product;
 *   <li>a record with none of the three is of unknown kind.
 * </ul>
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

  /** A provider whose events carry no channel (ETW), and the logsource they belong to. */
  record Provider(String name, String service, Map<Integer, List<String>> events) {}

  /** Names the table knows outside its channels. */
  record Others(
      List<Provider> etw,
      List<String> shared,
      List<String> noneProviders,
      List<String> noneChannels) {}

  private static final String RESOURCE = "logsources.yaml";
  private static final WindowsLogsources BUILT_IN = load();

  private final String product;
  private final List<Channel> channels;
  private final Map<String, Channel> byChannel = new HashMap<>();
  private final Map<String, Channel> byProvider = new HashMap<>();
  private final Map<Integer, Channel> byBareId = new HashMap<>();
  private final Map<String, String> services = new HashMap<>();
  private final Map<String, Provider> etwProviders = new HashMap<>();
  private final Map<String, String> sharedProviders = new HashMap<>();
  private final Map<String, String> noneProviders = new HashMap<>();
  private final Map<String, String> noneChannels = new HashMap<>();
  private final Map<String, EventSource> cache = new ConcurrentHashMap<>();

  private WindowsLogsources(String product, List<Channel> channels, Others others) {
    this.product = product;
    this.channels = List.copyOf(channels);
    for (Provider p : others.etw()) {
      etwProviders.putIfAbsent(key(p.name()), p);
      if (p.service() != null) {
        services.putIfAbsent(key(p.service()), p.service());
      }
    }
    for (String p : others.shared()) {
      sharedProviders.putIfAbsent(key(p), p);
    }
    for (String p : others.noneProviders()) {
      noneProviders.putIfAbsent(key(p), p);
    }
    for (String c : others.noneChannels()) {
      noneChannels.putIfAbsent(key(c), c);
    }
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
  Set<String> categories() {
    Set<String> out = new TreeSet<>();
    for (Channel c : channels) {
      c.events().values().forEach(out::addAll);
    }
    return out;
  }

  /** Every category the table places events in, sorted (for completion and messages). */
  public java.util.Set<String> knownCategories() {
    return java.util.Collections.unmodifiableSet(categories());
  }

  /** Every Sigma service name the table knows (main names and their other names), sorted. */
  public java.util.Set<String> knownServices() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Channel c : channels) {
      out.add(c.service());
      out.addAll(c.otherServices());
    }
    return java.util.Collections.unmodifiableSet(out);
  }

  /** The product of the table ({@code windows}). */
  public String product() {
    return product;
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

  /** The providers known to belong to no Sigma logsource. */
  Collection<String> providersOfNoLogsource() {
    return noneProviders.values();
  }

  /** The ETW providers of the table (events without a channel). */
  Collection<Provider> etwProviders() {
    return etwProviders.values();
  }

  private EventSource resolve(String channel, String provider, Integer id) {
    if (channel != null) {
      Channel c = byChannel.get(key(channel));
      if (c != null) {
        return placed(c.service(), c.events(), id, "channel " + c.name());
      }
      String origin = "channel " + channel.strip();
      // A channel no Sigma service names: a Windows event that no category or service rule is for.
      return new EventSource(
          product,
          null,
          List.of(),
          noneChannels.containsKey(key(channel))
              ? EventSource.Placement.NONE
              : EventSource.Placement.UNLISTED,
          origin);
    }
    if (provider != null) {
      String k = key(provider);
      String origin = "provider " + provider.strip() + ", no channel";
      Channel c = byProvider.get(k);
      if (c != null) {
        return placed(c.service(), c.events(), id, origin);
      }
      Provider etw = etwProviders.get(k);
      if (etw != null) {
        return placed(etw.service(), etw.events(), id, origin);
      }
      if (sharedProviders.containsKey(k)) {
        return new EventSource(product, null, List.of(), EventSource.Placement.PRODUCT, origin);
      }
      return new EventSource(
          product,
          null,
          List.of(),
          noneProviders.containsKey(k)
              ? EventSource.Placement.NONE
              : EventSource.Placement.UNLISTED,
          origin);
    }
    if (id == null) {
      return EventSource.UNKNOWN;
    }
    Channel c = byBareId.get(id);
    if (c != null) {
      return placed(c.service(), c.events(), id, "event id " + id + " of channel " + c.name());
    }
    return new EventSource(
        product, null, List.of(), EventSource.Placement.PRODUCT, "event id " + id + " only");
  }

  private EventSource placed(
      String service, Map<Integer, List<String>> events, Integer id, String origin) {
    List<String> categories = id == null ? List.of() : events.getOrDefault(id, List.of());
    return new EventSource(product, service, categories, EventSource.Placement.LOGSOURCE, origin);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String key(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The event id as a number: {@code 4688}, {@code "4688"}, {@code "4688.0"}; else null (also for a
   * number past {@code Integer.MAX_VALUE}, which no event id is).
   */
  public static Integer parseId(String eventId) {
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
    long id = Long.parseLong(t.substring(0, end));
    return id <= Integer.MAX_VALUE ? Integer.valueOf((int) id) : null;
  }

  private static WindowsLogsources load() {
    return parse(DataFiles.load(WindowsLogsources.class, RESOURCE));
  }

  static WindowsLogsources parse(Object doc) {
    Map<?, ?> root = DataFiles.map(doc, RESOURCE);
    String product = DataFiles.string(root.get("product"), RESOURCE + ": product");
    List<Provider> etw = new ArrayList<>();
    if (root.get("etw_providers") != null) {
      for (Object o : DataFiles.list(root.get("etw_providers"), RESOURCE + ": etw_providers")) {
        Map<?, ?> m = DataFiles.map(o, RESOURCE + ": an ETW provider");
        String name = DataFiles.string(m.get("provider"), RESOURCE + ": provider");
        String where = RESOURCE + ": provider " + name;
        Object service = m.get("service");
        etw.add(
            new Provider(
                name,
                service == null ? null : DataFiles.string(service, where + ": service"),
                events(m.get("events"), where)));
      }
    }
    Others others =
        new Others(
            etw,
            DataFiles.strings(root.get("shared_providers"), RESOURCE + ": shared_providers"),
            DataFiles.strings(
                root.get("no_logsource_providers"), RESOURCE + ": no_logsource_providers"),
            DataFiles.strings(
                root.get("no_logsource_channels"), RESOURCE + ": no_logsource_channels"));
    List<Channel> channels = new ArrayList<>();
    for (Object o : DataFiles.list(root.get("channels"), RESOURCE + ": channels")) {
      Map<?, ?> m = DataFiles.map(o, RESOURCE + ": a channel");
      String name = DataFiles.string(m.get("channel"), RESOURCE + ": channel");
      String where = RESOURCE + ": channel " + name;
      Map<Integer, List<String>> events = events(m.get("events"), where);
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
              events,
              List.copyOf(bare)));
    }
    return new WindowsLogsources(product, channels, others);
  }

  private static Map<Integer, List<String>> events(Object node, String where) {
    Map<Integer, List<String>> events = new HashMap<>();
    if (node != null) {
      for (Map.Entry<?, ?> e : DataFiles.map(node, where + ": events").entrySet()) {
        Integer id = parseId(String.valueOf(e.getKey()));
        if (id == null) {
          throw new IllegalStateException(where + ": event id '" + e.getKey() + "'");
        }
        events.put(id, DataFiles.strings(e.getValue(), where + ": event " + id));
      }
    }
    return Map.copyOf(events);
  }
}
