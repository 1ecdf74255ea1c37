package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sigmaworkbench.engine.kqleval.KqlQuery;
import org.sigmaworkbench.engine.kqleval.KqlRow;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * End to end: a rule read from YAML hits the expected records of an export, and the KQL the writer
 * renders for the table those rows come from keeps exactly the same records (evaluated by the
 * test's KQL evaluator on the same rows).
 */
class ExportKqlAgreementTest {

  private static final Path FIXTURES = Path.of("src/test/resources/org/sigmaworkbench/logs");

  @TempDir Path dir;

  private static SigmaRule rule(String detection) {
    String yaml =
        "title: t\nlogsource:\n  category: process_creation\n  product: windows\n"
            + "detection:\n"
            + detection.replace("; ", "\n")
            + "\n  condition: selection\n";
    return new RuleLoader().load(yaml, "t.yml").firstRule().orElseThrow();
  }

  /** The records the matcher hits, after checking the KQL keeps the same ones. */
  private static List<Long> agreedHits(SigmaRule rule, Path log, String target) throws Exception {
    return agreedHits(rule, log, target, e -> true);
  }

  /** The same, over the events of the log that are rows of the table. */
  private static List<Long> agreedHits(
      SigmaRule rule, Path log, String target, java.util.function.Predicate<Event> inTable)
      throws Exception {
    KqlResult kql = new KqlWriter(TargetCatalog.get(target)).write(rule);
    assertThat(kql.ok()).as("%s", kql).isTrue();
    KqlQuery query = KqlQuery.parse(kql.query());
    Target.Table table =
        TargetCatalog.get(target).tables().stream()
            .filter(t -> t.name().equals(kql.table()))
            .findFirst()
            .orElseThrow();
    CompiledRule matcher = CompiledRule.compile(rule);
    List<Long> hits = new ArrayList<>();
    List<Long> kept = new ArrayList<>();
    try (EventStream s = LogReaders.open(log)) {
      Event e;
      while ((e = s.next()) != null) {
        if (!inTable.test(e)) {
          continue;
        }
        if (matcher.appliesTo(e) && matcher.matches(e)) {
          hits.add(e.record());
        }
        if (query.keeps(row(table, e))) {
          kept.add(e.record());
        }
      }
    }
    assertThat(kept).as("KQL %s keeps what the matcher hits", kql.query()).isEqualTo(hits);
    return hits;
  }

  /** The event as a row of the table: its columns by name, Sigma-named fields through the table. */
  private static KqlRow row(Target.Table table, Event e) {
    KqlRow row = new KqlRow(table.columns());
    for (int i = 0; i < e.schema().size(); i++) {
      String name = e.schema().name(i);
      String v = e.value(i);
      String column =
          table
              .columnsFor(name)
              .map(c -> c.get(0))
              .orElse(table.columns().containsKey(name) ? name : null);
      if (v == null || column == null || column.contains(".")) {
        continue;
      }
      String type = table.columnType(column).orElse("string");
      if ((type.equals("long") || type.equals("int")) && !v.matches("-?[0-9]{1,18}")) {
        continue;
      }
      row.set(column, v);
    }
    return row;
  }

  private static List<Long> records(String list) {
    List<Long> out = new ArrayList<>();
    if (!list.isBlank()) {
      for (String s : list.split(" ")) {
        out.add(Long.parseLong(s));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '"',
      value = {
        "  LogonId: '0x3e7'                          # 1",
        "  LogonId: 999                              # 1",
        "  LogonId: '999'                            # 1",
        "  LogonId: '0X3E5'                          # 5",
        "  SubjectLogonId: '0x3e7'                   # 1 2",
        "  TargetLogonId: '0x4a47b'                  # 2",
        "  SubjectLogonId: 304251                    # 5",
        "  User: 'NT AUTHORITY\\SYSTEM'              # 1",
        "  User|endswith: '\\jdoe'                   # 2",
        "  User|endswith: '\\root'                   # 4",
        "  User|contains: 'AUTHORI'                  # 1 5",
        "  User|startswith: 'NT AUTHORITY\\'         # 1 5",
        "  User: root                                # 3 4",
        "  User: 'host.example\\root'                # 4",
        "  User|contains: 'example\\ro'              # 4",
        "  ParentUser: 'NT AUTHORITY\\SYSTEM'        # 1 2",
        "  ParentUser|endswith: 'jdoe'               # 5",
      })
  void defenderAccountsAndLogonIds(String selection, String expected) throws Exception {
    SigmaRule r = rule("  selection:\n    " + selection.strip());
    assertThat(agreedHits(r, FIXTURES.resolve("defender-accounts.csv"), "microsoft_xdr"))
        .isEqualTo(records(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '"',
      value = {
        // Windows writes the logon id in hexadecimal; a decimal rule value is the same id.
        "  LogonId: 999                     # 1",
        "  LogonId: '0x3E7'                 # 1",
        "  LogonId: '304251'                # 2",
        "  CommandLine|contains: 'Export-PfxCertificate' # 1",
        "  Image|endswith: '\\powershell.exe'           # 1 2",
      })
  void germanSecurityEventsAgreeWithSecurityEventKql(String selection, String expected)
      throws Exception {
    SigmaRule r = rule("  selection:\n    " + selection.strip());
    // The Security events are SecurityEvent rows; the file's Sysmon event is not.
    java.util.function.Predicate<Event> security = e -> "4688".equals(e.get("EventID"));
    assertThat(agreedHits(r, FIXTURES.resolve("eventviewer-de-de.csv"), "azure_monitor", security))
        .isEqualTo(records(expected));
    assertThat(agreedHits(r, FIXTURES.resolve("getwinevent-de-de.csv"), "azure_monitor", security))
        .isEqualTo(records(expected));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '"',
      value = {
        "CommandLine        # sentinel_asim # 1 3",
        "CommandLine        # microsoft_xdr # 1 3",
        "ProcessCommandLine # microsoft_xdr # 1 3",
      })
  void oneColumnCsvs(String header, String target, String expected) throws Exception {
    Path p = dir.resolve("one.csv");
    Files.writeString(
        p,
        header
            + "\r\n"
            + "\"C:\\Windows\\system32\\certutil.exe\" -urlcache -f http://x/a.exe a.exe\r\n"
            + "whoami /all\r\n"
            + "certutil -URLCACHE -split -f http://x/b\r\n",
        StandardCharsets.UTF_8);
    SigmaRule r = rule("  selection:\n    CommandLine|contains|all: ['certutil', 'urlcache']");
    assertThat(agreedHits(r, p, target)).isEqualTo(records(expected));
  }
}
