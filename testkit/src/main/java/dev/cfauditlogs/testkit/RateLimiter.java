package dev.cfauditlogs.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Cloudflare's global limit as the emulator applies it: {@code quota} requests per window that
 * starts with the first request counted; the request past the quota starts a block of one full
 * window during which everything is answered 429.
 */
final class RateLimiter {
  private final int quota;
  private final Duration window;
  private final Clock clock;
  private @Nullable Instant windowStart;
  private int used;
  private @Nullable Instant blockedUntil;

  RateLimiter(int quota, Duration window, Clock clock) {
    this.quota = quota;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Counts one request; returns 0 when it may proceed, else the seconds to wait ({@code
   * retry-after}).
   */
  synchronized long acquire() {
    Instant now = clock.instant();
    roll(now);
    if (blockedUntil != null) {
      return secondsUntil(now, blockedUntil);
    }
    if (windowStart == null) {
      windowStart = now;
    }
    if (used < quota) {
      used++;
      return 0;
    }
    blockedUntil = now.plus(window);
    return secondsUntil(now, blockedUntil);
  }

  /** The {@code Ratelimit} header value: remaining requests and seconds until the window resets. */
  synchronized String header() {
    Instant now = clock.instant();
    roll(now);
    long remaining;
    long reset;
    if (blockedUntil != null) {
      remaining = 0;
      reset = secondsUntil(now, blockedUntil);
    } else if (windowStart == null) {
      remaining = quota;
      reset = windowSeconds();
    } else {
      remaining = quota - used;
      reset = secondsUntil(now, windowStart.plus(window));
    }
    return "\"default\";r=" + remaining + ";t=" + reset;
  }

  /** The {@code Ratelimit-Policy} header value. */
  String policy() {
    return "\"default\";q=" + quota + ";w=" + windowSeconds();
  }

  /** Ends a block or a window that is over. */
  private void roll(Instant now) {
    if (blockedUntil != null) {
      if (now.isBefore(blockedUntil)) {
        return;
      }
      blockedUntil = null;
      windowStart = null;
      used = 0;
    }
    if (windowStart != null && !now.isBefore(windowStart.plus(window))) {
      windowStart = null;
      used = 0;
    }
  }

  private long windowSeconds() {
    return secondsUntil(Instant.EPOCH, Instant.EPOCH.plus(window));
  }

  /** Whole seconds from {@code now} to {@code then}, rounded up, at least 1. */
  private static long secondsUntil(Instant now, Instant then) {
    Duration d = Duration.between(now, then);
    long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
