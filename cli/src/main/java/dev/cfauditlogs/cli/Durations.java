package dev.cfauditlogs.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Reads durations such as {@code 30} (seconds), {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}
 * or {@code PT30S}.
 */
final class Durations implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("pt") || v.startsWith("p")) {
        return positive(value, Duration.parse(value.trim().toUpperCase(Locale.ROOT)));
      }
      if (v.endsWith("ms")) {
        return positive(value, Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))));
      }
      if (v.endsWith("s")) {
        return positive(value, Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1))));
      }
      if (v.endsWith("m")) {
        return positive(value, Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1))));
      }
      if (v.endsWith("h")) {
        return positive(value, Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1))));
      }
      return positive(value, Duration.ofSeconds(Long.parseLong(v)));
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration (examples: 30, 30s, 500ms, 2m, 1h)");
    }
  }

  /**
   * The shortest form this converter reads back: {@code 500ms}, {@code 90s}, {@code 2m}, {@code
   * 1h}.
   */
  static String format(Duration d) {
    if (d.toMillisPart() != 0 || d.isZero()) {
      return d.toMillis() + "ms";
    }
    long seconds = d.toSeconds();
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
