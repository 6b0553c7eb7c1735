package dev.cfauditlogs;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The usage example shown in the root README, compiled by the build; {@link ReadmeExampleTest}
 * checks that the README shows exactly this code and runs it.
 */
final class ReadmeExample {
  private ReadmeExample() {}

  public static void main(String[] args) {
    // README-EXAMPLE-START
    try (AuditLogsClient client = AuditLogsClient.fromEnv()) {
      AuditLogQuery query =
          AuditLogQuery.builder()
              .since(LocalDate.of(2026, 1, 1)) // sent as the full-date 2026-01-01
              .before(Instant.parse("2026-02-01T00:00:00Z")) // sent as a UTC date-time
              .actionType("login")
              .perPage(100)
              .build();
      AuditLogPage page = client.list(query);
      for (AuditLog log : page.records()) {
        String who = log.model().actor().flatMap(actor -> actor.email()).orElse("?");
        String newValue = log.fieldJson("newValue").orElse(""); // any JSON type, as sent
        System.out.println(
            log.when().map(Instant::toString).orElse("?") + " " + who + " " + newValue);
        log.mismatches().forEach(m -> System.err.println("  not as documented: " + m));
      }
      page.skipped().forEach(e -> System.err.println("  not a record: " + e));
      System.out.println(page.count() + " records, cf-ray " + page.response().cfRay().orElse("?"));
    } catch (RateLimitedException e) {
      System.err.println("Rate limited: " + e.getMessage());
      e.retryAfter()
          .ifPresent(wait -> System.err.println("Try again in " + wait.toSeconds() + " s"));
    }
    // README-EXAMPLE-END
  }
}
