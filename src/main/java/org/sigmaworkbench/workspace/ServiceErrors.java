package org.sigmaworkbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error object the three services answer with: {@code {"error": {"code", "message", ...}}},
 * with the details nested as {@code innererror} / {@code innerError} (Log Analytics, Graph), {@code
 * details} (Log Analytics) or {@code @message} (Azure Data Explorer's OneApiErrors). The message is
 * the service's own words, outermost first; the position is the one the service gives, as fields
 * ({@code line}, {@code pos}) or in its message ({@code on line [1,5]}, {@code
 * [line:position=1:5]}), in the service's own counting.
 */
final class ServiceErrors {
  private ServiceErrors() {}

  /** What an error body says; every part may be missing ({@code null} or 0). */
  record Err(String code, String message, int line, int column) {}

  private static final Pattern ON_LINE = Pattern.compile("line \\[(\\d+),\\s*(\\d+)\\]");
  private static final Pattern LINE_POSITION = Pattern.compile("\\[line:position=(\\d+):(\\d+)\\]");

  static Err parse(byte[] body) {
    if (body == null || body.length == 0) {
      return new Err(null, null, 0, 0);
    }
    JsonNode root;
    try {
      root = HttpQuery.JSON.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      String text = new String(body, StandardCharsets.UTF_8).strip();
      if (text.length() > 300) {
        text = text.substring(0, 300) + "...";
      }
      return new Err(null, text.isEmpty() ? null : text, 0, 0);
    }
    return of(root.has("error") ? root.get("error") : root);
  }

  /** Reads one error object ({@code {"code", "message", ...}}). */
  static Err of(JsonNode error) {
    if (error == null || !error.isObject()) {
      return new Err(null, error == null || error.isNull() ? null : error.asText(), 0, 0);
    }
    List<String> messages = new ArrayList<>();
    int[] position = new int[2];
    walk(error, messages, position, 0);
    for (String m : messages) {
      if (position[0] > 0) {
        break;
      }
      for (Pattern p : List.of(ON_LINE, LINE_POSITION)) {
        Matcher mm = p.matcher(m);
        if (mm.find()) {
          position[0] = Integer.parseInt(mm.group(1));
          position[1] = Integer.parseInt(mm.group(2));
          break;
        }
      }
    }
    String code = text(error, "code");
    return new Err(
        code, messages.isEmpty() ? null : String.join(": ", messages), position[0], position[1]);
  }

  private static void walk(JsonNode e, List<String> messages, int[] position, int depth) {
    if (e == null || !e.isObject() || depth > 10) {
      return;
    }
    String at = text(e, "@message");
    String m = at != null ? at : text(e, "message");
    if (m != null && !m.isBlank() && messages.stream().noneMatch(x -> x.contains(m))) {
      messages.add(m.strip());
    }
    if (position[0] == 0 && e.path("line").canConvertToInt() && e.path("line").asInt() > 0) {
      position[0] = e.path("line").asInt();
      for (String col : List.of("pos", "column", "position")) {
        if (e.path(col).canConvertToInt()) {
          position[1] = e.path(col).asInt();
          break;
        }
      }
    }
    for (String nested : List.of("innererror", "innerError", "@context")) {
      walk(e.get(nested), messages, position, depth + 1);
    }
    JsonNode details = e.get("details");
    if (details != null && details.isArray()) {
      for (JsonNode d : details) {
        walk(d, messages, position, depth + 1);
      }
    }
  }

  private static String text(JsonNode e, String field) {
    JsonNode v = e.get(field);
    return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
  }
}
