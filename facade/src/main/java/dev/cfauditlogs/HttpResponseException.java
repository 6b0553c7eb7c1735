package dev.cfauditlogs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The API answered, and the answer was a failure: an HTTP status other than 2xx, or a 2xx whose
 * body is not the page the spec describes. Carries what the response said: its {@linkplain
 * #statusCode() status}, Cloudflare's {@linkplain #errors() errors} and its {@linkplain #cfRay()
 * cf-ray}. The subclass says which failure; catch this type to handle every failure that came from
 * the service, apart from those where no usable response arrived ({@link ConnectionException},
 * {@link AttemptTimeoutException}, {@link RequestInterruptedException}).
 */
public abstract class HttpResponseException extends AuditLogsException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  // Exceptions are Serializable; the errors are not carried across serialization.
  private final transient @Nullable List<ApiMessage> errors;
  private final @Nullable String cfRay;
  private final @Nullable Duration retryAfter;

  HttpResponseException(
      String message,
      int statusCode,
      List<ApiMessage> errors,
      @Nullable String cfRay,
      @Nullable Throwable cause) {
    this(message, statusCode, errors, cfRay, cause, null);
  }

  HttpResponseException(
      String message,
      int statusCode,
      List<ApiMessage> errors,
      @Nullable String cfRay,
      @Nullable Throwable cause,
      @Nullable Duration retryAfter) {
    super(message, cause);
    this.statusCode = statusCode;
    this.errors = List.copyOf(errors);
    this.cfRay = cfRay;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status of the response, such as 429. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The errors Cloudflare reported in the response body, each with its chained causes ({@link
   * ApiMessage#errorChain()}); empty when there were none. Unmodifiable.
   */
  public List<ApiMessage> errors() {
    return errors == null ? List.of() : errors;
  }

  /**
   * Every error followed by its chained causes, depth first: for Cloudflare's 400 "6003 Invalid
   * request headers" chaining "6103 Invalid format for X-Auth-Key header", both, in that order.
   * Unmodifiable.
   */
  public List<ApiMessage> errorsWithCauses() {
    List<ApiMessage> all = new ArrayList<>();
    for (ApiMessage error : errors()) {
      all.addAll(error.withCauses());
    }
    return List.copyOf(all);
  }

  /**
   * The {@code cf-ray} request id of the response, which Cloudflare support asks for; empty when
   * the response had none.
   */
  public Optional<String> cfRay() {
    return Optional.ofNullable(cfRay);
  }

  /**
   * How long the response asked the client to wait before its next request, when it said: {@code
   * retry-after-ms}, else {@code retry-after} (seconds, or an HTTP-date taken against the
   * response's {@code Date}), else a {@code retry_after} field in the body. Kept by the failures
   * worth waiting out ({@link RateLimitedException}, {@link ServerException}, {@link
   * UnexpectedStatusException} such as a 408 or 409), empty for the others; a running {@link
   * AuditLogFollower} waits it out (at most an hour, or its interval when longer). At most a day: a
   * longer wait reads as a day, and the message says the server asked for more.
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
