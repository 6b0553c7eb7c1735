package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.AuthenticationException;
import dev.cfauditlogs.BadRequestException;
import dev.cfauditlogs.PermissionDeniedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The facade's client against the emulator: one page, typed errors, and retries through faults. */
class FacadeIntegrationTest {
  private static AuditLogsClient client(AuditLogEmulator emulator) {
    return AuditLogsClient.builder()
        .baseUrl(emulator.baseUrl())
        .apiToken(emulator.apiToken())
        .build();
  }

  private static List<String> ids(List<?> logs) {
    return logs.stream()
        .map(l -> l instanceof AuditLog ? ((AuditLog) l).id() : ((EmulatedLog) l).id())
        .map(id -> id.orElseThrow())
        .collect(Collectors.toList());
  }

  @Test
  void listsOnePageLosslessly() {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder().dataset(Dataset.synthetic(42, 250)).start();
        AuditLogsClient client = client(emulator)) {
      AuditLogPage page = client.list(AuditLogQuery.builder().perPage(25).page(2).build());
      List<EmulatedLog> truth = emulator.records().subList(25, 50);
      assertEquals(ids(truth), ids(page.records()));
      for (int i = 0; i < truth.size(); i++) {
        assertEquals(truth.get(i).json(), page.records().get(i).json(), "served byte for byte");
      }
      assertEquals(2, page.page());
      assertEquals(25, page.perPage());
      assertEquals(25, page.count());
      assertEquals(250, page.totalCount().orElseThrow());
      assertEquals(10, page.totalPages().orElseThrow());
    }
  }

  @Test
  void listsWithFiltersAsTheGroundTruthSays() {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder().dataset(Dataset.synthetic(42, 250)).start();
        AuditLogsClient client = client(emulator)) {
      AuditLogQuery query =
          AuditLogQuery.builder()
              .actorIp("198.51.100.0/24")
              .since("2025-12-10")
              .hideUserLogs(false)
              .perPage(1000)
              .build();
      assertEquals(ids(emulator.records(query)), ids(client.list(query).records()));
    }
  }

  @Test
  void emailAndKeyAuthentication() {
    try (AuditLogEmulator emulator = AuditLogEmulator.builder().dataset(Records.small()).start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .emailAndApiKey(emulator.email(), emulator.apiKey())
                .build()) {
      assertEquals(7, client.list(AuditLogQuery.all()).records().size());
      assertEquals(
          ReceivedRequest.REDACTED, emulator.requests().get(0).header("X-Auth-Key").orElseThrow());
    }
  }

  @Test
  void unauthorizedIsAnAuthenticationException() {
    try (AuditLogEmulator emulator = AuditLogEmulator.builder().dataset(Records.small()).start();
        AuditLogsClient client =
            AuditLogsClient.builder().baseUrl(emulator.baseUrl()).apiToken("wrong-token").build()) {
      AuthenticationException e =
          assertThrows(AuthenticationException.class, () -> client.list(AuditLogQuery.all()));
      assertEquals(401, e.statusCode());
      assertEquals(10000, e.errors().get(0).code());
      assertEquals(emulator.requests().get(0).cfRay(), e.cfRay());
    }
  }

  @Test
  void forbiddenIsAPermissionDeniedException() {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder()
                .dataset(Records.small())
                .forbiddenToken("read-only-dns")
                .start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken("read-only-dns")
                .build()) {
      PermissionDeniedException e =
          assertThrows(PermissionDeniedException.class, () -> client.list(AuditLogQuery.all()));
      assertEquals(403, e.statusCode());
      assertEquals(9109, e.errors().get(0).code());
    }
  }

  @Test
  void badRequestIsABadRequestException() {
    // The client refuses what it knows to be invalid before sending (ValidationAgreementTest keeps
    // its rules and the emulator's in step), so a value only the server refuses is put on the wire
    // behind the client's back, as a server with stricter rules than ours would see it.
    OkHttpClient stricterServer =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .url(
                                chain
                                    .request()
                                    .url()
                                    .newBuilder()
                                    .setQueryParameter("actor.email", "a.@example.com")
                                    .build())
                            .build()))
            .build();
    AuditLogQuery query = AuditLogQuery.builder().actorEmail("a@example.com").build();
    try (AuditLogEmulator emulator = AuditLogEmulator.builder().dataset(Records.small()).start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .okHttpClient(stricterServer)
                .build()) {
      BadRequestException e = assertThrows(BadRequestException.class, () -> client.list(query));
      assertEquals(400, e.statusCode());
      assertEquals(1004, e.errors().get(0).code());
      assertTrue(e.errors().get(0).message().contains("actor.email"));
      assertEquals(1, emulator.requestCount(), "a 400 is not retried");
    }
  }

  @ParameterizedTest
  @EnumSource(FaultKind.class)
  void retriesSurviveAFaultThenSucceed(FaultKind kind) {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder()
                .dataset(Records.small())
                .failFirst(1, kind)
                .slowFaultDelay(Duration.ofSeconds(3))
                .start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .timeout(Duration.ofMillis(1500))
                .build()) {
      AuditLogPage page = client.list(AuditLogQuery.all());
      assertEquals(7, page.records().size());
      assertEquals(2, emulator.requestCount(), kind + " then success");
      assertEquals(kind, emulator.requests().get(0).fault().orElseThrow());
      assertTrue(emulator.requests().get(1).fault().isEmpty());
      assertEquals(2, page.response().attempts());
    }
  }

  @Test
  void aServerErrorOnEveryAttemptEndsInAServerException() {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder()
                .dataset(Records.small())
                .faults(1.0, java.util.Set.of(FaultKind.SERVER_ERROR), 1)
                .start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .maxRetries(1)
                .build()) {
      assertThrows(dev.cfauditlogs.ServerException.class, () -> client.list(AuditLogQuery.all()));
      assertEquals(Map.of(500, 2), emulator.statusCounts());
    }
  }
}
