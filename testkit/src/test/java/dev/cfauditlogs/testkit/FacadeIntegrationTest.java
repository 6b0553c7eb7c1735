package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.AuthenticationException;
import dev.cfauditlogs.BadRequestException;
import dev.cfauditlogs.PermissionDeniedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The facade's client against the emulator: one page, typed errors, and retries through faults;
 * each for the user's log and for an account's (the same guarantees, another path).
 */
class FacadeIntegrationTest {
  static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

  static List<AuditLogScope> scopes() {
    return List.of(AuditLogScope.user(), AuditLogScope.account(ACCOUNT));
  }

  /** A builder serving {@code scope}'s log. */
  private static AuditLogEmulator.Builder emulatorFor(AuditLogScope scope) {
    return scope
        .accountId()
        .map(AuditLogEmulator.builder()::accounts)
        .orElse(AuditLogEmulator.builder());
  }

  private static AuditLogQuery all(AuditLogScope scope) {
    return AuditLogQuery.builder().scope(scope).build();
  }

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

  @ParameterizedTest
  @MethodSource("scopes")
  void listsOnePageLosslessly(AuditLogScope scope) {
    try (AuditLogEmulator emulator =
            emulatorFor(scope).dataset(Dataset.synthetic(42, 250)).start();
        AuditLogsClient client = client(emulator)) {
      AuditLogPage page =
          client.list(AuditLogQuery.builder().scope(scope).perPage(25).page(2).build());
      List<EmulatedLog> truth = emulator.records(scope).subList(25, 50);
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

  @ParameterizedTest
  @MethodSource("scopes")
  void listsWithFiltersAsTheGroundTruthSays(AuditLogScope scope) {
    try (AuditLogEmulator emulator =
            emulatorFor(scope).dataset(Dataset.synthetic(42, 250)).start();
        AuditLogsClient client = client(emulator)) {
      AuditLogQuery query =
          AuditLogQuery.builder()
              .scope(scope)
              .actorIp("198.51.100.0/24")
              .since("2025-12-10")
              .hideUserLogs(false)
              .perPage(1000)
              .build();
      List<EmulatedLog> truth = emulator.records(query);
      assertTrue(!truth.isEmpty(), "the filters match something");
      assertEquals(ids(truth), ids(client.list(query).records()));
    }
  }

  @ParameterizedTest
  @MethodSource("scopes")
  void emailAndKeyAuthentication(AuditLogScope scope) {
    try (AuditLogEmulator emulator = emulatorFor(scope).dataset(Records.small()).start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .emailAndApiKey(emulator.email(), emulator.apiKey())
                .build()) {
      assertEquals(7, client.list(all(scope)).records().size());
      assertEquals(
          ReceivedRequest.REDACTED, emulator.requests().get(0).header("X-Auth-Key").orElseThrow());
    }
  }

  @ParameterizedTest
  @MethodSource("scopes")
  void unauthorizedIsAnAuthenticationException(AuditLogScope scope) {
    try (AuditLogEmulator emulator = emulatorFor(scope).dataset(Records.small()).start();
        AuditLogsClient client =
            AuditLogsClient.builder().baseUrl(emulator.baseUrl()).apiToken("wrong-token").build()) {
      AuthenticationException e =
          assertThrows(AuthenticationException.class, () -> client.list(all(scope)));
      assertEquals(401, e.statusCode());
      assertEquals(10000, e.errors().get(0).code());
      assertEquals(emulator.requests().get(0).cfRay(), e.cfRay());
    }
  }

  @ParameterizedTest
  @MethodSource("scopes")
  void forbiddenIsAPermissionDeniedException(AuditLogScope scope) {
    try (AuditLogEmulator emulator =
            emulatorFor(scope).dataset(Records.small()).forbiddenToken("read-only-dns").start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken("read-only-dns")
                .build()) {
      PermissionDeniedException e =
          assertThrows(PermissionDeniedException.class, () -> client.list(all(scope)));
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

  /**
   * Each fault kind once, the scope alternating (user, account, user, ...): every kind is retried
   * the same way whatever the path, and doubling the slow kinds would only add time to CI.
   */
  static Stream<Arguments> faultsInEachScope() {
    return Stream.of(FaultKind.values())
        .map(kind -> Arguments.of(kind, scopes().get(kind.ordinal() % 2)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("faultsInEachScope")
  void retriesSurviveAFaultThenSucceed(FaultKind kind, AuditLogScope scope) {
    RecordingSleeper sleeper = RecordingSleeper.instant();
    try (AuditLogEmulator emulator =
            emulatorFor(scope)
                .dataset(Records.small())
                .failFirst(1, kind)
                // far past the timeout, which leaves a loaded machine time for the answer after
                // the fault: a timeout there would be a third request
                .slowFaultDelay(Duration.ofSeconds(30))
                .start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .timeout(Duration.ofSeconds(5))
                .sleeper(sleeper)
                .build()) {
      AuditLogPage page = client.list(all(scope));
      // One wait before the retry (after a 429 the pacer holds the next request too): recorded.
      assertTrue(sleeper.count() >= 1, "the wait before the retry went through the sleeper");
      assertEquals(7, page.records().size());
      assertEquals(2, emulator.requestCount(), kind + " then success");
      assertEquals(emulator.requests().get(0).path(), emulator.requests().get(1).path());
      assertEquals(kind, emulator.requests().get(0).fault().orElseThrow());
      assertTrue(emulator.requests().get(1).fault().isEmpty());
      assertEquals(2, page.response().attempts());
    }
  }

  @ParameterizedTest
  @MethodSource("scopes")
  void aServerErrorOnEveryAttemptEndsInAServerException(AuditLogScope scope) {
    try (AuditLogEmulator emulator =
            emulatorFor(scope)
                .dataset(Records.small())
                .faults(1.0, java.util.Set.of(FaultKind.SERVER_ERROR), 1)
                .start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .maxRetries(1)
                .sleeper(RecordingSleeper.instant())
                .build()) {
      assertThrows(dev.cfauditlogs.ServerException.class, () -> client.list(all(scope)));
      assertEquals(Map.of(500, 2), emulator.statusCounts());
    }
  }
}
