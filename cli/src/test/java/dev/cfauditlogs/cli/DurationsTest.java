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
  @CsvSource({"30, PT30S", "30s, PT30S", "500ms, PT0.5S", "2m, PT2M", "1h, PT1H", "PT90S, PT1M30S"})
  void readsDurations(String text, String expected) {
    assertEquals(Duration.parse(expected), new Durations().convert(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-5s", "0", "1d", "PT-1S"})
  void refusesOthers(String text) {
    assertThrows(CommandLine.TypeConversionException.class, () -> new Durations().convert(text));
  }
}
