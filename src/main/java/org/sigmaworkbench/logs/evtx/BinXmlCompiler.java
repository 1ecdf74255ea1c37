package org.sigmaworkbench.logs.evtx;

import java.util.Arrays;

/**
 * Compiles binary XML tokens into a {@link BinXmlTemplate}: one element (with everything inside it)
 * or a template definition's fragment. Token layouts follow [MS-EVEN6] and the libevtx format
 * notes: element starts carry a dependency id, a data size and a name offset (the name is stored
 * inline the first time the chunk uses it), attributes a name offset and value tokens, values are
 * UTF-16 text, character and entity references, CDATA or substitutions.
 */
final class BinXmlCompiler {

  static final int TOKEN_EOF = 0x00;
  static final int TOKEN_OPEN_START = 0x01;
  static final int TOKEN_CLOSE_START = 0x02;
  static final int TOKEN_CLOSE_EMPTY = 0x03;
  static final int TOKEN_END_ELEMENT = 0x04;
  static final int TOKEN_VALUE = 0x05;
  static final int TOKEN_ATTRIBUTE = 0x06;
  static final int TOKEN_CDATA = 0x07;
  static final int TOKEN_CHAR_REF = 0x08;
  static final int TOKEN_ENTITY_REF = 0x09;
  static final int TOKEN_PI_TARGET = 0x0A;
  static final int TOKEN_PI_DATA = 0x0B;
  static final int TOKEN_TEMPLATE_INSTANCE = 0x0C;
  static final int TOKEN_NORMAL_SUBST = 0x0D;
  static final int TOKEN_OPTIONAL_SUBST = 0x0E;
  static final int TOKEN_FRAGMENT_HEADER = 0x0F;
  static final int MORE_FLAG = 0x40;

  private static final int MAX_DEPTH = 256;

  private final ChunkNames names;
  private byte[] b;
  private int start;
  private int limit;
  // Names outside the bytes being compiled, by their chunk offsets.
  private final IntKeyedStrings externalNames = new IntKeyedStrings(16);

  private byte[] kind = new byte[64];
  private int[] arg = new int[64];
  private int[] arg2 = new int[64];
  private String[] text = new String[64];
  private String[] text2 = new String[64];
  private int n;
  private final int[] stack = new int[MAX_DEPTH];

  BinXmlCompiler(ChunkNames names) {
    this.names = names;
  }

  /**
   * Compiles the fragment of a template definition: an optional fragment header, one element, and
   * an end-of-fragment token.
   *
   * @param chunk the chunk
   * @param start chunk offset of the fragment
   * @param end chunk offset just past it
   */
  BinXmlTemplate compileTemplate(byte[] chunk, int start, int end) {
    return compile(chunk, start, end, false, true);
  }

  /**
   * Compiles one element that is not part of a template (records written without templates, and
   * binary XML substitution values).
   *
   * @param inValue true inside a BinXml substitution value, where element starts may lack the
   *     dependency id
   */
  BinXmlTemplate compileElement(byte[] chunk, int start, int end, boolean inValue) {
    return compile(chunk, start, end, inValue, false);
  }

  private BinXmlTemplate compile(
      byte[] chunk, int start, int end, boolean inValue, boolean wholeFragment) {
    this.b = chunk;
    this.start = start;
    this.limit = Math.min(end, chunk.length);
    n = 0;
    externalNames.clear();
    int depth = 0;
    int pos = start;
    boolean inStartTag = false;
    int attr = -1;
    boolean sawElement = false;
    while (true) {
      if (pos >= limit) {
        if (depth == 0 && sawElement) {
          break;
        }
        throw new BinXmlException("binary XML ends inside an element", pos);
      }
      int token = b[pos] & 0xFF;
      int base = token & ~MORE_FLAG;
      if (attr >= 0 && !isValueToken(base)) {
        arg[attr] = n - attr - 1;
        attr = -1;
      }
      switch (base) {
        case TOKEN_EOF:
          if (depth != 0) {
            throw new BinXmlException("end of binary XML inside an element", pos);
          }
          return finish(pos + 1);
        case TOKEN_FRAGMENT_HEADER:
          if (depth != 0) {
            throw new BinXmlException("fragment header inside an element", pos);
          }
          need(pos, 4);
          pos += 4;
          break;
        case TOKEN_OPEN_START:
          {
            if (inStartTag) {
              throw new BinXmlException("element start inside a start tag", pos);
            }
            if (depth == 0 && sawElement) {
              // A second top-level element: it belongs to the caller.
              return finish(pos);
            }
            if (depth >= MAX_DEPTH) {
              throw new BinXmlException("elements nested deeper than " + MAX_DEPTH, pos);
            }
            pos = openElement(pos, token, inValue);
            stack[depth++] = n - 1;
            inStartTag = true;
            sawElement = true;
            break;
          }
        case TOKEN_CLOSE_START:
          if (!inStartTag) {
            throw new BinXmlException("close of a start tag outside a start tag", pos);
          }
          inStartTag = false;
          pos++;
          break;
        case TOKEN_CLOSE_EMPTY:
        case TOKEN_END_ELEMENT:
          {
            if (base == TOKEN_CLOSE_EMPTY ? !inStartTag : inStartTag || depth == 0) {
              throw new BinXmlException("element end token out of place", pos);
            }
            inStartTag = false;
            pos++;
            int open = stack[--depth];
            add(BinXmlTemplate.END, 0, 0, text[open], null);
            arg[open] = n - 1;
            if (depth == 0 && !wholeFragment) {
              return finish(pos);
            }
            break;
          }
        case TOKEN_ATTRIBUTE:
          {
            if (!inStartTag) {
              throw new BinXmlException("attribute outside a start tag", pos);
            }
            need(pos, 5);
            String name = nameAt(pos + 1);
            pos = afterNameAt(pos + 1);
            String element = text[stack[depth - 1]];
            add(BinXmlTemplate.ATTR, 0, 0, name, (element + "_" + name).intern());
            attr = n - 1;
            break;
          }
        case TOKEN_VALUE:
          {
            need(pos, 4);
            int type = b[pos + 1] & 0xFF;
            if (type != ValueType.STRING) {
              throw new BinXmlException(
                  "value token of type " + ValueType.name(type) + ", expected String", pos);
            }
            pos = countedText(depth, inStartTag, attr, pos, 4);
            break;
          }
        case TOKEN_CDATA:
          pos = countedText(depth, inStartTag, attr, pos, 3);
          break;
        case TOKEN_CHAR_REF:
          {
            need(pos, 3);
            literal(depth, inStartTag, attr, String.valueOf((char) Bytes.u16(b, pos + 1)), pos);
            pos += 3;
            break;
          }
        case TOKEN_ENTITY_REF:
          {
            need(pos, 5);
            String name = nameAt(pos + 1);
            pos = afterNameAt(pos + 1);
            literal(depth, inStartTag, attr, entity(name), pos);
            break;
          }
        case TOKEN_PI_TARGET:
          {
            need(pos, 5);
            nameAt(pos + 1);
            pos = afterNameAt(pos + 1);
            break;
          }
        case TOKEN_PI_DATA:
          {
            need(pos, 3);
            int chars = Bytes.u16(b, pos + 1);
            need(pos, 3 + 2 * chars);
            pos += 3 + 2 * chars;
            break;
          }
        case TOKEN_NORMAL_SUBST:
        case TOKEN_OPTIONAL_SUBST:
          {
            if (depth == 0) {
              throw new BinXmlException("substitution outside an element", pos);
            }
            need(pos, 4);
            int index = Bytes.u16(b, pos + 1);
            if (inStartTag && attr < 0) {
              throw new BinXmlException("substitution in a start tag outside an attribute", pos);
            }
            add(BinXmlTemplate.SUBST, index, base == TOKEN_OPTIONAL_SUBST ? 1 : 0, null, null);
            noteSubstitution(depth, inStartTag);
            pos += 4;
            break;
          }
        case TOKEN_TEMPLATE_INSTANCE:
          throw new BinXmlException("template instance inside a template definition", pos);
        default:
          throw new BinXmlException(String.format("unknown binary XML token 0x%02x", token), pos);
      }
    }
    return finish(pos);
  }

  private static boolean isValueToken(int base) {
    return base == TOKEN_VALUE
        || base == TOKEN_NORMAL_SUBST
        || base == TOKEN_OPTIONAL_SUBST
        || base == TOKEN_CHAR_REF
        || base == TOKEN_ENTITY_REF
        || base == TOKEN_CDATA;
  }

  /** Reads an element start at {@code pos}; returns the offset after it. */
  private int openElement(int pos, int token, boolean inValue) {
    // With a dependency id: token, id (2), data size (4), name offset (4). Inside BinXml values
    // the id may be missing; the name offset tells which layout the bytes have.
    int withId = pos + 7;
    int withoutId = pos + 5;
    int nameField;
    if (inValue) {
      nameField = plausibleName(withoutId) ? withoutId : withId;
    } else {
      nameField = plausibleName(withId) || !plausibleName(withoutId) ? withId : withoutId;
    }
    need(nameField, 4);
    String name = nameAt(nameField);
    int p = afterNameAt(nameField);
    if ((token & MORE_FLAG) != 0) {
      need(p, 4);
      p += 4;
    }
    add(BinXmlTemplate.OPEN, 0, -1, name, null);
    return p;
  }

  /** Whether a name offset read at {@code field} points at a name: inline, or stored earlier. */
  private boolean plausibleName(int field) {
    if (field + 4 > limit) {
      return false;
    }
    int off = Bytes.i32(b, field);
    if (off == field + 4) {
      return ChunkNames.storedSize(b, off) > 0 && off + ChunkNames.storedSize(b, off) <= limit;
    }
    return off > 0 && off < field && ChunkNames.storedSize(b, off) > 0;
  }

  /**
   * The name at a chunk offset; a name stored outside the bytes being compiled is remembered, so
   * that a template compiled in one chunk is only reused in another that has the same names there.
   */
  private String name(int nameOff) {
    String name = names.at(b, nameOff);
    if (nameOff < start || nameOff >= limit) {
      externalNames.add(nameOff, name);
    }
    return name;
  }

  /** The name whose chunk offset is stored at {@code field} (checked to fit by the caller). */
  private String nameAt(int field) {
    return name(Bytes.i32(b, field));
  }

  /**
   * The offset after the name offset stored at {@code field}, and after the name itself when it is
   * stored inline right behind it (the first time a chunk uses a name).
   */
  private int afterNameAt(int field) {
    int p = field + 4;
    return Bytes.i32(b, field) == p ? skipInlineName(p) : p;
  }

  /**
   * A literal of UTF-16 text behind a token header of {@code header} bytes whose last two count its
   * characters; returns the offset after it.
   */
  private int countedText(int depth, boolean inStartTag, int attr, int pos, int header) {
    need(pos, header);
    int chars = Bytes.u16(b, pos + header - 2);
    need(pos, header + 2 * chars);
    literal(depth, inStartTag, attr, ValueRenderer.utf16Exact(b, pos + header, chars), pos);
    return pos + header + 2 * chars;
  }

  /** The offset after a name stored inline at {@code pos}. */
  private int skipInlineName(int pos) {
    int size = ChunkNames.storedSize(b, pos);
    need(pos, size);
    return pos + size;
  }

  private void literal(int depth, boolean inStartTag, int attr, String s, int pos) {
    if (depth == 0) {
      throw new BinXmlException("text outside an element", pos);
    }
    if (inStartTag && attr < 0) {
      throw new BinXmlException("text in a start tag outside an attribute", pos);
    }
    // Short literals are mostly names (Data Name="..."): one instance each speeds up comparing.
    add(BinXmlTemplate.LITERAL, 0, 0, s.length() <= 64 ? s.intern() : s, null);
  }

  /** Records, on the enclosing element, the first substitution directly in its content. */
  private void noteSubstitution(int depth, boolean inStartTag) {
    if (!inStartTag) {
      int open = stack[depth - 1];
      if (arg2[open] < 0) {
        arg2[open] = n - 1;
      }
    }
  }

  private static String entity(String name) {
    return switch (name) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      default -> "&" + name + ";";
    };
  }

  private void need(int pos, int len) {
    if (pos + len > limit) {
      throw new BinXmlException("binary XML token runs past the end of its data", pos);
    }
  }

  private void add(byte k, int a, int a2, String t, String t2) {
    if (n == kind.length) {
      int cap = n * 2;
      kind = Arrays.copyOf(kind, cap);
      arg = Arrays.copyOf(arg, cap);
      arg2 = Arrays.copyOf(arg2, cap);
      text = Arrays.copyOf(text, cap);
      text2 = Arrays.copyOf(text2, cap);
    }
    kind[n] = k;
    arg[n] = a;
    arg2[n] = a2;
    text[n] = t;
    text2[n] = t2;
    n++;
  }

  private BinXmlTemplate finish(int endOffset) {
    if (n == 0) {
      throw new BinXmlException("binary XML without an element", endOffset);
    }
    return new BinXmlTemplate(
        Arrays.copyOf(kind, n),
        Arrays.copyOf(arg, n),
        Arrays.copyOf(arg2, n),
        Arrays.copyOf(text, n),
        Arrays.copyOf(text2, n),
        n,
        endOffset,
        externalNames.keys(),
        externalNames.values());
  }
}
