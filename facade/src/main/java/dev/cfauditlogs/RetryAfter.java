package dev.cfauditlogs;

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
 */
final class RetryAfter {
  private static final Duration MAX_READ = Duration.ofDays(1);
  private static final BigDecimal ONE_MILLI = new BigDecimal("0.001");

  private RetryAfter() {}

  static @Nullable Duration from(Headers headers, @Nullable BigDecimal bodySeconds, Clock clock) {
    Duration ms = millis(headers.get("retry-after-ms"));
    if (ms != null && !ms.isZero()) {
      return ms;
    }
    Duration header = seconds(headers.get("retry-after"), clock);
    if (header != null && !header.isZero()) {
      return header;
    }
    Duration body = bodySeconds == null ? null : fromSeconds(bodySeconds);
    if (body != null && !body.isZero()) {
      return body;
    }
    if (ms != null) {
      return ms;
    }
    return header != null ? header : body;
  }

  private static @Nullable Duration millis(@Nullable String value) {
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

  private static @Nullable Duration seconds(@Nullable String value, Clock clock) {
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
    Duration wait = Duration.between(clock.instant(), at);
    return wait.isNegative() ? Duration.ZERO : min(wait, MAX_READ);
  }

  private static @Nullable Duration fromSeconds(BigDecimal seconds) {
    if (seconds.signum() < 0) {
      return null;
    }
    if (seconds.compareTo(BigDecimal.valueOf(MAX_READ.toSeconds())) > 0) {
      return MAX_READ;
    }
    if (seconds.compareTo(ONE_MILLI) < 0) {
      // Rounding 1e-999999999 up to whole milliseconds would compute ten to the billionth power.
      return seconds.signum() == 0 ? Duration.ZERO : Duration.ofMillis(1);
    }
    long millis = seconds.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValue();
    return Duration.ofMillis(millis);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
