package dev.cfauditlogs;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Facts about the HTTP response a page came from: status, {@code cf-ray} and rate-limit headers.
 */
public final class ResponseInfo {
  private final int statusCode;
  private final @Nullable String cfRay;
  private final RateLimitStatus rateLimit;
  private final int attempts;

  ResponseInfo(int statusCode, @Nullable String cfRay, RateLimitStatus rateLimit, int attempts) {
    this.statusCode = statusCode;
    this.cfRay = cfRay;
    this.rateLimit = rateLimit;
    this.attempts = attempts;
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

  @Override
  public String toString() {
    return "ResponseInfo{status="
        + statusCode
        + ", cfRay="
        + cfRay
        + ", attempts="
        + attempts
        + ", "
        + rateLimit
        + '}';
  }
}
