package org.sigmaworkbench.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of several rule files (a folder, or the inputs of one command) with lookups by id,
 * name, title and file name: what cross-file lint and the resolution of filter and correlation
 * references need.
 */
public final class RuleCollection extends RuleLookup<RuleCollection.Entry> {

  /**
   * One document and the file it came from.
   *
   * @param file the file
   * @param document the document
   */
  public record Entry(RuleFile file, RuleDocument document) {

    /** {@code path:line} of the document, for messages. */
    public String where() {
      int line = document.meta().position().line();
      return file.source() + (line > 0 ? ":" + line : "");
    }
  }

  private final List<RuleFile> files;
  private final RuleIndex index;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, List<RuleFile>> byFileName = new HashMap<>();

  private RuleCollection(List<RuleFile> files) {
    this.files = files;
    for (RuleFile f : files) {
      byFileName.computeIfAbsent(RuleIndex.fileName(f.source()), k -> new ArrayList<>()).add(f);
      for (RuleDocument d : f.documents()) {
        Entry e = new Entry(f, d);
        entries.add(e);
        add(d.meta().id(), d.meta().name(), d.meta().title(), e);
      }
    }
    this.index = RuleIndex.ofFiles(files);
  }

  public static RuleCollection of(Collection<RuleFile> files) {
    return new RuleCollection(List.copyOf(files));
  }

  public List<RuleFile> files() {
    return files;
  }

  /** The names and references of every document, for cross-file checks. */
  public RuleIndex index() {
    return index;
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The files whose name (without folders) is {@code fileName}. */
  public List<RuleFile> byFileName(String fileName) {
    return byFileName.getOrDefault(fileName, List.of());
  }

  /** Every detection rule of the collection with each filter that applies to it added. */
  public List<SigmaRule> rulesWithFilters() {
    List<RuleDocument> docs = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      docs.add(e.document());
    }
    return FilterApplication.applyAll(docs);
  }
}
