package dev.cfauditlogs;

import dev.cfauditlogs.internal.HumanDuration;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A client-side rate limiter shared by everything one client sends: at most {@code limit} requests
 * in any {@code window} (Cloudflare's 1200 per 300 s by default, replaced by the server's {@code
 * Ratelimit-Policy} when it sends one), plus what the server says. When {@code Ratelimit} reports
 * little quota left, the remaining requests are spread evenly over the time to reset; when it
 * reports none, or after a 429, nothing is sent until the server's time is up. Each request
 * reserves a time slot, so concurrent callers are spaced too.
 */
final class SlidingWindowPacer implements RequestPacer {
  /**
   * Margin added to the window, so that network jitter cannot make the server count one too many.
   */
  private static final long MARGIN_MILLIS = 250;

  private final Clock clock;
  private final Sleeper sleeper;
  private final long maxHoldMillis;
  private long[] slots;
  private int head;
  private int count;
  private long windowMillis;
  private long notBefore;
  private long spacingMillis;
  private long lastSlot;

  /**
   * @param maxHold the longest this pacer holds a request; a server asking for more (through its
   *     headers or a policy) makes the request fail with a {@link RateLimitedException} instead
   */
  SlidingWindowPacer(int limit, Duration window, Duration maxHold, Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxHoldMillis = maxHold.toMillis();
    this.slots = new long[limit];
    this.windowMillis = window.toMillis();
  }

  @Override
  public void beforeRequest() {
    long slot = reserve();
    long wait = slot - clock.millis();
    if (wait > 0) {
      try {
        sleeper.sleep(Duration.ofMillis(wait));
      } catch (InterruptedException e) {
        throw RequestInterruptedException.restoringFlag(
            "Interrupted while waiting for the client's rate limit.", e);
      }
    }
  }

  /** Picks the earliest allowed time for the next request and records it. */
  synchronized long reserve() {
    long now = clock.millis();
    long slot = Math.max(now, notBefore);
    if (count == slots.length) {
      long oldest = slots[head];
      slot = Math.max(slot, oldest + windowMillis + MARGIN_MILLIS);
    }
    if (spacingMillis > 0) {
      slot = Math.max(slot, lastSlot + spacingMillis);
    }
    if (slot - now > maxHoldMillis) {
      Duration wait = Duration.ofMillis(slot - now);
      throw new RateLimitedException(
          "Rate limited by the client's pacer: the server's rate-limit headers ask to wait "
              + HumanDuration.of(wait)
              + " before the next request, longer than this client waits ("
              + HumanDuration.of(Duration.ofMillis(maxHoldMillis))
              + "). Try again later.",
          0,
          java.util.List.of(),
          null,
          wait);
    }
    if (count == slots.length) {
      slots[head] = slot;
      head = (head + 1) % slots.length;
    } else {
      slots[(head + count) % slots.length] = slot;
      count++;
    }
    lastSlot = slot;
    return slot;
  }

  @Override
  public synchronized void afterResponse(int status, RateLimitStatus rateLimit) {
    long now = clock.millis();
    if (rateLimit.quota().isPresent() && rateLimit.window().isPresent()) {
      adopt(rateLimit.quota().getAsInt(), rateLimit.window().get());
    }
    if (rateLimit.remaining().isEmpty() || rateLimit.reset().isEmpty()) {
      return;
    }
    int remaining = rateLimit.remaining().getAsInt();
    long reset = rateLimit.reset().get().toMillis();
    if (remaining == 0) {
      notBefore = Math.max(notBefore, now + reset);
      spacingMillis = 0;
    } else if (remaining * 10L < slots.length) {
      spacingMillis = reset / (remaining + 1);
    } else {
      spacingMillis = 0;
    }
  }

  /**
   * Holds every request until the server's wait is over; without one, the retry's own backoff
   * applies.
   */
  @Override
  public synchronized void rateLimited(@Nullable Duration retryAfter) {
    if (retryAfter != null) {
      notBefore = Math.max(notBefore, clock.millis() + retryAfter.toMillis());
    }
  }

  private void adopt(int quota, Duration window) {
    if (quota < 1 || quota > 100_000 || window.isZero() || window.toDays() > 1) {
      return;
    }
    if (quota != slots.length) {
      long[] resized = new long[quota];
      int keep = Math.min(count, quota);
      for (int i = 0; i < keep; i++) {
        resized[i] = slots[(head + count - keep + i) % slots.length];
      }
      slots = resized;
      head = 0;
      count = keep;
    }
    windowMillis = window.toMillis();
  }
}
