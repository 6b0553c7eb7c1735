package dev.cfauditlogs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Cloudflare answered 429 Too Many Requests, and waiting as told was not possible within the
 * retries or the configured {@linkplain AuditLogsClient.Builder#maxRetryWait(Duration) ceiling}.
 * {@link #retryAfter()} says how long Cloudflare asked to wait.
 */
public final class RateLimitedException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  RateLimitedException(
      String message,
      int statusCode,
      List<ApiMessage> errors,
      @Nullable String cfRay,
      @Nullable Duration retryAfter) {
    super(message, statusCode, errors, cfRay, null);
    this.retryAfter = retryAfter;
  }

  /** How long Cloudflare asked to wait before the next request, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
