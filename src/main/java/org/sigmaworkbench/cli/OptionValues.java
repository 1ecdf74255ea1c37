package org.sigmaworkbench.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.sigmaworkbench.export.Durations;
import org.sigmaworkbench.export.ExportFormat;
import org.sigmaworkbench.mapping.TargetCatalog;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How option values are read: each converter checks one value and says in its message what was
 * expected; picocli puts the option's name in front ({@code invalid value for option '--threads':
 * 'two' is not a whole number}).
 */
final class OptionValues {

  private OptionValues() {}

  /** Converters for every option of a type, registered on the whole command tree. */
  static void register(CommandLine cl) {
    cl.registerConverter(String.class, new Text());
    cl.registerConverter(Path.class, new PathValue());
    cl.registerConverter(Integer.class, new WholeNumber());
    cl.registerConverter(Duration.class, new DurationValue());
  }

  // Classes, not lambdas: the first lambda of a process links its machinery, which costs a
  // command's start more than the rest of the parse.

  private static final class Text implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return text(value);
    }
  }

  private static final class PathValue implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      return path(value);
    }
  }

  private static final class WholeNumber implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return wholeNumber(value);
    }
  }

  /** A value given as {@code --name=} with nothing after the sign is no value at all. */
  static String text(String value) {
    if (value.isEmpty()) {
      throw new TypeConversionException("a value is needed, not an empty text");
    }
    return value;
  }

  static Path path(String value) {
    try {
      return Path.of(text(value));
    } catch (InvalidPathException e) {
      throw new TypeConversionException("'" + value + "' is not a path: " + e.getReason());
    }
  }

  static Integer wholeNumber(String value) {
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number");
    }
  }

  /** {@code 5m}, {@code 1h}, {@code 1d}, or an ISO-8601 duration. */
  private static final class DurationValue implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** An export format by its name, compared without case. */
  static final class ExportFormatValue implements ITypeConverter<ExportFormat> {
    @Override
    public ExportFormat convert(String value) {
      java.util.Optional<ExportFormat> f = ExportFormat.named(value);
      if (f.isEmpty()) {
        throw new TypeConversionException(oneOf(ExportFormat.NAMES, value));
      }
      return f.get();
    }
  }

  /** The names of the export formats, for the help and the messages. */
  static final class ExportFormatNames extends Names {
    ExportFormatNames() {
      super(ExportFormat.NAMES);
    }
  }

  /** A built-in target by its name, compared without case (the window has no target files). */
  static final class BuiltInTarget implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String name = value.toLowerCase(Locale.ROOT);
      if (!TargetCatalog.BUILT_IN.contains(name)) {
        throw new TypeConversionException(oneOf(TargetCatalog.BUILT_IN, value));
      }
      return name;
    }
  }

  /** The names of the built-in targets, for the help and the messages. */
  static final class BuiltInTargetNames extends Names {
    BuiltInTargetNames() {
      super(TargetCatalog.BUILT_IN);
    }
  }

  /** A fixed list of names as picocli's completion candidates. */
  private abstract static class Names implements Iterable<String> {
    private final List<String> names;

    Names(List<String> names) {
      this.names = names;
    }

    @Override
    public Iterator<String> iterator() {
      return names.iterator();
    }
  }

  /** A folder that exists. */
  static final class Folder implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      Path p = path(value);
      if (!Files.exists(p)) {
        throw new TypeConversionException("no folder '" + value + "'");
      }
      if (!Files.isDirectory(p)) {
        throw new TypeConversionException("'" + value + "' is a file, not a folder of rules");
      }
      return p;
    }
  }

  private static String oneOf(List<String> names, String value) {
    return "expected one of " + names + " (case-insensitive) but was '" + value + "'";
  }
}
