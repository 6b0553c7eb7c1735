package dev.cfauditlogs.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Pins what the client depends on in the effective spec ({@code openapi/effective.yaml}, the
 * upstream slice plus {@code openapi/overlay.yaml}) for both operations, {@code GET
 * /user/audit_logs} and {@code GET /accounts/{account_id}/audit_logs} (every per-operation test
 * runs for each): parameters, bounds, formats, the date union, security, record fields and their
 * types, and the envelope shapes the overlay corrects. Prose (descriptions, examples, extensions)
 * is deliberately not pinned: a reworded description upstream must not fail the build.
 */
class EffectiveSpecTest {
  static final Path SLICE = Path.of("..", "openapi", "effective.yaml");

  static final String USER = "/user/audit_logs";
  static final String ACCOUNT = "/accounts/{account_id}/audit_logs";

  static Map<String, Object> spec;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = Files.newInputStream(SLICE)) {
      spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
  }

  static Map<String, Object> operation(String path) {
    return map(map(map(spec, "paths"), path), "get");
  }

  /** The operation's query parameters' schemas by name. */
  static Map<String, Map<String, Object>> params(String path) {
    Map<String, Map<String, Object>> params = new LinkedHashMap<>();
    for (Object p : list(operation(path), "parameters")) {
      Map<String, Object> param = cast(p);
      if ("path".equals(param.get("in"))) {
        continue;
      }
      assertEquals(
          "query", param.get("in"), "every other parameter is a query parameter: " + param);
      params.put((String) param.get("name"), map(param, "schema"));
    }
    return params;
  }

  @Test
  void openApiVersionAndServer() {
    assertTrue(String.valueOf(spec.get("openapi")).startsWith("3.0."));
    Map<String, Object> server = cast(list(spec, "servers").get(0));
    assertEquals("https://api.cloudflare.com/client/v4", server.get("url"));
  }

  @Test
  void onlyTheTwoOperations() {
    assertEquals(Set.of(USER, ACCOUNT), map(spec, "paths").keySet());
    assertEquals(Set.of("get"), map(map(spec, "paths"), USER).keySet());
    assertEquals(Set.of("get"), map(map(spec, "paths"), ACCOUNT).keySet());
    assertEquals("audit-logs-get-user-audit-logs", operation(USER).get("operationId"));
    assertEquals("audit-logs-get-account-audit-logs", operation(ACCOUNT).get("operationId"));
  }

  @Test
  void theAccountOperationTakesARequiredAccountIdPathParameter() {
    List<Map<String, Object>> inPath =
        list(operation(ACCOUNT), "parameters").stream()
            .map(p -> EffectiveSpecTest.<Map<String, Object>>cast(p))
            .filter(p -> "path".equals(p.get("in")))
            .toList();
    assertEquals(1, inPath.size(), () -> "path parameters: " + inPath);
    assertEquals("account_id", inPath.get(0).get("name"));
    assertEquals(true, inPath.get(0).get("required"));
    assertEquals("#/components/schemas/aaa_identifier", map(inPath.get(0), "schema").get("$ref"));
    Map<String, Object> identifier = schemas().get("aaa_identifier");
    assertEquals("string", identifier.get("type"));
    assertEquals(32, identifier.get("maxLength"));
    assertTrue(
        list(operation(USER), "parameters").stream()
            .noneMatch(p -> "path".equals(((Map<?, ?>) p).get("in"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {USER, ACCOUNT})
  void allTwelveQueryParametersWithExactNames(String path) {
    Map<String, Map<String, Object>> params = params(path);
    // A new optional parameter upstream is no concern of the client's; losing one is.
    List<String> names = List.copyOf(params.keySet());
    assertTrue(
        names.containsAll(
            List.of(
                "id",
                "export",
                "action.type",
                "actor.ip",
                "actor.email",
                "since",
                "before",
                "zone.name",
                "direction",
                "per_page",
                "page",
                "hide_user_logs")),
        () -> "parameters: " + names);
  }

  @ParameterizedTest
  @ValueSource(strings = {USER, ACCOUNT})
  void stringParameters(String path) {
    Map<String, Map<String, Object>> params = params(path);
    for (String name : List.of("id", "action.type", "actor.ip", "zone.name")) {
      assertEquals("string", params.get(name).get("type"), name);
      assertFalse(params.get(name).containsKey("format"), name);
    }
    assertEquals("string", params.get("actor.email").get("type"));
    assertEquals("email", params.get("actor.email").get("format"));
  }

  @ParameterizedTest
  @ValueSource(strings = {USER, ACCOUNT})
  void booleanParameters(String path) {
    Map<String, Map<String, Object>> params = params(path);
    assertEquals("boolean", params.get("export").get("type"));
    assertFalse(params.get("export").containsKey("default"));
    assertEquals("boolean", params.get("hide_user_logs").get("type"));
    assertEquals(false, params.get("hide_user_logs").get("default"));
  }

  @ParameterizedTest
  @ValueSource(strings = {USER, ACCOUNT})
  void directionIsAnEnumOfDescAndAsc(String path) {
    Map<String, Map<String, Object>> params = params(path);
    assertEquals("string", params.get("direction").get("type"));
    assertEquals(List.of("desc", "asc"), params.get("direction").get("enum"));
    assertEquals("desc", params.get("direction").get("default"));
  }

  @ParameterizedTest
  @ValueSource(strings = {USER, ACCOUNT})
  void pagingNumbersWithDefaultsAndBounds(String path) {
    Map<String, Map<String, Object>> params = params(path);
    Map<String, Object> perPage = params.get("per_page");
    assertEquals("number", perPage.get("type"));
    assertEquals(100, perPage.get("default"));
    assertEquals(1, perPage.get("minimum"));
    assertEquals(1000, perPage.get("maximum"));

    Map<String, Object> page = params.get("page");
    assertEquals("number", page.get("type"));
    assertEquals(1, page.get("default"));
    assertEquals(1, page.get("minimum"));
    assertFalse(page.containsKey("maximum"));
  }

  @ParameterizedTest
  @ValueSource(strings = {USER, ACCOUNT})
  void sinceAndBeforeAreOneOfDateAndDateTime(String path) {
    Map<String, Map<String, Object>> params = params(path);
    for (String name : List.of("since", "before")) {
      List<Object> variants = list(params.get(name), "oneOf");
      assertEquals(2, variants.size(), name);
      Map<String, Object> fullDate = cast(variants.get(0));
      Map<String, Object> dateTime = cast(variants.get(1));
      assertEquals("string", fullDate.get("type"));
      assertEquals("date", fullDate.get("format"));
      assertEquals("string", dateTime.get("type"));
      assertEquals("date-time", dateTime.get("format"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {USER, ACCOUNT})
  void bearerTokenOrEmailPlusKeyTogether(String path) {
    Map<String, Object> operation = operation(path);
    List<Object> security = list(operation, "security");
    assertEquals(
        List.of(
            Map.of("api_token", List.of()), Map.of("api_email", List.of(), "api_key", List.of())),
        security);

    Map<String, Object> schemes = map(map(spec, "components"), "securitySchemes");
    assertEquals("http", map(schemes, "api_token").get("type"));
    assertEquals("bearer", map(schemes, "api_token").get("scheme"));
    assertEquals("apiKey", map(schemes, "api_email").get("type"));
    assertEquals("header", map(schemes, "api_email").get("in"));
    assertEquals("X-Auth-Email", map(schemes, "api_email").get("name"));
    assertEquals("apiKey", map(schemes, "api_key").get("type"));
    assertEquals("header", map(schemes, "api_key").get("in"));
    assertEquals("X-Auth-Key", map(schemes, "api_key").get("name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {USER, ACCOUNT})
  void responses(String path) {
    Map<String, Object> operation = operation(path);
    Map<String, Object> responses = map(operation, "responses");
    assertEquals(Set.of("200", "4XX"), responses.keySet());
    assertEquals(
        "#/components/schemas/aaa_audit_logs_response_collection",
        jsonSchema(map(responses, "200")).get("$ref"));
    assertEquals(
        List.of(
            Map.of("$ref", "#/components/schemas/aaa_audit_logs_response_collection"),
            Map.of("$ref", "#/components/schemas/aaa_api-response-common-failure")),
        list(jsonSchema(map(responses, "4XX")), "allOf"));
  }

  @Test
  void componentSchemasKeepTheirUpstreamNames() {
    assertTrue(
        schemas()
            .keySet()
            .containsAll(
                List.of(
                    "aaa_audit-logs",
                    "aaa_messages",
                    "aaa_api-response-common",
                    "aaa_api-response-common-failure",
                    "aaa_audit_logs_response_collection",
                    "observed_result_info")),
        () -> "schemas: " + schemas().keySet());
  }

  @Test
  void auditLogSchemaFieldsAndTypes() {
    Map<String, Object> props = map(schemas().get("aaa_audit-logs"), "properties");
    assertTrue(
        props
            .keySet()
            .containsAll(
                Set.of(
                    "action",
                    "actor",
                    "id",
                    "interface",
                    "metadata",
                    "newValue",
                    "oldValue",
                    "owner",
                    "resource",
                    "when")),
        () -> "fields: " + props.keySet());
    assertFalse(schemas().get("aaa_audit-logs").containsKey("required"), "every field is optional");
    Map<String, Object> when = map(props, "when");
    assertEquals("date-time", when.get("format"));
    assertEquals("string", when.get("type"));
    for (String field : List.of("id", "interface", "newValue", "oldValue")) {
      assertEquals("string", map(props, field).get("type"), field);
    }
    assertEquals("object", map(props, "metadata").get("type"));
    assertEquals(
        "#/components/schemas/aaa_identifier",
        map(map(map(props, "owner"), "properties"), "id").get("$ref"));
    Map<String, Object> actor = map(map(props, "actor"), "properties");
    assertEquals(List.of("user", "admin", "Cloudflare"), map(actor, "type").get("enum"));
    assertEquals("email", map(actor, "email").get("format"));
    Map<String, Object> action = map(map(props, "action"), "properties");
    assertEquals("boolean", map(action, "result").get("type"));
    assertEquals("string", map(action, "type").get("type"));
  }

  @Test
  void messagesSchema() {
    Map<String, Object> messages = schemas().get("aaa_messages");
    assertEquals("array", messages.get("type"));
    Map<String, Object> item = map(messages, "items");
    assertEquals(List.of("code", "message"), item.get("required"));
    Map<String, Object> props = map(item, "properties");
    assertEquals(
        Set.of("code", "message", "documentation_url", "source", "error_chain"), props.keySet());
    assertEquals("integer", map(props, "code").get("type"));
    assertEquals(1000, map(props, "code").get("minimum"));
    assertEquals("string", map(props, "message").get("type"));
    assertEquals("string", map(map(map(props, "source"), "properties"), "pointer").get("type"));
    Map<String, Object> chainItem = map(map(props, "error_chain"), "items");
    assertEquals(Set.of("code", "message"), map(chainItem, "properties").keySet());
  }

  @Test
  void envelopes() {
    Map<String, Object> common = schemas().get("aaa_api-response-common");
    assertEquals(Set.of("errors", "messages", "success"), map(common, "properties").keySet());
    assertEquals(List.of("success", "errors", "messages"), common.get("required"));

    Map<String, Object> failure = schemas().get("aaa_api-response-common-failure");
    Map<String, Object> failureProps = map(failure, "properties");
    assertEquals(Set.of("errors", "messages", "success"), failureProps.keySet());
    assertEquals(List.of(false), map(failureProps, "success").get("enum"));

    // The overlay leaves one branch, so a normal page matches exactly one.
    List<Object> variants = list(schemas().get("aaa_audit_logs_response_collection"), "oneOf");
    assertEquals(1, variants.size());
    Map<String, Object> withResult = map(cast(variants.get(0)), "properties");
    assertEquals(
        Set.of("errors", "messages", "result", "result_info", "success"), withResult.keySet());
    assertEquals("array", map(withResult, "result").get("type"));
    assertEquals(true, map(withResult, "result").get("nullable"), "error bodies send null");
    assertEquals(
        "#/components/schemas/aaa_audit-logs", map(map(withResult, "result"), "items").get("$ref"));
    assertEquals(
        "#/components/schemas/observed_result_info", map(withResult, "result_info").get("$ref"));
  }

  @Test
  void resultInfoIsOptionalWithTheFiveFacts() {
    Map<String, Object> info = schemas().get("observed_result_info");
    assertFalse(info.containsKey("required"));
    assertEquals(
        Set.of("page", "per_page", "count", "total_count", "total_pages"),
        map(info, "properties").keySet());
    assertEquals(
        Set.of("number"),
        map(info, "properties").values().stream()
            .map(v -> ((Map<?, ?>) v).get("type"))
            .collect(Collectors.toSet()));
  }

  private static Map<String, Object> jsonSchema(Map<String, Object> response) {
    return map(map(map(response, "content"), "application/json"), "schema");
  }

  private static Map<String, Map<String, Object>> schemas() {
    return cast(map(map(spec, "components"), "schemas"));
  }

  private static Map<String, Object> map(Map<String, ?> parent, String key) {
    Object value = parent.get(key);
    assertTrue(value instanceof Map, () -> "expected an object at '" + key + "' but was " + value);
    return cast(value);
  }

  private static List<Object> list(Map<String, ?> parent, String key) {
    Object value = parent.get(key);
    assertTrue(value instanceof List, () -> "expected a list at '" + key + "' but was " + value);
    return cast(value);
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
