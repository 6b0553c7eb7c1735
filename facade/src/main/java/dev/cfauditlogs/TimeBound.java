package dev.cfauditlogs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value of the {@code since}/{@code before} union: an RFC 3339 {@code full-date} or a {@code
 * date-time}, kept in the form the caller gave and sent normalized (date-times in UTC with {@code
 * Z}, every fraction digit kept).
 */
final class TimeBound implements Comparable<TimeBound> {
  private static final DateTimeFormatter UTC_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private final @Nullable LocalDate date;
  private final @Nullable Instant instant;
  private final int fractionDigits;

  private TimeBound(@Nullable LocalDate date, @Nullable Instant instant, int fractionDigits) {
    this.date = date;
    this.instant = instant;
    this.fractionDigits = fractionDigits;
  }

  static TimeBound of(LocalDate date) {
    return new TimeBound(Objects.requireNonNull(date, "date"), null, 0);
  }

  static TimeBound of(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return new TimeBound(null, instant, digitsNeeded(instant.getNano()));
  }

  static TimeBound of(OffsetDateTime dateTime) {
    return of(dateTime.toInstant());
  }

  static TimeBound of(ZonedDateTime dateTime) {
    return of(dateTime.toInstant());
  }

  /** Parses either RFC 3339 form; throws {@link InvalidRequestException} naming the parameter. */
  static TimeBound parse(String parameter, String text) {
    Objects.requireNonNull(text, parameter);
    try {
      if (text.length() == 10) {
        return of(Rfc3339.parseFullDate(text));
      }
      OffsetDateTime parsed = Rfc3339.parseDateTime(text);
      int dot = text.indexOf('.');
      int written = 0;
      if (dot >= 0) {
        while (dot + 1 + written < text.length()
            && Character.isDigit(text.charAt(dot + 1 + written))) {
          written++;
        }
      }
      return new TimeBound(null, parsed.toInstant(), written);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          parameter,
          parameter
              + " must be an RFC 3339 full-date (2026-01-31) or date-time (2026-01-31T10:00:00Z) but was '"
              + QueryValues.printable(text)
              + "'");
    }
  }

  /** The first instant this bound covers: a full-date means midnight UTC. */
  Instant start() {
    return date != null
        ? date.atStartOfDay(ZoneOffset.UTC).toInstant()
        : Objects.requireNonNull(instant);
  }

  /** The text sent on the wire. */
  String wireValue() {
    if (date != null) {
      return date.toString();
    }
    Instant i = Objects.requireNonNull(instant);
    String base = UTC_DATE_TIME.format(i.atOffset(ZoneOffset.UTC));
    if (fractionDigits == 0) {
      return base + "Z";
    }
    String nanos = String.format(Locale.ROOT, "%09d", i.getNano());
    return base + "." + nanos.substring(0, fractionDigits) + "Z";
  }

  private static int digitsNeeded(int nanos) {
    if (nanos == 0) {
      return 0;
    }
    int digits = 9;
    while (nanos % 10 == 0) {
      nanos /= 10;
      digits--;
    }
    return digits;
  }

  @Override
  public int compareTo(TimeBound other) {
    return start().compareTo(other.start());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TimeBound other && wireValue().equals(other.wireValue());
  }

  @Override
  public int hashCode() {
    return wireValue().hashCode();
  }

  @Override
  public String toString() {
    return wireValue();
  }
}
