package dev.cfauditlogs;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt of {@link RetryingCaller} came to: a page, or a failure worth another attempt. A
 * failure not worth retrying is thrown at once instead.
 */
sealed interface AttemptResult {
  /** A decoded 2xx page and the facts of its response. */
  record Delivered(RetryingCaller.Outcome outcome) implements AttemptResult {}

  /**
   * A failure worth retrying.
   *
   * @param exception makes the exception to throw when no retry is left, given the sentence the
   *     caller adds (how many attempts were made, or why the wait asked for is too long)
   * @param timedOut whether the attempt ran out of time (as opposed to a failed connection or a
   *     retryable status)
   * @param serverWait the wait the server asked for ({@code retry-after} and kin), when it did
   */
  record Retryable(
      Function<String, AuditLogsException> exception,
      boolean timedOut,
      @Nullable RetryAfter serverWait)
      implements AttemptResult {
    /** The exception to throw when giving up, its message ending with {@code hint}. */
    AuditLogsException giveUp(String hint) {
      return exception.apply(hint);
    }
  }
}
