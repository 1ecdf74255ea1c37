package org.sigmaworkbench.logs.evtx;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How python-evtx 0.6.1 renders an array of strings (value type 0x81), so that the corpus test can
 * compare its dump with this reader's items exactly. It looks for the first run of UTF-16 units
 * whose low byte is not NUL, writes it as {@code <string>...</string>}, and then cuts the run plus
 * two bytes from the front of the data, whether or not the run started at the front; runs of NUL
 * units become empty strings. With leading empty items that cut lands in the wrong place, which is
 * why its dump shows items such as "877" for "31877".
 */
final class PythonEvtxArrays {
  private static final Pattern RUN = Pattern.compile("(?:[^\\x00][^\\n])+");
  private static final Pattern NULS = Pattern.compile("\\x00*");

  private PythonEvtxArrays() {}

  /** The text python-evtx writes for an array holding these items, each NUL-terminated. */
  static String render(List<String> items) {
    StringBuilder bytes = new StringBuilder();
    for (String item : items) {
      for (char c : item.toCharArray()) {
        bytes.append((char) (c & 0xFF)).append((char) (c >>> 8));
      }
      bytes.append("\0\0");
    }
    String bin = bytes.toString();
    StringBuilder acc = new StringBuilder();
    while (!bin.isEmpty()) {
      int before = bin.length();
      Matcher m = RUN.matcher(bin);
      if (m.find()) {
        String frag = m.group();
        acc.append("<string>").append(utf16(frag)).append("</string>\n");
        bin = bin.length() > frag.length() + 2 ? bin.substring(frag.length() + 2) : "";
        if (bin.isEmpty()) {
          break;
        }
      }
      Matcher z = NULS.matcher(bin);
      z.lookingAt();
      int nuls = z.end();
      if (nuls % 2 != 0) {
        return "(python-evtx fails: uneven run of NULs)";
      }
      acc.append("<string></string>\n".repeat(nuls / 2));
      bin = bin.substring(nuls);
      if (bin.length() == before) {
        return "(python-evtx loops)";
      }
    }
    return acc.toString();
  }

  private static String utf16(String latin1Bytes) {
    return new String(latin1Bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_16LE);
  }
}
