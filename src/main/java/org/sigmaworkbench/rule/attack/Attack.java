package org.sigmaworkbench.rule.attack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MITRE ATT&amp;CK Enterprise: what a Sigma {@code attack.*} tag names. The data is the bundled
 * resource {@code enterprise-attack.tsv} (made from MITRE's v18.1 release with the v19.0 changes
 * laid over it; see {@code NOTICE.md} beside it for MITRE's copyright and license). Ids are
 * compared without case. One shared instance ({@link #enterprise()}); it holds no mutable state.
 */
public final class Attack {

  /** The resource, beside this class. */
  public static final String RESOURCE = "enterprise-attack.tsv";

  /** What kind of ATT&amp;CK object an entry is. */
  public enum Kind {
    TACTIC,
    TECHNIQUE,
    GROUP,
    SOFTWARE
  }

  /** Whether an entry is in use. */
  public enum Status {
    ACTIVE,
    DEPRECATED,
    REVOKED
  }

  /**
   * One object.
   *
   * @param kind tactic, technique (sub-techniques included), group or software
   * @param id MITRE's id in upper case ({@code T1059.001}, {@code TA0002}, {@code G0016})
   * @param name its name ({@code PowerShell}); a sub-technique's name is without its parent's
   * @param status active, deprecated or revoked
   * @param revokedBy for a revoked entry the id of its current replacement, else {@code null}
   * @param tactics a technique's tactic short names; for a tactic its own short name
   * @param previousShortName for a renamed tactic its former short name ({@code defense-evasion}),
   *     else {@code null}
   */
  public record Entry(
      Kind kind,
      String id,
      String name,
      Status status,
      String revokedBy,
      List<String> tactics,
      String previousShortName) {

    public Entry {
      tactics = List.copyOf(tactics);
    }

    /** The Sigma tag of the entry: {@code attack.t1059.001}, {@code attack.execution}. */
    public String tag() {
      return "attack." + (kind == Kind.TACTIC ? tactics.get(0) : id.toLowerCase(Locale.ROOT));
    }

    /** For a tactic, its short name; else empty. */
    public String shortName() {
      return kind == Kind.TACTIC ? tactics.get(0) : "";
    }

    /** The name with the parent's for a sub-technique: "Command and Scripting Interpreter: ...". */
    public String fullName(Attack attack) {
      int dot = id.indexOf('.');
      if (kind != Kind.TECHNIQUE || dot < 0) {
        return name;
      }
      return attack.byId(id.substring(0, dot)).map(p -> p.name() + ": " + name).orElse(name);
    }
  }

  /**
   * What a tag of the {@code attack} namespace names.
   *
   * @param tag the tag as written
   * @param entry the entry it names, or {@code null} when unknown (or an old tactic name)
   * @param renamedTo for a tactic name that is no longer current, the current short name; else
   *     {@code null}
   * @param covered whether this data covers the tag's kind at all (campaigns, mitigations, data
   *     sources and the Mobile and ICS tactics it does not)
   */
  public record TagInfo(String tag, Entry entry, String renamedTo, boolean covered) {
    public boolean known() {
      return entry != null;
    }

    /**
     * The tag to write instead: the replacement of a revoked entry or a renamed tactic; or empty.
     */
    public Optional<String> replacement(Attack attack) {
      if (renamedTo != null) {
        return Optional.of("attack." + renamedTo);
      }
      if (entry != null && entry.status() == Status.REVOKED && entry.revokedBy() != null) {
        return attack.byId(entry.revokedBy()).map(Entry::tag);
      }
      return Optional.empty();
    }
  }

  private static volatile Attack enterprise;

  private final String version;
  private final Map<String, Entry> byId;
  private final Map<String, Entry> tacticsByShortName;
  private final Map<String, String> renamedTactics;

  private Attack(String version, List<Entry> entries) {
    this.version = version;
    Map<String, Entry> ids = new LinkedHashMap<>();
    Map<String, Entry> tactics = new LinkedHashMap<>();
    Map<String, String> renamed = new LinkedHashMap<>();
    for (Entry e : entries) {
      ids.put(e.id(), e);
      if (e.kind() == Kind.TACTIC) {
        tactics.put(e.shortName(), e);
        if (e.previousShortName() != null) {
          renamed.put(e.previousShortName(), e.shortName());
        }
      }
    }
    this.byId = Collections.unmodifiableMap(ids);
    this.tacticsByShortName = Collections.unmodifiableMap(tactics);
    this.renamedTactics = Collections.unmodifiableMap(renamed);
  }

  /** The bundled Enterprise data. */
  public static Attack enterprise() {
    Attack a = enterprise;
    if (a == null) {
      synchronized (Attack.class) {
        a = enterprise;
        if (a == null) {
          try (InputStream in = Attack.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("resource " + RESOURCE + " missing");
            }
            a = read(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          enterprise = a;
        }
      }
    }
    return a;
  }

  /**
   * Reads the tab-separated form: {@code # version: X} and comment lines, then one line per entry:
   * kind, id, name, status, revoked-by, tactics (comma-separated), previous short name.
   */
  public static Attack read(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<Entry> entries = new ArrayList<>();
    String version = "";
    String line;
    while ((line = r.readLine()) != null) {
      if (line.startsWith("# version: ")) {
        version = line.substring("# version: ".length()).trim();
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 7) {
        throw new IOException("ATT&CK data: a line has " + f.length + " columns, not 7: " + line);
      }
      entries.add(
          new Entry(
              Kind.valueOf(f[0].toUpperCase(Locale.ROOT)),
              f[1],
              f[2],
              Status.valueOf(f[3].toUpperCase(Locale.ROOT)),
              f[4].isEmpty() ? null : f[4],
              f[5].isEmpty() ? List.of() : List.of(f[5].split(",")),
              f[6].isEmpty() ? null : f[6]));
    }
    return new Attack(version, entries);
  }

  /** The ATT&amp;CK version the data describes ({@code 18.1 + 19.0 changes}). */
  public String version() {
    return version;
  }

  /** An entry by MITRE id, any case ({@code t1059.001}, {@code TA0002}). */
  public Optional<Entry> byId(String id) {
    return Optional.ofNullable(byId.get(id.toUpperCase(Locale.ROOT)));
  }

  /** A current tactic by short name ({@code execution}, {@code stealth}). */
  public Optional<Entry> tactic(String shortName) {
    return Optional.ofNullable(tacticsByShortName.get(shortName.toLowerCase(Locale.ROOT)));
  }

  /** The current tactics, by id. */
  public List<Entry> tactics() {
    return List.copyOf(tacticsByShortName.values());
  }

  /** The current tactic short names, by tactic id. */
  public List<String> currentTacticNames() {
    return List.copyOf(tacticsByShortName.keySet());
  }

  /** Former tactic short names to the current ones ({@code defense-evasion -> stealth}). */
  public Map<String, String> renamedTactics() {
    return renamedTactics;
  }

  /** Every entry of a kind, by id. */
  public List<Entry> entries(Kind kind) {
    return byId.values().stream().filter(e -> e.kind() == kind).toList();
  }

  /** The active techniques and sub-techniques, by id. */
  public List<Entry> activeTechniques() {
    return byId.values().stream()
        .filter(e -> e.kind() == Kind.TECHNIQUE && e.status() == Status.ACTIVE)
        .toList();
  }

  /**
   * What an {@code attack.*} tag names. The name part is compared without case; underscores in a
   * tactic name are read as hyphens ({@code defense_evasion} is the old {@code defense-evasion}).
   */
  public TagInfo tag(String tag) {
    String lower = tag.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("attack.")) {
      return new TagInfo(tag, null, null, false);
    }
    String name = lower.substring("attack.".length());
    if (name.matches("t\\d{4}(\\.\\d{3})?|g\\d{4}|s\\d{4}")) {
      return new TagInfo(tag, byId.get(name.toUpperCase(Locale.ROOT)), null, true);
    }
    if (name.matches("[a-z]+\\d{4}(\\.\\d{3})?")) {
      return new TagInfo(tag, null, null, false);
    }
    Entry tactic = tacticsByShortName.get(name);
    if (tactic != null) {
      return new TagInfo(tag, tactic, null, true);
    }
    String hyphened = name.replace('_', '-');
    String renamed = renamedTactics.get(hyphened);
    if (renamed != null) {
      return new TagInfo(tag, null, renamed, true);
    }
    if (!hyphened.equals(name) && tacticsByShortName.containsKey(hyphened)) {
      return new TagInfo(tag, null, hyphened, true);
    }
    if (OTHER_MATRIX_TACTICS.contains(hyphened)) {
      return new TagInfo(tag, null, hyphened.equals(name) ? null : hyphened, false);
    }
    return new TagInfo(tag, null, null, true);
  }

  /** Tactics of the Mobile and ICS matrices, which this Enterprise data does not hold. */
  private static final List<String> OTHER_MATRIX_TACTICS =
      List.of("evasion", "inhibit-response-function", "impair-process-control");
}
