package dev.cfauditlogs;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: before retry {@code n} (1, 2, …) wait {@code min(8 s, 0.5 s ×
 * 2^(n−1))}, reduced by a random 0–25 %. So 0.5 s, 1 s, 2 s, 4 s, 8 s, 8 s, … each minus up to a
 * quarter.
 */
final class Backoff {
  static final Duration INITIAL = Duration.ofMillis(500);
  static final Duration MAX = Duration.ofSeconds(8);
  private static final double JITTER = 0.25;

  private final DoubleSupplier random;

  Backoff(DoubleSupplier random) {
    this.random = random;
  }

  Duration delayBeforeRetry(int retry) {
    long base = INITIAL.toMillis() << Math.min(Math.max(retry - 1, 0), 10);
    long capped = Math.min(base, MAX.toMillis());
    double factor = 1.0 - JITTER * Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
    return Duration.ofMillis(Math.max(1, Math.round(capped * factor)));
  }
}
