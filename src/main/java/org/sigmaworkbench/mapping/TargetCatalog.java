package org.sigmaworkbench.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The built-in targets, read once from {@code targets/*.yaml} resources, and user target files. */
public final class TargetCatalog {

  /** Built-in targets, in the order the UI offers them. */
  public static final List<String> BUILT_IN =
      List.of("sentinel_asim", "microsoft_xdr", "azure_monitor");

  private static final Map<String, Target> CACHE = new ConcurrentHashMap<>();

  private TargetCatalog() {}

  /** A built-in target by name. */
  public static Optional<Target> builtIn(String name) {
    if (!BUILT_IN.contains(name)) {
      return Optional.empty();
    }
    return Optional.of(CACHE.computeIfAbsent(name, TargetCatalog::loadResource));
  }

  /** A built-in target by name; throws for an unknown name. */
  public static Target get(String name) {
    return builtIn(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown target '"
                        + name
                        + "'; expected one of "
                        + String.join(", ", BUILT_IN)));
  }

  public static List<Target> all() {
    return BUILT_IN.stream().map(TargetCatalog::get).toList();
  }

  private static Target loadResource(String name) {
    String path = "targets/" + name + ".yaml";
    try (InputStream in = TargetCatalog.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a target file of the same shape as the built-in ones. */
  public static Target load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Reads a target from its text; throws {@link IllegalArgumentException} with the source, line and
   * column of the first mistake.
   */
  public static Target parse(String text, String source) {
    return TargetFileReader.read(text, source);
  }
}
