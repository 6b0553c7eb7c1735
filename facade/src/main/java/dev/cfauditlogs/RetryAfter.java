package dev.cfauditlogs;

import dev.cfauditlogs.internal.HumanDuration;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * How long a response asked the client to wait: {@code retry-after-ms} (milliseconds), else {@code
 * retry-after} (seconds or an HTTP-date), else a {@code retry_after} field in the body (seconds;
 * Cloudflare has answered 429 with {@code retry-after: 0} and the real delay there). Unreadable or
 * negative values count as absent.
 *
 * <p>An HTTP-date is a point in time by the server's clock (RFC 9110 §10.2.3), so the wait is
 * measured from the response's own {@code Date} when it has a readable one, and from the local
 * clock only when it has not: a local clock an hour behind or ahead does not turn a 20 s wait into
 * an hour or nothing. A point already passed is a wait of zero.
 *
 * @param duration the wait, at most {@link #LONGEST} (the value behind {@link
 *     HttpResponseException#retryAfter()})
 * @param longer whether the response asked for more than {@link #LONGEST}, which {@code duration}
 *     holds
 */
record RetryAfter(Duration duration, boolean longer) {
  /** The longest wait read; a longer one is held as this, {@link #longer()} set. */
  static final Duration LONGEST = Duration.ofDays(1);

  private static final BigDecimal ONE_MILLI = new BigDecimal("0.001");
  private static final RetryAfter NONE = new RetryAfter(Duration.ZERO, false);

  /**
   * The wait the response asked for, or null when it asked for none readable. A zero header gives
   * way to a non-zero value of the next kind.
   *
   * @param headers the response's headers ({@code retry-after-ms}, {@code retry-after}, {@code
   *     Date})
   * @param bodySeconds the body's {@code retry_after} field, when it had one
   * @param clock the local clock, for an HTTP-date in a response without a readable {@code Date}
   */
  static @Nullable RetryAfter from(Headers headers, @Nullable BigDecimal bodySeconds, Clock clock) {
    RetryAfter ms = millis(headers.get("retry-after-ms"));
    if (ms != null && !ms.duration.isZero()) {
      return ms;
    }
    RetryAfter header = secondsOrDate(headers.get("retry-after"), headers.get("Date"), clock);
    if (header != null && !header.duration.isZero()) {
      return header;
    }
    RetryAfter body = bodySeconds == null ? null : fromSeconds(bodySeconds);
    if (body != null && !body.duration.isZero()) {
      return body;
    }
    if (ms != null) {
      return ms;
    }
    return header != null ? header : body;
  }

  /**
   * The wait for people: {@code 5 min}, or {@code more than 1440 min} when the server asked for
   * longer than is read.
   */
  String text() {
    return (longer ? "more than " : "") + HumanDuration.of(duration);
  }

  private static @Nullable RetryAfter millis(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String text = value.trim();
    if (text.length() > 64) {
      return null;
    }
    try {
      // scaleByPowerOfTen only moves the decimal point; movePointLeft would expand 1e999999999.
      return fromSeconds(new BigDecimal(text).scaleByPowerOfTen(-3));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable RetryAfter secondsOrDate(
      @Nullable String value, @Nullable String date, Clock clock) {
    if (value == null) {
      return null;
    }
    String text = value.trim();
    if (text.length() > 64) {
      return null;
    }
    try {
      return fromSeconds(new BigDecimal(text));
    } catch (NumberFormatException e) {
      // not a number: try an HTTP-date
    }
    Instant at = HttpDate.parse(text);
    if (at == null) {
      return null;
    }
    Instant serverNow = HttpDate.parse(date);
    Duration wait = Duration.between(serverNow != null ? serverNow : clock.instant(), at);
    if (wait.isNegative()) {
      return NONE;
    }
    return wait.compareTo(LONGEST) > 0
        ? new RetryAfter(LONGEST, true)
        : new RetryAfter(wait, false);
  }

  private static @Nullable RetryAfter fromSeconds(BigDecimal seconds) {
    if (seconds.signum() < 0) {
      return null;
    }
    if (seconds.compareTo(BigDecimal.valueOf(LONGEST.toSeconds())) > 0) {
      return new RetryAfter(LONGEST, true);
    }
    if (seconds.compareTo(ONE_MILLI) < 0) {
      // Rounding 1e-999999999 up to whole milliseconds would compute ten to the billionth power.
      return seconds.signum() == 0 ? NONE : new RetryAfter(Duration.ofMillis(1), false);
    }
    long millis = seconds.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValue();
    return new RetryAfter(Duration.ofMillis(millis), false);
  }
}
