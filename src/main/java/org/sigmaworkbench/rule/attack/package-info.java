/**
 * MITRE ATT&CK Enterprise as data (v18.1 with the v19.0 overlay), read from a bundled resource:
 * tactics, techniques, groups and software by id or Sigma tag, with their names, revoked (and the
 * replacement) and deprecated entries, and the tactic names that are no longer current.
 */
package org.sigmaworkbench.rule.attack;
