package org.sigmaworkbench.authoring;

import java.util.List;

/**
 * The built-in rule templates (one per common logsource and a correlation) and the snippets of a
 * detection (a selection, a filter, a keyword list).
 */
public final class Templates {
  private Templates() {}

  /** The reference, author and date every template asks the writer to fill in. */
  private static final String AUTHORSHIP =
      "references:\n"
          + "    - https://example.org/write-the-source-here\n"
          + "author: Your Name\n"
          + "date: ${date}\n";

  private static String rule(
      String what, String tags, String logsource, String detection, String falsepositives) {
    return "title: "
        + Template.CARET
        + what
        + "\n"
        + "id: ${id}\n"
        + "status: experimental\n"
        + "description: Detects "
        + what.toLowerCase(java.util.Locale.ROOT)
        + ". Say here what the behaviour is and why it matters.\n"
        + AUTHORSHIP
        + "tags:\n"
        + tags
        + "logsource:\n"
        + logsource
        + "detection:\n"
        + detection
        + "falsepositives:\n"
        + "    - "
        + falsepositives
        + "\n"
        + "level: medium\n";
  }

  private static final List<Template> ALL =
      List.of(
          new Template(
              "Process creation (Windows)",
              "a process started with a given image and command line (Sysmon 1, Security 4688)",
              "proc_creation_win_new_rule.yml",
              rule(
                  "Suspicious Process Execution",
                  "    - attack.execution\n    - attack.t1059\n",
                  "    category: process_creation\n    product: windows\n",
                  "    selection_img:\n"
                      + "        Image|endswith: '\\example.exe'\n"
                      + "    selection_cli:\n"
                      + "        CommandLine|contains: ' -example '\n"
                      + "    condition: all of selection_*\n",
                  "Administrators running the tool on purpose")),
          new Template(
              "Network connection (Windows)",
              "a process connecting to a host or port (Sysmon 3)",
              "net_connection_win_new_rule.yml",
              rule(
                  "Suspicious Outbound Connection",
                  "    - attack.command-and-control\n    - attack.t1071\n",
                  "    category: network_connection\n    product: windows\n",
                  "    selection:\n"
                      + "        Image|endswith: '\\example.exe'\n"
                      + "        Initiated: 'true'\n"
                      + "        DestinationPort: 443\n"
                      + "    condition: selection\n",
                  "Software updates")),
          new Template(
              "Registry value set (Windows)",
              "a registry value written (Sysmon 13)",
              "registry_set_new_rule.yml",
              rule(
                  "Suspicious Registry Value Set",
                  "    - attack.persistence\n    - attack.t1547.001\n",
                  "    category: registry_set\n    product: windows\n",
                  "    selection:\n"
                      + "        TargetObject|contains: '\\CurrentVersion\\Run\\'\n"
                      + "        Details|contains: '\\AppData\\'\n"
                      + "    condition: selection\n",
                  "Installers of legitimate software")),
          new Template(
              "PowerShell script block (Windows)",
              "text of a PowerShell script block (event 4104; script block logging on)",
              "posh_ps_new_rule.yml",
              rule(
                  "Suspicious PowerShell Script Block",
                  "    - attack.execution\n    - attack.t1059.001\n",
                  "    category: ps_script\n    product: windows\n"
                      + "    definition: 'Requirements: Script Block Logging must be enabled'\n",
                  "    selection:\n"
                      + "        ScriptBlockText|contains|all:\n"
                      + "            - 'Invoke-Example'\n"
                      + "            - '-Example'\n"
                      + "    condition: selection\n",
                  "Administration scripts")),
          new Template(
              "Security event id (Windows)",
              "an event of the Security log by its id (here 4698, a scheduled task created)",
              "win_security_new_rule.yml",
              rule(
                  "Suspicious Scheduled Task Creation",
                  "    - attack.persistence\n    - attack.t1053.005\n",
                  "    product: windows\n    service: security\n",
                  "    selection:\n"
                      + "        EventID: 4698\n"
                      + "        TaskContent|contains: '\\AppData\\'\n"
                      + "    condition: selection\n",
                  "Software that schedules its own updates")),
          new Template(
              "Correlation (event count)",
              "a correlation counting another rule's hits per group in a time window",
              "win_security_new_correlation.yml",
              "title: "
                  + Template.CARET
                  + "Many Failed Logons for One Account\n"
                  + "id: ${id}\n"
                  + "status: experimental\n"
                  + "description: Detects many failed logons for the same account in a short"
                  + " time, a sign of password guessing.\n"
                  + AUTHORSHIP
                  + "tags:\n"
                  + "    - attack.credential-access\n"
                  + "    - attack.t1110\n"
                  + "correlation:\n"
                  + "    type: event_count\n"
                  + "    rules:\n"
                  + "        - failed_logon\n"
                  + "    group-by:\n"
                  + "        - TargetUserName\n"
                  + "    timespan: 10m\n"
                  + "    condition:\n"
                  + "        gte: 10\n"
                  + "falsepositives:\n"
                  + "    - Users who forgot their password\n"
                  + "level: medium\n"
                  + "---\n"
                  + "title: Failed Logon\n"
                  + "id: ${id}\n"
                  + "name: failed_logon\n"
                  + "status: experimental\n"
                  + "description: A logon failed (the base rule of the correlation above; it"
                  + " does not alert on its own).\n"
                  + AUTHORSHIP
                  + "tags:\n"
                  + "    - attack.credential-access\n"
                  + "logsource:\n"
                  + "    product: windows\n"
                  + "    service: security\n"
                  + "detection:\n"
                  + "    selection:\n"
                  + "        EventID: 4625\n"
                  + "    condition: selection\n"
                  + "falsepositives:\n"
                  + "    - Users who forgot their password\n"
                  + "level: low\n"));

  private static final List<Template> SNIPPETS =
      List.of(
          new Template(
              "Selection",
              "a search identifier: fields that must all match",
              "",
              "    selection_"
                  + Template.CARET
                  + "name:\n"
                  + "        Image|endswith: '\\example.exe'\n"
                  + "        CommandLine|contains: ' -example '\n"),
          new Template(
              "Filter",
              "a search identifier for events to leave out (use: and not 1 of filter_*)",
              "",
              "    filter_main_"
                  + Template.CARET
                  + "name:\n"
                  + "        ParentImage|startswith: 'C:\\Program Files\\'\n"),
          new Template(
              "Keyword list",
              "words matched anywhere in the event (slow; prefer fields)",
              "",
              "    keywords:\n        - '" + Template.CARET + "example'\n"));

  /** The rule templates. */
  public static List<Template> all() {
    return ALL;
  }

  /** The detection snippets (indented for the inside of {@code detection:}). */
  public static List<Template> snippets() {
    return SNIPPETS;
  }
}
