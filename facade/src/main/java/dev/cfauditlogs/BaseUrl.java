package dev.cfauditlogs;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Validates a base URL: {@code https}, or plain {@code http} only for a loopback host (127.0.0.0/8,
 * {@code localhost}, {@code [::1]}) unless insecure HTTP was explicitly allowed. No user info,
 * query or fragment; names are never resolved.
 */
final class BaseUrl {
  static final String DEFAULT = "https://api.cloudflare.com/client/v4";

  private BaseUrl() {}

  /**
   * The library's knob that allows plain http to any host, as the refusal names it: a program using
   * the library sets it; a tool built on the library names its own option instead.
   */
  static final String INSECURE_HTTP_KNOB = "AuditLogsClient.Builder.allowInsecureHttp(true)";

  /** Returns the URL with exactly one trailing slash, as Retrofit needs. */
  static HttpUrl parse(String setting, String text, boolean allowInsecureHttp) {
    HttpUrl url = HttpUrl.parse(text.strip());
    if (url == null) {
      throw new InvalidRequestException(
          setting,
          setting
              + " must be an http(s) URL such as "
              + DEFAULT
              + " but was '"
              + shown(text)
              + "'");
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw new InvalidRequestException(
          setting,
          setting + " must not contain a user name or password; pass credentials separately");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new InvalidRequestException(
          setting, setting + " must not have a query or fragment but was '" + shown(text) + "'");
    }
    if (url.scheme().equals("http") && !allowInsecureHttp && !isLoopback(url.host())) {
      throw new InvalidRequestException(
          setting,
          setting
              + " uses plain http to a non-loopback host ("
              + url.host()
              + "): credentials would cross the network unencrypted. Use https, or allow insecure http"
              + " explicitly: "
              + INSECURE_HTTP_KNOB
              + ".");
    }
    String path = url.encodedPath();
    return path.endsWith("/") ? url : url.newBuilder().encodedPath(path + "/").build();
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    return QueryValues.isIpv4(h) && h.startsWith("127.");
  }

  /** The text without anything that looks like credentials. */
  private static String shown(String text) {
    int at = text.indexOf('@');
    int scheme = text.indexOf("://");
    String shown =
        at > 0 && scheme >= 0 && at > scheme
            ? text.substring(0, scheme + 3) + "…@" + text.substring(at + 1)
            : text;
    return Texts.shorten(shown, 200);
  }
}
