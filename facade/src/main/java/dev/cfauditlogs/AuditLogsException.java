package dev.cfauditlogs;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception this library throws. Unchecked; no Retrofit, OkHttp or Moshi
 * exception escapes the public API, and no message or {@code toString()} contains a credential.
 *
 * <p>Three families sit under it: {@link HttpResponseException} when a response arrived and was a
 * failure (it carries the status, Cloudflare's errors and the {@code cf-ray}); failures without a
 * usable response ({@link ConnectionException}, {@link AttemptTimeoutException}, {@link
 * RequestInterruptedException}); and failures decided on this side ({@link InvalidRequestException}
 * before anything is sent, {@link PaginationException} when a server pages inconsistently, {@link
 * IncompatibleClassPathException} when the class path cannot run this library).
 *
 * <table>
 *   <caption>Which subclass means what</caption>
 *   <tr><th>Subclass</th><th>When</th><th>Retried</th></tr>
 *   <tr><td>{@link InvalidRequestException}</td><td>bad input, refused before anything is sent</td><td>no</td></tr>
 *   <tr><td>{@link HttpResponseException}:</td><td>a response arrived and was a failure</td><td></td></tr>
 *   <tr><td>&nbsp; {@link BadRequestException}</td><td>HTTP 400 (other than below)</td><td>no</td></tr>
 *   <tr><td>&nbsp; {@link AuthenticationException}</td><td>HTTP 401; HTTP 400 whose codes say a credential header is malformed (6003 chaining 6100–6111, 9103, 9106)</td><td>no</td></tr>
 *   <tr><td>&nbsp; {@link PermissionDeniedException}</td><td>HTTP 403</td><td>no</td></tr>
 *   <tr><td>&nbsp; {@link NotFoundException}</td><td>HTTP 404</td><td>no</td></tr>
 *   <tr><td>&nbsp; {@link RateLimitedException}</td><td>HTTP 429, whatever its codes</td><td>yes</td></tr>
 *   <tr><td>&nbsp; {@link ServerException}</td><td>HTTP 5xx</td><td>yes</td></tr>
 *   <tr><td>&nbsp; {@link UnexpectedStatusException}</td><td>any other status, HTTP 408 from the server included</td><td>408, 409</td></tr>
 *   <tr><td>&nbsp; {@link UnexpectedResponseException}</td><td>HTML, invalid JSON, {@code success: false} with 200</td><td>no</td></tr>
 *   <tr><td>{@link ConnectionException}</td><td>the connection failed or a body was cut off</td><td>yes</td></tr>
 *   <tr><td>{@link AttemptTimeoutException}</td><td>this client stopped waiting: an attempt took longer than its timeout</td><td>yes</td></tr>
 *   <tr><td>{@link RequestInterruptedException}</td><td>the calling thread was interrupted (its interrupt flag stays set)</td><td>no</td></tr>
 *   <tr><td>{@link PaginationException}</td><td>the server paged inconsistently, or the page limit was hit</td><td>no</td></tr>
 *   <tr><td>{@link IncompatibleClassPathException}</td><td>{@code build()} found two OkHttps, or an OkHttp, Kotlin stdlib or Moshi too old</td><td>no</td></tr>
 * </table>
 */
public abstract class AuditLogsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AuditLogsException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
