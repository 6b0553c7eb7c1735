package dev.cfauditlogs;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Compares each response's {@code Date} header with the client's clock, keeps the latest
 * measurement, and reports the first {@linkplain ClockSkew#large() large} skew once: a WARNING on
 * the {@code dev.cfauditlogs} logger and a call to the listener.
 */
final class ClockSkewMonitor {
  private static final System.Logger LOG = System.getLogger("dev.cfauditlogs");

  private final Clock clock;
  private final Consumer<? super ClockSkew> listener;
  private final AtomicReference<ClockSkew> latest = new AtomicReference<>();
  private final AtomicBoolean reported = new AtomicBoolean();

  ClockSkewMonitor(Clock clock, Consumer<? super ClockSkew> listener) {
    this.clock = clock;
    this.listener = listener;
  }

  /** Measures one response; an absent or unreadable {@code Date} header is ignored. */
  void observe(@Nullable String dateHeader) {
    Instant server = HttpDate.parse(dateHeader);
    if (server == null) {
      return;
    }
    ClockSkew skew = new ClockSkew(server, clock.instant());
    latest.set(skew);
    if (skew.large() && reported.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, () -> "Clock skew: " + skew);
      try {
        listener.accept(skew);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "The clock-skew listener failed", e);
      }
    }
  }

  Optional<ClockSkew> latest() {
    return Optional.ofNullable(latest.get());
  }
}
