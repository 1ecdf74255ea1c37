package org.sigmaworkbench.logs.evtx;

/**
 * Binary XML (or a record holding it) that cannot be decoded. Caught at the record or chunk
 * boundary and turned into a {@link org.sigmaworkbench.logs.LogProblem}; never leaves this package.
 */
final class BinXmlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Offset of the offending bytes within their chunk. */
  final int chunkOffset;

  BinXmlException(String message, int chunkOffset) {
    super(message, null, false, false);
    this.chunkOffset = chunkOffset;
  }
}
