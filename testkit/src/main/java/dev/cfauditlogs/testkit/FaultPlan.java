package dev.cfauditlogs.testkit;

import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Decides, request by request, whether to inject a fault and which: first the scripted fault for
 * the first requests, then with probability {@code rate} one of the kinds chosen uniformly, from a
 * seeded {@link Random} so that a sequential run is reproducible.
 */
final class FaultPlan {
  private final double rate;
  private final List<FaultKind> kinds;
  private final Random random;
  private final @Nullable FaultKind firstKind;
  private int firstLeft;

  FaultPlan(
      double rate,
      List<FaultKind> kinds,
      long seed,
      int firstCount,
      @Nullable FaultKind firstKind) {
    this.rate = rate;
    this.kinds = kinds;
    this.random = new Random(seed);
    this.firstLeft = firstCount;
    this.firstKind = firstKind;
  }

  synchronized @Nullable FaultKind next() {
    if (firstLeft > 0 && firstKind != null) {
      firstLeft--;
      return firstKind;
    }
    if (rate <= 0 || kinds.isEmpty()) {
      return null;
    }
    if (random.nextDouble() >= rate) {
      return null;
    }
    return kinds.get(random.nextInt(kinds.size()));
  }
}
