package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.generated.model.AaaAuditLogsActor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code list} and {@code listAsync}: one page, its records, its facts, the response's facts. */
class ListTest {
  @RegisterExtension final ContractServer server = new ContractServer();

  @Test
  void sendsTheQueryAndReturnsTypedRecordsWithTheirExactJson() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .addHeader("cf-ray", "8f1a2b3c4d5e6f70-SJC")
            .addHeader("Ratelimit", "\"default\";r=1150;t=42")
            .addHeader("Ratelimit-Policy", "\"default\";q=1200;w=300")
            .body(Fixtures.read("page-with-result-info.json"))
            .build());
    AuditLogPage page;
    try (AuditLogsClient client = server.client().build()) {
      page =
          client.list(
              AuditLogQuery.builder()
                  .since(LocalDate.of(2026, 1, 1))
                  .before(Instant.parse("2026-02-01T00:00:00Z"))
                  .actorEmail("ana@example.com")
                  .perPage(2)
                  .page(2)
                  .build());
    }

    HttpUrl url = server.takeRequest().getUrl();
    assertEquals("/client/v4/user/audit_logs", url.encodedPath());
    assertEquals("2026-01-01", url.queryParameter("since"));
    assertEquals("2026-02-01T00:00:00Z", url.queryParameter("before"));
    assertEquals("ana@example.com", url.queryParameter("actor.email"));
    assertEquals("2", url.queryParameter("per_page"));
    assertEquals("2", url.queryParameter("page"));

    assertEquals(2, page.records().size());
    AuditLog first = page.records().get(0);
    assertEquals(Optional.of("0b1c2d3e-0000-4000-8000-000000000001"), first.id());
    assertEquals(Optional.of(Instant.parse("2026-01-31T10:00:00.123Z")), first.when());
    assertEquals(
        Optional.of(AaaAuditLogsActor.TypeEnum.USER), first.model().actor().orElseThrow().type());
    assertEquals(Optional.of("=cmd|' /C calc'!A0"), first.model().newValue());
    assertEquals(List.of(), first.mismatches());
    assertTrue(first.json().contains("\"undocumented_field\": {\"kept\": true}"), first.json());
    assertTrue(first.json().startsWith("{") && first.json().endsWith("}"), first.json());
    assertTrue(first.json().contains("[1, 2.50, \"x\"]"), "numbers kept as sent: " + first.json());
    assertEquals(
        Optional.of(AaaAuditLogsActor.TypeEnum.CLOUDFLARE),
        page.records().get(1).model().actor().orElseThrow().type());

    assertEquals(2, page.page());
    assertEquals(2, page.perPage());
    assertEquals(2, page.count());
    assertEquals(5, page.totalCount().getAsLong());
    assertEquals(3, page.totalPages().getAsInt());

    ResponseInfo response = page.response();
    assertEquals(200, response.statusCode());
    assertEquals(Optional.of("8f1a2b3c4d5e6f70-SJC"), response.cfRay());
    assertEquals(1, response.attempts());
    assertEquals(1150, response.rateLimit().remaining().getAsInt());
    assertEquals(Optional.of(Duration.ofSeconds(42)), response.rateLimit().reset());
    assertEquals(1200, response.rateLimit().quota().getAsInt());
    assertEquals(Optional.of(Duration.ofSeconds(300)), response.rateLimit().window());
  }

  @Test
  void withoutResultInfoThePageFactsComeFromTheRequest() {
    server.enqueueJson(200, Fixtures.read("seed-response.json"));
    try (AuditLogsClient client = server.client().build()) {
      AuditLogPage page = client.list(AuditLogQuery.builder().page(4).build());
      assertEquals(4, page.page());
      assertEquals(AuditLogQuery.DEFAULT_PER_PAGE, page.perPage());
      assertEquals(1, page.count());
      assertTrue(page.totalCount().isEmpty());
      assertTrue(page.totalPages().isEmpty());
      assertTrue(page.response().rateLimit().remaining().isEmpty());
    }
  }

  @Test
  void nullOrMissingResultIsAnEmptyPage() {
    server.enqueueJson(
        200, "{\"success\": true, \"errors\": [], \"messages\": [], \"result\": null}");
    server.enqueueJson(200, "{\"success\": true, \"errors\": [], \"messages\": []}");
    try (AuditLogsClient client = server.client().build()) {
      assertEquals(List.of(), client.list(AuditLogQuery.all()).records());
      assertEquals(List.of(), client.list(AuditLogQuery.all()).records());
    }
  }

  @Test
  void asyncListReturnsThePage() throws Exception {
    server.enqueueJson(200, Fixtures.read("seed-response.json"));
    try (AuditLogsClient client = server.client().build()) {
      CompletableFuture<AuditLogPage> future = client.listAsync(AuditLogQuery.all());
      AuditLogPage page = future.get(10, TimeUnit.SECONDS);
      assertEquals(Optional.of("d5b0f326-1232-4452-8858-1089bd7168ef"), page.records().get(0).id());
    }
  }

  @Test
  void asyncListFailsWithTheTypedException() {
    server.enqueueJson(403, Fixtures.read("error-403.json"));
    try (AuditLogsClient client = server.client().build()) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () -> client.listAsync(AuditLogQuery.all()).get(10, TimeUnit.SECONDS));
      PermissionDeniedException cause =
          assertInstanceOf(PermissionDeniedException.class, e.getCause());
      assertEquals(9109, cause.errors().get(0).code());
    }
  }
}
