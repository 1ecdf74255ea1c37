package org.sigmaworkbench.logs.evtx;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Compares a value as this reader renders it (as Windows does) with the same value in a reference
 * dump, normalising only the rendering differences listed in evtx-ref/README.md (and the ones found
 * on the way, noted here). Everything else must be equal character for character.
 */
final class ReferenceValues {

  /** Which reference a value comes from. */
  enum Reference {
    PYTHON_EVTX,
    LIBEVTX
  }

  private static final Pattern GUID =
      Pattern.compile(
          "\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern OUR_TIME =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
  private static final Pattern PYTHON_TIME =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?");
  private static final Pattern LIBEVTX_TIME =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z");
  private static final Pattern UPPER_HEX_BYTES = Pattern.compile("([0-9A-F]{2})+");

  private ReferenceValues() {}

  static boolean equivalent(String ours, String theirs, Reference ref) {
    if (ours.equals(theirs)) {
      return true;
    }
    // An XML parser turns CR LF and lone CR into LF (XML end-of-line handling); the binary keeps
    // them.
    String o = ours.replace("\r\n", "\n").replace('\r', '\n');
    if (o.equals(theirs)) {
      return true;
    }
    // HexInt32/HexInt64 are zero-padded in both dumps; Windows renders 0x3e7.
    if (HEX.matcher(ours).matches() && HEX.matcher(theirs).matches()) {
      return new BigInteger(ours.substring(2), 16).equals(new BigInteger(theirs.substring(2), 16));
    }
    if (ref == Reference.PYTHON_EVTX) {
      // GUIDs are lower case in python-evtx.
      if (GUID.matcher(ours).matches() && ours.equalsIgnoreCase(theirs)) {
        return true;
      }
      // FILETIMEs: python-evtx computes microseconds through a float and writes a space and no
      // Z; the same computation on our 100 ns value must give exactly its text.
      if (OUR_TIME.matcher(ours).matches() && PYTHON_TIME.matcher(theirs).matches()) {
        return pythonFileTime(ours).equals(theirs);
      }
      // Booleans: Windows writes true/false, python-evtx True/False.
      if ((ours.equals("true") || ours.equals("false")) && ours.equalsIgnoreCase(theirs)) {
        return true;
      }
      // Binary: python-evtx writes base64, Windows upper-case hex (found in system.evtx and
      // dns_log_malformed.evtx; not in the README's list).
      if (UPPER_HEX_BYTES.matcher(ours).matches() || ours.isEmpty()) {
        try {
          byte[] bytes = Base64.getDecoder().decode(theirs);
          return HexFormat.of().withUpperCase().formatHex(bytes).equals(ours);
        } catch (IllegalArgumentException e) {
          return false;
        }
      }
      return false;
    }
    // libevtx writes a value of nothing but line breaks as an empty element (Event Viewer shows
    // such a value as empty too).
    if (theirs.isEmpty() && ours.chars().allMatch(c -> c == '\r' || c == '\n')) {
      return true;
    }
    // libevtx replaces an unpaired surrogate, with the unit after it, by U+FFFD; characters XML
    // cannot hold were replaced by U+FFFD before its dump was parsed (see sanitize).
    String cleaned = libevtxText(ours);
    if (!cleaned.equals(ours) && cleaned.equals(theirs)) {
      return true;
    }
    // libevtx: nine fractional digits for the same 100 ns value.
    if (OUR_TIME.matcher(ours).matches() && LIBEVTX_TIME.matcher(theirs).matches()) {
      return theirs.endsWith("00Z") && ours.equals(theirs.substring(0, theirs.length() - 3) + "Z");
    }
    return false;
  }

  /**
   * What python-evtx 0.6.1 prints for a FILETIME: {@code datetime.utcfromtimestamp(float(ticks) *
   * 1e-7 - 11644473600)}, which splits the double into seconds and a fraction rounded half-even to
   * microseconds, then {@code isoformat(' ')} (no fraction when it is 0).
   */
  static String pythonFileTime(String ours) {
    Instant i = Instant.parse(ours);
    long ticks = (i.getEpochSecond() + 11_644_473_600L) * 10_000_000L + i.getNano() / 100;
    double t = (double) ticks * 1e-7 - 11_644_473_600.0;
    double seconds = t >= 0 ? Math.floor(t) : Math.ceil(t);
    double micros = Math.rint((t - seconds) * 1e6);
    if (micros >= 1e6) {
      micros -= 1e6;
      seconds += 1;
    } else if (micros < 0) {
      micros += 1e6;
      seconds -= 1;
    }
    LocalDateTime d =
        LocalDateTime.ofEpochSecond((long) seconds, (int) micros * 1000, ZoneOffset.UTC);
    String s =
        String.format(
            "%04d-%02d-%02d %02d:%02d:%02d",
            d.getYear(),
            d.getMonthValue(),
            d.getDayOfMonth(),
            d.getHour(),
            d.getMinute(),
            d.getSecond());
    return micros == 0 ? s : s + String.format(".%06d", (int) micros);
  }

  /** Our text as libevtx writes it: an unpaired surrogate and the unit after it become U+FFFD. */
  static String libevtxText(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && !(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))) {
        b.append('\uFFFD');
        i++;
      } else if (Character.isLowSurrogate(c)
          && !(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
        b.append('\uFFFD');
      } else {
        b.append(xmlChar(c) ? c : '\uFFFD');
      }
    }
    return b.toString();
  }

  /** Whether XML 1.0 can hold the character (surrogates are judged in pairs by the caller). */
  static boolean xmlChar(char c) {
    return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
  }

  /** A dump's text with the characters XML 1.0 cannot hold replaced by U+FFFD. */
  static String sanitize(String xml) {
    StringBuilder b = new StringBuilder(xml.length());
    for (int i = 0; i < xml.length(); i++) {
      char c = xml.charAt(i);
      b.append(xmlChar(c) || Character.isSurrogate(c) ? c : '\uFFFD');
    }
    return b.toString();
  }

  static String show(String s) {
    String t = s.length() > 120 ? s.substring(0, 120) + "..." : s;
    return "'" + t.replace("\r", "\\r").replace("\n", "\\n") + "'";
  }
}
