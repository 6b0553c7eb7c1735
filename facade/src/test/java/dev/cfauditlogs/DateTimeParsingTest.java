package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cfauditlogs.generated.invoker.SpecReader;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SpecReader#parseDateTime}, which reads every record's {@code when} by position, accepts
 * exactly RFC 3339's {@code date-time} (section 5.6: {@code T} and {@code Z} in either case, a
 * fraction of any length (here up to nine digits, what {@code java.time} holds), {@code Z} or a
 * numeric offset) and gives the same instant as the grammar read by a regular expression: here the
 * oracle, over valid texts and many near misses.
 */
class DateTimeParsingTest {
  private static final Pattern GRAMMAR =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
              + "(?:([Zz])|([+-])(\\d{2}):(\\d{2}))");

  /** The oracle: the grammar's groups made into a date-time; null when not a valid one. */
  private static OffsetDateTime oracle(String text) {
    Matcher m = GRAMMAR.matcher(text);
    if (!m.matches()) {
      return null;
    }
    try {
      String fraction = m.group(7) == null ? "" : m.group(7);
      int nanos =
          fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
      ZoneOffset offset = ZoneOffset.UTC;
      if (m.group(8) == null) {
        int hours = Integer.parseInt(m.group(10));
        int minutes = Integer.parseInt(m.group(11));
        if (hours > 23 || minutes > 59) {
          return null;
        }
        int sign = m.group(9).equals("-") ? -1 : 1;
        offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      }
      return OffsetDateTime.of(
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)),
              nanos),
          offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static OffsetDateTime parsed(String text) {
    try {
      return SpecReader.parseDateTime(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-01-31T10:00:00Z",
        "2026-01-31t10:00:00z",
        "2026-01-31T10:00:00.5+01:00",
        "2026-01-31T10:00:00.123456789-12:30",
        "2024-02-29T23:59:59.000000001Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999+00:00"
      })
  void validTextsGiveTheOraclesDateTime(String text) {
    assertEquals(oracle(text), SpecReader.parseDateTime(text), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2026-01-31",
        "2026-01-31T10:00:00",
        "2026-01-31 10:00:00Z",
        "2026-01-31T10:00Z",
        "2026-01-31T10:00:00.Z",
        "2026-01-31T10:00:00.1234567890Z",
        "2026-01-31T10:00:00+0100",
        "2026-01-31T10:00:00+01",
        "2026-01-31T10:00:00Z ",
        "2026-01-31T10:00:00+24:00",
        "2026-01-31T10:00:00-23:59", // RFC 3339 allows it; java.time holds offsets up to 18 hours
        "2026-02-30T10:00:00Z",
        "2025-02-29T10:00:00Z",
        "2026-13-01T10:00:00Z",
        "2026-01-31T24:00:00Z",
        "2026-01-31T10:60:00Z",
        "2026-01-31T10:00:60Z",
        "202６-01-31T10:00:00Z",
        "2026-01-31T10:00:0٣Z",
        "+2026-01-31T10:00:00Z"
      })
  void otherTextsAreRefusedWithATypedError(String text) {
    assertEquals(null, oracle(text), "the oracle refuses it too: " + text);
    assertThrows(DateTimeParseException.class, () -> SpecReader.parseDateTime(text));
  }

  /** Random valid-looking texts and near misses (one character changed, left out or added). */
  @Test
  void agreesWithTheGrammarOnManyNearMisses() {
    Random random = new Random(3339);
    String alphabet = "0123456789-:.+TtZz ٣６\u0000";
    for (int i = 0; i < 50_000; i++) {
      StringBuilder text = new StringBuilder(candidate(random));
      int mutations = random.nextInt(3);
      for (int j = 0; j < mutations && text.length() > 0; j++) {
        int at = random.nextInt(text.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> text.setCharAt(at, c);
          case 1 -> text.deleteCharAt(at);
          default -> text.insert(at, c);
        }
      }
      String t = text.toString();
      assertEquals(oracle(t), parsed(t), t);
    }
  }

  private static String candidate(Random random) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            "%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33)));
    s.append(random.nextBoolean() ? 'T' : 't');
    s.append(
        String.format(
            "%02d:%02d:%02d", random.nextInt(26), random.nextInt(62), random.nextInt(62)));
    int fraction = random.nextInt(12);
    if (fraction > 0) {
      s.append('.');
      for (int i = 0; i < fraction; i++) {
        s.append((char) ('0' + random.nextInt(10)));
      }
    }
    switch (random.nextInt(4)) {
      case 0 -> s.append('Z');
      case 1 -> s.append('z');
      default ->
          s.append(random.nextBoolean() ? '+' : '-')
              .append(String.format("%02d:%02d", random.nextInt(26), random.nextInt(62)));
    }
    return s.toString();
  }
}
