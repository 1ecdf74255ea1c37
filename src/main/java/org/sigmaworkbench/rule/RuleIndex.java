package org.sigmaworkbench.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What cross-file checks need of many documents, and nothing more: each document's id, name, title
 * and references with their positions. It is small, so a folder of thousands of rules can be
 * checked without keeping the rules themselves.
 */
public final class RuleIndex extends RuleLookup<RuleIndex.Entry> {

  /** The kind of a document. */
  public enum Kind {
    RULE,
    CORRELATION,
    FILTER
  }

  /** A reference to another rule by id or name, and where it is written. */
  public record Reference(String target, Position position) {}

  /**
   * One document.
   *
   * @param source the file it is in
   * @param document its index in the file, from 0
   * @param kind rule, correlation or filter
   * @param line the line where it starts
   * @param id its id, or {@code null}
   * @param idAt where the id is written
   * @param name its name, or {@code null}
   * @param nameAt where the name is written
   * @param title its title, or {@code null}
   * @param titleAt where the title is written
   * @param references the rules a correlation or filter names
   * @param appliesToAll whether it is a filter for every rule of its logsource
   */
  public record Entry(
      String source,
      int document,
      Kind kind,
      int line,
      String id,
      Position idAt,
      String name,
      Position nameAt,
      String title,
      Position titleAt,
      List<Reference> references,
      boolean appliesToAll) {

    public Entry {
      references = List.copyOf(references);
    }

    /** {@code path:line} of the document, for messages. */
    public String where() {
      return source + (line > 0 ? ":" + line : "");
    }
  }

  private final List<Entry> entries;
  private final int files;
  private final Map<String, List<String>> byFileName = new HashMap<>();

  private RuleIndex(List<Entry> entries) {
    this.entries = entries;
    Set<String> sources = new LinkedHashSet<>();
    for (Entry e : entries) {
      add(e.id(), e.name(), e.title(), e);
      if (sources.add(e.source())) {
        byFileName.computeIfAbsent(fileName(e.source()), k -> new ArrayList<>()).add(e.source());
      }
    }
    this.files = sources.size();
  }

  /** An index of the given entries. */
  public static RuleIndex of(Collection<Entry> entries) {
    return new RuleIndex(List.copyOf(entries));
  }

  /** An index of the documents of the given files. */
  public static RuleIndex ofFiles(Collection<RuleFile> files) {
    List<Entry> all = new ArrayList<>();
    for (RuleFile f : files) {
      all.addAll(entries(f));
    }
    return new RuleIndex(all);
  }

  /** The entries of one file's documents, in order. */
  public static List<Entry> entries(RuleFile file) {
    List<Entry> out = new ArrayList<>();
    List<RuleDocument> docs = file.documents();
    for (int i = 0; i < docs.size(); i++) {
      out.add(entry(file.source(), i, docs.get(i)));
    }
    return out;
  }

  public static Entry entry(String source, int index, RuleDocument d) {
    RuleMeta m = d.meta();
    SourceMap src = d.source();
    Kind kind = Kind.RULE;
    List<Reference> refs = new ArrayList<>();
    boolean all = false;
    if (d instanceof CorrelationRule c) {
      kind = Kind.CORRELATION;
      references(c.rules(), src.items("correlation.rules"), m, refs);
    } else if (d instanceof FilterRule f) {
      kind = Kind.FILTER;
      all = f.appliesToAll();
      if (!all) {
        references(f.rules(), src.items("filter.rules"), m, refs);
      }
    }
    return new Entry(
        source,
        index,
        kind,
        m.position().line(),
        m.id(),
        at(src, "id", m),
        m.name(),
        at(src, "name", m),
        m.title(),
        at(src, "title", m),
        refs,
        all);
  }

  private static void references(
      List<String> targets, List<SourceMap.Entry> written, RuleMeta m, List<Reference> out) {
    for (int i = 0; i < targets.size(); i++) {
      Position p = i < written.size() ? written.get(i).valuePosition() : m.position();
      out.add(new Reference(targets.get(i), p));
    }
  }

  private static Position at(SourceMap src, String path, RuleMeta m) {
    Position p = src.value(path);
    return p.line() > 0 ? p : m.position();
  }

  /** The last part of a path, {@code a/b/rule.yml} to {@code rule.yml}. */
  public static String fileName(String source) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return source.substring(slash + 1);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** How many files the entries come from. */
  public int files() {
    return files;
  }

  /** The files whose name (without folders) is {@code fileName}. */
  public List<String> byFileName(String fileName) {
    return byFileName.getOrDefault(fileName, List.of());
  }
}
