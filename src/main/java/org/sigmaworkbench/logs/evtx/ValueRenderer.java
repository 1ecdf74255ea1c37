package org.sigmaworkbench.logs.evtx;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders substitution values as Windows renders them in event XML: decimal integers, {@code 0x}
 * and lower-case hex without zero padding for HexInt and SizeT values, GUIDs upper case in braces,
 * binary as upper-case hex, SIDs as {@code S-1-5-18}, FILETIMEs with 100 ns precision, strings
 * without their terminating NULs.
 */
final class ValueRenderer {

  private static final Charset ANSI = Charset.forName("windows-1252");
  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

  private ValueRenderer() {}

  /**
   * One value that is not an array.
   *
   * @param b the chunk
   * @param off where the value starts in the chunk
   * @param size its size in bytes
   * @param type its value type
   */
  static String render(byte[] b, int off, int size, int type) {
    // BOOL has a fixed size in arrays but comes in 1 to 8 bytes alone; bool() checks it.
    int fixed = type == ValueType.BOOL ? 0 : ValueType.fixedSize(type);
    if (fixed > 0) {
      expect(size, fixed, type, off);
    }
    switch (type) {
      case ValueType.NULL:
        return "";
      case ValueType.STRING:
      case ValueType.EVT_XML:
        return utf16(b, off, size);
      case ValueType.ANSI_STRING:
        return ansi(b, off, size);
      case ValueType.INT8:
        return Integer.toString(b[off]);
      case ValueType.UINT8:
        return Integer.toString(b[off] & 0xFF);
      case ValueType.INT16:
        return Integer.toString((short) Bytes.u16(b, off));
      case ValueType.UINT16:
        return Integer.toString(Bytes.u16(b, off));
      case ValueType.INT32:
        return Integer.toString(Bytes.i32(b, off));
      case ValueType.UINT32:
        return Long.toString(Bytes.u32(b, off));
      case ValueType.INT64:
        return Long.toString(Bytes.i64(b, off));
      case ValueType.UINT64:
        return Long.toUnsignedString(Bytes.i64(b, off));
      case ValueType.REAL32:
        return real(Float.intBitsToFloat(Bytes.i32(b, off)));
      case ValueType.REAL64:
        return real(Double.longBitsToDouble(Bytes.i64(b, off)));
      case ValueType.BOOL:
        return bool(b, off, size, type);
      case ValueType.BINARY:
        return upperHex(b, off, size);
      case ValueType.GUID:
        return guid(b, off);
      case ValueType.SIZE_T:
      case ValueType.EVT_HANDLE:
        if (size == 4) {
          return hex(Bytes.u32(b, off));
        }
        expect(size, 8, type, off);
        return hex(Bytes.i64(b, off));
      case ValueType.FILETIME:
        return WindowsTime.fileTime(Bytes.i64(b, off));
      case ValueType.SYSTEMTIME:
        return systemTime(b, off);
      case ValueType.SID:
        return sid(b, off, size);
      case ValueType.HEX_INT32:
        return hex(Bytes.u32(b, off));
      case ValueType.HEX_INT64:
        return hex(Bytes.i64(b, off));
      default:
        throw new BinXmlException(
            "value of " + ValueType.name(type) + " cannot be rendered as text", off);
    }
  }

  /**
   * Checks a scalar value as {@link #render} would, without rendering it: throws the same {@link
   * BinXmlException} where rendering would fail.
   */
  static void check(byte[] b, int off, int size, int type) {
    int expected;
    switch (type) {
      case ValueType.NULL:
      case ValueType.STRING:
      case ValueType.EVT_XML:
      case ValueType.ANSI_STRING:
      case ValueType.BINARY:
        return;
      case ValueType.BOOL:
        if (size < 1 || size > 8) {
          bool(b, off, size, type);
        }
        return;
      case ValueType.SID:
        if (size < 8 || 8 + 4 * (b[off + 1] & 0xFF) > size) {
          sid(b, off, size);
        }
        return;
      case ValueType.SIZE_T:
      case ValueType.EVT_HANDLE:
        expected = size == 4 ? 4 : 8;
        break;
      default:
        expected = ValueType.fixedSize(type);
        if (expected == 0) {
          render(b, off, size, type);
          return;
        }
        break;
    }
    expect(size, expected, type, off);
  }

  /**
   * Whether a character (an ASCII letter in lower case) can occur in the rendering of a value that
   * is not text: digits, signs and separators of numbers, times, GUIDs, SIDs and hex, the letters
   * of hex digits, exponents, {@code 0x}, {@code true}, {@code false}, {@code 1.#INF} and {@code
   * -1.#IND}.
   */
  static boolean mayRender(int c) {
    return (c >= '0' && c <= '9') || "abcdefxstzrulind-.:{}#+".indexOf(c) >= 0;
  }

  /**
   * The items of an array value, each rendered as its base type; strings are NUL-separated, SIDs
   * follow each other, the other types have a fixed size.
   */
  static List<String> items(byte[] b, int off, int size, int arrayType) {
    int base = arrayType & 0x7F;
    List<String> out = new ArrayList<>();
    int end = off + size;
    switch (base) {
      case ValueType.STRING:
        {
          int start = off;
          int p = off;
          for (; p + 1 < end; p += 2) {
            if (b[p] == 0 && b[p + 1] == 0) {
              out.add(utf16(b, start, p - start));
              start = p + 2;
            }
          }
          if (start + 1 < end) {
            out.add(utf16(b, start, end - start));
          }
          return out;
        }
      case ValueType.ANSI_STRING:
        {
          int start = off;
          for (int p = off; p < end; p++) {
            if (b[p] == 0) {
              out.add(ansi(b, start, p - start));
              start = p + 1;
            }
          }
          if (start < end) {
            out.add(ansi(b, start, end - start));
          }
          return out;
        }
      case ValueType.SID:
        {
          int p = off;
          while (p + 8 <= end) {
            int len = 8 + 4 * (b[p + 1] & 0xFF);
            if (p + len > end) {
              throw new BinXmlException("array of SID: an item runs past the value's end", p);
            }
            out.add(sid(b, p, len));
            p += len;
          }
          return out;
        }
      case ValueType.SIZE_T:
        {
          // The item size is not recorded; 64-bit writers give a multiple of 8 bytes.
          int itemSize = size % 8 == 0 ? 8 : 4;
          for (int p = off; p + itemSize <= end; p += itemSize) {
            out.add(render(b, p, itemSize, base));
          }
          return out;
        }
      default:
        {
          int itemSize = ValueType.fixedSize(base);
          if (itemSize == 0) {
            throw new BinXmlException(
                "an " + ValueType.name(arrayType) + " is not a valid value type", off);
          }
          if (size % itemSize != 0) {
            throw new BinXmlException(
                ValueType.name(arrayType)
                    + " of "
                    + size
                    + " bytes is not a whole number of "
                    + itemSize
                    + "-byte items",
                off);
          }
          for (int p = off; p < end; p += itemSize) {
            out.add(render(b, p, itemSize, base));
          }
          return out;
        }
    }
  }

  private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

  /** {@code 0x} and the unsigned value in lower-case hex without leading zeros. */
  static String hex(long v) {
    char[] c = new char[18];
    int p = c.length;
    do {
      c[--p] = LOWER_HEX[(int) (v & 0xF)];
      v >>>= 4;
    } while (v != 0);
    c[--p] = 'x';
    c[--p] = '0';
    return new String(c, p, c.length - p);
  }

  private static void expect(int size, int expected, int type, int off) {
    if (size != expected) {
      throw new BinXmlException(
          ValueType.name(type) + " value of " + size + " bytes, expected " + expected, off);
    }
  }

  /** UTF-16LE text without its trailing NULs; unpaired surrogates are kept as they are. */
  static String utf16(byte[] b, int off, int size) {
    int n = size >>> 1;
    while (n > 0 && b[off + 2 * n - 2] == 0 && b[off + 2 * n - 1] == 0) {
      n--;
    }
    return utf16Exact(b, off, n);
  }

  /** Exactly {@code chars} UTF-16LE characters. */
  static String utf16Exact(byte[] b, int off, int chars) {
    // Most event text is Latin-1: then the low bytes are the string (kept one byte a char). One
    // pass copies them and looks at the high bytes.
    byte[] latin1 = new byte[chars];
    int high = 0;
    for (int i = 0, p = off; i < chars; i++, p += 2) {
      latin1[i] = b[p];
      high |= b[p + 1];
    }
    if (high == 0) {
      return new String(latin1, StandardCharsets.ISO_8859_1);
    }
    char[] c = new char[chars];
    for (int i = 0, p = off; i < chars; i++, p += 2) {
      c[i] = (char) ((b[p] & 0xFF) | (b[p + 1] << 8));
    }
    return new String(c);
  }

  private static String ansi(byte[] b, int off, int size) {
    int n = size;
    while (n > 0 && b[off + n - 1] == 0) {
      n--;
    }
    return new String(b, off, n, ANSI);
  }

  private static String bool(byte[] b, int off, int size, int type) {
    if (size < 1 || size > 8) {
      throw new BinXmlException(
          ValueType.name(type) + " value of " + size + " bytes, expected 4", off);
    }
    for (int i = 0; i < size; i++) {
      if (b[off + i] != 0) {
        return "true";
      }
    }
    return "false";
  }

  static String upperHex(byte[] b, int off, int size) {
    char[] c = new char[size * 2];
    for (int i = 0; i < size; i++) {
      int v = b[off + i] & 0xFF;
      c[2 * i] = UPPER_HEX[v >>> 4];
      c[2 * i + 1] = UPPER_HEX[v & 0xF];
    }
    return new String(c);
  }

  /** {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}: three little-endian parts, then 8 bytes. */
  static String guid(byte[] b, int off) {
    char[] c = new char[38];
    c[0] = '{';
    int p = 1;
    p = hexLe(c, p, b, off, 4);
    c[p++] = '-';
    p = hexLe(c, p, b, off + 4, 2);
    c[p++] = '-';
    p = hexLe(c, p, b, off + 6, 2);
    c[p++] = '-';
    for (int i = 8; i < 16; i++) {
      if (i == 10) {
        c[p++] = '-';
      }
      int v = b[off + i] & 0xFF;
      c[p++] = UPPER_HEX[v >>> 4];
      c[p++] = UPPER_HEX[v & 0xF];
    }
    c[p] = '}';
    return new String(c);
  }

  private static int hexLe(char[] c, int p, byte[] b, int off, int n) {
    for (int i = n - 1; i >= 0; i--) {
      int v = b[off + i] & 0xFF;
      c[p++] = UPPER_HEX[v >>> 4];
      c[p++] = UPPER_HEX[v & 0xF];
    }
    return p;
  }

  /** {@code S-R-A-S1-S2...}: revision, 48-bit big-endian authority, 32-bit sub-authorities. */
  static String sid(byte[] b, int off, int size) {
    if (size < 8) {
      throw new BinXmlException("SID value of " + size + " bytes, expected at least 8", off);
    }
    int revision = b[off] & 0xFF;
    int count = b[off + 1] & 0xFF;
    if (8 + 4 * count > size) {
      throw new BinXmlException(
          "SID with " + count + " sub-authorities does not fit in its " + size + " bytes", off);
    }
    long authority = 0;
    for (int i = 2; i < 8; i++) {
      authority = (authority << 8) | (b[off + i] & 0xFF);
    }
    StringBuilder s = new StringBuilder(16 + 11 * count);
    s.append("S-").append(revision).append('-');
    if (authority >= (1L << 32)) {
      s.append(String.format("0x%012X", authority));
    } else {
      s.append(authority);
    }
    for (int i = 0; i < count; i++) {
      s.append('-').append(Bytes.u32(b, off + 8 + 4 * i));
    }
    return s.toString();
  }

  private static String systemTime(byte[] b, int off) {
    return WindowsTime.systemTime(
        Bytes.u16(b, off),
        Bytes.u16(b, off + 2),
        Bytes.u16(b, off + 6),
        Bytes.u16(b, off + 8),
        Bytes.u16(b, off + 10),
        Bytes.u16(b, off + 12),
        Bytes.u16(b, off + 14));
  }

  /** Reals as the shortest decimal that reads back the same value. */
  private static String real(double v) {
    if (Double.isNaN(v)) {
      return "-1.#IND";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "1.#INF" : "-1.#INF";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  private static String real(float v) {
    if (Float.isNaN(v) || Float.isInfinite(v)) {
      return real((double) v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e7) {
      return Long.toString((long) v);
    }
    return Float.toString(v);
  }
}
