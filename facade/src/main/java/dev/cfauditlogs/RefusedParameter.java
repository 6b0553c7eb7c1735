package dev.cfauditlogs;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Finds the query parameter a 400 names, if it names one: a {@code source.pointer} (observed in
 * Cloudflare's error items, not documented), or a message that mentions a parameter the request
 * actually sent. A plain word such as {@code since} or {@code page} counts only when quoted or
 * followed by {@code =} or {@code :}, so ordinary English does not.
 */
final class RefusedParameter {
  private static final int MAX_VALUE_SHOWN = 100;

  private RefusedParameter() {}

  /** Such as {@code per_page=5000} or {@code the value at /foo}; empty when nothing is named. */
  static Optional<String> named(List<ApiMessage> errors, HttpUrl url) {
    for (ApiMessage error : errors) {
      for (ApiMessage m : error.withCauses()) {
        if (m.sourcePointer().isPresent()) {
          String pointer = m.sourcePointer().get();
          String last = pointer.substring(pointer.lastIndexOf('/') + 1);
          return Optional.of(
              url.queryParameterNames().contains(last)
                  ? sent(url, last)
                  : "the value at " + Texts.shorten(pointer, MAX_VALUE_SHOWN));
        }
      }
    }
    for (ApiMessage error : errors) {
      for (ApiMessage m : error.withCauses()) {
        for (String name : url.queryParameterNames()) {
          if (mentions(m.message(), name)) {
            return Optional.of(sent(url, name));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean mentions(String message, String name) {
    String quoted = Pattern.quote(name);
    boolean distinctive = name.contains(".") || name.contains("_");
    String pattern =
        distinctive
            ? "(?<![\\w.])" + quoted + "(?![\\w])"
            : "(['\"`])" + quoted + "\\1|(?<![\\w.])" + quoted + "\\s*[=:]";
    return Pattern.compile(pattern).matcher(message).find();
  }

  private static String sent(HttpUrl url, String name) {
    String value = url.queryParameter(name);
    return name + "=" + Texts.shorten(value == null ? "" : value, MAX_VALUE_SHOWN);
  }
}
