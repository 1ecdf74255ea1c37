package org.sigmaworkbench.logs.evtx;

/**
 * The substitution values of one template instance: how many, and where each is in the chunk, its
 * size and its type (read from the instance's descriptors: size, type, one unused byte).
 */
final class TemplateValues {
  int count;
  int[] off = new int[64];
  int[] size = new int[64];
  int[] type = new int[64];
  int end;

  /** The type of a value, {@link ValueType#NULL} for a value the instance does not have. */
  int type(int i) {
    return i < count ? type[i] : ValueType.NULL;
  }

  void read(byte[] b, int pos, int limit) {
    if (pos + 4 > limit) {
      throw new BinXmlException("template values run past the end of the record", pos);
    }
    long n = Bytes.u32(b, pos);
    if (n > (limit - pos - 4) / 4) {
      throw new BinXmlException(
          "template instance claims " + n + " values, more than the record can hold", pos);
    }
    int c = (int) n;
    if (c > off.length) {
      off = new int[c];
      size = new int[c];
      type = new int[c];
    }
    int data = pos + 4 + 4 * c;
    for (int i = 0; i < c; i++) {
      int d = pos + 4 + 4 * i;
      int s = Bytes.u16(b, d);
      off[i] = data;
      size[i] = s;
      type[i] = b[d + 2] & 0xFF;
      data += s;
    }
    if (data > limit) {
      throw new BinXmlException("template values run past the end of the record", pos);
    }
    count = c;
    end = data;
  }
}
