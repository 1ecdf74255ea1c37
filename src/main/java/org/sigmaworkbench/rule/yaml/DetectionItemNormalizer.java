package org.sigmaworkbench.rule.yaml;

import com.google.re2j.PatternSyntaxException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sigmaworkbench.rule.DetectionItem;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.Modifier;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.Predicate;
import org.sigmaworkbench.rule.RegexCheck;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaString;
import org.sigmaworkbench.rule.Spelling;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns one {@code field|modifier|...: value(s)} entry of a search identifier into normalized
 * {@link Expr} leaves, applying the modifiers left to right.
 */
final class DetectionItemNormalizer {

  private static final Set<Modifier> STRING_POSITION =
      EnumSet.of(Modifier.CONTAINS, Modifier.STARTSWITH, Modifier.ENDSWITH);
  private static final Set<Modifier> COMPARISONS =
      EnumSet.of(Modifier.LT, Modifier.LTE, Modifier.GT, Modifier.GTE);
  private static final Set<Modifier> DATE_PARTS =
      EnumSet.of(
          Modifier.MINUTE,
          Modifier.HOUR,
          Modifier.DAY,
          Modifier.WEEK,
          Modifier.MONTH,
          Modifier.YEAR);
  private static final Set<Modifier> REGEX_FLAGS = EnumSet.of(Modifier.I, Modifier.M, Modifier.S);
  private static final Set<Modifier> ENCODINGS =
      EnumSet.of(
          Modifier.BASE64,
          Modifier.BASE64OFFSET,
          Modifier.UTF16LE,
          Modifier.UTF16BE,
          Modifier.UTF16,
          Modifier.WIDE);

  /** The placeholder syntax of {@code |expand}: {@code %name%}, not preceded by a backslash. */
  private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\\\)%([^%\\s][^%]*?)%");

  private final String identifier;
  private final Placeholders placeholders;
  private final List<RuleProblem> problems;
  private final List<DetectionItem> written;

  /**
   * @param identifier the search identifier the entries belong to
   * @param placeholders the values of {@code %name%} placeholders for {@code |expand}
   * @param problems where errors and warnings go
   * @param written where each entry is recorded as written, or {@code null}
   */
  DetectionItemNormalizer(
      String identifier,
      Placeholders placeholders,
      List<RuleProblem> problems,
      List<DetectionItem> written) {
    this.identifier = identifier;
    this.placeholders = placeholders;
    this.problems = problems;
    this.written = written;
  }

  /** One value of the rule with where it was written. */
  private record RawValue(Node node, Position position, String text) {}

  /** One alternative of a value while modifiers apply. */
  private sealed interface Item permits Str, Bytes, Num, Bool, Null {}

  private record Str(SigmaString s) implements Item {}

  private record Bytes(byte[] bytes) implements Item {}

  private record Num(BigDecimal n, String text) implements Item {}

  private record Bool(boolean b) implements Item {}

  private record Null() implements Item {}

  /**
   * The leaves for one map entry.
   *
   * @param key the key as written ({@code CommandLine|contains|all}; {@code |all} or empty for
   *     keywords)
   * @param keyPosition where the key is
   * @param valueNode its value: a scalar or a list of scalars
   * @return the expression, or {@code null} when the entry has errors (reported to the problem
   *     list)
   */
  Expr normalize(String key, Position keyPosition, Node valueNode) {
    String[] parts = key.split("\\|", -1);
    String field = parts[0].isEmpty() ? null : parts[0];
    if (written != null) {
      record(key, field, parts, keyPosition, valueNode);
    }
    List<Modifier> chain = new ArrayList<>();
    int offset = parts[0].length();
    for (int i = 1; i < parts.length; i++) {
      String name = parts[i];
      Position at = keyPosition.plusColumns(offset + 1);
      offset += name.length() + 1;
      var modifier = Modifier.byName(name);
      if (modifier.isEmpty()) {
        String hint = suggest(name);
        error(
            "modifier.unknown",
            "unknown modifier '"
                + name
                + "'"
                + (hint == null ? "" : "; did you mean '" + hint + "'?")
                + " (see the Sigma modifiers appendix)",
            at,
            name);
        return null;
      }
      chain.add(modifier.get());
    }
    if (!checkChain(chain, keyPosition, key)) {
      return null;
    }
    if (field == null && typeModifier(chain) == null && positionModifier(chain) == null) {
      // A keyword is searched for anywhere in the event: it is contained in some field.
      chain.add(Modifier.CONTAINS);
    }

    List<RawValue> raws = rawValues(key, valueNode);
    if (raws == null) {
      return null;
    }
    if (raws.isEmpty()) {
      error(
          "detection.empty-list",
          "'" + key + "' has an empty list of values; give at least one value",
          SigmaYaml.position(valueNode),
          key);
      return null;
    }

    boolean all = chain.contains(Modifier.ALL);
    List<Expr> perValue = new ArrayList<>();
    for (RawValue raw : raws) {
      Expr e = normalizeValue(field, key, chain, raw);
      if (e == null) {
        return null;
      }
      perValue.add(e);
    }
    Expr combined =
        perValue.size() == 1
            ? perValue.get(0)
            : all ? new Expr.And(perValue) : new Expr.Or(perValue);
    if (chain.contains(Modifier.NEQ)) {
      combined = new Expr.Not(combined);
    }
    return combined;
  }

  private void record(
      String key, String field, String[] parts, Position keyPosition, Node valueNode) {
    List<DetectionItem.Value> values = new ArrayList<>();
    if (valueNode instanceof SequenceNode seq) {
      for (Node child : seq.getValue()) {
        if (child instanceof ScalarNode s) {
          values.add(writtenValue(s));
        }
      }
    } else if (valueNode instanceof ScalarNode s) {
      values.add(writtenValue(s));
    }
    written.add(
        new DetectionItem(
            identifier,
            key,
            field,
            Arrays.asList(parts).subList(1, parts.length),
            keyPosition,
            values,
            valueNode instanceof SequenceNode));
  }

  private static DetectionItem.Value writtenValue(ScalarNode s) {
    Tag tag = s.getTag();
    DetectionItem.ValueKind kind =
        tag.equals(Tag.NULL)
            ? DetectionItem.ValueKind.NULL
            : tag.equals(Tag.BOOL)
                ? DetectionItem.ValueKind.BOOLEAN
                : tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)
                    ? DetectionItem.ValueKind.NUMBER
                    : DetectionItem.ValueKind.STRING;
    return new DetectionItem.Value(
        s.getValue(), kind, s.getScalarStyle().getChar() != null, SigmaYaml.textPosition(s));
  }

  private List<RawValue> rawValues(String currentKey, Node valueNode) {
    List<RawValue> out = new ArrayList<>();
    if (valueNode instanceof SequenceNode seq) {
      for (Node child : seq.getValue()) {
        if (!(child instanceof ScalarNode s)) {
          error(
              "detection.value-type",
              "a value list may hold only strings, numbers, booleans or null, not "
                  + SigmaYaml.kind(child),
              SigmaYaml.position(child),
              currentKey);
          return null;
        }
        out.add(new RawValue(s, SigmaYaml.textPosition(s), s.getValue()));
      }
    } else if (valueNode instanceof ScalarNode s) {
      out.add(new RawValue(s, SigmaYaml.textPosition(s), s.getValue()));
    } else {
      error(
          "detection.value-type",
          "a field takes a value or a list of values, not " + SigmaYaml.kind(valueNode),
          SigmaYaml.position(valueNode),
          currentKey);
      return null;
    }
    return out;
  }

  /** Checks which modifiers may follow which, before any value is touched. */
  private boolean checkChain(List<Modifier> chain, Position at, String key) {
    Modifier type = null; // re, cidr, exists, fieldref, comparison or date part: at most one
    Modifier position = null;
    boolean sawRe = false;
    for (int i = 0; i < chain.size(); i++) {
      Modifier m = chain.get(i);
      if (chain.indexOf(m) != i && m != Modifier.BASE64) {
        error("modifier.repeated", "modifier '" + m.sigmaName() + "' is given twice", at, key);
        return false;
      }
      if (REGEX_FLAGS.contains(m)) {
        if (!sawRe) {
          return rejectChain(
              "'" + m.sigmaName() + "' is a flag of 're' and must follow it", at, key);
        }
        continue;
      }
      if (STRING_POSITION.contains(m)) {
        if (position != null) {
          return rejectChain(
              "'"
                  + m.sigmaName()
                  + "' cannot be combined with '"
                  + position.sigmaName()
                  + "': a value is matched in one position",
              at,
              key);
        }
        position = m;
      }
      boolean isType =
          m == Modifier.RE
              || m == Modifier.CIDR
              || m == Modifier.EXISTS
              || m == Modifier.FIELDREF
              || COMPARISONS.contains(m)
              || DATE_PARTS.contains(m);
      if (isType) {
        boolean datePlusCompare =
            type != null
                && ((DATE_PARTS.contains(type) && COMPARISONS.contains(m))
                    || (DATE_PARTS.contains(m) && COMPARISONS.contains(type)));
        if (type != null && !datePlusCompare) {
          return rejectChain(
              "'" + m.sigmaName() + "' cannot be combined with '" + type.sigmaName() + "'",
              at,
              key);
        }
        if (type == null || DATE_PARTS.contains(m)) {
          type = m;
        }
      }
      if (m == Modifier.RE) {
        sawRe = true;
      }
    }
    if (type != null && position != null && type != Modifier.FIELDREF) {
      error(
          "modifier.combination",
          "'"
              + position.sigmaName()
              + "' cannot be combined with '"
              + type.sigmaName()
              + "'"
              + (type == Modifier.RE
                  ? "; a regular expression matches anywhere unless anchored"
                  : ""),
          at,
          key);
      return false;
    }
    if (type != null && type != Modifier.FIELDREF) {
      for (Modifier m : chain) {
        if (ENCODINGS.contains(m) || m == Modifier.WINDASH || m == Modifier.EXPAND) {
          return rejectChain(
              "'" + m.sigmaName() + "' cannot be combined with '" + type.sigmaName() + "'",
              at,
              key);
        }
      }
    }
    if (chain.contains(Modifier.EXISTS) && chain.size() > 1) {
      return rejectChain("'exists' stands alone: remove the other modifiers", at, key);
    }
    if (chain.contains(Modifier.CASED) && type != null && type != Modifier.FIELDREF) {
      return rejectChain(
          "'cased' applies to string matching, not to '" + type.sigmaName() + "'", at, key);
    }
    return true;
  }

  private Expr normalizeValue(String field, String key, List<Modifier> chain, RawValue raw) {
    Node node = raw.node();
    Tag tag = node.getTag();
    Modifier type = typeModifier(chain);
    Modifier position = positionModifier(chain);
    boolean cased = chain.contains(Modifier.CASED);
    Expr.Origin origin = new Expr.Origin(identifier, key, raw.text(), raw.position());

    if (type == Modifier.EXISTS) {
      if (!tag.equals(Tag.BOOL)) {
        return rejectValue(
            "modifier.value", "'exists' takes true or false, not '" + raw.text() + "'", raw);
      }
      if (field == null) {
        error("modifier.value", "'exists' needs a field name", raw.position(), key);
        return null;
      }
      return new Expr.Match(field, new Predicate.Exists(isTrue(raw.text())), origin);
    }
    if (type == Modifier.RE) {
      return regex(field, chain, raw, origin);
    }
    if (type == Modifier.CIDR) {
      try {
        return new Expr.Match(field, Predicate.Cidr.parse(raw.text()), origin);
      } catch (IllegalArgumentException e) {
        return rejectValue(
            "modifier.value",
            "'cidr' needs a network such as 10.0.0.0/8 or fe80::/10: " + e.getMessage(),
            raw);
      }
    }
    if (type != null && (COMPARISONS.contains(type) || DATE_PARTS.contains(type))) {
      BigDecimal n = number(raw);
      if (n == null) {
        return null;
      }
      Predicate.CompareOp op = compareOp(chain);
      if (DATE_PARTS.contains(type)) {
        if (n.scale() > 0 && n.stripTrailingZeros().scale() > 0) {
          return rejectValue(
              "modifier.value", "'" + type.sigmaName() + "' compares with a whole number", raw);
        }
        Predicate.DateUnit unit = Predicate.DateUnit.valueOf(type.name());
        return new Expr.Match(field, new Predicate.DatePart(unit, op, n.intValue()), origin);
      }
      return new Expr.Match(field, new Predicate.Compare(op, n, raw.text()), origin);
    }
    if (type == Modifier.FIELDREF) {
      if (!(tag.equals(Tag.STR)) || raw.text().isEmpty()) {
        return rejectValue("modifier.value", "'fieldref' takes the name of another field", raw);
      }
      Predicate.StringOp op = position == null ? Predicate.StringOp.EQUALS : stringOp(position);
      return new Expr.Match(field, new Predicate.FieldRef(raw.text(), op, cased), origin);
    }

    // String matching, with transformations.
    List<Item> items = new ArrayList<>();
    if (tag.equals(Tag.NULL)) {
      items.add(new Null());
    } else if (tag.equals(Tag.BOOL)) {
      items.add(new Bool(isTrue(raw.text())));
    } else if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      BigDecimal n = number(raw);
      if (n == null) {
        return null;
      }
      items.add(new Num(n, raw.text()));
    } else if (chain.contains(Modifier.EXPAND)) {
      List<SigmaString> expanded = expand(raw);
      for (SigmaString s : expanded) {
        items.add(new Str(s));
      }
    } else {
      items.add(new Str(SigmaString.parse(raw.text())));
    }

    for (Modifier m : chain) {
      List<Item> next = new ArrayList<>();
      for (Item item : items) {
        List<Item> out = apply(m, item, raw, key);
        if (out == null) {
          return null;
        }
        next.addAll(out);
      }
      items = next;
    }

    List<Expr> leaves = new ArrayList<>();
    for (Item item : items) {
      Predicate p;
      if (item instanceof Null) {
        p = new Predicate.IsNull();
      } else if (item instanceof Num num) {
        p = new Predicate.Compare(Predicate.CompareOp.EQ, num.n(), num.text());
      } else if (item instanceof Bool b) {
        p = new Predicate.StringMatch(Predicate.StringOp.EQUALS, Boolean.toString(b.b()), false);
      } else if (item instanceof Bytes bytes) {
        p = toPredicate(SigmaString.literal(latin1(bytes.bytes())), cased);
      } else {
        p = toPredicate(((Str) item).s(), cased);
      }
      leaves.add(new Expr.Match(field, p, origin));
    }
    if (leaves.isEmpty()) {
      return new Expr.Const(false);
    }
    return leaves.size() == 1 ? leaves.get(0) : new Expr.Or(leaves);
  }

  /** Applies one transforming modifier to one item. */
  private List<Item> apply(Modifier m, Item item, RawValue raw, String key) {
    switch (m) {
      case CONTAINS, STARTSWITH, ENDSWITH -> {
        Item s = asString(item, m, raw);
        if (s == null) {
          return null;
        }
        if (s instanceof Bytes) {
          s = new Str(SigmaString.literal(latin1(((Bytes) s).bytes())));
        }
        SigmaString str = ((Str) s).s();
        if (m != Modifier.STARTSWITH) {
          str = str.prependAnyString();
        }
        if (m != Modifier.ENDSWITH) {
          str = str.appendAnyString();
        }
        return List.of(new Str(str));
      }
      case WINDASH -> {
        Item s = asString(item, m, raw);
        if (s == null) {
          return null;
        }
        if (s instanceof Bytes) {
          error(
              "modifier.combination", "'windash' must come before encodings", raw.position(), key);
          return null;
        }
        try {
          List<Item> out = new ArrayList<>();
          for (SigmaString v : ValueTransforms.windash(((Str) s).s())) {
            out.add(new Str(v));
          }
          return out;
        } catch (IllegalArgumentException e) {
          return rejectValue("modifier.value", e.getMessage(), raw);
        }
      }
      case BASE64, BASE64OFFSET -> {
        byte[] bytes = bytesOf(item, m, raw);
        if (bytes == null) {
          return null;
        }
        if (m == Modifier.BASE64) {
          return List.of(new Str(SigmaString.literal(ValueTransforms.base64(bytes))));
        }
        List<Item> out = new ArrayList<>();
        for (String v : ValueTransforms.base64Offsets(bytes)) {
          out.add(new Str(SigmaString.literal(v)));
        }
        return out;
      }
      case UTF16LE, UTF16BE, UTF16, WIDE -> {
        String text = plainText(item, m, raw);
        if (text == null) {
          return null;
        }
        byte[] bytes =
            switch (m) {
              case UTF16BE -> ValueTransforms.utf16be(text);
              case UTF16 -> ValueTransforms.utf16(text);
              default -> ValueTransforms.utf16le(text);
            };
        return List.of(new Bytes(bytes));
      }
      default -> {
        // ALL, CASED, NEQ, EXPAND (done when the value was read): no change to the value.
        return List.of(item);
      }
    }
  }

  private Item asString(Item item, Modifier m, RawValue raw) {
    if (item instanceof Str || item instanceof Bytes) {
      return item;
    }
    if (item instanceof Num num) {
      return new Str(SigmaString.literal(num.text()));
    }
    if (item instanceof Bool b) {
      return new Str(SigmaString.literal(Boolean.toString(b.b())));
    }
    return rejectValue(
        "modifier.value", "'" + m.sigmaName() + "' needs a string value, not null", raw);
  }

  private String plainText(Item item, Modifier m, RawValue raw) {
    Item s = asString(item, m, raw);
    if (s == null) {
      return null;
    }
    if (s instanceof Bytes) {
      return rejectValue(
          "modifier.combination",
          "'" + m.sigmaName() + "' cannot encode a value that is already encoded",
          raw);
    }
    SigmaString str = ((Str) s).s();
    if (str.hasWildcards()) {
      error(
          "modifier.combination",
          "'"
              + m.sigmaName()
              + "' cannot encode a value with wildcards; put 'contains', 'startswith' or 'endswith'"
              + " after it",
          raw.position(),
          raw.text());
      return null;
    }
    return str.plain();
  }

  private byte[] bytesOf(Item item, Modifier m, RawValue raw) {
    if (item instanceof Bytes b) {
      return b.bytes();
    }
    String text = plainText(item, m, raw);
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private Expr regex(String field, List<Modifier> chain, RawValue raw, Expr.Origin origin) {
    if (!raw.node().getTag().equals(Tag.STR)) {
      return rejectValue("modifier.value", "'re' takes a regular expression string", raw);
    }
    String pattern = raw.text();
    String unsupported = RegexCheck.unsupportedConstruct(pattern);
    if (unsupported != null) {
      return rejectValue(
          "regex.unsupported",
          "regular expression uses " + unsupported + ", which RE2 (and so KQL) cannot run",
          raw);
    }
    try {
      com.google.re2j.Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return rejectValue("regex.syntax", "invalid regular expression: " + e.getDescription(), raw);
    }
    return new Expr.Match(
        field,
        new Predicate.Regex(
            pattern,
            chain.contains(Modifier.I),
            chain.contains(Modifier.M),
            chain.contains(Modifier.S)),
        origin);
  }

  private List<SigmaString> expand(RawValue raw) {
    String text = raw.text();
    Matcher m = PLACEHOLDER.matcher(text);
    List<List<SigmaString>> pieces = new ArrayList<>();
    int last = 0;
    while (m.find()) {
      pieces.add(List.of(SigmaString.parse(unescapePercent(text.substring(last, m.start())))));
      String name = m.group(1);
      var values = placeholders.lookup(name);
      if (values.isEmpty() || values.get().isEmpty()) {
        warning(
            "placeholder.empty",
            "placeholder %"
                + name
                + "% has no values, so this value matches nothing; give it values in the"
                + " placeholder table",
            raw.position().plusColumns(m.start()),
            "%" + name + "%");
        return List.of();
      }
      List<SigmaString> alternatives = new ArrayList<>();
      for (String v : values.get()) {
        alternatives.add(SigmaString.parse(v));
      }
      pieces.add(alternatives);
      last = m.end();
    }
    pieces.add(List.of(SigmaString.parse(unescapePercent(text.substring(last)))));
    List<SigmaString> out = new ArrayList<>();
    out.add(SigmaString.literal(""));
    for (List<SigmaString> alternatives : pieces) {
      List<SigmaString> next = new ArrayList<>();
      for (SigmaString prefix : out) {
        for (SigmaString alt : alternatives) {
          List<SigmaString.Token> tokens = new ArrayList<>(prefix.tokens());
          tokens.addAll(alt.tokens());
          next.add(SigmaString.of(tokens));
        }
      }
      out = next;
    }
    return out;
  }

  private static String unescapePercent(String s) {
    return s.replace("\\%", "%");
  }

  static Predicate toPredicate(SigmaString s, boolean cased) {
    List<SigmaString.Token> tokens = s.tokens();
    int start = s.startsWithAnyString() ? 1 : 0;
    int end = tokens.size() - (s.endsWithAnyString() && tokens.size() > start ? 1 : 0);
    List<SigmaString.Token> middle = tokens.subList(start, end);
    boolean middleHasWildcards = false;
    StringBuilder text = new StringBuilder();
    for (SigmaString.Token t : middle) {
      if (t instanceof SigmaString.Literal l) {
        text.append(l.text());
      } else {
        middleHasWildcards = true;
      }
    }
    if (middleHasWildcards) {
      return new Predicate.Wildcard(s, cased);
    }
    boolean leading = start == 1;
    boolean trailing = end < tokens.size();
    if (leading && !trailing && middle.isEmpty()) {
      trailing = true; // a lone "*"
    }
    Predicate.StringOp op =
        leading && trailing
            ? Predicate.StringOp.CONTAINS
            : leading
                ? Predicate.StringOp.ENDSWITH
                : trailing ? Predicate.StringOp.STARTSWITH : Predicate.StringOp.EQUALS;
    return new Predicate.StringMatch(op, text.toString(), cased);
  }

  private BigDecimal number(RawValue raw) {
    String t = raw.text().trim().replace("_", "");
    try {
      if (t.startsWith("0x") || t.startsWith("0X")) {
        return new BigDecimal(new BigInteger(t.substring(2), 16));
      }
      if (t.startsWith("-0x") || t.startsWith("-0X")) {
        return new BigDecimal(new BigInteger(t.substring(3), 16)).negate();
      }
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      return rejectValue("modifier.value", "expected a number, not '" + raw.text() + "'", raw);
    }
  }

  private static boolean isTrue(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "y" -> true;
      default -> false;
    };
  }

  private static Modifier typeModifier(List<Modifier> chain) {
    Modifier found = null;
    for (Modifier m : chain) {
      if (m == Modifier.RE
          || m == Modifier.CIDR
          || m == Modifier.EXISTS
          || m == Modifier.FIELDREF
          || DATE_PARTS.contains(m)) {
        return m;
      }
      if (COMPARISONS.contains(m)) {
        found = m;
      }
    }
    return found;
  }

  private static Modifier positionModifier(List<Modifier> chain) {
    for (Modifier m : chain) {
      if (STRING_POSITION.contains(m)) {
        return m;
      }
    }
    return null;
  }

  private static Predicate.CompareOp compareOp(List<Modifier> chain) {
    for (Modifier m : chain) {
      switch (m) {
        case LT:
          return Predicate.CompareOp.LT;
        case LTE:
          return Predicate.CompareOp.LTE;
        case GT:
          return Predicate.CompareOp.GT;
        case GTE:
          return Predicate.CompareOp.GTE;
        default:
          break;
      }
    }
    return Predicate.CompareOp.EQ;
  }

  private static Predicate.StringOp stringOp(Modifier m) {
    return switch (m) {
      case CONTAINS -> Predicate.StringOp.CONTAINS;
      case STARTSWITH -> Predicate.StringOp.STARTSWITH;
      case ENDSWITH -> Predicate.StringOp.ENDSWITH;
      default -> Predicate.StringOp.EQUALS;
    };
  }

  private static String suggest(String name) {
    List<String> names = new ArrayList<>();
    for (Modifier m : Modifier.values()) {
      names.add(m.sigmaName());
    }
    return Spelling.closest(name, names, 2);
  }

  /** Reports a value the modifiers cannot take; {@code null} for the caller to return. */
  private <T> T rejectValue(String code, String message, RawValue raw) {
    error(code, message, raw.position(), raw.text());
    return null;
  }

  /** Reports modifiers that do not go together; {@code false} for the caller to return. */
  private boolean rejectChain(String message, Position at, String key) {
    error("modifier.combination", message, at, key);
    return false;
  }

  private void error(String code, String message, Position at, String excerpt) {
    // An empty value is offending text too: show it as the empty string it is.
    problems.add(RuleProblem.error(code, message, at, excerpt.isEmpty() ? "''" : excerpt));
  }

  private void warning(String code, String message, Position at, String excerpt) {
    problems.add(RuleProblem.warning(code, message, at, excerpt));
  }
}
