package dev.cfauditlogs;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Facts about the HTTP response a page came from: status, {@code cf-ray}, rate-limit headers and
 * the server's {@code Date}.
 */
public final class ResponseInfo {
  private final int statusCode;
  private final @Nullable String cfRay;
  private final RateLimitStatus rateLimit;
  private final int attempts;
  private final @Nullable Instant date;

  ResponseInfo(
      int statusCode,
      @Nullable String cfRay,
      RateLimitStatus rateLimit,
      int attempts,
      @Nullable Instant date) {
    this.statusCode = statusCode;
    this.cfRay = cfRay;
    this.rateLimit = rateLimit;
    this.attempts = attempts;
    this.date = date;
  }

  /** The HTTP status code, such as 200. */
  public int statusCode() {
    return statusCode;
  }

  /** The {@code cf-ray} request id, which Cloudflare support asks for. */
  public Optional<String> cfRay() {
    return Optional.ofNullable(cfRay);
  }

  /** The parsed {@code Ratelimit} and {@code Ratelimit-Policy} headers. */
  public RateLimitStatus rateLimit() {
    return rateLimit;
  }

  /** How many attempts it took, 1 when the first one succeeded. */
  public int attempts() {
    return attempts;
  }

  /**
   * The server's clock when it answered: the {@code Date} header (whole seconds), when it sent a
   * readable one.
   */
  public Optional<Instant> date() {
    return Optional.ofNullable(date);
  }

  @Override
  public String toString() {
    return "ResponseInfo{status="
        + statusCode
        + ", cfRay="
        + cfRay
        + ", attempts="
        + attempts
        + ", date="
        + date
        + ", "
        + rateLimit
        + '}';
  }
}
