package dev.cfauditlogs;

import dev.cfauditlogs.generated.invoker.SpecReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Strict parsing of the two RFC 3339 §5.6 forms the API speaks: {@code full-date} and {@code
 * date-time}.
 *
 * <p>Accepted date-times have seconds, an optional fraction of up to nine digits (what {@code
 * java.time} can hold, so nothing the caller wrote is lost), {@code T} or {@code t} between date
 * and time, and {@code Z}, {@code z} or a numeric offset {@code ±hh:mm}. Everything else, ISO 8601
 * variants included, is refused. The parsing itself is the generated {@link SpecReader}'s, so the
 * query and the records' {@code when} agree on what RFC 3339 is. The library's one entry point to
 * RFC 3339 parsing: the query's {@code since}/{@code before} ({@link TimeBound}) and the records'
 * {@code when} ({@link PageElements}) both come here.
 */
final class Rfc3339 {
  private Rfc3339() {}

  /** Parses an RFC 3339 {@code full-date} such as {@code 2026-01-31}. */
  static LocalDate parseFullDate(CharSequence text) {
    return SpecReader.parseFullDate(text);
  }

  /** Parses an RFC 3339 {@code date-time} such as {@code 2026-01-31T10:00:00.5+01:00}. */
  static OffsetDateTime parseDateTime(CharSequence text) {
    return SpecReader.parseDateTime(text);
  }
}
