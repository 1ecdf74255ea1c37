package org.sigmaworkbench.engine;

/**
 * Strict IP address literals, parsed without name lookups or allocation beyond the result: IPv4 as
 * four dotted decimal parts (0 to 255, at most three digits each) and IPv6 as in RFC 4291 (hex
 * groups, one {@code ::}, an IPv4 tail). Nothing else is an address: no surrounding space, no
 * prefix length, no zone, no brackets.
 */
final class IpAddresses {
  private IpAddresses() {}

  /** The four bytes of an IPv4 address, or {@code null}. */
  static byte[] parseV4(String s) {
    byte[] out = new byte[4];
    return parseV4Into(s, 0, s.length(), out, 0) ? out : null;
  }

  private static boolean parseV4Into(String s, int from, int to, byte[] out, int at) {
    int part = 0;
    int i = from;
    while (part < 4) {
      int start = i;
      int n = 0;
      while (i < to && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        n = n * 10 + (s.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 3 || n > 255) {
        return false;
      }
      out[at + part] = (byte) n;
      part++;
      if (part < 4) {
        if (i >= to || s.charAt(i) != '.') {
          return false;
        }
        i++;
      }
    }
    return i == to;
  }

  /** The sixteen bytes of an IPv6 address, or {@code null}. */
  static byte[] parseV6(String s) {
    int n = s.length();
    if (n < 2 || n > 45) {
      return null;
    }
    byte[] out = new byte[16];
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
      if (i == n) {
        return out;
      }
    } else if (s.charAt(0) == ':') {
      return null;
    }
    boolean v4Tail = false;
    while (i < n) {
      if (count == 8) {
        return null;
      }
      int start = i;
      int value = 0;
      while (i < n && i - start < 5 && hex(s.charAt(i)) >= 0) {
        value = value * 16 + hex(s.charAt(i));
        i++;
      }
      if (i < n && s.charAt(i) == '.') {
        // An IPv4 tail fills the last two groups.
        if (count > 6 || !parseV4Into(s, start, n, out, 0)) {
          return null;
        }
        groups[count++] = ((out[0] & 0xFF) << 8) | (out[1] & 0xFF);
        groups[count++] = ((out[2] & 0xFF) << 8) | (out[3] & 0xFF);
        v4Tail = true;
        i = n;
        break;
      }
      int digits = i - start;
      if (digits == 0 || digits > 4) {
        return null;
      }
      groups[count++] = value;
      if (i == n) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < n && s.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
        if (i == n) {
          break;
        }
      } else if (i == n) {
        return null;
      }
    }
    if (v4Tail && i != n) {
      return null;
    }
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    int[] full = new int[8];
    if (gap < 0) {
      System.arraycopy(groups, 0, full, 0, 8);
    } else {
      System.arraycopy(groups, 0, full, 0, gap);
      int tail = count - gap;
      System.arraycopy(groups, gap, full, 8 - tail, tail);
    }
    for (int g = 0; g < 8; g++) {
      out[2 * g] = (byte) (full[g] >>> 8);
      out[2 * g + 1] = (byte) full[g];
    }
    return out;
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
