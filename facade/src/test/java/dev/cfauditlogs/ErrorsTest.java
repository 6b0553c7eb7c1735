package dev.cfauditlogs;

import static dev.cfauditlogs.ClientAuthTest.assertSecretFree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure becomes one documented exception type, carrying status, errors and cf-ray. */
class ErrorsTest {
  @RegisterExtension final ContractServer server = new ContractServer();

  private HttpResponseException fail(int maxRetries) {
    try (AuditLogsClient client = server.client().maxRetries(maxRetries).sleeper(d -> {}).build()) {
      return assertThrows(HttpResponseException.class, () -> client.list(AuditLogQuery.all()));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "400, error-400.json, dev.cfauditlogs.BadRequestException, 1004",
    "401, error-401.json, dev.cfauditlogs.AuthenticationException, 10000",
    "403, error-403.json, dev.cfauditlogs.PermissionDeniedException, 9109",
    "404, error-404.json, dev.cfauditlogs.NotFoundException, 7003",
    "429, error-429.json, dev.cfauditlogs.RateLimitedException, 10429",
    "500, error-500.json, dev.cfauditlogs.ServerException, 10001",
    "503, error-500.json, dev.cfauditlogs.ServerException, 10001",
    "422, error-400.json, dev.cfauditlogs.UnexpectedStatusException, 1004"
  })
  void statusesMapToTheirTypes(int status, String fixture, String type, int code) {
    server.enqueueJson(status, Fixtures.read(fixture));
    HttpResponseException e = fail(0);
    assertEquals(type, e.getClass().getName());
    assertEquals(status, e.statusCode());
    assertEquals(code, e.errors().get(0).code());
    assertEquals(Optional.of("8f00000000000000-TEST"), e.cfRay());
    assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
    assertTrue(e.getMessage().contains(String.valueOf(code)), e.getMessage());
    assertTrue(e.getMessage().contains("8f00000000000000-TEST"), e.getMessage());
  }

  @Test
  void errorDetailsAreAllKept() {
    server.enqueueJson(400, Fixtures.read("error-400.json"));
    ApiMessage error = fail(0).errors().get(0);
    assertEquals(1004, error.code());
    assertEquals("per_page must be between 1 and 1000", error.message());
    assertEquals(Optional.of("https://developers.cloudflare.com/api/"), error.documentationUrl());
    assertEquals(Optional.of("/per_page"), error.sourcePointer());
  }

  /** A firewall's block page is a 403 too, but says nothing about the credentials. */
  @Test
  void aBlockPageIsAPermissionDenialThatDoesNotBlameTheCredentials() {
    server.enqueue(
        new MockResponse.Builder()
            .code(403)
            .addHeader("Content-Type", "text/html")
            .body(
                "<!DOCTYPE html><html><title>Attention Required!</title><body><h1>Sorry, you have"
                    + " been blocked</h1></body></html>")
            .build());
    HttpResponseException e = fail(0);
    assertInstanceOf(PermissionDeniedException.class, e);
    assertTrue(e.getMessage().contains("Sorry, you have been blocked"), e.getMessage());
    assertTrue(e.getMessage().contains("before the credentials were checked"), e.getMessage());
    assertFalse(e.getMessage().contains("lack a permission"), e.getMessage());

    server.enqueueJson(403, Fixtures.read("error-403.json"));
    assertTrue(fail(0).getMessage().contains("lack a permission"));
  }

  @Test
  void htmlFromAProxyBecomesAServerErrorWithAnExcerpt() {
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .addHeader("Content-Type", "text/html")
            .body("<html><body><h1>502 Bad Gateway</h1>\n<p>cloudflare</p></body></html>")
            .build());
    HttpResponseException e = fail(0);
    assertInstanceOf(ServerException.class, e);
    assertTrue(e.getMessage().contains("502 Bad Gateway"), e.getMessage());
    assertTrue(e.errors().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<html>oops</html>",
        "{\"success\": true, \"result\": [",
        "{\"success\": true, \"result\": {\"not\": \"an array\"}}",
        "{\"success\": true, \"result\": [{\"id\": \"a\"}",
        "{\"success\": true, \"result\": [{\"id\": \"a\"}, {\"id\": \"b\"]}",
        "{\"success\": true, \"result\": \"[]\"}",
        "[]",
        "",
        "{\"success\": true, \"result\": []} trailing"
      })
  void bodiesThatAreNotTheSpecsJsonAreUnexpectedResponses(String body) {
    server.enqueueJson(200, body);
    HttpResponseException e = fail(0);
    assertInstanceOf(UnexpectedResponseException.class, e, e.getMessage());
    assertEquals(200, e.statusCode());
  }

  /**
   * A 200 body that is not a page (Cloudflare's CSV export, a proxy's HTML, JSON cut short) gets a
   * message of ours: the status, the Content-Type, an excerpt, what was expected and what to do;
   * never the JSON parser's advice or its name.
   */
  @ParameterizedTest
  @MethodSource("bodiesThatAreNotPages")
  void aBodyThatIsNotAPageIsDescribedInOurWords(String type, String body, String begins) {
    server.enqueue(
        new MockResponse.Builder().code(200).addHeader("Content-Type", type).body(body).build());
    AuditLogsException e = fail(0);
    assertInstanceOf(UnexpectedResponseException.class, e, e.getMessage());
    String message = e.getMessage();
    assertTrue(message.startsWith("Unexpected response (HTTP 200, Content-Type " + type), message);
    assertTrue(message.contains("expected Cloudflare's JSON envelope"), message);
    assertTrue(message.contains("Check that the base URL"), message);
    assertTrue(message.contains("it begins \"" + begins), message);
    for (String internal : List.of("setLenient", "JsonReader", "Moshi", "moshi", "lenient")) {
      assertFalse(message.contains(internal), message);
    }
    assertNull(e.getCause(), "the parser's exception quotes the body: not kept");
  }

  /** Content-Type, body, and how the message's excerpt begins. */
  static Stream<Arguments> bodiesThatAreNotPages() {
    return Stream.of(
        // Cloudflare's export=true answer, as the emulator guesses it
        arguments(
            "text/csv; charset=utf-8",
            "id,when,action.type\r\nd5b0f326,2026-01-01T00:00:00Z,login\r\n",
            "id,when,action.type\\r\\nd5b0f326"),
        // a challenge page from a proxy, with status 200
        arguments(
            "text/html",
            "<html><head><title>Just a moment...</title></head><body>checking</body></html>",
            "<html><head><title>Just a moment"),
        // JSON cut short
        arguments(
            "application/json",
            "{\"success\": true, \"result\": [{\"id\": \"a\", \"when\":",
            "{\"success\": true, \"result\""),
        // JSON with a single-quoted string and trailing text: Moshi would advise lenience
        arguments(
            "application/json",
            "{\"success\": true, \"result\": [{\"id\": 'a'}], \"x\": 'b'}",
            "{\"success\": true"),
        arguments("application/json", "[{\"id\": \"a\"}]", "[{\"id\""),
        arguments("text/plain", "true", "true"));
  }

  @Test
  void theExcerptIsBoundedScrubbedAndOneLine() {
    String body = "<p>\u202e" + ContractServer.TOKEN + "\r\n\u0007" + "y".repeat(10_000) + "</p>";
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "text/html; x=" + ContractServer.TOKEN)
            .body(body)
            .build());
    String message = fail(0).getMessage();
    assertSecretFree(message);
    assertTrue(message.contains("it begins \"<p>\\u202e[REDACTED]\\r\\n\\u0007yyy"), message);
    assertFalse(message.contains("\n") || message.contains("\u202e"), message);
    assertTrue(message.length() < 700, message.length() + ": " + message);
    assertTrue(message.contains("…\"."), message);
  }

  @Test
  void aBodyWithoutContentTypeSaysSo() {
    server.enqueue(new MockResponse.Builder().code(200).body("id,when\r\n").build());
    String message = fail(0).getMessage();
    assertTrue(message.startsWith("Unexpected response (HTTP 200, no Content-Type"), message);
  }

  @Test
  void deeplyNestedRecordIsSkippedNotAStackOverflowAndTheOthersAreDelivered() {
    server.enqueueJson(
        200,
        "{\"success\": true, \"result\": [{\"id\": \"a\"}, {\"metadata\": "
            + "[".repeat(100_000)
            + "]".repeat(100_000)
            + "}, {\"id\": \"c\"}]}");
    try (AuditLogsClient client = server.client().build()) {
      AuditLogPage page = client.list(AuditLogQuery.all());
      assertEquals(
          List.of(Optional.of("a"), Optional.of("c")),
          page.records().stream().map(AuditLog::id).toList());
      assertEquals(1, page.skipped().get(0).index());
      assertEquals("not valid JSON", page.skipped().get(0).reason());
    }
  }

  @Test
  void successFalseWithStatus200IsAnUnexpectedResponseWithTheErrors() {
    server.enqueueJson(200, Fixtures.read("error-403.json"));
    HttpResponseException e = fail(0);
    assertInstanceOf(UnexpectedResponseException.class, e);
    assertEquals(9109, e.errors().get(0).code());
    assertTrue(e.getMessage().contains("success: false"), e.getMessage());
  }

  @Test
  void aServerEchoingTheCredentialsCannotPutThemInAMessage() {
    String echo =
        "{\"success\": false, \"result\": null, \"messages\": [], \"errors\": [{\"code\": 10000,"
            + " \"message\": \"bad token Bearer "
            + ContractServer.TOKEN
            + "\", \"source\": {\"pointer\": \""
            + ContractServer.TOKEN
            + "\"}}]}";
    server.enqueueJson(401, echo);
    HttpResponseException e = fail(0);
    assertSecretFree(e.getMessage());
    assertSecretFree(e.toString());
    assertSecretFree(e.errors().toString());
    server.enqueue(
        new MockResponse.Builder().code(502).body("<p>" + ContractServer.TOKEN + "</p>").build());
    HttpResponseException html = fail(0);
    assertSecretFree(html.getMessage());
  }

  @Test
  void aHugeBodyIsCutOffAtTheCap() {
    StringBuilder body = new StringBuilder("{\"success\": true, \"result\": [");
    String record = "{\"id\": \"" + "x".repeat(1000) + "\"},";
    while (body.length() < RetryingCaller.MAX_PAGE_BYTES + 1024) {
      body.append(record);
    }
    body.append("{}]}");
    server.enqueueJson(200, body.toString());
    HttpResponseException e = fail(0);
    assertInstanceOf(UnexpectedResponseException.class, e);
    assertTrue(e.getMessage().contains("cap"), e.getMessage());
  }
}
