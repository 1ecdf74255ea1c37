/**
 * The desktop workbench (JavaFX): the rule editor, the live KQL preview, the test pane with hit
 * rows and highlighted matches, drag and drop, the clipboard. Long work (parsing, converting,
 * reading logs, matching) runs on background executors; the FX thread only applies results.
 *
 * <p>The only package that imports {@code javafx}.
 */
package org.sigmaworkbench.app;
