package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One client routes each query by its scope: the user's log to {@code /user/audit_logs}, an
 * account's to {@code /accounts/{account_id}/audit_logs}, with the same query parameters (checked
 * against the effective spec after each test by {@link ContractServer}).
 */
class ScopeRoutingTest {
  static final String ACCOUNT = AuditLogScopeTest.ACCOUNT;

  @RegisterExtension final ContractServer server = new ContractServer();

  static Stream<Arguments> scopes() {
    return Stream.of(
        Arguments.of(AuditLogScope.user(), "/client/v4/user/audit_logs"),
        Arguments.of(
            AuditLogScope.account(ACCOUNT), "/client/v4/accounts/" + ACCOUNT + "/audit_logs"));
  }

  private void enqueueEmptyPage() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[]}")
            .build());
  }

  @ParameterizedTest
  @MethodSource("scopes")
  void listSendsTheScopesPathWithTheSameParameters(AuditLogScope scope, String path) {
    enqueueEmptyPage();
    try (AuditLogsClient client = server.client().build()) {
      client.list(
          AuditLogQuery.builder()
              .scope(scope)
              .since(LocalDate.of(2026, 1, 1))
              .actionType("login")
              .perPage(50)
              .build());
    }
    HttpUrl url = server.takeRequest().getUrl();
    assertEquals(path, url.encodedPath());
    assertEquals(
        List.of("since", "action.type", "per_page").stream().sorted().toList(),
        url.queryParameterNames().stream().sorted().toList(),
        "the account id is not a query parameter");
    assertEquals("login", url.queryParameter("action.type"));
  }

  @Test
  void oneClientServesBothScopesInTurn() throws Exception {
    enqueueEmptyPage();
    enqueueEmptyPage();
    enqueueEmptyPage();
    try (AuditLogsClient client = server.client().build()) {
      client.list(AuditLogQuery.builder().accountId(ACCOUNT).build());
      client.list(AuditLogQuery.all());
      client.listAsync(AuditLogQuery.builder().accountId(ACCOUNT).build()).get();
    }
    assertEquals(
        "/client/v4/accounts/" + ACCOUNT + "/audit_logs",
        server.takeRequest().getUrl().encodedPath());
    assertEquals("/client/v4/user/audit_logs", server.takeRequest().getUrl().encodedPath());
    assertEquals(
        "/client/v4/accounts/" + ACCOUNT + "/audit_logs",
        server.takeRequest().getUrl().encodedPath());
  }

  @Test
  void aForbiddenAccountIsAPermissionErrorKeepingCode9109() {
    server.enqueueJson(
        403,
        "{\"success\":false,\"errors\":[{\"code\":9109,\"message\":\"Unauthorized to access"
            + " requested resource\"}],\"messages\":[],\"result\":null}");
    try (AuditLogsClient client = server.client().build()) {
      PermissionDeniedException e =
          assertThrows(
              PermissionDeniedException.class,
              () -> client.list(AuditLogQuery.builder().accountId(ACCOUNT).build()));
      assertEquals(9109, e.errors().get(0).code());
    }
    assertTrue(server.takeRequest().getUrl().encodedPath().contains(ACCOUNT));
  }

  @Test
  void aBadAccountIdSendsNothing() {
    try (AuditLogsClient client = server.client().build()) {
      assertThrows(
          InvalidRequestException.class,
          () -> client.list(AuditLogQuery.builder().accountId("not-an-account").build()));
    }
    assertEquals(0, server.requestCount());
  }
}
