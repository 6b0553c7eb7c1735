package dev.cfauditlogs;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** An HTTP-date ({@code Sun, 06 Nov 1994 08:49:37 GMT}, RFC 9110 §5.6.7) as the headers send it. */
final class HttpDate {
  private static final int MAX_LENGTH = 64;

  private HttpDate() {}

  /** The instant, or null when the value is absent, too long or not an HTTP-date. */
  static @Nullable Instant parse(@Nullable String value) {
    if (value == null || value.length() > MAX_LENGTH) {
      return null;
    }
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
