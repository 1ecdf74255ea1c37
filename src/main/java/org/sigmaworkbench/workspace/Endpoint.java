package org.sigmaworkbench.workspace;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The base URL of a service. HTTPS anywhere, with the signed-in identity's token; plain HTTP only
 * on a loopback address (127.0.0.0/8, ::1, localhost), a local stand-in for the service, and then
 * no credential is sent at all.
 */
public final class Endpoint {

  // https, or http to a loopback host: of() admits nothing else.
  private final URI uri;

  private Endpoint(URI uri) {
    this.uri = uri;
  }

  /**
   * Checks a base URL.
   *
   * @throws IllegalArgumentException with a message for people when the URL is not usable: not
   *     http(s), no host, or plain HTTP to a host that is not loopback
   */
  public static Endpoint of(String url) {
    URI u;
    try {
      u = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason());
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (u.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(
          "'" + url + "' is not an http(s) URL with a host (https://...)");
    }
    if (scheme.equals("http") && !isLoopback(u.getHost())) {
      throw new IllegalArgumentException(
          "refusing plain http to "
              + u.getHost()
              + ": a token would travel unencrypted; use https, or http only on a loopback"
              + " address (127.0.0.1, [::1], localhost) for a local stand-in");
    }
    return new Endpoint(strip(u));
  }

  private static URI strip(URI u) {
    String s = u.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return URI.create(s);
  }

  /** Whether a host name or address literal is loopback, without asking any name service. */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  /** Whether the signed-in identity's token goes with requests (HTTPS), or nothing (loopback). */
  public boolean sendsCredential() {
    return uri.getScheme().equalsIgnoreCase("https");
  }

  /** The base URL without a trailing slash. */
  public String base() {
    return uri.toString();
  }

  /** The base URL with a path after it ({@code /v1/workspaces/ID/query}). */
  public String resolve(String path) {
    return base() + path;
  }

  @Override
  public String toString() {
    return base();
  }
}
