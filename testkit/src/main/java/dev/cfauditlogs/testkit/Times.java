package dev.cfauditlogs.testkit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3339 §5.6 as the emulator reads it: a {@code full-date} ({@code 2026-01-31}, meaning midnight
 * UTC) or a {@code date-time} with seconds, an optional fraction of up to nine digits and {@code Z}
 * or a {@code ±hh:mm} offset. Anything else is refused.
 *
 * <p>The emulator's own reading of RFC 3339, kept apart from the library's parser on purpose: it
 * models what Cloudflare accepts, and {@code ValidationAgreementTest} checks the two agree.
 */
final class Times {
  private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
              + "(?:[Zz]|([+-])(\\d{2}):(\\d{2}))");

  private Times() {}

  /** A {@code since}/{@code before} value: either form; a full-date is midnight UTC. */
  static Instant parseBound(String text) {
    Matcher date = FULL_DATE.matcher(text);
    if (date.matches()) {
      LocalDate day = LocalDate.of(num(date, 1), num(date, 2), num(date, 3));
      return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return parseDateTime(text);
  }

  /** An RFC 3339 {@code date-time}. */
  static Instant parseDateTime(String text) {
    Matcher m = DATE_TIME.matcher(text);
    if (!m.matches()) {
      throw new DateTimeException("not an RFC 3339 date-time: " + text);
    }
    String fraction = m.group(7) == null ? "" : m.group(7);
    int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
    ZoneOffset offset = ZoneOffset.UTC;
    if (m.group(8) != null) {
      int hours = num(m, 9);
      int minutes = num(m, 10);
      if (hours > 23 || minutes > 59) {
        throw new DateTimeException("offset out of range: " + text);
      }
      int sign = m.group(8).equals("-") ? -1 : 1;
      offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
    LocalDateTime local =
        LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), nanos);
    return local.toInstant(offset);
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
