package org.sigmaworkbench.rule;

/** A place in rule text: 1-based line and column; {@link #NONE} when unknown. */
public record Position(int line, int column) {
  public static final Position NONE = new Position(0, 0);

  /**
   * The same place moved {@code chars} columns to the right (for offsets inside a one-line scalar).
   */
  public Position plusColumns(int chars) {
    return line == 0 ? this : new Position(line, column + chars);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
