package org.sigmaworkbench.engine.kqleval;

/** The query text is outside the KQL subset this evaluator reads. */
public final class KqlSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KqlSyntaxException(String message, int offset) {
    super(message + " at offset " + offset);
  }
}
