package dev.cfauditlogs;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Paces requests against a rate limit; told about every response and every 429. */
interface RequestPacer {
  RequestPacer NONE =
      new RequestPacer() {
        @Override
        public void beforeRequest() {}

        @Override
        public void afterResponse(int status, RateLimitStatus rateLimit) {}

        @Override
        public void rateLimited(@Nullable Duration retryAfter) {}
      };

  /** Blocks until a request may be sent. */
  void beforeRequest();

  /** Learns from a response's status and rate-limit headers. */
  void afterResponse(int status, RateLimitStatus rateLimit);

  /** Learns that the server answered 429, and the wait it asked for. */
  void rateLimited(@Nullable Duration retryAfter);
}
