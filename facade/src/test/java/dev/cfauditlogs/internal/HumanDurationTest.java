package dev.cfauditlogs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {
  @ParameterizedTest
  @CsvSource({
    "PT0S, 0 ms",
    "PT0.999S, 999 ms",
    "PT1S, 1 s",
    "PT1.001S, 2 s",
    "PT119S, 119 s",
    "PT119.5S, 2 min",
    "PT120S, 2 min",
    "PT121S, 3 min",
    "PT5M, 5 min",
    "PT2H, 120 min"
  })
  void writesMillisecondsSecondsOrMinutesRoundedUp(String iso, String text) {
    assertEquals(text, HumanDuration.of(Duration.parse(iso)));
  }

  @ParameterizedTest
  @CsvSource({
    "PT0S, 0 ms",
    "PT0.998S, 998 ms",
    "PT0.999S, 1 s",
    "PT1.499S, 1 s",
    "PT1.5S, 2 s",
    "PT119.499S, 119 s",
    "PT119.5S, 2 min",
    "PT180.075S, 3 min",
    "PT179.925S, 3 min",
    "PT209.4S, 3 min",
    "PT210S, 4 min",
    "PT2H, 120 min"
  })
  void writesAMeasuredAmountRoundedToTheNearestUnit(String iso, String text) {
    assertEquals(text, HumanDuration.nearest(Duration.parse(iso)));
  }
}
