package dev.cfauditlogs.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One progress line on stderr: records, rate, elapsed, and ETA when the total is known. Redrawn at
 * most 4×/s.
 */
final class Progress {
  private final PrintWriter err;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long lastDrawn;
  private boolean drawn;

  Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  void update(long records, OptionalLong total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (drawn && now - lastDrawn < 250_000_000L) {
      return;
    }
    lastDrawn = now;
    drawn = true;
    err.print("\r" + line(records, total, Duration.ofNanos(now - started)) + "   ");
    err.flush();
  }

  void finish(long records, OptionalLong total) {
    if (!enabled) {
      return;
    }
    err.print("\r" + line(records, total, Duration.ofNanos(System.nanoTime() - started)) + "   \n");
    err.flush();
  }

  static String line(long records, OptionalLong total, Duration elapsed) {
    double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
    double rate = records / seconds;
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT, "%,d records · %,.0f/s · %s elapsed", records, rate, clock(elapsed)));
    if (total.isPresent() && total.getAsLong() >= records && rate > 0) {
      long left = total.getAsLong() - records;
      s.append(
          String.format(
              Locale.ROOT,
              " · %,d total · ETA %s",
              total.getAsLong(),
              clock(Duration.ofSeconds((long) (left / rate)))));
    }
    return s.toString();
  }

  private static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
