package org.sigmaworkbench.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleIndex;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.lint.LintCheck;
import org.sigmaworkbench.rule.lint.LintSettings;
import org.sigmaworkbench.rule.lint.Linter;
import org.sigmaworkbench.rule.yaml.RuleLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code check}: loads and validates rules and lints them, printing errors and warnings with
 * positions. Files are read in parallel; cross-file checks (duplicate ids, filter and correlation
 * references) look at every input together.
 */
@Command(
    name = "check",
    description = {
      "Load, validate and lint rules; print errors and warnings with line and column.",
      "Exit code 1 when a rule has errors; warnings do not change the exit code."
    })
final class CheckCommand extends CliCommand {

  @Parameters(arity = "0..*", paramLabel = "RULE_OR_DIR", description = "Rule files or folders.")
  List<Path> inputs = new ArrayList<>();

  @Mixin FormatOption output;

  @Option(
      names = "--disable",
      paramLabel = "ID",
      split = ",",
      description =
          "Lint checks to switch off, by id (lint.title-length) or prefix (lint.title-*); see"
              + " --list-checks.")
  List<String> disabled = new ArrayList<>();

  @Option(names = "--no-lint", description = "Report loading errors and warnings only.")
  boolean noLint;

  @Option(names = "--list-checks", description = "List the lint checks with their ids and exit.")
  boolean listChecks;

  @Mixin PlaceholdersOption placeholders;

  @Override
  public int call(PrintWriter out, PrintWriter err) throws Exception {
    if (listChecks) {
      for (LintCheck c : Linter.checks()) {
        out.println(c.id() + "  " + c.description());
      }
      return 0;
    }
    if (inputs.isEmpty()) {
      err.println("error: name at least one rule file or folder (or use --list-checks)");
      return 2;
    }
    Set<String> off = new LinkedHashSet<>();
    for (String d : disabled) {
      Set<String> matched = matching(d.trim());
      if (matched.isEmpty()) {
        err.println("error: '" + d + "' is not a lint check; see check --list-checks");
        return 2;
      }
      off.addAll(matched);
    }
    Placeholders table = placeholders.load(err);
    if (table == null) {
      return 2;
    }
    RuleLoader loader = new RuleLoader(table);
    Linter linter = new Linter(new LintSettings(off));
    List<Path> paths = RuleInputs.expand(inputs);
    // Each file is loaded and linted on its own, in parallel, and only what the output and the
    // cross-file checks need is kept, not the rules themselves.
    List<Checked> checked =
        paths.parallelStream().map(p -> Checked.of(p, loader.load(p), linter, noLint)).toList();
    if (!noLint) {
      List<RuleIndex.Entry> entries = new ArrayList<>();
      for (Checked c : checked) {
        entries.addAll(c.entries());
      }
      RuleIndex index = RuleIndex.of(entries);
      checked.parallelStream().forEach(c -> c.addCrossFileLint(linter, index));
    }
    JsonLines json = new JsonLines(out);
    int bad = 0;
    int documents = 0;
    int warnings = 0;
    for (Checked c : checked) {
      if (c.hasErrors()) {
        bad++;
      }
      documents += c.entries().size();
      for (int d = 0; d < c.problems().size(); d++) {
        List<RuleProblem> problems = c.problems().get(d);
        warnings += (int) problems.stream().filter(pr -> !pr.isError()).count();
        print(out, json, c.path(), d, d < c.entries().size() ? c.entries().get(d) : null, problems);
      }
    }
    out.flush();
    if (output.text()) {
      err.println(
          checked.size()
              + " files checked ("
              + documents
              + " documents): "
              + bad
              + " with errors, "
              + warnings
              + " warnings");
    }
    return bad > 0 ? 1 : 0;
  }

  /**
   * What is kept of one checked file: per document (at least one line per file) its problems, and
   * its index entries.
   */
  private record Checked(
      Path path,
      boolean hasErrors,
      List<RuleIndex.Entry> entries,
      List<List<RuleProblem>> problems) {

    static Checked of(Path path, RuleFile file, Linter linter, boolean noLint) {
      List<RuleDocument> docs = file.documents();
      List<List<RuleProblem>> problems = new ArrayList<>();
      for (int d = 0; d < Math.max(1, docs.size()); d++) {
        List<RuleProblem> ps = new ArrayList<>();
        if (d == 0) {
          ps.addAll(file.fileProblems());
        }
        if (d < docs.size()) {
          ps.addAll(docs.get(d).problems());
          if (!noLint) {
            ps.addAll(linter.lintDocument(file, docs.get(d)));
          }
        }
        problems.add(ps);
      }
      return new Checked(path, file.hasErrors(), RuleIndex.entries(file), problems);
    }

    void addCrossFileLint(Linter linter, RuleIndex index) {
      for (int d = 0; d < entries.size(); d++) {
        problems.get(d).addAll(linter.lintAcross(index, entries.get(d)));
      }
    }
  }

  /** The check ids {@code pattern} names: one id, or every id with a prefix ending in '*'. */
  private static Set<String> matching(String pattern) {
    Set<String> out = new LinkedHashSet<>();
    for (LintCheck c : Linter.checks()) {
      boolean match =
          pattern.endsWith("*")
              ? c.id().startsWith(pattern.substring(0, pattern.length() - 1))
              : c.id().equals(pattern);
      if (match) {
        out.add(c.id());
      }
    }
    return out;
  }

  private void print(
      PrintWriter out,
      JsonLines json,
      Path p,
      int index,
      RuleIndex.Entry doc,
      List<RuleProblem> problems) {
    List<RuleProblem> sorted = new ArrayList<>(problems);
    sorted.sort(
        (a, b) ->
            a.line() != b.line() ? Integer.compare(a.line(), b.line()) : a.column() - b.column());
    if (output.jsonl()) {
      boolean ok = sorted.stream().noneMatch(RuleProblem::isError);
      json.object(
          g -> {
            g.writeStringField("path", p.toString());
            g.writeNumberField("document", doc == null ? 0 : index + 1);
            g.writeStringField("kind", doc == null ? null : kind(doc));
            g.writeStringField("id", doc == null ? null : doc.id());
            g.writeStringField("title", doc == null ? null : doc.title());
            g.writeBooleanField("ok", ok);
            problems(g, "errors", sorted, true);
            problems(g, "warnings", sorted, false);
          });
      return;
    }
    for (RuleProblem pr : sorted) {
      out.println(located(p, pr) + " [" + pr.code() + "]");
    }
  }

  /**
   * A problem of a file as one line: {@code FILE:LINE:COLUMN: SEVERITY: MESSAGE}, or {@code FILE:
   * SEVERITY: MESSAGE} when it has no line.
   */
  static String located(Path file, RuleProblem p) {
    return file
        + ":"
        + (p.line() > 0 ? p.line() + ":" + p.column() + ": " : " ")
        + p.severity().label()
        + ": "
        + p.message();
  }

  private static String kind(RuleIndex.Entry d) {
    return switch (d.kind()) {
      case CORRELATION -> "correlation";
      case FILTER -> "filter";
      case RULE -> "rule";
    };
  }

  private static void problems(
      JsonGenerator g, String name, List<RuleProblem> problems, boolean errors) throws IOException {
    g.writeArrayFieldStart(name);
    for (RuleProblem p : problems) {
      if (p.isError() != errors) {
        continue;
      }
      g.writeStartObject();
      g.writeNumberField("line", p.line());
      g.writeNumberField("column", p.column());
      g.writeStringField("code", p.code());
      g.writeStringField("message", p.message());
      g.writeStringField("text", p.excerpt());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
