package org.sigmaworkbench.logs.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.logs.EventBuilder;

/**
 * JSON to event fields: objects flattened to dotted names, and the JSON kept in one column of a CSV
 * export (EvtxECmd's {@code Payload}, Chainsaw's {@code Event Data}).
 */
public final class JsonFields {

  public static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
          .build();

  private JsonFields() {}

  /** Adds the members of the object the parser is on ({@code START_OBJECT}), nested as a.b.c. */
  public static void flatten(JsonParser p, String prefix, EventBuilder out) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_OBJECT && t != null) {
      String key = p.currentName();
      String name = prefix.isEmpty() ? key : prefix + "." + key;
      JsonToken v = p.nextToken();
      if (v == JsonToken.START_OBJECT) {
        flatten(p, name, out);
      } else if (v == JsonToken.START_ARRAY && isEventDataList(name)) {
        dataList(p, name, out);
      } else if (v == JsonToken.START_ARRAY) {
        out.add(name, arrayText(p));
      } else if (v == JsonToken.VALUE_NULL) {
        out.add(name, null);
      } else {
        out.add(name, p.getText());
      }
    }
  }

  /** Whether a flattened name is the list of an event's {@code <Data>} ({@code EventData.Data}). */
  private static boolean isEventDataList(String name) {
    return name.endsWith("EventData.Data") || name.endsWith("EventData.Data.#text");
  }

  /**
   * The items of an {@code EventData.Data} list (the parser is on {@code START_ARRAY}): each text,
   * or object without a name, is one more value of the field; an object with {@code @Name} (or
   * {@code Name}) and {@code #text} is the field of that name.
   */
  private static void dataList(JsonParser p, String name, EventBuilder out) throws IOException {
    String base = name.endsWith(".#text") ? name.substring(0, name.length() - 6) : name;
    String section = base.substring(0, base.length() - "Data".length());
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      Object item = node(p, t);
      if (item instanceof Map<?, ?> m) {
        Object n = m.containsKey("@Name") ? m.get("@Name") : m.get("Name");
        Object text = m.get("#text");
        if (n != null && !String.valueOf(n).isEmpty()) {
          out.add(section + n, text(text));
        } else {
          out.addRepeated(name, text(text));
        }
      } else {
        out.addRepeated(name, text(item));
      }
    }
  }

  /** An array's scalar items joined with ", " (the parser is on {@code START_ARRAY}). */
  static String arrayText(JsonParser p) throws IOException {
    StringBuilder b = new StringBuilder();
    int depth = 1;
    JsonToken t;
    while (depth > 0 && (t = p.nextToken()) != null) {
      if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
        depth++;
        continue;
      }
      if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
        depth--;
        continue;
      }
      if (t == JsonToken.FIELD_NAME) {
        continue;
      }
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(t == JsonToken.VALUE_NULL ? "" : p.getText());
    }
    return b.toString();
  }

  /** Parses JSON text into maps, lists, strings and nulls (numbers and booleans as text). */
  public static Object tree(String json) throws JsonProcessingException {
    try (JsonParser p = JSON.createParser(json)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      Object o = node(p, t);
      if (p.nextToken() != null) {
        throw new JsonParseException(p, "more text after the value");
      }
      return o;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object node(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT) {
      Map<String, Object> m = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        m.putIfAbsent(k, node(p, p.nextToken()));
      }
      return m;
    }
    if (t == JsonToken.START_ARRAY) {
      List<Object> l = new ArrayList<>();
      JsonToken x;
      while ((x = p.nextToken()) != JsonToken.END_ARRAY && x != null) {
        l.add(node(p, x));
      }
      return l;
    }
    return t == JsonToken.VALUE_NULL ? null : p.getText();
  }

  /**
   * The event data of an EvtxECmd {@code Payload}: the XML of {@code EventData} or {@code UserData}
   * as Newtonsoft writes it, {@code
   * {"EventData":{"Data":[{"@Name":"CommandLine","#text":"..."}]}}}. Named data become fields of
   * that name, unnamed ones values of the field {@code Data}
   *
   * @throws JsonProcessingException when the text is not JSON
   */
  static void addPayload(String payload, EventBuilder out) throws JsonProcessingException {
    if (payload == null || payload.isBlank()) {
      return;
    }
    Object root = tree(payload);
    if (!(root instanceof Map<?, ?> m)) {
      return;
    }
    int[] unnamed = {0};
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String section = String.valueOf(e.getKey());
      if (section.equals("EventData")) {
        eventData(e.getValue(), out, unnamed);
      } else {
        leaves(e.getValue(), section, out);
      }
    }
  }

  private static void eventData(Object node, EventBuilder out, int[] unnamed) {
    if (!(node instanceof Map<?, ?> m)) {
      if (node != null) {
        out.addRepeated(EventBuilder.UNNAMED_DATA, String.valueOf(node));
      }
      return;
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.startsWith("@")) {
        continue;
      }
      if (key.equals("Data")) {
        List<?> items =
            e.getValue() instanceof List<?> l ? l : Collections.singletonList(e.getValue());
        for (Object item : items) {
          data(item, out, unnamed);
        }
      } else {
        out.add(key, text(e.getValue()));
      }
    }
  }

  private static void data(Object item, EventBuilder out, int[] unnamed) {
    if (item instanceof Map<?, ?> d) {
      Object name = d.get("@Name");
      Object text = d.get("#text");
      if (name != null) {
        out.add(String.valueOf(name), text == null ? "" : text(text));
        return;
      }
      item = text;
    }
    unnamed[0]++;
    out.addRepeated(EventBuilder.UNNAMED_DATA, item == null ? "" : text(item));
  }

  /** Leaves of a UserData-like section under their own names (attributes left out). */
  private static void leaves(Object node, String name, EventBuilder out) {
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (!key.startsWith("@")) {
          leaves(e.getValue(), key.equals("#text") ? name : key, out);
        }
      }
    } else if (node instanceof List<?> l) {
      for (Object o : l) {
        leaves(o, name, out);
      }
    } else if (node != null) {
      out.add(name, node.toString());
    }
  }

  private static String text(Object node) {
    if (node == null) {
      return "";
    }
    if (node instanceof Map<?, ?> m && m.containsKey("#text")) {
      return text(m.get("#text"));
    }
    if (node instanceof Map<?, ?> || node instanceof List<?>) {
      return toJson(node);
    }
    return node.toString();
  }

  /** Nested members as JSON text, written by Jackson; scalars are written as strings. */
  private static String toJson(Object node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(node, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(Object node, JsonGenerator g) throws IOException {
    if (node instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(e.getValue(), g);
      }
      g.writeEndObject();
    } else if (node instanceof List<?> l) {
      g.writeStartArray();
      for (Object o : l) {
        write(o, g);
      }
      g.writeEndArray();
    } else if (node == null) {
      g.writeNull();
    } else {
      g.writeString(node.toString());
    }
  }

  /**
   * The members of a JSON object kept in one column (Chainsaw's {@code Event Data}), flattened.
   *
   * @throws JsonProcessingException when the text is not a JSON object
   */
  public static void addObject(String json, EventBuilder out) throws IOException {
    if (json == null || json.isBlank()) {
      return;
    }
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(p, "expected a JSON object");
      }
      flatten(p, "", out);
    }
  }
}
