package org.sigmaworkbench.rule.attack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttackTest {

  static final Attack A = Attack.enterprise();

  @Test
  void techniquesByIdOrTagWithoutCase() {
    Attack.Entry ps = A.byId("t1059.001").orElseThrow();
    assertThat(ps.name()).isEqualTo("PowerShell");
    assertThat(ps.fullName(A)).isEqualTo("Command and Scripting Interpreter: PowerShell");
    assertThat(ps.tactics()).containsExactly("execution");
    assertThat(A.tag("attack.T1059.001").entry()).isEqualTo(ps);
    assertThat(ps.tag()).isEqualTo("attack.t1059.001");
  }

  @Test
  void revokedEntriesNameTheirCurrentReplacementThroughTheOverlay() {
    // v19: T1562.001 revoked by T1685; T1089 went through T1562.001 to T1685
    Attack.TagInfo t = A.tag("attack.t1089");
    assertThat(t.entry().status()).isEqualTo(Attack.Status.REVOKED);
    assertThat(t.replacement(A)).contains("attack.t1685");
    assertThat(A.tag("attack.t1086").replacement(A)).contains("attack.t1059.001");
    assertThat(A.tag("attack.t1043").entry().status()).isEqualTo(Attack.Status.DEPRECATED);
    assertThat(A.tag("attack.t1043").replacement(A)).isEmpty();
    assertThat(A.tag("attack.g0118").replacement(A)).contains("attack.g0016");
  }

  @Test
  void tacticNamesCurrentRenamedAndUnknown() {
    assertThat(A.tag("attack.stealth").entry().id()).isEqualTo("TA0005");
    assertThat(A.tag("attack.defense-impairment").entry().id()).isEqualTo("TA0112");
    assertThat(A.tag("attack.defense-evasion").renamedTo()).isEqualTo("stealth");
    assertThat(A.tag("attack.defense_evasion").renamedTo()).isEqualTo("stealth");
    assertThat(A.tag("attack.command_and_control").renamedTo()).isEqualTo("command-and-control");
    assertThat(A.renamedTactics()).containsEntry("defense-evasion", "stealth");
    assertThat(A.tag("attack.t9999").known()).isFalse();
    assertThat(A.tag("attack.t9999").covered()).isTrue();
    // campaigns, data sources and Mobile/ICS tactics are outside this data
    assertThat(A.tag("attack.ds0005").covered()).isFalse();
    assertThat(A.tag("attack.inhibit-response-function").covered()).isFalse();
  }
}
