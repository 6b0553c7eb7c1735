package dev.cfauditlogs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link AuditLogFollower} reports for a caller to log, given to the listener set with
 * {@link AuditLogFollower.Builder#onEvent}. The listener runs on the follower's thread; one that
 * throws is logged and otherwise ignored.
 */
public sealed interface SyncEvent {
  /**
   * A pass ended: every page the server had was read (or a {@linkplain AuditLogFollower#stop()
   * stop} ended the pass after the page being delivered).
   *
   * @param newRecords records delivered by the pass
   * @param skippedCount elements of {@code result} that were not records, skipped (see {@link
   *     AuditLogPage#skipped()})
   * @param skipped the first few of them (at most 3), as samples for a log line
   * @param checkpoint the checkpoint after the pass
   */
  record PollDone(
      long newRecords, long skippedCount, List<SkippedElement> skipped, SyncCheckpoint checkpoint)
      implements SyncEvent {
    /** Copies {@code skipped}. */
    public PollDone {
      skipped = List.copyOf(skipped);
      Objects.requireNonNull(checkpoint, "checkpoint");
    }
  }

  /**
   * A pass failed with a failure that is likely to pass (rate limited, 408, 409, 5xx, a timeout, a
   * connection failure, an unreadable body, a server paging inconsistently); the follower waits,
   * then resumes from the checkpoint of the last page delivered. A failure that retrying cannot fix
   * is not an event: {@link AuditLogFollower#run} throws it.
   *
   * @param failure what went wrong; an {@link HttpResponseException} carries the server's {@code
   *     retry-after} ({@link HttpResponseException#retryAfter()}), whatever its status
   * @param failuresInARow 1 for the first failed pass after a good one, then 2, 3, …
   * @param retryIn how long the follower waits before the next pass: the server's {@code
   *     retry-after} when given (at most an hour, or the interval when longer), else a backoff from
   *     1 s doubling up to the interval, shortened by up to 25 % at random
   * @param retryAt when the next pass starts, by the follower's clock
   */
  record PollFailed(
      AuditLogsException failure, int failuresInARow, Duration retryIn, Instant retryAt)
      implements SyncEvent {}

  /**
   * The server's clock differs from this machine's by more than {@link ClockSkew#REPORTED_ABOVE};
   * reported once per follower. Following does not depend on the local clock ({@code since} and
   * {@code before} a caller computes from it do).
   *
   * @param skew the measurement
   */
  record ClockSkewNoted(ClockSkew skew) implements SyncEvent {}
}
