package dev.cfauditlogs;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parsing of the two RFC 3339 §5.6 forms the API speaks: {@code full-date} and {@code
 * date-time}.
 *
 * <p>Accepted date-times have seconds, an optional fraction of up to nine digits (what {@code
 * java.time} can hold, so nothing the caller wrote is lost), {@code T} or {@code t} between date
 * and time, and {@code Z}, {@code z} or a numeric offset {@code ±hh:mm}. Everything else, ISO 8601
 * variants included, is refused.
 */
final class Rfc3339 {
  private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
              + "(?:([Zz])|([+-])(\\d{2}):(\\d{2}))");

  private Rfc3339() {}

  /** Parses an RFC 3339 {@code full-date} such as {@code 2026-01-31}. */
  static LocalDate parseFullDate(CharSequence text) {
    Matcher m = FULL_DATE.matcher(text);
    if (!m.matches()) {
      throw new DateTimeParseException("not an RFC 3339 full-date (yyyy-mm-dd)", text, 0);
    }
    try {
      return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
    } catch (DateTimeException e) {
      throw new DateTimeParseException("not a calendar date: " + e.getMessage(), text, 0, e);
    }
  }

  /** Parses an RFC 3339 {@code date-time} such as {@code 2026-01-31T10:00:00.5+01:00}. */
  static OffsetDateTime parseDateTime(CharSequence text) {
    Matcher m = DATE_TIME.matcher(text);
    if (!m.matches()) {
      throw new DateTimeParseException(
          "not an RFC 3339 date-time (yyyy-mm-ddThh:mm:ss[.fraction](Z|±hh:mm))", text, 0);
    }
    try {
      String fraction = m.group(7) == null ? "" : m.group(7);
      int nanos =
          fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
      ZoneOffset offset =
          m.group(8) != null
              ? ZoneOffset.UTC
              : offset(m.group(9).equals("-"), num(m, 10), num(m, 11));
      LocalDateTime local =
          LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), nanos);
      return OffsetDateTime.of(local, offset);
    } catch (DateTimeException e) {
      throw new DateTimeParseException("not a valid date-time: " + e.getMessage(), text, 0, e);
    }
  }

  private static ZoneOffset offset(boolean negative, int hours, int minutes) {
    if (hours > 23 || minutes > 59) {
      throw new DateTimeException("offset out of range");
    }
    int sign = negative ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
