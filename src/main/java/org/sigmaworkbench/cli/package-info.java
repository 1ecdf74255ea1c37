/**
 * The command line: {@code convert}, {@code test}, {@code check}, {@code events} and {@code
 * export}, headless (no JavaFX is started), text or JSON lines output; and the desktop window's
 * startup options ({@link org.sigmaworkbench.cli.WindowOptions}). Options are declared once, as
 * picocli annotations, and parsed, described in {@code --help} and reported when wrong by picocli.
 *
 * <p>May use every package but {@code app}; the only package that uses picocli.
 */
package org.sigmaworkbench.cli;
