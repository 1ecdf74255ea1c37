package org.sigmaworkbench.rule;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Windows logon ids are numbers written in two notations: Windows renders them in hexadecimal
 * ({@code 0x3e7} in Sysmon, Security events and their exports), Defender XDR keeps them as decimal
 * numbers ({@code 999} in {@code LogonId}, {@code InitiatingProcessLogonId}). The decision, made
 * here once for the matcher and the KQL writer: equality of a logon-id field with a number, written
 * either way ({@code LogonId: '0x3e7'}, {@code LogonId: 999}, {@code SubjectLogonId: '999'}), holds
 * for a value that is that number in either notation: the hexadecimal text {@code 0x} followed by
 * the shortest hex digits (any letter case) or the shortest decimal text. A numeric column holds
 * the number itself. Other comparisons (contains, startswith, ...) compare the text as it is.
 */
public final class LogonIds {

  private LogonIds() {}

  /**
   * Whether a Sigma field holds a logon id: {@code LogonId} or a name ending in it ({@code
   * SubjectLogonId}, {@code TargetLogonId}, {@code TargetLinkedLogonId}), ignoring case.
   */
  public static boolean isLogonIdField(String field) {
    return field != null && field.toLowerCase(Locale.ROOT).endsWith("logonid");
  }

  /**
   * The logon id a comparison on a logon-id field asks for by equality, or {@code null} when it is
   * not equality with a number that fits a 64-bit signed value and is not negative.
   */
  public static Long equalityNumber(String field, Predicate p) {
    if (!isLogonIdField(field)) {
      return null;
    }
    if (p instanceof Predicate.StringMatch s && s.op() == Predicate.StringOp.EQUALS) {
      return parse(s.text());
    }
    if (p instanceof Predicate.Compare c && c.op() == Predicate.CompareOp.EQ) {
      BigDecimal n = c.number().stripTrailingZeros();
      if (n.scale() > 0) {
        return null;
      }
      return fits(n.toBigInteger());
    }
    return null;
  }

  /** A logon id as text: {@code 0x} and hex digits, or decimal digits; {@code null} otherwise. */
  public static Long parse(String text) {
    String t = text.strip();
    try {
      if (t.length() > 2 && (t.startsWith("0x") || t.startsWith("0X"))) {
        String digits = t.substring(2);
        return digits.matches("[0-9a-fA-F]{1,16}") ? fits(new BigInteger(digits, 16)) : null;
      }
      return t.matches("[0-9]{1,19}") ? fits(new BigInteger(t)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long fits(BigInteger n) {
    return n.signum() >= 0 && n.bitLength() < 64 ? n.longValue() : null;
  }

  /** The hexadecimal text Windows renders for a logon id ({@code 0x3e7}). */
  public static String hex(long id) {
    return "0x" + Long.toHexString(id);
  }

  /** The decimal text of a logon id ({@code 999}). */
  public static String decimal(long id) {
    return Long.toString(id);
  }

  /** Whether a value is the logon id {@code id} in either notation (see the class comment). */
  public static boolean holds(String value, long id) {
    return value.equalsIgnoreCase(hex(id)) || value.equals(decimal(id));
  }
}
