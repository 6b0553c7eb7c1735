package dev.cfauditlogs;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * What a running {@link AuditLogFollower} does when a pass fails. A passing failure — rate limited
 * (429), 408, 409, 5xx, a timeout, a connection failure, a truncated or unreadable body, a server
 * that repeats pages — is waited out: {@code retry-after} when the server gave one with any of
 * those statuses ({@link HttpResponseException#retryAfter()}; at most {@link #LONGEST_SERVER_WAIT}
 * or the interval, whichever is longer), else a backoff that starts at {@link #FIRST_BACKOFF},
 * doubles with each failure in a row up to the poll interval and is shortened by a random 0–25 % so
 * that many followers do not retry in step. Any other failure (credentials, a request the server
 * refuses, local files) ends the follower: retrying would not help.
 *
 * <p>The client's own retries ({@link AuditLogsClient.Builder#maxRetries(int)}) come first; this is
 * what happens after the client gave up, so a follower resumes from its checkpoint however long the
 * outage.
 */
final class FailurePolicy {
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration LONGEST_SERVER_WAIT = Duration.ofHours(1);
  private static final double JITTER = 0.25;

  private final Duration interval;
  private final DoubleSupplier random;

  /**
   * @param interval the poll interval, which caps the backoff
   * @param random values in [0, 1) for the jitter
   */
  FailurePolicy(Duration interval, DoubleSupplier random) {
    this.interval = interval;
    this.random = random;
  }

  /**
   * How long to wait before resuming after {@code failure}, the {@code inARow}-th failed pass in a
   * row (1, 2, …); empty when the failure ends the follower.
   */
  Optional<Duration> waitAfter(RuntimeException failure, int inARow) {
    if (!passing(failure)) {
      return Optional.empty();
    }
    if (failure instanceof HttpResponseException response) {
      Optional<Duration> asked = response.retryAfter().filter(d -> !d.isNegative() && !d.isZero());
      if (asked.isPresent()) {
        Duration longest = longer(LONGEST_SERVER_WAIT, interval);
        return Optional.of(asked.get().compareTo(longest) > 0 ? longest : asked.get());
      }
    }
    return Optional.of(backoff(inARow));
  }

  /** Whether the failure is likely to pass: the server or the network, not our request. */
  static boolean passing(RuntimeException failure) {
    if (failure instanceof UnexpectedStatusException unexpected) {
      int status = unexpected.statusCode();
      return status == 408 || status == 409;
    }
    return failure instanceof RateLimitedException
        || failure instanceof ServerException
        || failure instanceof ConnectionException
        || failure instanceof AttemptTimeoutException
        || failure instanceof UnexpectedResponseException
        || failure instanceof PaginationException;
  }

  private Duration backoff(int inARow) {
    long cap = interval.toMillis();
    long base = FIRST_BACKOFF.toMillis() << Math.min(Math.max(inARow - 1, 0), 30);
    long capped = Math.min(base, cap);
    double jitter = JITTER * Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
    return Duration.ofMillis(Math.max(1, Math.round(capped * (1.0 - jitter))));
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
