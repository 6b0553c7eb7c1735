package dev.cfauditlogs;

import static dev.cfauditlogs.ClientAuthTest.assertSecretFree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cloudflare's nested {@code error_chain} reaches the exception, and a 400 whose codes say a
 * credential header is malformed is an {@link AuthenticationException} naming the variable to fix.
 */
class ErrorChainTest {
  @RegisterExtension final ContractServer server = new ContractServer();

  /** Filters whose names an error message might mention (or, as plain words, not). */
  private static final AuditLogQuery FILTERED_QUERY =
      AuditLogQuery.builder().since("2026-01-01").before("2026-02-01").actionType("login").build();

  private HttpResponseException fail(AuditLogQuery query) {
    try (AuditLogsClient client = server.client().maxRetries(2).sleeper(d -> {}).build()) {
      return assertThrows(HttpResponseException.class, () -> client.list(query));
    }
  }

  private HttpResponseException failWith(int status, String errors) {
    for (int i = 0; i < 3; i++) {
      server.enqueueJson(status, envelope(errors));
    }
    return fail(AuditLogQuery.all());
  }

  private static String envelope(String errors) {
    return "{\"success\": false, \"result\": null, \"messages\": [], \"errors\": " + errors + "}";
  }

  private static List<Integer> codes(HttpResponseException e) {
    return e.errorsWithCauses().stream().map(ApiMessage::code).toList();
  }

  @Test
  void theSharedAuthErrorChainCaseIsACredentialProblemNamingTheKeyVariable() {
    CaseResponse answer = CaseResponse.read("case-auth-error-chain.json");
    for (int i = 0; i < 3; i++) {
      server.enqueue(answer.toMockResponse());
    }
    HttpResponseException e = fail(AuditLogQuery.builder().perPage(1000).build());

    AuthenticationException auth = assertInstanceOf(AuthenticationException.class, e);
    assertEquals(400, auth.statusCode());
    assertEquals(1, server.requestCount(), "a credential problem is not retried");
    ApiMessage first = auth.errors().get(0);
    assertEquals(6003, first.code());
    assertEquals("Invalid request headers", first.message());
    assertEquals(1, first.errorChain().size());
    assertEquals(6103, first.errorChain().get(0).code());
    assertEquals("Invalid format for X-Auth-Key header", first.errorChain().get(0).message());
    assertEquals(List.of(6003, 6103), codes(auth));
    String m = auth.getMessage();
    assertTrue(m.contains("HTTP 400"), m);
    assertTrue(m.contains("6103: Invalid format for X-Auth-Key header"), m);
    assertTrue(m.contains("8661087300000000-IAD"), m);
    assertTrue(m.contains("CLOUDFLARE_API_KEY") && m.contains("CLOUDFLARE_API_TOKEN"), m);
    assertFalse(m.contains("query parameter"), m);
    assertThrows(UnsupportedOperationException.class, () -> auth.errors().add(first));
    assertThrows(UnsupportedOperationException.class, () -> first.errorChain().clear());
    assertThrows(UnsupportedOperationException.class, () -> auth.errorsWithCauses().clear());
  }

  static IntStream headerCodes() {
    return IntStream.rangeClosed(6100, 6111);
  }

  @ParameterizedTest
  @MethodSource("headerCodes")
  void everyChainedHeaderCodeMakesA400ACredentialProblem(int code) {
    HttpResponseException e =
        failWith(
            400,
            "[{\"code\": 6003, \"message\": \"Invalid request headers\", \"error_chain\":"
                + " [{\"code\": "
                + code
                + ", \"message\": \"Invalid header\"}]}]");
    assertInstanceOf(AuthenticationException.class, e, e.getMessage());
    assertEquals(List.of(6003, code), codes(e));
    assertTrue(e.getMessage().contains("[caused by " + code + ": Invalid header]"), e.getMessage());
  }

  static Stream<Arguments> credentialVariants() {
    return Stream.of(
        Arguments.of(
            "[{\"code\": 9103, \"message\": \"Unknown X-Auth-Key or X-Auth-Email\"}]",
            List.of("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_KEY", "CLOUDFLARE_EMAIL")),
        Arguments.of(
            "[{\"code\": 9106, \"message\": \"Missing X-Auth-Key, X-Auth-Email or Authorization"
                + " headers\"}]",
            List.of("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_KEY", "CLOUDFLARE_EMAIL")),
        Arguments.of(
            "[{\"code\": 6003, \"message\": \"Invalid request headers\", \"error_chain\":"
                + " [{\"code\": 6111, \"message\": \"Invalid format for Authorization header\"}]}]",
            List.of("could not use CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_KEY")),
        // nested two levels deep, naming the email header
        Arguments.of(
            "[{\"code\": 6003, \"message\": \"Invalid request headers\", \"error_chain\":"
                + " [{\"code\": 6000, \"message\": \"Header check failed\", \"error_chain\":"
                + " [{\"code\": 6102, \"message\": \"Invalid format for X-Auth-Email header\"}]}]}]",
            List.of("could not use CLOUDFLARE_EMAIL")),
        // the credential code in the second error, not the first
        Arguments.of(
            "[{\"code\": 1000, \"message\": \"Something else\"}, {\"code\": 6003, \"message\":"
                + " \"Invalid request headers\", \"error_chain\": [{\"code\": 6103, \"message\":"
                + " \"Invalid format for X-Auth-Key header\"}]}]",
            List.of("could not use CLOUDFLARE_API_KEY")));
  }

  @ParameterizedTest
  @MethodSource("credentialVariants")
  void credentialCodesAnywhereInA400NameTheVariable(String errors, List<String> named) {
    HttpResponseException e = failWith(400, errors);
    assertInstanceOf(AuthenticationException.class, e, e.getMessage());
    assertEquals(400, e.statusCode());
    for (String text : named) {
      assertTrue(e.getMessage().contains(text), text + " in " + e.getMessage());
    }
    assertFalse(e.getMessage().contains("query parameter"), e.getMessage());
    assertEquals(1, server.requestCount());
  }

  @Test
  void twoLevelsOfChainAreKeptInOrder() {
    HttpResponseException e =
        failWith(
            400,
            "[{\"code\": 6003, \"message\": \"a\", \"error_chain\": [{\"code\": 6000, \"message\":"
                + " \"b\", \"error_chain\": [{\"code\": 6102, \"message\": \"c\"}, {\"code\": 6103,"
                + " \"message\": \"d\"}]}, {\"code\": 6001, \"message\": \"e\"}]}]");
    assertEquals(List.of(6003, 6000, 6102, 6103, 6001), codes(e));
    ApiMessage middle = e.errors().get(0).errorChain().get(0);
    assertEquals(List.of(6102, 6103), middle.errorChain().stream().map(ApiMessage::code).toList());
    assertTrue(
        e.getMessage()
            .contains("6003: a [caused by 6000: b [caused by 6102: c; 6103: d]; 6001: e]"),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[{\"code\": 6003, \"message\": \"Invalid request headers\"}]",
        "[{\"code\": 6003, \"message\": \"Invalid request headers\", \"error_chain\": [{\"code\":"
            + " 6200, \"message\": \"Invalid format for Content-Type header\"}]}]",
        "[{\"code\": 10001, \"message\": \"Please wait before trying again since the window is"
            + " open\"}]",
        "[]"
      })
  void otherBadRequestsStayBadRequestsAndClaimNoParameter(String errors) {
    for (int i = 0; i < 3; i++) {
      server.enqueueJson(400, envelope(errors));
    }
    HttpResponseException e = fail(FILTERED_QUERY.toBuilder().perPage(50).build());
    assertInstanceOf(BadRequestException.class, e, e.getMessage());
    assertFalse(e.getMessage().contains("parameter"), e.getMessage());
    assertEquals(1, server.requestCount());
  }

  static Stream<Arguments> namedParameters() {
    return Stream.of(
        Arguments.of(
            "[{\"code\": 1004, \"message\": \"bad\", \"source\": {\"pointer\": \"/per_page\"}}]",
            "per_page=50"),
        Arguments.of(
            "[{\"code\": 1004, \"message\": \"Invalid value for action.type\"}]",
            "action.type=login"),
        Arguments.of(
            "[{\"code\": 1004, \"message\": \"'since' is not a date\"}]", "since=2026-01-01"),
        Arguments.of(
            "[{\"code\": 6003, \"message\": \"x\", \"error_chain\": [{\"code\": 1004, \"message\":"
                + " \"before: out of range\"}]}]",
            "before=2026-02-01"),
        Arguments.of(
            "[{\"code\": 1004, \"message\": \"bad\", \"source\": {\"pointer\": \"/body/x\"}}]",
            "the value at /body/x"));
  }

  @ParameterizedTest
  @MethodSource("namedParameters")
  void aParameterIsNamedOnlyWhenTheErrorNamesOne(String errors, String named) {
    server.enqueueJson(400, envelope(errors));
    HttpResponseException e = fail(FILTERED_QUERY.toBuilder().perPage(50).build());
    assertInstanceOf(BadRequestException.class, e, e.getMessage());
    assertTrue(
        e.getMessage().contains("refused the query parameter " + named + "."), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {10000, 9103, 6003})
  void a429IsRateLimitingWhateverItsCode(int code) {
    HttpResponseException e =
        failWith(
            429,
            "[{\"code\": "
                + code
                + ", \"message\": \"Rate limited\", \"error_chain\": [{\"code\": 6103, \"message\":"
                + " \"Invalid format for X-Auth-Key header\"}]}]");
    assertInstanceOf(RateLimitedException.class, e, e.getMessage());
    assertEquals(code, e.errors().get(0).code());
    assertEquals(3, server.requestCount(), "429 is retried");
  }

  @ParameterizedTest
  @CsvSource({
    "401, dev.cfauditlogs.AuthenticationException",
    "403, dev.cfauditlogs.PermissionDeniedException",
    "404, dev.cfauditlogs.NotFoundException",
    "500, dev.cfauditlogs.ServerException"
  })
  void theStatusDecidesTheClassOutsideA400(int status, String type) {
    HttpResponseException e =
        failWith(
            status,
            "[{\"code\": 6003, \"message\": \"Invalid request headers\", \"error_chain\":"
                + " [{\"code\": 6103, \"message\": \"Invalid format for X-Auth-Key header\"}]}]");
    assertEquals(type, e.getClass().getName(), e.getMessage());
    assertEquals(status, e.statusCode());
    assertEquals(List.of(6003, 6103), codes(e));
  }

  @Test
  void chainItemsOfOddTypesAreSkippedNotFatal() {
    HttpResponseException e =
        failWith(
            400,
            "[{\"code\": 6003, \"message\": \"Invalid request headers\", \"error_chain\": ["
                + "\"text\", 42, null, true, [], {}, [{\"code\": 6101}],"
                + " {\"code\": {\"x\": 1}, \"message\": [\"m\"]},"
                + " {\"code\": 6104.5},"
                + " {\"error_chain\": {\"not\": \"an array\"}},"
                + " {\"code\": \"6103\", \"message\": 7, \"error_chain\": \"none\"},"
                + " {\"code\": 1e400, \"message\": \"huge\"}"
                + "]}, \"not an object\", {\"code\": null, \"message\": null, \"error_chain\": null}]");
    assertInstanceOf(AuthenticationException.class, e, e.getMessage());
    assertEquals(List.of(6003, 6103, 0), codes(e));
    assertEquals("", e.errors().get(0).errorChain().get(0).message());
    assertEquals("huge", e.errors().get(0).errorChain().get(1).message());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"code\": 6003, \"error_chain\": 5}",
        "{\"code\": 6003, \"error_chain\": {\"code\": 6103}}",
        "{\"code\": 6003, \"error_chain\": [[[[[{\"code\": 6103}]]]]]}",
        "{\"code\": \"6003\", \"message\": {\"deep\": [1, 2, {\"x\": null}]}}"
      })
  void oddChainShapesAreReadWithoutCrashing(String error) {
    HttpResponseException e = failWith(400, "[" + error + "]");
    assertInstanceOf(BadRequestException.class, e, e.getMessage());
    assertEquals(6003, e.errors().get(0).code());
  }

  @Test
  void chainsNestedDeeperThanTheLimitAreCutNotFollowed() {
    String deep = "{\"code\": 6103, \"message\": \"m\"}";
    for (int i = 0; i < 40; i++) {
      deep = "{\"code\": " + (7000 + i) + ", \"message\": \"m\", \"error_chain\": [" + deep + "]}";
    }
    HttpResponseException e = failWith(400, "[" + deep + "]");
    assertInstanceOf(BadRequestException.class, e, e.getMessage());
    assertEquals(8, codes(e).size(), "eight levels are kept: " + codes(e));
  }

  @Test
  void aChainEchoingTheCredentialsCannotPutThemInAMessage() {
    HttpResponseException e =
        failWith(
            400,
            "[{\"code\": 6003, \"message\": \"Invalid request headers\", \"error_chain\":"
                + " [{\"code\": 6111, \"message\": \"Invalid format for Authorization header:"
                + " Bearer "
                + ContractServer.TOKEN
                + "\"}]}]");
    assertInstanceOf(AuthenticationException.class, e);
    assertSecretFree(e.getMessage());
    assertSecretFree(e.errorsWithCauses().toString());
  }
}
