package org.sigmaworkbench.logs.evtx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian reads from a byte array, as every integer in an .evtx file is stored. */
final class Bytes {
  private static final VarHandle I16 =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I32 =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I64 =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Bytes() {}

  static int u8(byte[] b, int off) {
    return b[off] & 0xFF;
  }

  static int u16(byte[] b, int off) {
    return ((short) I16.get(b, off)) & 0xFFFF;
  }

  static int i32(byte[] b, int off) {
    return (int) I32.get(b, off);
  }

  /** An unsigned 32-bit value. */
  static long u32(byte[] b, int off) {
    return ((int) I32.get(b, off)) & 0xFFFF_FFFFL;
  }

  static long i64(byte[] b, int off) {
    return (long) I64.get(b, off);
  }

  /** Whether {@code len} bytes from {@code off} are all zero. */
  static boolean allZero(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    for (; i + 8 <= end; i += 8) {
      if ((long) I64.get(b, i) != 0) {
        return false;
      }
    }
    for (; i < end; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  static String hex32(long v) {
    return String.format("0x%x", v);
  }
}
