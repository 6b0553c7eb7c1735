package dev.cfauditlogs;

import static dev.cfauditlogs.ClientAuthTest.assertSecretFree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
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
    return fail(query, Sent.TOKEN_BY_BUILDER);
  }

  private HttpResponseException fail(AuditLogQuery query, Sent sent) {
    try (AuditLogsClient client =
        sent.apply(server.client()).maxRetries(2).sleeper(d -> {}).build()) {
      return assertThrows(HttpResponseException.class, () -> client.list(query));
    }
  }

  private HttpResponseException failWith(int status, String errors) {
    return failWith(status, errors, Sent.TOKEN_BY_BUILDER);
  }

  private HttpResponseException failWith(int status, String errors, Sent sent) {
    for (int i = 0; i < 3; i++) {
      server.enqueueJson(status, envelope(errors));
    }
    return fail(AuditLogQuery.all(), sent);
  }

  /** Which credentials the client sends, and from where (the message names that source). */
  enum Sent {
    TOKEN_BY_BUILDER,
    KEY_BY_BUILDER,
    TOKEN_FROM_ENVIRONMENT,
    KEY_FROM_ENVIRONMENT;

    AuditLogsClient.Builder apply(AuditLogsClient.Builder builder) {
      return switch (this) {
        case TOKEN_BY_BUILDER -> builder;
        case KEY_BY_BUILDER ->
            builder.apiToken(null).emailAndApiKey(ContractServer.EMAIL, ContractServer.KEY);
        case TOKEN_FROM_ENVIRONMENT ->
            builder
                .apiToken(null)
                .environment(Map.of("CLOUDFLARE_API_TOKEN", ContractServer.TOKEN));
        case KEY_FROM_ENVIRONMENT ->
            builder
                .apiToken(null)
                .environment(
                    Map.of(
                        "CLOUDFLARE_EMAIL", ContractServer.EMAIL,
                        "CLOUDFLARE_API_KEY", ContractServer.KEY));
      };
    }

    boolean token() {
      return this == TOKEN_BY_BUILDER || this == TOKEN_FROM_ENVIRONMENT;
    }

    /** The names a message uses for token, email, key. */
    List<String> names() {
      return this == TOKEN_FROM_ENVIRONMENT || this == KEY_FROM_ENVIRONMENT
          ? List.of("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY")
          : List.of("apiToken(...)", "email(...)", "apiKey(...)");
    }
  }

  private static String envelope(String errors) {
    return "{\"success\": false, \"result\": null, \"messages\": [], \"errors\": " + errors + "}";
  }

  private static List<Integer> codes(HttpResponseException e) {
    return e.errorsWithCauses().stream().map(ApiMessage::code).toList();
  }

  /** The reported case: an API token given as the Global API key, from the environment. */
  @Test
  void theSharedAuthErrorChainCaseIsACredentialProblemNamingTheKeyVariable() {
    CaseResponse answer = CaseResponse.read("case-auth-error-chain.json");
    for (int i = 0; i < 3; i++) {
      server.enqueue(answer.toMockResponse());
    }
    HttpResponseException e =
        fail(AuditLogQuery.builder().perPage(1000).build(), Sent.KEY_FROM_ENVIRONMENT);

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
    assertTrue(m.contains("could not use CLOUDFLARE_API_KEY as a Global API key"), m);
    assertTrue(m.contains("put the token in CLOUDFLARE_API_TOKEN"), m);
    assertFalse(m.contains("query parameter"), m);
    assertSecretFree(m);
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

  private static final String KEY_CHAIN =
      "[{\"code\": 1000, \"message\": \"Something else\"}, {\"code\": 6003, \"message\":"
          + " \"Invalid request headers\", \"error_chain\": [{\"code\": 6103, \"message\":"
          + " \"Invalid format for X-Auth-Key header\"}]}]";
  private static final String EMAIL_CHAIN =
      "[{\"code\": 6003, \"message\": \"Invalid request headers\", \"error_chain\":"
          + " [{\"code\": 6000, \"message\": \"Header check failed\", \"error_chain\":"
          + " [{\"code\": 6102, \"message\": \"Invalid format for X-Auth-Email header\"}]}]}]";
  private static final String TOKEN_CHAIN =
      "[{\"code\": 6003, \"message\": \"Invalid request headers\", \"error_chain\":"
          + " [{\"code\": 6111, \"message\": \"Invalid format for Authorization header\"}]}]";
  private static final String UNKNOWN_KEY_OR_EMAIL =
      "[{\"code\": 9103, \"message\": \"Unknown X-Auth-Key or X-Auth-Email\"}]";
  private static final String MISSING_ANY =
      "[{\"code\": 9106, \"message\": \"Missing X-Auth-Key, X-Auth-Email or Authorization"
          + " headers\"}]";

  /**
   * The errors, the credentials sent, and what the message must say; {token}, {email} and {key}
   * stand for the names of the settings the credentials came from.
   */
  static Stream<Arguments> credentialVariants() {
    List<String> all = List.of("missing or malformed", "{token}", "{email}", "{key}");
    return Stream.of(
        Arguments.of(UNKNOWN_KEY_OR_EMAIL, Sent.KEY_FROM_ENVIRONMENT, all),
        Arguments.of(
            UNKNOWN_KEY_OR_EMAIL,
            Sent.TOKEN_BY_BUILDER,
            List.of(
                "named the X-Auth-Key and X-Auth-Email headers, which were not sent",
                "the API token in {token} (as Authorization: Bearer)")),
        Arguments.of(MISSING_ANY, Sent.TOKEN_FROM_ENVIRONMENT, all),
        Arguments.of(MISSING_ANY, Sent.KEY_BY_BUILDER, all),
        Arguments.of(
            TOKEN_CHAIN,
            Sent.TOKEN_FROM_ENVIRONMENT,
            List.of("could not use {token} as an API token", "put it in {key}", "{email}")),
        Arguments.of(
            TOKEN_CHAIN,
            Sent.KEY_FROM_ENVIRONMENT,
            List.of(
                "named the Authorization header, which was not sent",
                "the email in {email} and the Global API key in {key}")),
        // nested two levels deep, naming the email header
        Arguments.of(EMAIL_CHAIN, Sent.KEY_BY_BUILDER, List.of("could not use {email}:", "{key}")),
        Arguments.of(
            EMAIL_CHAIN,
            Sent.TOKEN_FROM_ENVIRONMENT,
            List.of("named the X-Auth-Email header, which was not sent", "{token}")),
        // the credential code in the second error, not the first
        Arguments.of(
            KEY_CHAIN,
            Sent.KEY_FROM_ENVIRONMENT,
            List.of("could not use {key} as a Global API key", "put the token in {token}")),
        Arguments.of(
            KEY_CHAIN,
            Sent.TOKEN_BY_BUILDER,
            List.of("named the X-Auth-Key header, which was not sent", "{token}")));
  }

  @ParameterizedTest
  @MethodSource("credentialVariants")
  void credentialCodesAnywhereInA400NameTheSettingSent(
      String errors, Sent sent, List<String> expected) {
    HttpResponseException e = failWith(400, errors, sent);
    assertInstanceOf(AuthenticationException.class, e, e.getMessage());
    assertEquals(400, e.statusCode());
    String m = e.getMessage();
    for (String text : expected) {
      String named =
          text.replace("{token}", sent.names().get(0))
              .replace("{email}", sent.names().get(1))
              .replace("{key}", sent.names().get(2));
      assertTrue(m.contains(named), named + " in " + m);
    }
    assertNamesOnlyItsSource(m, sent);
    assertFalse(m.contains("query parameter"), m);
    assertSecretFree(m);
    assertEquals(1, server.requestCount());
  }

  /** A 401 says which credentials were sent, from where, and what else to try. */
  @ParameterizedTest
  @EnumSource(Sent.class)
  void aRefusalNamesTheCredentialsSentAndTheirSettings(Sent sent) {
    HttpResponseException e =
        failWith(401, "[{\"code\": 10000, \"message\": \"Authentication error\"}]", sent);
    assertInstanceOf(AuthenticationException.class, e, e.getMessage());
    String m = e.getMessage();
    List<String> n = sent.names();
    assertTrue(
        m.contains(
            sent.token()
                ? "(the API token in " + n.get(0) + " (as Authorization: Bearer))"
                : "(the email in " + n.get(1) + " and the Global API key in " + n.get(2)),
        m);
    for (String name : n) {
      assertTrue(m.contains(name), name + " in " + m);
    }
    assertNamesOnlyItsSource(m, sent);
    assertSecretFree(m);
  }

  /** Builder-given credentials are not talked about as environment variables, nor the reverse. */
  private static void assertNamesOnlyItsSource(String message, Sent sent) {
    boolean environment = sent.names().get(0).startsWith("CLOUDFLARE_");
    assertEquals(!environment, message.contains("(...)"), message);
    if (!environment) {
      assertFalse(message.contains("CLOUDFLARE_"), message);
    }
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
