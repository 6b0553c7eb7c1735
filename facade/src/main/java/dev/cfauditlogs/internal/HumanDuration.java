package dev.cfauditlogs.internal;

import java.time.Duration;

/**
 * How this project writes a duration for people: the library's exception messages ({@code Rate
 * limited; wait 3 s}) and the command-line tool's lines ({@code trying again ... (in 3 s)}), which
 * often stand in one line together. Not API: the package is not exported by the module {@code
 * dev.cfauditlogs}; it is public only for the command-line tool on the class path, and may change
 * without notice.
 */
public final class HumanDuration {
  private HumanDuration() {}

  /**
   * {@code 500 ms} under a second, whole seconds rounded up under two minutes ({@code 3 s}, {@code
   * 119 s}), else whole minutes rounded up ({@code 5 min}).
   *
   * @param d a duration, not negative
   * @return the text, with no trailing period
   */
  public static String of(Duration d) {
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return d.toMillis() + " ms";
    }
    long seconds = (d.toMillis() + 999) / 1000;
    if (seconds < 120) {
      return seconds + " s";
    }
    return (seconds + 59) / 60 + " min";
  }

  /**
   * Like {@link #of(Duration)}, rounded to the nearest unit instead of up: for a measured amount,
   * such as a clock skew read from a {@code Date} header (whole seconds), where rounding up would
   * overstate it ({@code 180.075 s} is {@code 3 min}, not {@code 4 min}).
   *
   * @param d a duration, not negative
   * @return the text, with no trailing period
   */
  public static String nearest(Duration d) {
    if (d.compareTo(Duration.ofMillis(999)) < 0) {
      return d.toMillis() + " ms";
    }
    long seconds = (d.toMillis() + 500) / 1000;
    if (seconds < 120) {
      return seconds + " s";
    }
    return (seconds + 30) / 60 + " min";
  }
}
