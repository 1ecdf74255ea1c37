package org.sigmaworkbench.logs.evtx;

import java.util.Arrays;
import java.util.List;
import org.sigmaworkbench.logs.TextFilter;

/**
 * Walks the binary XML of one record into a {@link FieldCollector}: fragment headers, template
 * instances (the definition compiled once per chunk, then walked with each instance's values) and
 * elements outside templates. Optional substitutions without a value drop their attribute, or their
 * element when it holds nothing else; an array value repeats its element once per item; a BinXml
 * value is walked in place, with its own template instances.
 */
final class BinXmlWalker {
  private static final int MAX_NESTING = 16;

  /**
   * The size of a value of each type that is not an array when the type has one size, else -1: a
   * value of that size passes {@link ValueRenderer#check} without a look at it.
   */
  private static final int[] FIXED_SIZE = new int[256];

  static {
    for (int t = 0; t < FIXED_SIZE.length; t++) {
      int fixed = ValueType.isArray(t) || t == ValueType.BOOL ? 0 : ValueType.fixedSize(t);
      FIXED_SIZE[t] = fixed > 0 ? fixed : -1;
    }
  }

  /**
   * How many template operations (elements, texts, substitutions) and array items one record may
   * walk. A template may name the same binary XML value many times, that value may hold an instance
   * that does the same, an element may repeat once per item of an array and hold other arrays:
   * without a bound, a few kilobytes of a damaged or hostile file take seconds or expand into
   * billions of elements. A record Windows writes walks a few hundred at most.
   */
  static final long MAX_EXPANSIONS = 1 << 18;

  private final ChunkNames names = new ChunkNames();
  private final BinXmlCompiler compiler = new BinXmlCompiler(names);
  // The chunk's templates by definition offset (a chunk holds a few dozen at most).
  private int[] templateOffsets = new int[32];
  private BinXmlTemplate[] templates = new BinXmlTemplate[32];
  private int templateCount;
  private final TemplateCache earlierChunks = new TemplateCache();
  private final TemplateValues[] valuesByDepth = new TemplateValues[MAX_NESTING + 1];
  private final TemplateValues noValues = new TemplateValues();
  private final FieldCollector fields;

  private byte[] b;
  private BinXmlTemplate rootTemplate;
  private TemplateValues expandValues;
  private int expandSub = -1;
  private String expandItem;
  private long expansions;

  BinXmlWalker(FieldCollector fields) {
    this.fields = fields;
    for (int i = 0; i < valuesByDepth.length; i++) {
      valuesByDepth[i] = new TemplateValues();
    }
  }

  /** Starts on a new chunk: its names and templates are not those of the last one. */
  void startChunk(byte[] chunk) {
    b = chunk;
    names.clear();
    Arrays.fill(templates, 0, templateCount, null);
    templateCount = 0;
  }

  /**
   * Walks a record's binary XML, {@code [start, end)} of the chunk, into the collector.
   *
   * @return the template of the record's event, or {@code null} when it has none
   * @throws BinXmlException when the bytes are not binary XML this walker can follow
   */
  BinXmlTemplate walkRecord(int start, int end) {
    rootTemplate = null;
    expandValues = null;
    expandSub = -1;
    expansions = 0;
    decodeStream(start, end, 0, false);
    return rootTemplate;
  }

  /**
   * Whether a record, {@code [start, end)} of the chunk, may hold text the filter wants, looking at
   * its bytes without building its fields. It says no only when every text of the event is one
   * piece of what is stored: the record is made of template instances and elements whose templates
   * join no two pieces into one text ({@link BinXmlTemplate#onePiece}), and no literal of those
   * templates and no value of those instances holds a wanted literal. Text values are searched as
   * stored; binary XML values are followed; ANSI strings and arrays are rendered and searched (an
   * array's items joined by spaces, as an element that is not repeated holds them); other values
   * are rendered and searched only when a wanted literal could be made of what their renderings
   * hold.
   *
   * @param renderedWanted {@code filter.couldBeMadeOf(ValueRenderer::mayRender)}
   * @throws BinXmlException when the record's binary XML cannot be followed
   */
  boolean mayHold(int start, int end, TextFilter filter, boolean renderedWanted) {
    return streamMayHold(start, end, 0, false, filter, renderedWanted);
  }

  private boolean streamMayHold(
      int pos, int end, int depth, boolean inValue, TextFilter filter, boolean renderedWanted) {
    if (depth > MAX_NESTING) {
      return true;
    }
    while (pos < end) {
      switch (b[pos] & 0xFF) {
        case BinXmlCompiler.TOKEN_EOF:
          return false;
        case BinXmlCompiler.TOKEN_FRAGMENT_HEADER:
          pos += 4;
          break;
        case BinXmlCompiler.TOKEN_TEMPLATE_INSTANCE:
          {
            BinXmlTemplate t = instanceTemplate(pos, end);
            if (!t.onePiece || t.staticWanted(filter)) {
              return true;
            }
            TemplateValues v = valuesByDepth[depth];
            v.read(b, instanceValuesAt, end);
            if (valuesMayHold(v, depth, filter, renderedWanted)) {
              return true;
            }
            pos = v.end;
            break;
          }
        case BinXmlCompiler.TOKEN_OPEN_START:
        case BinXmlCompiler.TOKEN_OPEN_START | BinXmlCompiler.MORE_FLAG:
          {
            BinXmlTemplate t = compiler.compileElement(b, pos, end, inValue);
            if (!t.onePiece || t.staticWanted(filter)) {
              return true;
            }
            pos = t.endOffset;
            break;
          }
        default:
          return true;
      }
    }
    return false;
  }

  private boolean valuesMayHold(
      TemplateValues v, int depth, TextFilter filter, boolean renderedWanted) {
    for (int i = 0; i < v.count; i++) {
      int type = v.type[i];
      switch (type) {
        case ValueType.NULL:
          break;
        case ValueType.STRING:
        case ValueType.EVT_XML:
          if (filter.inUtf16le(b, v.off[i], v.size[i])) {
            return true;
          }
          break;
        case ValueType.BINXML:
          if (streamMayHold(
              v.off[i], v.off[i] + v.size[i], depth + 1, true, filter, renderedWanted)) {
            return true;
          }
          break;
        case ValueType.ANSI_STRING:
          if (filter.in(ValueRenderer.render(b, v.off[i], v.size[i], type))) {
            return true;
          }
          break;
        default:
          if (ValueType.isArray(type)) {
            // Its items as one text: each item alone, as a repeated element gets it, is part of it.
            String items = String.join(" ", ValueRenderer.items(b, v.off[i], v.size[i], type));
            if (filter.in(items)) {
              return true;
            }
            break;
          }
          if (renderedWanted) {
            if (filter.in(ValueRenderer.render(b, v.off[i], v.size[i], type))) {
              return true;
            }
          } else if (FIXED_SIZE[type] != v.size[i]) {
            ValueRenderer.check(b, v.off[i], v.size[i], type);
          }
          break;
      }
    }
    return false;
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

  // Where the values of the instance instanceTemplate() last read start.
  private int instanceValuesAt;

  /**
   * The template of the instance at {@code pos}, compiled once per chunk (its definition follows
   * the instance the first time, then instances point back to it); sets {@link #instanceValuesAt}.
   */
  private BinXmlTemplate instanceTemplate(int pos, int end) {
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
    instanceValuesAt = valuesAt;
    BinXmlTemplate t = null;
    for (int i = templateCount - 1; i >= 0; i--) {
      if (templateOffsets[i] == defOff) {
        t = templates[i];
        break;
      }
    }
    if (t == null) {
      t = compileTemplateAt(defOff);
      if (templateCount == templates.length) {
        templates = Arrays.copyOf(templates, templateCount * 2);
        templateOffsets = Arrays.copyOf(templateOffsets, templateCount * 2);
      }
      templateOffsets[templateCount] = defOff;
      templates[templateCount++] = t;
    }
    return t;
  }

  /** A template instance at {@code pos}; returns the offset after its values. */
  private int templateInstance(int pos, int end, int depth) {
    BinXmlTemplate t = instanceTemplate(pos, end);
    int valuesAt = instanceValuesAt;
    if (depth == 0 && rootTemplate == null) {
      rootTemplate = t;
    }
    if (depth > MAX_NESTING) {
      throw new BinXmlException("binary XML values nested deeper than " + MAX_NESTING, pos);
    }
    expanding(t.size, pos);
    TemplateValues v = valuesByDepth[depth];
    v.read(b, valuesAt, end);
    walk(t, v, 0, t.size, depth);
    return v.end;
  }

  /**
   * The template defined at {@code defOff}: next-definition offset (4 bytes), GUID (16), data size
   * (4), then its binary XML fragment. Taken from an earlier chunk when the definition is the same
   * there.
   */
  private BinXmlTemplate compileTemplateAt(int defOff) {
    if (defOff + 24 > EvtxChunk.SIZE) {
      throw new BinXmlException("template definition runs past the end of the chunk", defOff);
    }
    long dataSize = Bytes.u32(b, defOff + 20);
    long start = defOff + 24L;
    if (start + dataSize > EvtxChunk.SIZE) {
      throw new BinXmlException("template definition runs past the end of the chunk", defOff);
    }
    int end = (int) (start + dataSize);
    BinXmlTemplate t = earlierChunks.find(b, defOff + 4, end, names);
    if (t == null) {
      t = compiler.compileTemplate(b, (int) start, end);
      earlierChunks.put(b, defOff + 4, end, t);
    }
    return t;
  }

  /** Walks operations {@code [from, to)} of a template with the values of one instance. */
  private void walk(BinXmlTemplate t, TemplateValues v, int from, int to, int depth) {
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
                List<String> items = items(v, sub, type);
                expanding((long) items.size() * (endIdx - i + 1), v.off[sub]);
                TemplateValues savedValues = expandValues;
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
      BinXmlTemplate t, TemplateValues v, int open, int endIdx) {
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

  private void element(BinXmlTemplate t, TemplateValues v, int open, int endIdx, int depth) {
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
  private String attributeValue(BinXmlTemplate t, TemplateValues v, int first, int parts) {
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

  private String part(BinXmlTemplate t, TemplateValues v, int i) {
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

  private void substitute(BinXmlTemplate t, TemplateValues v, int i, int depth) {
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

  /** An array value's items, counted against the record's expansions. */
  private List<String> items(TemplateValues v, int sub, int type) {
    List<String> items = ValueRenderer.items(b, v.off[sub], v.size[sub], type);
    expanding(items.size(), v.off[sub]);
    return items;
  }

  private void expanding(long n, int at) {
    expansions += n;
    if (expansions > MAX_EXPANSIONS) {
      throw new BinXmlException(
          "the record expands to more than " + MAX_EXPANSIONS + " elements and values", at);
    }
  }

  /** A value as text; array items are joined by a space unless the element is repeated. */
  private String scalar(TemplateValues v, int sub, int type) {
    if (ValueType.isArray(type)) {
      if (expandValues == v && expandSub == sub) {
        return expandItem;
      }
      return String.join(" ", items(v, sub, type));
    }
    if (type == ValueType.BINXML) {
      return "";
    }
    return ValueRenderer.render(b, v.off[sub], v.size[sub], type);
  }
}
