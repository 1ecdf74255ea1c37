package org.sigmaworkbench.logs.evtx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian reads from a byte array, as every integer in an .evtx file is stored. The small
 * reads are written out as shifts: a short run spends much of its time before the JIT compiles it,
 * where a shift costs a few bytecodes and a view var handle a chain of method handle calls.
 */
final class Bytes {
  private static final VarHandle I64 =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Bytes() {}

  static int u8(byte[] b, int off) {
    return b[off] & 0xFF;
  }

  static int u16(byte[] b, int off) {
    return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
  }

  static int i32(byte[] b, int off) {
    return (b[off] & 0xFF)
        | (b[off + 1] & 0xFF) << 8
        | (b[off + 2] & 0xFF) << 16
        | (b[off + 3] & 0xFF) << 24;
  }

  /** An unsigned 32-bit value. */
  static long u32(byte[] b, int off) {
    return i32(b, off) & 0xFFFF_FFFFL;
  }

  static long i64(byte[] b, int off) {
    return (i32(b, off) & 0xFFFF_FFFFL) | (long) i32(b, off + 4) << 32;
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
