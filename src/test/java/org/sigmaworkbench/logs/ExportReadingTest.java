package org.sigmaworkbench.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sigmaworkbench.logs.ExportFormatsTest.PS;
import static org.sigmaworkbench.logs.ExportFormatsTest.fixture;
import static org.sigmaworkbench.logs.ExportFormatsTest.read;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.logs.ExportFormatsTest.Read;
import org.sigmaworkbench.logs.detect.LogReaders;

/**
 * Split accounts read back as one {@code User}, one-column CSVs, and Event Viewer / Get-WinEvent
 * exports of German and French Windows.
 */
class ExportReadingTest {

  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void defenderAccountColumnsAreOneUserValue() throws Exception {
    Read r = read(fixture("defender-accounts.csv"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(5);
    assertThat(r.get(1).get("User")).isEqualTo("nt authority\\system");
    assertThat(r.get(2).get("User")).isEqualTo("corp\\jdoe");
    assertThat(r.get(2).get("ParentUser")).isEqualTo("nt authority\\system");
    // No domain: the name alone.
    assertThat(r.get(3).get("User")).isEqualTo("root");
    assertThat(r.get(5).get("User")).isEqualTo("NT AUTHORITY\\LOCAL SERVICE");
    assertThat(r.get(1).fields()).containsEntry("User", "nt authority\\system");
    // Logon ids stay the numbers Defender wrote; equality compares them in either notation.
    assertThat(r.get(1).get("LogonId")).isEqualTo("999");
    assertThat(r.get(2).get("SubjectLogonId")).isEqualTo("999");
    assertThat(r.get(2).get("TargetLogonId")).isEqualTo("304251");
  }

  @Test
  void anExportWithItsOwnUserColumnKeepsIt() throws Exception {
    Path p =
        file(
            "u.csv",
            "ProcessCommandLine,FolderPath,AccountDomain,AccountName,User\n"
                + "a,C:\\a.exe,corp,jdoe,someone else\n");
    Event e = read(p).get(1);
    assertThat(e.get("User")).isEqualTo("someone else");
  }

  @Test
  void aOneColumnCsvNamedByASigmaFieldIsALog() throws Exception {
    Path p =
        file(
            "cmd.csv",
            "CommandLine\n"
                + "\"C:\\Windows\\system32\\cmd.exe\" /c echo a,b\n"
                + "\n"
                + "\"powershell.exe -c \"\"x, y\"\"\"\n"
                + "\"multi\nline\"\n");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.CSV);
    Read r = read(p);
    assertThat(r.problems()).isEmpty();
    assertThat(r.events())
        .extracting(e -> e.get("CommandLine"))
        .containsExactly(
            "\"C:\\Windows\\system32\\cmd.exe\" /c echo a,b",
            "powershell.exe -c \"x, y\"",
            "multi\nline");
    assertThat(r.get(1).record()).isEqualTo(1);
  }

  @Test
  void aOneColumnCsvOfAnExportColumnIsReadThroughItsTable() throws Exception {
    Path p = file("pcl.csv", "ProcessCommandLine\r\nwhoami /all\r\nnet user\r\n");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.TABLE_EXPORT_CSV);
    Read r = read(p);
    assertThat(r.events())
        .extracting(e -> e.get("CommandLine"))
        .containsExactly("whoami /all", "net user");
    // A quoted header, as a spreadsheet writes it.
    Path q = file("q.csv", "\"Image\"\n\"C:\\a b\\c.exe\"\n");
    assertThat(read(q).get(1).get("Image")).isEqualTo("C:\\a b\\c.exe");
  }

  @Test
  void filesThatAreNotLogsAreStillRefused() throws Exception {
    for (Path p :
        new Path[] {
          file("notes.csv", "Shopping\nmilk\n"),
          file("notes.txt", "Just some notes\nwithout structure\n"),
          file(
              "rule.yml",
              "title: Certificate Exported\nlogsource:\n  category: process_creation\n"),
        }) {
      assertThatThrownBy(() -> LogReaders.open(p))
          .isInstanceOf(LogFormatException.class)
          .hasMessageContaining(p.getFileName().toString())
          .hasMessageContaining("expected event XML");
    }
  }

  @Test
  void germanEventViewerCsvReadsLikeTheEnglishOne() throws Exception {
    Path p = fixture("eventviewer-de-de.csv");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.EVENT_VIEWER_CSV);
    Read r = read(p);
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(3);
    Event sec = r.get(1);
    assertThat(sec.get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(sec.get("Image")).isEqualTo(PS);
    assertThat(sec.get("NewProcessName")).isEqualTo(PS);
    assertThat(sec.get("ParentProcessName")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
    assertThat(sec.get("SubjectDomainName")).isEqualTo("CORP");
    assertThat(sec.get("SubjectLogonId")).isEqualTo("0x3e7");
    assertThat(sec.get("TargetLogonId")).isEqualTo("0x0");
    assertThat(sec.get("MandatoryLabel")).isEqualTo("S-1-16-16384");
    assertThat(sec.schema().layout().source().hasCategory("process_creation")).isTrue();
    // Sysmon's labels are English in every language.
    assertThat(r.get(3).get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(r.get(3).get("User")).isEqualTo("CORP\\jdoe");
  }

  @Test
  void frenchTabSeparatedTextReadsSysmonAndTheSecurityMessage() throws Exception {
    Path p = fixture("eventviewer-fr-fr.txt");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.EVENT_VIEWER_TEXT);
    Read r = read(p);
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(3);
    assertThat(r.get(1).get("Image")).isEqualTo(PS);
    assertThat(r.get(2).get("CommandLine")).startsWith("powershell.exe Get-ChildItem");
    Event sec = r.get(3);
    assertThat(sec.get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(sec.get("NewProcessName")).isEqualTo(PS);
    assertThat(sec.get("ParentProcessName")).isEqualTo("C:\\Windows\\explorer.exe");
    assertThat(sec.get("SubjectUserName")).isEqualTo("WS-0142$");
    assertThat(sec.get("SubjectDomainName")).isEqualTo("CORP");
    assertThat(sec.get("SubjectLogonId")).isEqualTo("0x3E7");
    assertThat(sec.get("TargetLogonId")).isEqualTo("0x0");
    assertThat(sec.get("TokenElevationType")).isEqualTo("%%1936");
    assertThat(sec.get("MandatoryLabel")).isEqualTo("S-1-16-16384");
  }

  @Test
  void aSecurityMessageInAnUnknownLanguageNamesTheLabelsItDoesNotKnow() throws Exception {
    String header = "Level\tDate and Time\tSource\tEvent ID\tTask Category\r\n";
    String row =
        "Information\t20/11/2026 10:00:17\tMicrosoft-Windows-Security-Auditing\t4688\tx\t"
            + "\"Creato un nuovo processo.\r\n\r\nSoggetto autore:\r\n\tID di sicurezza:\t\tS-1-5-18"
            + "\r\n\tNome account:\t\tWS$\r\n\r\nRiga di comando del processo:\twhoami\"\r\n";
    Read r = read(file("it.txt", header + row));
    assertThat(r.events()).hasSize(1);
    Event sec = r.get(1);
    assertThat(sec.get("CommandLine")).isNull();
    assertThat(sec.get("Message")).contains("whoami");
    assertThat(r.problems()).hasSize(1);
    LogProblem problem = r.problems().get(0);
    assertThat(problem.where()).contains("record 1");
    assertThat(problem.message())
        .contains("4688")
        .contains("not recognized")
        .contains("'Soggetto autore'")
        .contains("'ID di sicurezza'");
  }

  @Test
  void getWinEventExportOfGermanWindowsInUtf16() throws Exception {
    Path p = fixture("getwinevent-de-de.csv");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.POWERSHELL_CSV);
    Read r = read(p);
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(2);
    assertThat(r.get(1).get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(r.get(1).get("Image")).isEqualTo(PS);
    assertThat(r.get(1).get("Channel")).isEqualTo("Security");
    assertThat(r.get(2).get("CommandLine")).startsWith("powershell.exe Get-ChildItem");
  }

  @Test
  void messageLabelsUnknownForAnEventAreReportedOncePerKind() throws Exception {
    String header = "Level,Date and Time,Source,Event ID,Task Category\r\n";
    String row =
        "Information,1/1/2026 10:00:00 AM,Sysmon,1,Process Create,\"Prozess erstellt:\r\n"
            + "Befehlszeile: whoami\r\nAbbild: C:\\w.exe\"\r\n";
    Read r = read(file("x.csv", header + row + row));
    assertThat(r.events()).hasSize(2);
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).message()).contains("'Befehlszeile', 'Abbild'");
  }
}
