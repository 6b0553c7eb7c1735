package dev.cfauditlogs.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * A request the emulator received and what it answered. Secrets never appear: the values of {@code
 * Authorization}, {@code X-Auth-Key}, {@code X-Auth-Email} and {@code Cookie} read {@value
 * #REDACTED}.
 */
public final class ReceivedRequest {
  /** What a secret header's value is replaced with. */
  public static final String REDACTED = "[redacted]";

  private final Instant receivedAt;
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final int status;
  private final @Nullable FaultKind fault;
  private final @Nullable String cfRay;

  ReceivedRequest(
      Instant receivedAt,
      String method,
      String path,
      Map<String, List<String>> query,
      Headers rawHeaders,
      int status,
      @Nullable FaultKind fault,
      @Nullable String cfRay) {
    this.receivedAt = receivedAt;
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = redact(rawHeaders);
    this.status = status;
    this.fault = fault;
    this.cfRay = cfRay;
  }

  private static Map<String, List<String>> redact(Headers raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      String name = raw.name(i).toLowerCase(Locale.ROOT);
      String value = Credentials.SECRET_HEADERS.contains(name) ? REDACTED : raw.value(i);
      out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    out.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(out);
  }

  /** When the emulator received it, by the emulator's clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** The HTTP method, such as {@code GET}. */
  public String method() {
    return method;
  }

  /** The decoded path, such as {@code /client/v4/user/audit_logs}. */
  public String path() {
    return path;
  }

  /** The decoded query parameters in the order sent; a repeated parameter has several values. */
  public Map<String, List<String>> query() {
    return query;
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The request headers by lower-case name, secrets redacted. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header (any case of name), secrets redacted. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The HTTP status answered, or 0 when the connection was dropped without a response. */
  public int status() {
    return status;
  }

  /** The fault injected instead of a normal answer, if any. */
  public Optional<FaultKind> fault() {
    return Optional.ofNullable(fault);
  }

  /** The {@code cf-ray} header of the response, absent when no response was sent. */
  public Optional<String> cfRay() {
    return Optional.ofNullable(cfRay);
  }

  /** Such as {@code GET /client/v4/user/audit_logs {page=[2]} -> 200}; never contains a secret. */
  @Override
  public String toString() {
    return method
        + " "
        + path
        + " "
        + query
        + " -> "
        + (status == 0 ? "no response" : String.valueOf(status))
        + (fault == null ? "" : " (fault " + fault + ")");
  }
}
