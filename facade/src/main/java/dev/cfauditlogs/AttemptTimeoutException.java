package dev.cfauditlogs;

import java.time.Duration;

/**
 * This client stopped waiting: an attempt took longer than the configured {@linkplain
 * AuditLogsClient.Builder#timeout(Duration) per-attempt timeout}, and no retry was left. No
 * response (or only part of one) arrived, so this is not an {@link HttpResponseException}; an HTTP
 * 408 "Request Timeout" sent by the server is a response and arrives as an {@link
 * UnexpectedStatusException} with {@linkplain HttpResponseException#statusCode() status} 408. The
 * message says how many attempts were made, how many timed out, the timeout, and what to try: fewer
 * records a page ({@code per_page}) or a longer timeout.
 */
public final class AttemptTimeoutException extends AuditLogsException {
  private static final long serialVersionUID = 1L;

  private final int attempt;
  private final Duration timeout;

  AttemptTimeoutException(String message, Throwable cause, int attempt, Duration timeout) {
    super(message, cause);
    this.attempt = attempt;
    this.timeout = timeout;
  }

  /** The attempts made, counting the one that timed out last (1 when none was retried). */
  public int attempts() {
    return attempt;
  }

  /** The time each attempt was allowed ({@link AuditLogsClient.Builder#timeout(Duration)}). */
  public Duration timeoutPerAttempt() {
    return timeout;
  }
}
