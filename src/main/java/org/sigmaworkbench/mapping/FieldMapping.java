package org.sigmaworkbench.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one Sigma field is read from a table: where its value comes from and, where the table writes
 * values differently than Sigma rules do, how a rule's value is rewritten for it. Every kind keeps
 * the meaning of the rule; a value that cannot be rewritten exactly is an error, not a guess.
 */
public sealed interface FieldMapping {

  /** Every column the field is read from, for messages and for reading exports. */
  List<String> columns();

  /**
   * One value, read from {@code source} and compared after {@code rewrite}.
   *
   * @param source where the value comes from
   * @param rewrite how rule values become values of the column
   */
  record Value(Source source, Rewrite rewrite) implements FieldMapping {
    @Override
    public List<String> columns() {
      return source.columns();
    }

    /** True when the column holds the value exactly as Sigma writes it. */
    public boolean isPlain() {
      return rewrite instanceof Rewrite.None && !(source instanceof Source.JoinedPath);
    }
  }

  /**
   * Sysmon's {@code Hashes} list ({@code SHA1=...,MD5=...,SHA256=...}) kept as one column per
   * algorithm.
   *
   * @param columnsByAlgorithm upper-case algorithm name ({@code MD5}, {@code SHA256}, {@code
   *     IMPHASH}) to the column holding that hash
   */
  record HashList(Map<String, String> columnsByAlgorithm) implements FieldMapping {
    public HashList {
      columnsByAlgorithm = Map.copyOf(columnsByAlgorithm);
    }

    @Override
    public List<String> columns() {
      return List.copyOf(new TreeMap<>(columnsByAlgorithm).values());
    }
  }

  /**
   * A Windows account written {@code DOMAIN\name} in Sigma, kept as two columns.
   *
   * @param domainColumn the column holding the domain
   * @param nameColumn the column holding the account name
   */
  record DomainUser(String domainColumn, String nameColumn) implements FieldMapping {
    @Override
    public List<String> columns() {
      return List.of(domainColumn, nameColumn);
    }
  }

  /** Where a single value comes from. */
  sealed interface Source {
    List<String> columns();

    /** One column, or a property of a dynamic column ({@code AdditionalFields.PipeName}). */
    record Column(String column) implements Source {
      @Override
      public List<String> columns() {
        return List.of(column);
      }
    }

    /** The first non-empty of several columns. */
    record FirstNonEmpty(List<String> columns) implements Source {
      public FirstNonEmpty {
        columns = List.copyOf(columns);
      }
    }

    /**
     * The non-empty columns joined with a backslash, as a registry key and its value name make the
     * path Sysmon writes ({@code HKLM\...\Run\Name}).
     */
    record JoinedPath(List<String> columns) implements Source {
      public JoinedPath {
        columns = List.copyOf(columns);
      }
    }
  }

  /** How a rule's value becomes a value of the column. */
  sealed interface Rewrite {

    /** The column holds the value as Sigma writes it. */
    record None() implements Rewrite {}

    /**
     * The value starts with a prefix the table writes differently ({@code HKLM\} as {@code
     * HKEY_LOCAL_MACHINE\}); the rest is the same.
     */
    record Prefixes(List<Prefix> prefixes) implements Rewrite {
      public Prefixes {
        prefixes = List.copyOf(prefixes);
      }
    }

    /** The rule's value is a full path; the column holds only the part after the last backslash. */
    record FileName() implements Rewrite {}

    /**
     * Whole values written differently: each rule value stands for any of the listed column values;
     * only equality can be rewritten.
     */
    record Values(Map<String, List<String>> values) implements Rewrite {
      public Values {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        values = Collections.unmodifiableMap(copy);
      }
    }
  }

  /**
   * A leading part as Sigma writes it and the forms the table writes instead.
   *
   * @param sigma the prefix in rule values ({@code HKLM\})
   * @param target the prefixes the table writes for it ({@code HKEY_LOCAL_MACHINE\}); empty when
   *     the table has no equivalent
   */
  record Prefix(String sigma, List<String> target) {
    public Prefix {
      target = List.copyOf(target);
    }
  }
}
