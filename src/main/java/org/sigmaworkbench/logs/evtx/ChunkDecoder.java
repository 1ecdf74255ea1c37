package org.sigmaworkbench.logs.evtx;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.logs.LogProblem;

/**
 * Decodes the records of one chunk into fields. One decoder per thread; it keeps the chunk's names
 * and compiled templates while it works on that chunk, and forgets them before the next (chunks are
 * independent: every offset in a record is relative to its chunk).
 *
 * <p>A record is its binary XML: usually a fragment header and a template instance (template
 * definition offset, inline definition the first time the chunk uses it, then the substitution
 * values: count, size and type of each, the values). The compiled template is walked with the
 * record's values; optional substitutions without a value drop their attribute, array values repeat
 * their element once per item, BinXml values are decoded in place.
 */
final class ChunkDecoder {
  private static final int MAX_NESTING = 16;

  private final String file;
  private final BiFunction<String, String, FieldLayout> layouts;
  private final ChunkNames names = new ChunkNames();
  private final BinXmlCompiler compiler = new BinXmlCompiler(names);
  private final Map<Integer, BinXmlTemplate> templates = new HashMap<>();
  private final FieldCollector fields = new FieldCollector();
  private final InstanceValues[] valuesByDepth = new InstanceValues[MAX_NESTING + 1];
  private final InstanceValues noValues = new InstanceValues();

  /** The chunk being decoded; callers fill it before {@link #decode}. */
  final byte[] chunk = new byte[EvtxChunk.SIZE];

  private byte[] b;
  private InstanceValues expandValues;
  private int expandSub = -1;
  private String expandItem;

  /**
   * @param file the file name, for problems
   * @param layouts the layout of an event by channel and event id
   */
  ChunkDecoder(String file, BiFunction<String, String, FieldLayout> layouts) {
    this.file = file;
    this.layouts = layouts;
    for (int i = 0; i < valuesByDepth.length; i++) {
      valuesByDepth[i] = new InstanceValues();
    }
  }

  /**
   * Decodes the records of the chunk in {@link #chunk}.
   *
   * @param slot the chunk's index in the file
   * @param fileOffset the chunk's byte offset in the file
   * @param length how many bytes of the chunk the file holds (64 KiB unless truncated)
   * @param stop polled between records; decoding ends early when it returns true
   */
  DecodedChunk decode(int slot, long fileOffset, int length, BooleanSupplier stop) {
    DecodedChunk out = new DecodedChunk(slot, fileOffset);
    out.length = length;
    b = chunk;
    names.clear();
    templates.clear();
    long free = EvtxChunk.freeSpaceOffset(b);
    int limit =
        free >= EvtxChunk.HEADER_SIZE && free <= EvtxChunk.SIZE ? (int) free : EvtxChunk.SIZE;
    if (limit > length) {
      out.problems.add(
          problem(
              out,
              "",
              String.format(
                  "the file ends after %d of the chunk's 65536 bytes (at byte offset 0x%x); records"
                      + " in the missing part are lost",
                  length, fileOffset + length),
              false));
      limit = length;
    }
    int off = EvtxChunk.HEADER_SIZE;
    while (off + EvtxChunk.RECORD_HEADER_SIZE <= limit) {
      if ((out.count & 63) == 0 && stop.getAsBoolean()) {
        break;
      }
      int signature = Bytes.i32(b, off);
      if (signature == 0) {
        // Zeroes where a record would start: the rest of the chunk was never written (or was
        // wiped); Windows, python-evtx and evtx-rs all treat this as the chunk's end.
        break;
      }
      long recordId = Bytes.i64(b, off + 8);
      if (signature != EvtxChunk.RECORD_SIGNATURE) {
        out.problems.add(
            problem(
                out,
                "",
                String.format(
                    "no record signature ('**\\0\\0') at byte offset 0x%x; the rest of the chunk%s"
                        + " is skipped",
                    fileOffset + off, promised(b, out.count)),
                false));
        break;
      }
      long size = Bytes.u32(b, off + 4);
      if (size < EvtxChunk.MIN_RECORD_SIZE || off + size > length) {
        out.problems.add(
            problem(
                out,
                ", record " + recordId,
                String.format(
                    "record at byte offset 0x%x has an impossible size of %d bytes (at least 28,"
                        + " and within the chunk); the rest of the chunk%s is skipped",
                    fileOffset + off, size, promised(b, out.count)),
                false));
        break;
      }
      int end = off + (int) size;
      try {
        decodeRecord(out, off, end);
      } catch (BinXmlException e) {
        out.problems.add(
            problem(
                out,
                ", record " + recordId,
                String.format(
                    "record at byte offset 0x%x skipped: %s at byte offset 0x%x",
                    fileOffset + off, e.getMessage(), fileOffset + e.chunkOffset),
                false));
      } catch (IndexOutOfBoundsException e) {
        out.problems.add(
            problem(
                out,
                ", record " + recordId,
                String.format(
                    "record at byte offset 0x%x skipped: its binary XML points outside the chunk",
                    fileOffset + off),
                false));
      } catch (RuntimeException e) {
        // Whatever else a damaged record provokes, it costs that record only.
        out.problems.add(
            problem(
                out,
                ", record " + recordId,
                String.format(
                    "record at byte offset 0x%x skipped: it could not be decoded (%s)",
                    fileOffset + off, e),
                false));
      }
      off = end;
    }
    b = null;
    return out;
  }

  /** Which records the chunk header says the chunk holds, after the ones read. */
  private static String promised(byte[] b, int read) {
    long first = EvtxChunk.firstRecordNumber(b);
    long last = EvtxChunk.lastRecordNumber(b);
    if (last >= first && last - first < 100_000) {
      long total = last - first + 1;
      long lost = total - read;
      if (lost > 0) {
        return " (" + lost + " of its " + total + " records by the chunk header)";
      }
    }
    return "";
  }

  private LogProblem problem(DecodedChunk out, String record, String message, boolean fatal) {
    return new LogProblem(
        file,
        String.format("chunk %d at byte offset 0x%x%s", out.slot, out.fileOffset, record),
        message,
        fatal);
  }

  private void decodeRecord(DecodedChunk out, int off, int end) {
    fields.reset();
    rootTemplate = null;
    decodeStream(off + EvtxChunk.RECORD_HEADER_SIZE, end - 4, 0, false);
    if (fields.count == 0) {
      throw new BinXmlException("the record holds no event fields", off);
    }
    out.add(schema(rootTemplate), Arrays.copyOf(fields.values, fields.count), off, end);
  }

  private BinXmlTemplate rootTemplate;

  /** The schema of the fields just collected, reusing the last one built for the template. */
  private FieldSchema schema(BinXmlTemplate t) {
    int n = fields.count;
    String[] ns = fields.names;
    if (t != null && t.lastNames != null && sameNames(t.lastNames, ns, n)) {
      FieldLayout layout = layout(t.lastChannelSlot, t.lastEventIdSlot);
      if (layout == t.lastLayout) {
        return t.lastSchema;
      }
      FieldSchema s = FieldSchema.of(Arrays.asList(t.lastNames), layout);
      t.lastLayout = layout;
      t.lastSchema = s;
      return s;
    }
    int channel = fields.slotOf("Channel");
    int eventId = fields.slotOf("EventID");
    FieldLayout layout = layout(channel, eventId);
    String[] copy = Arrays.copyOf(ns, n);
    FieldSchema s = FieldSchema.of(Arrays.asList(copy), layout);
    if (t != null) {
      t.lastNames = copy;
      t.lastChannelSlot = channel;
      t.lastEventIdSlot = eventId;
      t.lastLayout = layout;
      t.lastSchema = s;
    }
    return s;
  }

  private FieldLayout layout(int channelSlot, int eventIdSlot) {
    return layouts.apply(
        channelSlot < 0 ? null : fields.values[channelSlot],
        eventIdSlot < 0 ? null : fields.values[eventIdSlot]);
  }

  private static boolean sameNames(String[] a, String[] b, int n) {
    if (a.length != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (a[i] != b[i] && !a[i].equals(b[i])) {
        return false;
      }
    }
    return true;
  }

  /** Decodes fragments, template instances and elements from {@code pos} up to {@code end}. */
  private void decodeStream(int pos, int end, int depth, boolean inValue) {
    while (pos < end) {
      int token = b[pos] & 0xFF;
      switch (token) {
        case BinXmlCompiler.TOKEN_EOF:
          return;
        case BinXmlCompiler.TOKEN_FRAGMENT_HEADER:
          pos += 4;
          break;
        case BinXmlCompiler.TOKEN_TEMPLATE_INSTANCE:
          pos = templateInstance(pos, end, depth);
          break;
        case BinXmlCompiler.TOKEN_OPEN_START:
        case BinXmlCompiler.TOKEN_OPEN_START | BinXmlCompiler.MORE_FLAG:
          {
            BinXmlTemplate t = compiler.compileElement(b, pos, end, inValue);
            walk(t, noValues, 0, t.size, depth);
            pos = t.endOffset;
            break;
          }
        default:
          throw new BinXmlException(
              String.format("unexpected binary XML token 0x%02x where an element starts", token),
              pos);
      }
    }
  }

  /** A template instance at {@code pos}; returns the offset after its values. */
  private int templateInstance(int pos, int end, int depth) {
    if (pos + 10 > end) {
      throw new BinXmlException("template instance runs past the end of the record", pos);
    }
    int defOff = Bytes.i32(b, pos + 6);
    int after = pos + 10;
    int valuesAt;
    if (defOff == after) {
      if (after + 24 > end) {
        throw new BinXmlException("template definition runs past the end of the record", after);
      }
      long dataSize = Bytes.u32(b, after + 20);
      if (after + 24 + dataSize > end) {
        throw new BinXmlException("template definition runs past the end of the record", after);
      }
      valuesAt = after + 24 + (int) dataSize;
    } else if (defOff >= EvtxChunk.HEADER_SIZE && defOff < pos) {
      valuesAt = after;
    } else {
      throw new BinXmlException(
          String.format("template definition offset 0x%x is outside the chunk's records", defOff),
          pos);
    }
    BinXmlTemplate t = templates.get(defOff);
    if (t == null) {
      t = compileTemplateAt(defOff);
      templates.put(defOff, t);
    }
    if (depth == 0 && rootTemplate == null) {
      rootTemplate = t;
    }
    if (depth > MAX_NESTING) {
      throw new BinXmlException("binary XML values nested deeper than " + MAX_NESTING, pos);
    }
    InstanceValues v = valuesByDepth[depth];
    v.read(b, valuesAt, end);
    walk(t, v, 0, t.size, depth);
    return v.end;
  }

  private BinXmlTemplate compileTemplateAt(int defOff) {
    if (defOff + 24 > EvtxChunk.SIZE) {
      throw new BinXmlException("template definition runs past the end of the chunk", defOff);
    }
    long dataSize = Bytes.u32(b, defOff + 20);
    long start = defOff + 24L;
    if (start + dataSize > EvtxChunk.SIZE) {
      throw new BinXmlException("template definition runs past the end of the chunk", defOff);
    }
    return compiler.compileTemplate(b, (int) start, (int) (start + dataSize));
  }

  /** Walks operations {@code [from, to)} of a template with the values of one instance. */
  private void walk(BinXmlTemplate t, InstanceValues v, int from, int to, int depth) {
    int i = from;
    while (i < to) {
      switch (t.kind[i]) {
        case BinXmlTemplate.OPEN:
          {
            int endIdx = t.arg[i];
            int direct = t.arg2[i];
            if (direct >= 0) {
              if (optionalWithoutValue(t, v, i, endIdx)) {
                // An optional substitution without a value drops its element ([MS-EVEN6]).
                i = endIdx + 1;
                break;
              }
              int sub = t.arg[direct];
              int type = v.type(sub);
              if (ValueType.isArray(type)) {
                List<String> items = ValueRenderer.items(b, v.off[sub], v.size[sub], type);
                InstanceValues savedValues = expandValues;
                int savedSub = expandSub;
                String savedItem = expandItem;
                expandValues = v;
                expandSub = sub;
                if (items.isEmpty()) {
                  expandItem = "";
                  element(t, v, i, endIdx, depth);
                } else {
                  for (String item : items) {
                    expandItem = item;
                    element(t, v, i, endIdx, depth);
                  }
                }
                expandValues = savedValues;
                expandSub = savedSub;
                expandItem = savedItem;
                i = endIdx + 1;
                break;
              }
            }
            element(t, v, i, endIdx, depth);
            i = endIdx + 1;
            break;
          }
        case BinXmlTemplate.LITERAL:
          fields.text(t.text[i]);
          i++;
          break;
        case BinXmlTemplate.SUBST:
          substitute(t, v, i, depth);
          i++;
          break;
        default:
          i++;
          break;
      }
    }
  }

  /**
   * Whether an element is left out: its content is nothing but optional substitutions, none of
   * which has a value, so Windows drops the element ([MS-EVEN6]; an element with child elements or
   * text stays).
   */
  private static boolean optionalWithoutValue(
      BinXmlTemplate t, InstanceValues v, int open, int endIdx) {
    if (!t.droppable[open]) {
      return false;
    }
    for (int i = t.content[open]; i < endIdx; i++) {
      if (v.type(t.arg[i]) != ValueType.NULL) {
        return false;
      }
    }
    return true;
  }

  private void element(BinXmlTemplate t, InstanceValues v, int open, int endIdx, int depth) {
    String name = t.text[open];
    fields.start(name);
    int content = t.content[open];
    for (int i = open + 1; i < content; ) {
      int parts = t.arg[i];
      String value = attributeValue(t, v, i + 1, parts);
      if (value != null) {
        fields.attribute(name, t.text[i], t.text2[i], value);
      }
      i += 1 + parts;
    }
    walk(t, v, content, endIdx, depth);
    fields.end(name);
  }

  /** An attribute's value, or {@code null} when an optional substitution in it has no value. */
  private String attributeValue(BinXmlTemplate t, InstanceValues v, int first, int parts) {
    if (parts == 0) {
      return "";
    }
    if (parts == 1) {
      return part(t, v, first);
    }
    StringBuilder s = new StringBuilder();
    for (int k = first; k < first + parts; k++) {
      String p = part(t, v, k);
      if (p == null) {
        return null;
      }
      s.append(p);
    }
    return s.toString();
  }

  private String part(BinXmlTemplate t, InstanceValues v, int i) {
    if (t.kind[i] == BinXmlTemplate.LITERAL) {
      return t.text[i];
    }
    int sub = t.arg[i];
    int type = v.type(sub);
    if (type == ValueType.NULL) {
      return t.arg2[i] == 1 ? null : "";
    }
    return scalar(v, sub, type);
  }

  private void substitute(BinXmlTemplate t, InstanceValues v, int i, int depth) {
    int sub = t.arg[i];
    int type = v.type(sub);
    if (type == ValueType.NULL) {
      return;
    }
    if (type == ValueType.BINXML) {
      if (depth >= MAX_NESTING) {
        throw new BinXmlException(
            "binary XML values nested deeper than " + MAX_NESTING, v.off[sub]);
      }
      decodeStream(v.off[sub], v.off[sub] + v.size[sub], depth + 1, true);
      return;
    }
    fields.text(scalar(v, sub, type));
  }

  /** A value as text; array items are joined by a space unless the element is repeated. */
  private String scalar(InstanceValues v, int sub, int type) {
    if (ValueType.isArray(type)) {
      if (expandValues == v && expandSub == sub) {
        return expandItem;
      }
      return String.join(" ", ValueRenderer.items(b, v.off[sub], v.size[sub], type));
    }
    if (type == ValueType.BINXML) {
      return "";
    }
    return ValueRenderer.render(b, v.off[sub], v.size[sub], type);
  }

  /** The substitution values of one template instance: where each is, its size and its type. */
  static final class InstanceValues {
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
}
