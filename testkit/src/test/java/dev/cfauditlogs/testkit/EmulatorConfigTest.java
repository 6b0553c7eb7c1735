package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** {@code start()} fixes the settings: a builder changed later changes no running emulator. */
class EmulatorConfigTest {
  @Test
  void aBuilderChangedAfterStartChangesNoRunningEmulator() {
    AuditLogEmulator.Builder builder =
        AuditLogEmulator.builder()
            .dataset(Dataset.synthetic(3, 5))
            .apiToken("FAKE-TOKEN-first")
            .rateLimit(2, Duration.ofMinutes(5));
    try (AuditLogEmulator first = builder.start()) {
      builder
          .dataset(Dataset.synthetic(3, 9))
          .apiToken("FAKE-TOKEN-second")
          .resultInfo(false)
          .rateLimit(1200, Duration.ofMinutes(5))
          .failFirst(5, FaultKind.SERVER_ERROR);

      Http.Reply page = Http.get(first, "");
      assertEquals(200, page.status, page::toString);
      assertEquals(5, page.ids().size());
      assertTrue(page.json().containsKey("result_info"), page::toString);
      assertEquals("FAKE-TOKEN-first", first.apiToken());
      assertEquals(200, Http.get(first, "").status);
      assertEquals(
          429, Http.get(first, "").status, "the first rate limit, 2 requests, still holds");

      try (AuditLogEmulator second = builder.start()) {
        assertEquals("FAKE-TOKEN-second", second.apiToken());
        for (int i = 0; i < 5; i++) {
          assertEquals(500, Http.get(second, "").status);
        }
        Http.Reply secondPage = Http.get(second, "");
        assertEquals(9, secondPage.ids().size());
        assertFalse(secondPage.json().containsKey("result_info"), secondPage::toString);
        assertEquals(
            401,
            Http.get(
                    second.baseUrl() + "/user/audit_logs",
                    Headers.of("Authorization", "Bearer FAKE-TOKEN-first"))
                .status);
      }
    }
  }
}
