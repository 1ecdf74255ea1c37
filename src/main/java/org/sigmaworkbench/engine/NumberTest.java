package org.sigmaworkbench.engine;

import java.math.BigDecimal;
import org.sigmaworkbench.rule.Predicate.CompareOp;

/**
 * A numeric comparison ({@code gt}, {@code lt}, ..., or a number as the rule value): the value read
 * as KQL's {@code tolong()} for a whole rule number and {@code todouble()} for a fraction (see
 * {@link KqlNumbers}), then compared. A value that is not a number does not match.
 */
abstract class NumberTest extends ValueTest {
  final CompareOp op;

  NumberTest(CompareOp op) {
    this.op = op;
  }

  static NumberTest of(CompareOp op, BigDecimal number) {
    return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0
        ? new Whole(op, number)
        : new Fraction(op, number.doubleValue());
  }

  @Override
  int cost() {
    return 12;
  }

  /** {@code tolong(value) op N}. */
  static final class Whole extends NumberTest {
    private final BigDecimal number;
    private final long small;
    private final boolean fits;

    Whole(CompareOp op, BigDecimal number) {
      super(op);
      this.number = number;
      this.fits =
          number.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
              && number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
      this.small = fits ? number.longValue() : 0;
    }

    @Override
    boolean test(String v) {
      if (v.isEmpty()) {
        return false;
      }
      long quick = quickLong(v);
      if (quick != NOT_QUICK && fits) {
        return op.test(Long.compare(quick, small));
      }
      BigDecimal n = KqlNumbers.toLong(v);
      return n != null && op.test(n.compareTo(number));
    }

    private static final long NOT_QUICK = Long.MIN_VALUE;

    /** Plain short digit strings without allocation; {@link #NOT_QUICK} for anything else. */
    private static long quickLong(String v) {
      int n = v.length();
      if (n > 18) {
        return NOT_QUICK;
      }
      long r = 0;
      for (int i = 0; i < n; i++) {
        char c = v.charAt(i);
        if (c < '0' || c > '9') {
          return NOT_QUICK;
        }
        r = r * 10 + (c - '0');
      }
      return r;
    }
  }

  /** {@code todouble(value) op N}. */
  static final class Fraction extends NumberTest {
    private final double number;

    Fraction(CompareOp op, double number) {
      super(op);
      this.number = number;
    }

    @Override
    boolean test(String v) {
      BigDecimal n = KqlNumbers.parse(v);
      return n != null && op.test(ieeeCompare(n.doubleValue(), number));
    }

    /** The order of {@code <} and {@code >} as KQL compares reals: -0.0 equals 0.0. */
    private static int ieeeCompare(double a, double b) {
      return a < b ? -1 : a > b ? 1 : 0;
    }
  }
}
