package dev.cfauditlogs.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A relative time for {@code --since}/{@code --before}: a whole number and one of the units {@code
 * s}, {@code m}, {@code h}, {@code d}, {@code w} (lower case: {@code M} could mean months), such as
 * {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d} or {@code 2w}, meaning that long before now.
 */
final class RelativeTime {
  static final String EXAMPLES = "90s, 30m, 24h, 7d, 2w";
  private static final Pattern RELATIVE = Pattern.compile("(\\d{1,9})([smhdw])");

  /** A number followed by letters: meant as a relative time, so refused if not a valid one. */
  private static final Pattern LOOKS_RELATIVE = Pattern.compile("\\s*[+-]?[\\d.]+\\s*\\p{L}+\\s*");

  private static final Instant EARLIEST = Instant.EPOCH;

  private RelativeTime() {}

  /** Thrown for a value that looks relative but is not valid; the message names it. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The instant {@code value} means, relative to {@code now}; empty when it is not a relative time
   * at all (a date or date-time, for the library to read).
   */
  static Optional<Instant> resolve(String option, String value, Instant now) throws Invalid {
    Matcher m = RELATIVE.matcher(value);
    if (!m.matches()) {
      if (LOOKS_RELATIVE.matcher(value).matches()) {
        throw new Invalid(
            option
                + " '"
                + value
                + "' is not a relative time: use a whole number and s, m, h, d or w ("
                + EXAMPLES
                + "), or a date (2026-01-31) or date-time (2026-01-31T10:00:00Z)");
      }
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    Duration unit =
        switch (m.group(2)) {
          case "s" -> ChronoUnit.SECONDS.getDuration();
          case "m" -> ChronoUnit.MINUTES.getDuration();
          case "h" -> ChronoUnit.HOURS.getDuration();
          case "d" -> ChronoUnit.DAYS.getDuration();
          default -> ChronoUnit.WEEKS.getDuration();
        };
    Instant at = now.minus(unit.multipliedBy(amount));
    if (at.isBefore(EARLIEST)) {
      throw new Invalid(option + " '" + value + "' reaches back before 1970");
    }
    return Optional.of(at);
  }
}
