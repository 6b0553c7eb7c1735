package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RecordingSleeper records every wait, delegates only when wrapping, and honours interrupts. */
class RecordingSleeperTest {
  @Test
  void instantRecordsWithoutDelegating() throws InterruptedException {
    RecordingSleeper sleeper = RecordingSleeper.instant();
    sleeper.sleep(Duration.ofSeconds(30));
    sleeper.sleep(Duration.ofMillis(250));
    assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMillis(250)), sleeper.waits());
    assertEquals(2, sleeper.count());
    assertEquals(Duration.ofMillis(30_250), sleeper.total());
    assertFalse(sleeper.waitsForReal());
    assertEquals("RecordingSleeper{instant, 2 waits, PT30.25S}", sleeper.toString());
  }

  @Test
  void wrappingRecordsThenDelegates() throws InterruptedException {
    List<Duration> delegated = new ArrayList<>();
    RecordingSleeper sleeper = RecordingSleeper.wrapping(delegated::add);
    sleeper.sleep(Duration.ofSeconds(2));
    assertEquals(List.of(Duration.ofSeconds(2)), delegated);
    assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits());
    assertTrue(sleeper.waitsForReal());
  }

  @Test
  void anInterruptedThreadIsToldSoAndNothingIsRecorded() {
    RecordingSleeper sleeper = RecordingSleeper.instant();
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> sleeper.sleep(Duration.ofSeconds(1)));
    assertEquals(0, sleeper.count());
  }
}
