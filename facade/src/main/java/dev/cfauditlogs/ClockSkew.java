package dev.cfauditlogs;

import dev.cfauditlogs.internal.HumanDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How far the server's clock is from this machine's, measured on one response: its {@code Date}
 * header minus this client's clock when the response arrived. Positive when the server is ahead.
 * The {@code Date} header has whole seconds, so the measurement is good to about a second plus the
 * response's latency.
 *
 * <p>Pagination never depends on the local clock (see {@link AuditLogPager}); a skew matters for
 * times the caller computes from the local clock, such as a {@code since} of "one hour ago".
 */
public final class ClockSkew {
  /**
   * A skew larger than this, either way, is reported (logged once per client, and to {@link
   * AuditLogsClient.Builder#onClockSkew listeners}).
   */
  public static final Duration REPORTED_ABOVE = Duration.ofMinutes(1);

  private final Instant serverTime;
  private final Instant localTime;

  ClockSkew(Instant serverTime, Instant localTime) {
    this.serverTime = Objects.requireNonNull(serverTime, "serverTime");
    this.localTime = Objects.requireNonNull(localTime, "localTime");
  }

  /** The server's time: its {@code Date} header. */
  public Instant serverTime() {
    return serverTime;
  }

  /** This client's clock when the response arrived. */
  public Instant localTime() {
    return localTime;
  }

  /** {@code serverTime - localTime}: positive when the server's clock is ahead. */
  public Duration offset() {
    return Duration.between(localTime, serverTime);
  }

  /** Whether the skew is larger than {@link #REPORTED_ABOVE}, either way. */
  public boolean large() {
    return offset().abs().compareTo(REPORTED_ABOVE) > 0;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ClockSkew other
        && serverTime.equals(other.serverTime)
        && localTime.equals(other.localTime);
  }

  @Override
  public int hashCode() {
    return serverTime.hashCode() * 31 + localTime.hashCode();
  }

  /**
   * One sentence, such as {@code the server's clock is 3 min ahead of this machine's (server Date
   * 2026-01-01T10:03:00Z, local 2026-01-01T10:00:00Z)}.
   */
  @Override
  public String toString() {
    Duration offset = offset();
    return "the server's clock is "
        + HumanDuration.nearest(offset.abs())
        + (offset.isNegative() ? " behind" : " ahead of")
        + " this machine's (server Date "
        + serverTime
        + ", local "
        + localTime
        + ")";
  }
}
