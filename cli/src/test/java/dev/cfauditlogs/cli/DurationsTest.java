package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "30, PT30S",
    "30s, PT30S",
    "500ms, PT0.5S",
    "2m, PT2M",
    "1h, PT1H",
    "7d, PT168H",
    "PT90S, PT1M30S"
  })
  void readsDurations(String text, String expected) {
    assertEquals(Duration.parse(expected), new Durations().convert(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-5s", "0", "1w", "PT-1S", "5x"})
  void refusesOthers(String text) {
    assertThrows(CommandLine.TypeConversionException.class, () -> new Durations().convert(text));
  }

  /** Past the maximum, whatever the unit or the number of digits: too large, naming the maximum. */
  @ParameterizedTest
  @ValueSource(strings = {"366d", "99999d", "8785h", "9999999999999999999s", "P400D", "PT9000H"})
  void refusesTooLargeNamingTheMaximum(String text) {
    CommandLine.TypeConversionException e =
        assertThrows(
            CommandLine.TypeConversionException.class, () -> new Durations().convert(text));
    assertEquals("'" + text + "' is too large: at most 365d", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"24d, PT576H", "365d, PT8760H"})
  void readsTheMaximum(String text, String expected) {
    assertEquals(Duration.parse(expected), new Durations().convert(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"25d", "99999d", "600h", "2147483648ms"})
  void aTimeoutIsAtMost24Days(String text) {
    assertEquals(Duration.ofDays(24), new Durations.Timeout().convert("24d"));
    CommandLine.TypeConversionException e =
        assertThrows(
            CommandLine.TypeConversionException.class, () -> new Durations.Timeout().convert(text));
    assertEquals("'" + text + "' is too large: at most 24d", e.getMessage());
  }
}
