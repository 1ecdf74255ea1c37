/**
 * The command line: {@code convert}, {@code test}, {@code check} and {@code events}, headless (no
 * JavaFX is started), text or JSON lines output.
 *
 * <p>May use every package but {@code app}.
 */
package org.sigmaworkbench.cli;
