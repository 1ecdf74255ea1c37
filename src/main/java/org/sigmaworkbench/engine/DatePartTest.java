package org.sigmaworkbench.engine;

import java.time.OffsetDateTime;
import java.time.temporal.IsoFields;
import org.sigmaworkbench.rule.Predicate;

/**
 * {@code minute}, {@code hour}, {@code day}, {@code week}, {@code month}, {@code year}: a part of
 * the value read as a time in UTC ({@link Timestamps}), compared with a number; the week is ISO
 * 8601's, as KQL's {@code week_of_year}. A value that is not a time does not match.
 */
final class DatePartTest extends ValueTest {
  private final Predicate.DatePart part;

  DatePartTest(Predicate.DatePart part) {
    this.part = part;
  }

  @Override
  boolean test(String v) {
    OffsetDateTime t = Timestamps.parse(v);
    if (t == null) {
      return false;
    }
    int n =
        switch (part.unit()) {
          case MINUTE -> t.getMinute();
          case HOUR -> t.getHour();
          case DAY -> t.getDayOfMonth();
          case WEEK -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
          case MONTH -> t.getMonthValue();
          case YEAR -> t.getYear();
        };
    return part.op().test(Integer.compare(n, part.number()));
  }

  @Override
  int cost() {
    return 40;
  }
}
