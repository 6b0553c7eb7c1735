package dev.cfauditlogs.cli;

import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads durations such as {@code 30} (seconds), {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h},
 * {@code 7d} or {@code PT30S}, at most {@link #MAX} ({@link Timeout}: at most {@link Timeout#MAX}).
 * A value past the maximum, however many digits it has, is refused as too large, naming the
 * maximum.
 */
class Durations implements CommandLine.ITypeConverter<Duration> {
  /** The longest duration an option takes: longer than anything the tool waits or looks back. */
  static final Duration MAX = Duration.ofDays(365);

  private static final Pattern AMOUNT = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

  /** The longest duration this converter takes. */
  Duration max() {
    return MAX;
  }

  @Override
  public Duration convert(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    Matcher m = AMOUNT.matcher(v);
    if (m.matches()) {
      BigInteger millis =
          new BigInteger(m.group(1)).multiply(BigInteger.valueOf(unitMillis(m.group(2))));
      if (millis.compareTo(BigInteger.valueOf(max().toMillis())) > 0) {
        throw tooLarge(value);
      }
      return positive(value, Duration.ofMillis(millis.longValueExact()));
    }
    if (v.startsWith("p")) {
      Duration d;
      try {
        d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException | ArithmeticException e) {
        throw notADuration(value);
      }
      if (d.compareTo(max()) > 0) {
        throw tooLarge(value);
      }
      return positive(value, d);
    }
    throw notADuration(value);
  }

  private static long unitMillis(String unit) {
    if (unit == null) {
      return 1000;
    }
    return switch (unit) {
      case "ms" -> 1;
      case "s" -> 1000;
      case "m" -> 60_000;
      case "h" -> 3_600_000;
      default -> 86_400_000; // d
    };
  }

  private CommandLine.TypeConversionException tooLarge(String value) {
    return new CommandLine.TypeConversionException(
        "'" + value.trim() + "' is too large: at most " + format(max()));
  }

  private static CommandLine.TypeConversionException notADuration(String value) {
    return new CommandLine.TypeConversionException(
        "'" + value + "' is not a duration (examples: 30, 30s, 500ms, 2m, 1h, 7d)");
  }

  /**
   * {@code --timeout}: at most {@link #MAX}, 24 days, within the longest time limit the HTTP client
   * (OkHttp) takes, {@link Integer#MAX_VALUE} milliseconds (an observation of OkHttp's "timeout too
   * large").
   */
  static final class Timeout extends Durations {
    /** The longest time limit per attempt. */
    static final Duration MAX = Duration.ofDays(24);

    @Override
    Duration max() {
      return MAX;
    }
  }

  /**
   * The shortest form this converter reads back: {@code 500ms}, {@code 90s}, {@code 2m}, {@code
   * 1h}, {@code 7d}.
   */
  static String format(Duration d) {
    if (d.toMillisPart() != 0 || d.isZero()) {
      return d.toMillis() + "ms";
    }
    long seconds = d.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  /** The same forms with an optional sign: {@code -3m}, {@code +1h}, {@code 0}. */
  static final class Signed implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim();
      if (v.equals("0")) {
        return Duration.ZERO;
      }
      boolean negative = v.startsWith("-");
      Duration d = new Durations().convert(negative || v.startsWith("+") ? v.substring(1) : v);
      return negative ? d.negated() : d;
    }
  }

  private static Duration positive(String text, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new CommandLine.TypeConversionException("'" + text + "' must be a positive duration");
    }
    return d;
  }
}
