package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of response the emulator sends on purpose validates against {@code
 * ../openapi/effective.yaml}. The deliberately broken fault bodies (HTML 502, truncated body,
 * dropped connection) and the CSV export, which the slice does not describe, are left out; 404 and
 * 405 are left out because the slice has no operation for them.
 */
class ContractTest {
  private static OpenApiInteractionValidator validator;
  private static AuditLogEmulator emulator;
  static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  static final String DENIED = "dddddddddddddddddddddddddddddddd";
  static final String UNKNOWN = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";

  private static AuditLogEmulator bare;
  private static AuditLogEmulator limited;
  private static AuditLogEmulator faulty;

  @BeforeAll
  static void start() throws Exception {
    validator =
        OpenApiInteractionValidator.createFor(testCopyOfTheSlice())
            // OpenAPI allows members a schema does not list unless it says additionalProperties:
            // false, and
            // Cloudflare does send such members; the validator reports them by default.
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel(
                        "validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    emulator =
        AuditLogEmulator.builder()
            .dataset(Dataset.synthetic(42, 250))
            .forbiddenToken("forbidden")
            .accounts(ACCOUNT)
            .deniedAccounts(DENIED)
            .start();
    bare = AuditLogEmulator.builder().dataset(Dataset.synthetic(42, 250)).resultInfo(false).start();
    limited = AuditLogEmulator.builder().rateLimit(1, Duration.ofMinutes(5)).start();
    faulty =
        AuditLogEmulator.builder()
            .faults(1.0, Set.of(FaultKind.SERVER_ERROR, FaultKind.RATE_LIMITED, FaultKind.SLOW), 3)
            .slowFaultDelay(Duration.ofMillis(10))
            .start();
  }

  @AfterAll
  static void stop() {
    for (AuditLogEmulator e : List.of(emulator, bare, limited, faulty)) {
      e.close();
    }
  }

  /**
   * The effective spec ({@code openapi/effective.yaml}: the upstream slice with the overlay, which
   * already corrects the 200 schema's overlapping {@code oneOf}), parsed, with two changes made to
   * this in-memory copy only, for the validator's sake:
   *
   * <ul>
   *   <li>{@code since}/{@code before} are a {@code oneOf} of two string formats; the validator
   *       tries to parse oneOf query values as JSON and so rejects a valid {@code
   *       since=2024-05-01}. They become plain strings.
   *   <li>The spec defines no 5XX response. The emulator sends 5XX only as injected faults, with
   *       the failure envelope; the copy checks them against the {@code 4XX} schema.
   * </ul>
   */
  static OpenAPI testCopyOfTheSlice() throws Exception {
    String yaml = Files.readString(Path.of("..", "openapi", "effective.yaml"));
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
    assertEquals(List.of(), parsed.getMessages() == null ? List.of() : parsed.getMessages());
    OpenAPI api = parsed.getOpenAPI();
    for (String path : List.of("/user/audit_logs", "/accounts/{account_id}/audit_logs")) {
      var operation = api.getPaths().get(path).getGet();
      for (Parameter p : operation.getParameters()) {
        if (p.getName().equals("since") || p.getName().equals("before")) {
          p.setSchema(new StringSchema());
        }
      }
      ApiResponse failure = operation.getResponses().get("4XX");
      operation.getResponses().addApiResponse("5XX", failure);
    }
    return api;
  }

  static Stream<Arguments> responses() {
    return Stream.of(
        Arguments.of("every synthetic record", "main", "per_page=1000", 200),
        Arguments.of("default page", "main", "", 200),
        Arguments.of("without result_info", "bare", "per_page=1000", 200),
        Arguments.of("page past the end", "main", "page=99", 200),
        Arguments.of("empty result", "main", "id=nothing", 200),
        Arguments.of(
            "id", "main", "id=" + Dataset.synthetic(42, 250).logs().get(3).id().orElseThrow(), 200),
        Arguments.of("action.type", "main", "action.type=login", 200),
        Arguments.of("actor.ip CIDR v4", "main", "actor.ip=198.51.100.0/24", 200),
        Arguments.of("actor.ip CIDR v6", "main", "actor.ip=2001:db8::/32", 200),
        Arguments.of("actor.email", "main", "actor.email=michelle@example.com", 200),
        Arguments.of("zone.name", "main", "zone.name=example.com", 200),
        Arguments.of("since full-date", "main", "since=2025-12-10", 200),
        Arguments.of("before date-time", "main", "before=2025-12-20T10:00:00Z", 200),
        Arguments.of("hide_user_logs", "main", "hide_user_logs=true", 200),
        Arguments.of("direction asc", "main", "direction=asc&per_page=50&page=2", 200),
        Arguments.of("bad per_page", "main", "per_page=0", 400),
        Arguments.of("bad direction", "main", "direction=up", 400),
        Arguments.of("bad since", "main", "since=yesterday", 400),
        Arguments.of("bad email", "main", "actor.email=nope", 400),
        Arguments.of("bad actor.ip", "main", "actor.ip=1.2.3", 400),
        Arguments.of("no credentials", "noauth", "", 401),
        Arguments.of("wrong token", "wrongtoken", "", 401),
        Arguments.of("forbidden token", "forbidden", "", 403),
        Arguments.of("rate limited", "limited", "", 429),
        Arguments.of("injected faults (500, 429, slow 200)", "faulty", "", 0),
        Arguments.of("an account: every record", "account", "per_page=1000", 200),
        Arguments.of("an account: action.type", "account", "action.type=login", 200),
        Arguments.of("an account: page past the end", "account", "page=99", 200),
        Arguments.of("an account: bad per_page", "account", "per_page=0", 400),
        Arguments.of("an account: no credentials", "accountnoauth", "", 401),
        Arguments.of("a denied account", "denied", "", 403),
        Arguments.of("an unknown account", "unknown", "", 403),
        Arguments.of("a malformed account id", "malformed", "", 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void responseMatchesTheSlice(String name, String target, String query, int expectedStatus) {
    int rounds = target.equals("faulty") ? 12 : target.equals("limited") ? 2 : 1;
    for (int i = 0; i < rounds; i++) {
      Http.Reply reply = send(target, query);
      if (expectedStatus != 0 && i == rounds - 1) {
        assertEquals(expectedStatus, reply.status, reply.body);
      }
      ValidationReport report =
          validator.validateResponse(
              path(target),
              Request.Method.GET,
              SimpleResponse.Builder.status(reply.status)
                  .withContentType(reply.headers.get("Content-Type"))
                  .withBody(reply.body)
                  .build());
      assertFalse(report.hasErrors(), name + " (" + reply.status + "): " + report.getMessages());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenResponses")
  void theValidatorIsNotBlind(String name, int status, String contentType, String body) {
    ValidationReport report =
        validator.validateResponse(
            "/user/audit_logs",
            Request.Method.GET,
            SimpleResponse.Builder.status(status)
                .withContentType(contentType)
                .withBody(body)
                .build());
    assertTrue(report.hasErrors(), name);
  }

  static Stream<Arguments> brokenResponses() {
    return Stream.of(
        Arguments.of(
            "a record whose when is not a date-time",
            200,
            "application/json",
            "{\"errors\":[],\"messages\":[],\"result\":[{\"when\":\"yesterday\"}],\"success\":true}"),
        Arguments.of(
            "result_info.page as text",
            200,
            "application/json",
            "{\"errors\":[],\"messages\":[],\"result\":[],\"result_info\":{\"page\":\"1\"},"
                + "\"success\":true}"),
        Arguments.of(
            "an error code below 1000 (Cloudflare's 971)",
            429,
            "application/json",
            "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"m\"}],\"messages\":[],"
                + "\"result\":null}"),
        Arguments.of(
            "a failure that says success",
            401,
            "application/json",
            "{\"success\":true,\"errors\":[{\"code\":10000,\"message\":\"m\"}],\"messages\":[]}"),
        Arguments.of("the 502 HTML page", 502, "text/html", Bodies.BAD_GATEWAY_HTML));
  }

  /** The path a target's requests go to (the spec's operation validates the response). */
  private static String path(String target) {
    return switch (target) {
      case "account", "accountnoauth" -> "/accounts/" + ACCOUNT + "/audit_logs";
      case "denied" -> "/accounts/" + DENIED + "/audit_logs";
      case "unknown" -> "/accounts/" + UNKNOWN + "/audit_logs";
      case "malformed" -> "/accounts/NOT-AN-ID/audit_logs";
      default -> "/user/audit_logs";
    };
  }

  private static Http.Reply send(String target, String query) {
    switch (target) {
      case "account":
      case "denied":
      case "unknown":
      case "malformed":
        return Http.get(
            emulator.baseUrl() + path(target) + (query.isEmpty() ? "" : "?" + query),
            okhttp3.Headers.of("Authorization", "Bearer " + emulator.apiToken()));
      case "accountnoauth":
        return Http.get(emulator.baseUrl() + path(target), okhttp3.Headers.of());
      case "bare":
        return Http.get(bare, query);
      case "limited":
        return Http.get(limited, query);
      case "faulty":
        return Http.get(faulty, query);
      case "noauth":
        return Http.get(emulator.baseUrl() + "/user/audit_logs", okhttp3.Headers.of());
      case "wrongtoken":
        return Http.get(
            emulator.baseUrl() + "/user/audit_logs",
            okhttp3.Headers.of("Authorization", "Bearer nope"));
      case "forbidden":
        return Http.get(
            emulator.baseUrl() + "/user/audit_logs",
            okhttp3.Headers.of("Authorization", "Bearer forbidden"));
      default:
        return Http.get(emulator, query);
    }
  }
}
