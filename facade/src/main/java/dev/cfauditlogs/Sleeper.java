package dev.cfauditlogs;

import java.time.Duration;

/**
 * Waits for a while: injectable (into {@link AuditLogsClient.Builder#sleeper} for retries and
 * pacing, {@link AuditLogFollower.Builder#sleeper} for polling) so that tests of waiting code take
 * no real time.
 */
@FunctionalInterface
public interface Sleeper {
  /** {@link Thread#sleep}: really waits. */
  Sleeper SYSTEM =
      duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  /**
   * Waits for {@code duration}.
   *
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
