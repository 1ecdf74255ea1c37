package org.sigmaworkbench.engine;

import org.sigmaworkbench.rule.Predicate.StringOp;

/**
 * The plain string comparisons (equals, contains, starts with, ends with) in their three case
 * forms: exact ({@code cased}), ASCII folding (KQL's default) and lower-cased code points (a value
 * with other cased letters; see {@link org.sigmaworkbench.rule.CaseFolding}).
 */
final class StringTests {
  private StringTests() {}

  /**
   * The span of a match whose length is the pattern's: the whole value for equality, the pattern's
   * place for the other operators ({@code at}: where contains found it).
   */
  static long fixedLengthSpan(StringOp op, String v, int at, int length) {
    return switch (op) {
      case EQUALS -> ValueTest.pack(0, v.length());
      case CONTAINS -> ValueTest.pack(at, at + length);
      case STARTSWITH -> ValueTest.pack(0, length);
      case ENDSWITH -> ValueTest.pack(v.length() - length, v.length());
    };
  }

  /** What the three case forms share: the operator, the pattern as written and the cost. */
  abstract static sealed class Comparison extends ValueTest permits Cased, AsciiFolded, Lowered {
    final StringOp op;
    final String text;
    private final int cost;

    /**
     * {@code containsCost} for a search in the value, {@code otherCost} for the other operators.
     */
    Comparison(StringOp op, String text, int containsCost, int otherCost) {
      this.op = op;
      this.text = text;
      this.cost = op == StringOp.CONTAINS ? containsCost : otherCost;
    }

    @Override
    final int cost() {
      return cost;
    }
  }

  /**
   * Case-sensitive: {@code ==}, {@code contains_cs}, {@code startswith_cs}, {@code endswith_cs}.
   */
  static final class Cased extends Comparison {
    Cased(StringOp op, String text) {
      super(op, text, 4, 1);
    }

    @Override
    boolean test(String v) {
      return switch (op) {
        case EQUALS -> v.equals(text);
        case CONTAINS -> v.contains(text);
        case STARTSWITH -> v.startsWith(text);
        case ENDSWITH -> v.endsWith(text);
      };
    }

    @Override
    long span(String v) {
      return fixedLengthSpan(op, v, op == StringOp.CONTAINS ? v.indexOf(text) : 0, text.length());
    }
  }

  /** ASCII letters in either case, everything else exact: {@code =~}, {@code contains}, ... */
  static final class AsciiFolded extends Comparison {
    final Text.AsciiFolded p;

    AsciiFolded(StringOp op, String text) {
      super(op, text, 5, 1);
      this.p = new Text.AsciiFolded(text);
    }

    @Override
    boolean test(String v) {
      return switch (op) {
        case EQUALS -> p.equalsValue(v);
        case CONTAINS -> p.indexIn(v, 0) >= 0;
        case STARTSWITH -> p.regionMatches(v, 0);
        case ENDSWITH -> p.regionMatches(v, v.length() - p.length());
      };
    }

    @Override
    long span(String v) {
      return fixedLengthSpan(op, v, op == StringOp.CONTAINS ? p.indexIn(v, 0) : 0, p.length());
    }
  }

  /** Both sides lower-cased code point by code point, then compared exactly. */
  static final class Lowered extends Comparison {
    final Text.Lowered p;

    Lowered(StringOp op, String text) {
      super(op, text, 20, 4);
      this.p = new Text.Lowered(text);
    }

    @Override
    boolean test(String v) {
      return switch (op) {
        case EQUALS -> p.equalsValue(v);
        case CONTAINS -> p.indexIn(v, 0) >= 0;
        case STARTSWITH -> p.matchEnd(v, 0) >= 0;
        case ENDSWITH -> p.suffixStart(v) >= 0;
      };
    }

    @Override
    long span(String v) {
      return switch (op) {
        case EQUALS -> pack(0, v.length());
        case CONTAINS -> {
          int i = p.indexIn(v, 0);
          yield pack(i, p.matchEnd(v, i));
        }
        case STARTSWITH -> pack(0, p.matchEnd(v, 0));
        case ENDSWITH -> pack(p.suffixStart(v), v.length());
      };
    }
  }
}
