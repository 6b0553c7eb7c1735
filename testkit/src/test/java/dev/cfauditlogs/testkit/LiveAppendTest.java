package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records appended while the emulator runs, by hand or in the background. */
class LiveAppendTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T12:00:00.750Z"));

  @Test
  void liveAppendsAddNewestRecordsInTheBackground() throws InterruptedException {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(Dataset.synthetic(5, 20))
            .liveAppends(500)
            .clock(clock)
            .start()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (emulator.records().size() < 40 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(emulator.records().size() >= 40, "appended: " + (emulator.records().size() - 20));
      Http.Reply page = Http.get(emulator, "per_page=5");
      // Newest first: the appended records, stamped with the clock to the second.
      for (java.util.Map<String, Object> r : page.result()) {
        assertEquals("2026-02-01T12:00:00Z", r.get("when"));
      }
    }
  }

  @Test
  void appendedRecordsAreServedFromTheNextRequestOn() {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Records.small()).clock(clock).start()) {
      EmulatedLog added =
          emulator.append(
              Records.json("z9", "2026-03-01T00:00:00Z", "login", null, null, "admin", null));
      assertEquals(List.of("z9"), Http.get(emulator, "per_page=1").ids());
      assertEquals(8, Http.get(emulator, "").result().size());
      assertEquals(added, emulator.records().get(0));

      List<EmulatedLog> synthetic = emulator.appendSynthetic(3);
      assertEquals(3, synthetic.size());
      assertEquals(11, emulator.records().size());
      assertTrue(
          synthetic.stream().allMatch(l -> l.when().equals(Instant.parse("2026-02-01T12:00:00Z"))));
      assertThrows(IllegalArgumentException.class, () -> emulator.append("{}"));
    }
  }

  @Test
  void closingStopsLiveAppends() throws InterruptedException {
    // Appends come in a burst of 1,000 records every 10 ms at the highest rate, so that close()
    // most likely meets one in progress: once close() returns, none may still be landing.
    AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.empty()).liveAppends(100_000).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (emulator.records().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertFalse(emulator.records().isEmpty(), "appends started");
    emulator.close();
    int after = emulator.records().size();
    Thread.sleep(50);
    assertEquals(after, emulator.records().size());
  }
}
