package org.sigmaworkbench.export;

import java.util.List;
import java.util.Optional;

/** The documents a rule can be exported as. */
public enum ExportFormat {
  /** An ARM template deploying a Microsoft Sentinel scheduled analytics rule. */
  SENTINEL_ARM("sentinel-arm", ".json"),
  /** The analytics-rule YAML of Microsoft's Azure-Sentinel content repository. */
  SENTINEL_YAML("sentinel-yaml", ".yaml"),
  /** A Microsoft Graph security detectionRule (Defender XDR custom detection), beta API. */
  DEFENDER("defender", ".json");

  /** The name on the command line. */
  public final String id;

  /** The extension of a written file. */
  public final String extension;

  ExportFormat(String id, String extension) {
    this.id = id;
    this.extension = extension;
  }

  /** Every name, for the command line and messages. */
  public static final List<String> NAMES = List.of("sentinel-arm", "sentinel-yaml", "defender");

  public static Optional<ExportFormat> named(String name) {
    for (ExportFormat f : values()) {
      if (f.id.equalsIgnoreCase(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Whether the document is one for Sentinel. */
  public boolean sentinel() {
    return this != DEFENDER;
  }

  /** The targets whose tables the service can query, default first. */
  public List<String> targets() {
    return ExportMapping.get().targets(this);
  }

  @Override
  public String toString() {
    return id;
  }
}
