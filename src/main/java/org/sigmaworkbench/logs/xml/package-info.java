/**
 * The reader of event XML ({@link org.sigmaworkbench.logs.xml.XmlEventReader}): wevtutil,
 * Get-WinEvent {@code ToXml()}, Event Viewer "Save as XML" and evtx_dump XML, several documents or
 * bare {@code <Event>} elements in one file ({@code XmlDeclarationFilter}, {@code ConcatReader}).
 *
 * <p>May use the {@code logs} core; never {@code logs.detect}, another reader, the engine or
 * JavaFX.
 */
package org.sigmaworkbench.logs.xml;
