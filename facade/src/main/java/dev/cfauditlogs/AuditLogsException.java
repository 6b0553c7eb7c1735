package dev.cfauditlogs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception this library throws. Unchecked; no Retrofit, OkHttp or Moshi
 * exception escapes the public API, and no message or {@code toString()} contains a credential.
 *
 * <table>
 *   <caption>Which subclass means what</caption>
 *   <tr><th>Subclass</th><th>When</th><th>Retried</th></tr>
 *   <tr><td>{@link InvalidRequestException}</td><td>bad input, refused before anything is sent</td><td>no</td></tr>
 *   <tr><td>{@link BadRequestException}</td><td>HTTP 400 (other than below)</td><td>no</td></tr>
 *   <tr><td>{@link AuthenticationException}</td><td>HTTP 401; HTTP 400 whose codes say a credential header is malformed (6003 chaining 6100–6111, 9103, 9106)</td><td>no</td></tr>
 *   <tr><td>{@link PermissionDeniedException}</td><td>HTTP 403</td><td>no</td></tr>
 *   <tr><td>{@link NotFoundException}</td><td>HTTP 404</td><td>no</td></tr>
 *   <tr><td>{@link RateLimitedException}</td><td>HTTP 429, whatever its codes</td><td>yes</td></tr>
 *   <tr><td>{@link ServerException}</td><td>HTTP 5xx</td><td>yes</td></tr>
 *   <tr><td>{@link UnexpectedStatusException}</td><td>any other status (408 and 409 are retried)</td><td>408, 409</td></tr>
 *   <tr><td>{@link ConnectionException}</td><td>the connection failed or a body was cut off</td><td>yes</td></tr>
 *   <tr><td>{@link RequestTimeoutException}</td><td>an attempt took longer than the timeout</td><td>yes</td></tr>
 *   <tr><td>{@link UnexpectedResponseException}</td><td>HTML, invalid JSON, {@code success: false} with 200</td><td>no</td></tr>
 *   <tr><td>{@link PaginationException}</td><td>the server paged inconsistently, or the page limit was hit</td><td>no</td></tr>
 * </table>
 */
public abstract class AuditLogsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  // Exceptions are Serializable; the errors are not carried across serialization.
  private final transient @Nullable List<ApiMessage> errors;
  private final @Nullable String cfRay;

  AuditLogsException(
      String message,
      int statusCode,
      List<ApiMessage> errors,
      @Nullable String cfRay,
      @Nullable Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.errors = List.copyOf(errors);
    this.cfRay = cfRay;
  }

  AuditLogsException(String message, @Nullable Throwable cause) {
    this(message, 0, List.of(), null, cause);
  }

  /** The HTTP status of the response that caused this, or 0 when no response was received. */
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

  /** The {@code cf-ray} request id of the response, which Cloudflare support asks for. */
  public Optional<String> cfRay() {
    return Optional.ofNullable(cfRay);
  }
}
