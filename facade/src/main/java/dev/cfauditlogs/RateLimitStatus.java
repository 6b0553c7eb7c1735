package dev.cfauditlogs;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What a response's {@code Ratelimit} ({@code r} remaining, {@code t} seconds to reset) and {@code
 * Ratelimit-Policy} ({@code q} quota per {@code w} seconds) headers said. Every part is optional:
 * absent or unreadable parts are empty, never guessed.
 */
public final class RateLimitStatus {
  static final RateLimitStatus NONE = new RateLimitStatus(null, null, null, null);

  private final @Nullable Integer remaining;
  private final @Nullable Duration reset;
  private final @Nullable Integer quota;
  private final @Nullable Duration window;

  RateLimitStatus(
      @Nullable Integer remaining,
      @Nullable Duration reset,
      @Nullable Integer quota,
      @Nullable Duration window) {
    this.remaining = remaining;
    this.reset = reset;
    this.quota = quota;
    this.window = window;
  }

  /** Parses the two header values (either may be null). Unreadable parts are left empty. */
  static RateLimitStatus parse(@Nullable String rateLimit, @Nullable String policy) {
    Integer r = StructuredHeader.intParam(rateLimit, "r");
    Integer t = StructuredHeader.intParam(rateLimit, "t");
    Integer q = StructuredHeader.intParam(policy, "q");
    Integer w = StructuredHeader.intParam(policy, "w");
    if (r == null && t == null && q == null && w == null) {
      return NONE;
    }
    return new RateLimitStatus(
        r, t == null ? null : Duration.ofSeconds(t), q, w == null ? null : Duration.ofSeconds(w));
  }

  /** Requests left in the current window ({@code r}). */
  public OptionalInt remaining() {
    return remaining == null ? OptionalInt.empty() : OptionalInt.of(remaining);
  }

  /** Time until the window resets ({@code t}). */
  public Optional<Duration> reset() {
    return Optional.ofNullable(reset);
  }

  /** Requests allowed per window ({@code q}). */
  public OptionalInt quota() {
    return quota == null ? OptionalInt.empty() : OptionalInt.of(quota);
  }

  /** The window length ({@code w}). */
  public Optional<Duration> window() {
    return Optional.ofNullable(window);
  }

  @Override
  public String toString() {
    return "RateLimitStatus{remaining="
        + remaining
        + ", reset="
        + reset
        + ", quota="
        + quota
        + ", window="
        + window
        + '}';
  }
}
