package dev.cfauditlogs.testkit;

import dev.cfauditlogs.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Sleeper} for tests that records every wait it is asked for and, made by {@link
 * #instant()}, returns at once: give it to {@code AuditLogsClient.Builder#sleeper} (or {@code
 * AuditLogFollower.Builder#sleeper}) and a chaos test's retries and backoff take no real time,
 * while {@link #waits()} shows what the client would have waited. Thread-safe. An interrupted
 * thread gets {@link InterruptedException}, as from a real sleep.
 *
 * <pre>{@code
 * RecordingSleeper sleeper = RecordingSleeper.instant();
 * AuditLogsClient client = AuditLogsClient.builder()
 *     .baseUrl(emulator.baseUrl()).apiToken(emulator.apiToken())
 *     .sleeper(sleeper)
 *     .build();
 * }</pre>
 */
public final class RecordingSleeper implements Sleeper {
  /** The most waits kept; older ones are dropped from {@link #waits()} but still counted. */
  public static final int MAX_RECORDED = 100_000;

  private final Sleeper delegate;
  private final boolean waitsForReal;
  private final List<Duration> waits = new ArrayList<>();
  private long count;
  private Duration total = Duration.ZERO;

  private RecordingSleeper(Sleeper delegate, boolean waitsForReal) {
    this.delegate = delegate;
    this.waitsForReal = waitsForReal;
  }

  /** Records each wait and returns at once. */
  public static RecordingSleeper instant() {
    return new RecordingSleeper(duration -> {}, false);
  }

  /** Records each wait, then waits with {@code delegate} (such as {@link Sleeper#SYSTEM}). */
  public static RecordingSleeper wrapping(Sleeper delegate) {
    return new RecordingSleeper(Objects.requireNonNull(delegate, "delegate"), true);
  }

  /** False when made by {@link #instant()}, true when {@linkplain #wrapping wrapping} a sleeper. */
  public boolean waitsForReal() {
    return waitsForReal;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    Objects.requireNonNull(duration, "duration");
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before a wait of " + duration);
    }
    synchronized (this) {
      if (waits.size() == MAX_RECORDED) {
        waits.remove(0);
      }
      waits.add(duration);
      count++;
      total = total.plus(duration);
    }
    delegate.sleep(duration);
  }

  /** The waits asked for so far (the last {@value #MAX_RECORDED}), oldest first. */
  public synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }

  /** How many waits were asked for in all. */
  public synchronized long count() {
    return count;
  }

  /** The sum of every wait asked for. */
  public synchronized Duration total() {
    return total;
  }

  /** Such as {@code RecordingSleeper{instant, 3 waits, PT2.5S}}. */
  @Override
  public synchronized String toString() {
    return "RecordingSleeper{"
        + (waitsForReal ? "wrapping" : "instant")
        + ", "
        + count
        + " waits, "
        + total
        + "}";
  }
}
