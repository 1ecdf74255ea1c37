package org.sigmaworkbench.authoring;

/**
 * One replacement in a text.
 *
 * @param offset where the replaced text begins (0-based char offset)
 * @param length how many chars are replaced (0 for an insertion)
 * @param replacement the new text ("" for a deletion)
 */
public record TextEdit(int offset, int length, String replacement) {
  public TextEdit {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("negative offset or length");
    }
    replacement = replacement == null ? "" : replacement;
  }

  public int end() {
    return offset + length;
  }
}
