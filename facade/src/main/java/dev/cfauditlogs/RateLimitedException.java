package dev.cfauditlogs;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cloudflare answered 429 Too Many Requests, and waiting as told was not possible within the
 * retries or the configured {@linkplain AuditLogsClient.Builder#maxRetryWait(Duration) ceiling}.
 * {@link #retryAfter()} says how long Cloudflare asked to wait (with status 0, refused by the
 * client's own pacer: how long it would have held the request).
 */
public final class RateLimitedException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  RateLimitedException(
      String message,
      int statusCode,
      List<ApiMessage> errors,
      @Nullable String cfRay,
      @Nullable Duration retryAfter) {
    super(message, statusCode, errors, cfRay, null, retryAfter);
  }
}
