package org.sigmaworkbench.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reading the package's YAML data files, with messages that say which file and which entry. */
final class DataFiles {

  private DataFiles() {}

  /** A resource of this package, parsed. */
  static Object load(String resource) {
    try (InputStream in = DataFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new Yaml(new SafeConstructor(new LoaderOptions()))
          .load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<?, ?> map(Object o, String where) {
    if (o instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalStateException(where + ": expected a mapping");
  }

  static List<?> list(Object o, String where) {
    if (o instanceof List<?> l) {
      return l;
    }
    throw new IllegalStateException(where + ": expected a list");
  }

  static String string(Object o, String where) {
    if (o == null) {
      throw new IllegalStateException(where + ": missing");
    }
    return String.valueOf(o);
  }

  /** A list of scalars as strings; a single scalar is a list of one; absent is empty. */
  static List<String> strings(Object o, String where) {
    List<String> out = new ArrayList<>();
    if (o == null) {
      return out;
    }
    if (o instanceof List<?> l) {
      for (Object x : l) {
        out.add(String.valueOf(x));
      }
      return out;
    }
    if (o instanceof Map<?, ?>) {
      throw new IllegalStateException(where + ": expected a list");
    }
    out.add(String.valueOf(o));
    return out;
  }
}
