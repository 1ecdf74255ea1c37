package org.sigmaworkbench.engine.kqleval;

import com.google.re2j.Pattern;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates a parsed predicate over a {@link KqlRow} with KQL's meaning: three-valued logic (a null
 * bool is neither true nor false; {@code not(null)} is null; {@code where} keeps a row only when
 * the predicate is true), comparisons with null give null except {@code ==} and {@code !=} against
 * a value (false and true), regular expressions are RE2 ({@code matches regex} finds the pattern
 * anywhere).
 */
final class KqlEvaluator {
  private static final Map<String, Pattern> REGEX = new ConcurrentHashMap<>();

  private final KqlRow row;

  /** The row before this one in a serialized table, for {@code prev()}; null on the first. */
  private final KqlRow previous;

  KqlEvaluator(KqlRow row) {
    this(row, null);
  }

  KqlEvaluator(KqlRow row, KqlRow previous) {
    this.row = row;
    this.previous = previous;
  }

  Object eval(KqlAst e) {
    if (e instanceof KqlAst.Literal l) {
      return l.value();
    }
    if (e instanceof KqlAst.Column c) {
      return row.get(c.name());
    }
    if (e instanceof KqlAst.Member m) {
      return eval(m.base()) instanceof Map<?, ?> bag ? bag.get(m.property()) : null;
    }
    if (e instanceof KqlAst.Call c) {
      return call(c);
    }
    if (e instanceof KqlAst.In in) {
      String v = KqlFunctions.toStringValue(eval(in.left()));
      for (KqlAst a : in.values()) {
        String s = KqlFunctions.toStringValue(eval(a));
        if (in.caseInsensitive() ? KqlFunctions.equalsFolded(v, s) : v.equals(s)) {
          return true;
        }
      }
      return false;
    }
    if (e instanceof KqlAst.Binary b) {
      return binary(b);
    }
    if (e instanceof KqlAst.Between b) {
      Object v = eval(b.value());
      Object low = eval(b.low());
      Object high = eval(b.high());
      Boolean above = (Boolean) compare(">=", v, low);
      Boolean below = (Boolean) compare("<=", v, high);
      return above == null || below == null ? null : above && below;
    }
    throw new UnsupportedOperationException("cannot evaluate " + e);
  }

  private Object binary(KqlAst.Binary b) {
    switch (b.op()) {
      case "and" -> {
        Boolean l = bool(eval(b.left()));
        if (Boolean.FALSE.equals(l)) {
          return false;
        }
        Boolean r = bool(eval(b.right()));
        if (Boolean.FALSE.equals(r)) {
          return false;
        }
        return l == null || r == null ? null : true;
      }
      case "or" -> {
        Boolean l = bool(eval(b.left()));
        if (Boolean.TRUE.equals(l)) {
          return true;
        }
        Boolean r = bool(eval(b.right()));
        if (Boolean.TRUE.equals(r)) {
          return true;
        }
        return l == null || r == null ? null : false;
      }
      case "matches regex" -> {
        String p = (String) eval(b.right());
        Pattern regex = REGEX.computeIfAbsent(p, Pattern::compile);
        if (b.left() instanceof KqlAst.AllColumns) {
          for (String column : row.columns()) {
            if (regex.matcher(KqlFunctions.toStringValue(row.get(column))).find()) {
              return true;
            }
          }
          return false;
        }
        return regex.matcher(KqlFunctions.toStringValue(eval(b.left()))).find();
      }
      case "=~" -> {
        return KqlFunctions.equalsFolded(
            KqlFunctions.toStringValue(eval(b.left())),
            KqlFunctions.toStringValue(eval(b.right())));
      }
      case "!~" -> {
        return !KqlFunctions.equalsFolded(
            KqlFunctions.toStringValue(eval(b.left())),
            KqlFunctions.toStringValue(eval(b.right())));
      }
      case "+" -> {
        Object l = eval(b.left());
        Object r = eval(b.right());
        if (l == null || r == null) {
          return null;
        }
        if (l instanceof java.time.Instant t && r instanceof java.time.Duration d) {
          return t.plus(d);
        }
        if (l instanceof Long x && r instanceof Long y) {
          return x + y;
        }
        return ((Number) l).doubleValue() + ((Number) r).doubleValue();
      }
      case "==", "!=", "<", "<=", ">", ">=" -> {
        return compare(b.op(), eval(b.left()), eval(b.right()));
      }
      default -> {
        String rhs = KqlFunctions.toStringValue(eval(b.right()));
        if (b.left() instanceof KqlAst.AllColumns) {
          for (String column : row.columns()) {
            if (KqlFunctions.stringOperator(
                b.op(), KqlFunctions.toStringValue(row.get(column)), rhs)) {
              return true;
            }
          }
          return false;
        }
        return KqlFunctions.stringOperator(b.op(), KqlFunctions.toStringValue(eval(b.left())), rhs);
      }
    }
  }

  private static Object compare(String op, Object l, Object r) {
    if (l == null || r == null) {
      if (op.equals("==") || op.equals("!=")) {
        return l == null && r == null ? null : op.equals("!=");
      }
      return null;
    }
    int c;
    if (l instanceof String ls && r instanceof String rs) {
      c = ls.compareTo(rs);
      if (!op.equals("==") && !op.equals("!=")) {
        throw new UnsupportedOperationException("ordering strings");
      }
    } else if (l instanceof java.time.Instant a && r instanceof java.time.Instant bb) {
      c = a.compareTo(bb);
    } else if (l instanceof Boolean a && r instanceof Boolean bb) {
      c = a.equals(bb) ? 0 : 1;
      if (!op.equals("==") && !op.equals("!=")) {
        throw new UnsupportedOperationException("ordering bools");
      }
    } else if (l instanceof Long a && r instanceof Long bb) {
      c = Long.compare(a, bb);
    } else if (l instanceof Number a && r instanceof Number bb) {
      double x = a.doubleValue();
      double y = bb.doubleValue();
      c = x < y ? -1 : x > y ? 1 : 0;
    } else {
      throw new UnsupportedOperationException("comparing " + l + " with " + r);
    }
    return switch (op) {
      case "==" -> c == 0;
      case "!=" -> c != 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  private Object call(KqlAst.Call c) {
    List<KqlAst> a = c.args();
    switch (c.function()) {
      case "not" -> {
        Boolean v = bool(eval(a.get(0)));
        return v == null ? null : !v;
      }
      case "tostring" -> {
        return KqlFunctions.toStringValue(eval(a.get(0)));
      }
      case "tolower" -> {
        return KqlFunctions.toLower(KqlFunctions.toStringValue(eval(a.get(0))));
      }
      case "tolong", "toint" -> {
        return KqlFunctions.toLong(eval(a.get(0)));
      }
      case "todouble", "toreal" -> {
        return KqlFunctions.toDouble(eval(a.get(0)));
      }
      case "todatetime" -> {
        return KqlFunctions.toDatetime(eval(a.get(0)));
      }
      case "isempty" -> {
        Object v = eval(a.get(0));
        return v == null || (v instanceof String s && s.isEmpty());
      }
      case "isnull" -> {
        // Strings are never null in KQL: an empty string is not null.
        return eval(a.get(0)) == null;
      }
      case "isnotnull" -> {
        return eval(a.get(0)) != null;
      }
      case "isnotempty" -> {
        Object v = eval(a.get(0));
        return !(v == null || (v instanceof String s && s.isEmpty()));
      }
      case "ipv4_is_in_range", "ipv6_is_in_range" -> {
        return KqlFunctions.inRange(
            KqlFunctions.toStringValue(eval(a.get(0))),
            KqlFunctions.toStringValue(eval(a.get(1))),
            c.function().startsWith("ipv6"));
      }
      case "datetime_part" -> {
        return KqlFunctions.datetimePart((String) eval(a.get(0)), (OffsetDateTime) eval(a.get(1)));
      }
      case "week_of_year" -> {
        return KqlFunctions.weekOfYear((OffsetDateTime) eval(a.get(0)));
      }
      case "prev" -> {
        if (previous == null) {
          return a.size() > 2 ? eval(a.get(2)) : null;
        }
        return new KqlEvaluator(previous).eval(a.get(0));
      }
      case "coalesce" -> {
        for (KqlAst x : a) {
          Object v = eval(x);
          if (v != null && !(v instanceof String s && s.isEmpty())) {
            return v;
          }
        }
        return null;
      }
      case "strcat" -> {
        StringBuilder b = new StringBuilder();
        for (KqlAst x : a) {
          b.append(KqlFunctions.toStringValue(eval(x)));
        }
        return b.toString();
      }
      case "iff", "iif" -> {
        // iff(condition, then, else): a null condition takes the else branch.
        return Boolean.TRUE.equals(bool(eval(a.get(0)))) ? eval(a.get(1)) : eval(a.get(2));
      }
      default -> throw new UnsupportedOperationException(c.function() + "() is outside the subset");
    }
  }

  private static Boolean bool(Object v) {
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    throw new UnsupportedOperationException("not a bool: " + v);
  }
}
