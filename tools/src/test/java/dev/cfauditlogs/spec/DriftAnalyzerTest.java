package dev.cfauditlogs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.spec.DriftReport.Finding;
import dev.cfauditlogs.spec.DriftReport.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-made changes to the slice, each with the classification this client needs. */
class DriftAnalyzerTest {
  private static final Map<String, Object> BASE = Slicer.slice(Fixtures.cloudflareMin());

  static Stream<Arguments> changes() {
    return Stream.of(
        change(
            "per_page maximum lowered",
            d -> param(d, "per_page").put("maximum", 500),
            Severity.BREAKING,
            "parameter per_page (query): maximum lowered from 1000 to 500 (a request sending 1000 is now out of range)"),
        change(
            "per_page minimum raised",
            d -> param(d, "per_page").put("minimum", 10),
            Severity.BREAKING,
            "parameter per_page (query): minimum raised from 1 to 10"),
        change(
            "per_page maximum raised",
            d -> param(d, "per_page").put("maximum", 5000),
            Severity.NON_BREAKING,
            "parameter per_page (query): maximum raised from 1000 to 5000"),
        change(
            "page minimum lowered",
            d -> param(d, "page").put("minimum", 0),
            Severity.NON_BREAKING,
            "parameter page (query): minimum lowered from 1 to 0"),
        change(
            "page maximum added",
            d -> param(d, "page").put("maximum", 100),
            Severity.BREAKING,
            "parameter page (query): maximum 100 added"),
        change(
            "per_page default changed",
            d -> param(d, "per_page").put("default", 50),
            Severity.NON_BREAKING,
            "parameter per_page (query): default changed from 100 to 50"),
        change(
            "page retyped",
            d -> param(d, "page").put("type", "string"),
            Severity.BREAKING,
            "parameter page (query): type changed from 'number' to 'string'"),
        change(
            "actor.email format dropped",
            d -> param(d, "actor.email").remove("format"),
            Severity.BREAKING,
            "parameter actor.email (query): format changed from 'email' to (none)"),
        change(
            "new optional parameter (the generated method gains an argument)",
            d -> params(d).add(queryParam("actor.type", false)),
            Severity.BREAKING,
            "parameter actor.type (query): new optional parameter (the generated method gains an"
                + " argument"),
        change(
            "parameters reordered (positional arguments may swap silently)",
            d -> {
              List<Object> list = params(d);
              Object first = list.remove(0);
              list.add(1, first);
            },
            Severity.BREAKING,
            "parameters: order changed from [id (query), export (query)"),
        change(
            "new required parameter",
            d -> params(d).add(queryParam("account_id", true)),
            Severity.BREAKING,
            "parameter account_id (query): new required parameter"),
        change(
            "parameter now required",
            d -> Fixtures.parameter(d, "export").put("required", true),
            Severity.BREAKING,
            "parameter export (query): now required"),
        change(
            "parameter removed",
            d -> params(d).remove(Fixtures.parameter(d, "export")),
            Severity.BREAKING,
            "parameter export (query): removed (requests sending it may be rejected)"),
        change(
            "parameter renamed",
            d -> Fixtures.parameter(d, "zone.name").put("name", "zone_name"),
            Severity.BREAKING,
            "parameter zone.name (query): renamed? zone.name -> zone_name (same schema; requests using"
                + " the old name are no longer understood)"),
        change(
            "enum value removed",
            d -> param(d, "direction").put("enum", new ArrayList<>(List.of("desc"))),
            Severity.BREAKING,
            "parameter direction (query): enum value 'asc' removed (requests sending it may be rejected)"),
        change(
            "enum value added",
            d ->
                param(d, "direction")
                    .put("enum", new ArrayList<>(List.of("desc", "asc", "relevance"))),
            Severity.NON_BREAKING,
            "parameter direction (query): enum value 'relevance' added"),
        change(
            "response field removed",
            d -> auditLogProperties(d).remove("interface"),
            Severity.BREAKING,
            "response 200 application/json: oneOf[0].result[].interface: field removed (the client no"
                + " longer receives it)"),
        change(
            "response field added",
            d ->
                auditLogProperties(d).put("account", new LinkedHashMap<>(Map.of("type", "string"))),
            Severity.NON_BREAKING,
            "response 200 application/json: oneOf[0].result[].account: field added"),
        change(
            "response field retyped",
            d -> Trees.map(auditLogProperties(d), "when").put("format", "date"),
            Severity.BREAKING,
            "response 200 application/json: oneOf[0].result[].when: format changed from 'date-time' to 'date'"),
        change(
            "response nested field removed",
            d -> Trees.map(Trees.map(auditLogProperties(d), "actor"), "properties").remove("email"),
            Severity.BREAKING,
            "response 200 application/json: oneOf[0].result[].actor.email: field removed"),
        change(
            "response enum value added",
            d ->
                Trees.map(
                        Trees.map(Trees.map(auditLogProperties(d), "actor"), "properties"), "type")
                    .put("enum", new ArrayList<>(List.of("user", "admin", "Cloudflare", "robot"))),
            Severity.NON_BREAKING,
            "response 200 application/json: oneOf[0].result[].actor.type: enum value 'robot' added (this"
                + " client decodes it as an unknown value)"),
        change(
            "response field may now be null",
            d -> Trees.map(auditLogProperties(d), "id").put("nullable", true),
            Severity.BREAKING,
            "response 200 application/json: oneOf[0].result[].id: may now be null"),
        change(
            "response field no longer required",
            d -> messageItem(d).put("required", new ArrayList<>(List.of("message"))),
            Severity.BREAKING,
            "response 200 application/json: oneOf[0].errors[].code: no longer required (responses may leave it out)"),
        change(
            "new response variant",
            d ->
                Trees.list(
                        Fixtures.component(d, "schemas", "aaa_audit_logs_response_collection"),
                        "oneOf")
                    .add(Map.of("type", "string")),
            Severity.BREAKING,
            "response 200 application/json: oneOf[2]: added (a response of the new kind may not decode)"),
        change(
            "success response removed",
            d -> Trees.map(Fixtures.operation(d), "responses").remove("200"),
            Severity.BREAKING,
            "response 200: removed"),
        change(
            "security scheme removed",
            d -> {
              Trees.list(Fixtures.operation(d), "security").remove(1);
              Trees.map(Trees.map(d, "components"), "securitySchemes").remove("api_email");
              Trees.map(Trees.map(d, "components"), "securitySchemes").remove("api_key");
            },
            Severity.BREAKING,
            "security: alternative api_email + api_key removed"),
        change(
            "security scheme changed",
            d -> Fixtures.component(d, "securitySchemes", "api_token").put("scheme", "basic"),
            Severity.BREAKING,
            "security scheme api_token: scheme changed from 'bearer' to 'basic'"),
        change(
            "operationId changed",
            d -> Fixtures.operation(d).put("operationId", "audit-logs-list"),
            Severity.BREAKING,
            "operation: operationId changed from 'audit-logs-get-user-audit-logs' to 'audit-logs-list'"
                + " (the generated method is named after it)"),
        change(
            "page branch retyped: the report goes on beneath the type",
            d -> {
              Map<String, Object> page = pageBranch(d);
              page.put("type", "array");
              Trees.map(page, "properties").remove("result_info");
            },
            Severity.BREAKING,
            "response 200 application/json: oneOf[0].result_info: field removed"),
        change(
            "page branch loses its type keyword but keeps its properties",
            d -> pageBranch(d).remove("type"),
            Severity.NON_BREAKING,
            "response 200 application/json: oneOf[0]: type changed from 'object' to (none) (still an"
                + " object by its other keywords)"),
        change(
            "uniqueItems moved from an array to its items (Set getter becomes List)",
            d -> {
              Map<String, Object> messages = Fixtures.component(d, "schemas", "aaa_messages");
              messages.remove("uniqueItems");
              Trees.map(messages, "items").put("uniqueItems", true);
            },
            Severity.BREAKING,
            "response 200 application/json: oneOf[0].errors: uniqueItems changed from true to (none)"
                + " (the generated type changes from Set to List)"),
        change(
            "uniqueItems on an object schema means nothing",
            d -> messageItem(d).put("uniqueItems", true),
            Severity.COSMETIC,
            "response 200 application/json: oneOf[0].errors[]: uniqueItems changed from (none) to"
                + " true (no effect: not an array)"),
        change(
            "description only",
            d -> param(d, "per_page").put("description", "How many per page."),
            Severity.COSMETIC,
            "parameter per_page (query): description changed"),
        change(
            "example only",
            d -> Trees.map(auditLogProperties(d), "when").put("example", "2026-01-01T00:00:00Z"),
            Severity.COSMETIC,
            "response 200 application/json: oneOf[0].result[].when: example changed"),
        change(
            "summary only",
            d -> Fixtures.operation(d).put("summary", "User audit logs"),
            Severity.COSMETIC,
            "operation: summary changed"));
  }

  private static Map<String, Object> pageBranch(Map<String, Object> d) {
    return Trees.asMap(
        Trees.list(Fixtures.component(d, "schemas", "aaa_audit_logs_response_collection"), "oneOf")
            .get(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void classifiesAHandMadeChange(
      String name, Consumer<Map<String, Object>> mutation, Severity expected, String line) {
    Map<String, Object> changed = Fixtures.deepCopy(BASE);
    mutation.accept(changed);

    DriftReport report = DriftAnalyzer.compare(BASE, changed);

    List<String> lines = report.findings().stream().map(f -> f.where() + ": " + f.what()).toList();
    assertTrue(
        report.findings().stream()
            .anyMatch(
                f -> f.severity() == expected && (f.where() + ": " + f.what()).startsWith(line)),
        () -> "expected " + expected + " '" + line + "' in " + report.findings());
    Severity worst =
        report.findings().stream().map(Finding::severity).min(Enum::compareTo).orElseThrow();
    assertEquals(expected, worst, () -> "the worst finding decides: " + lines);
  }

  @Test
  void theAccountOperationIsComparedToo() {
    Map<String, Object> changed = Fixtures.deepCopy(BASE);
    Map<String, Object> account =
        Trees.map(Trees.map(Trees.map(changed, "paths"), Slicer.ACCOUNT_PATH), Slicer.METHOD);
    for (Object p : Trees.list(account, "parameters")) {
      if ("per_page".equals(Trees.asMap(p).get("name"))) {
        Trees.asMap(Trees.asMap(p).get("schema")).put("maximum", 500);
      }
    }
    DriftReport report = DriftAnalyzer.compare(BASE, changed);
    assertEquals(
        List.of(
            "BREAKING      GET /accounts/{account_id}/audit_logs parameter per_page (query):"
                + " maximum lowered from 1000 to 500 (a request sending 1000 is now out of range)"),
        report.findings().stream().map(Finding::toString).toList());
  }

  @Test
  void anAccountOperationGoneIsBreakingAndOneNewIsNot() {
    Map<String, Object> without = Fixtures.deepCopy(BASE);
    Trees.map(without, "paths").remove(Slicer.ACCOUNT_PATH);

    DriftReport gone = DriftAnalyzer.compare(BASE, without);
    assertTrue(gone.hasBreaking());
    assertTrue(
        gone.findings().stream()
            .anyMatch(
                f ->
                    f.severity() == Severity.BREAKING
                        && f.where().equals("GET /accounts/{account_id}/audit_logs operation")
                        && f.what().equals("removed")),
        gone.findings()::toString);

    DriftReport added = DriftAnalyzer.compare(without, BASE);
    assertFalse(added.hasBreaking(), added.findings()::toString);
    assertTrue(
        added.findings().stream()
            .anyMatch(
                f ->
                    f.severity() == Severity.NON_BREAKING
                        && f.where().equals("GET /accounts/{account_id}/audit_logs operation")
                        && f.what().equals("added")),
        added.findings()::toString);
  }

  @Test
  void identicalSlicesHaveNoFindings() {
    DriftReport report = DriftAnalyzer.compare(BASE, Fixtures.deepCopy(BASE));
    assertTrue(report.isEmpty());
    assertEquals(
        "Drift report for GET /user/audit_logs and GET /accounts/{account_id}/audit_logs: old -> new\n  no differences\n",
        report.render("old", "new"));
  }

  @Test
  void theReportListsBreakingChangesFirstWithASummary() {
    Map<String, Object> changed = Fixtures.deepCopy(BASE);
    param(changed, "per_page").put("description", "Per page.");
    param(changed, "per_page").put("maximum", 5000);
    param(changed, "page").put("maximum", 100);

    String text =
        DriftAnalyzer.compare(BASE, changed).render("upstream-slice.yaml", "upstream.json");

    assertEquals(
        String.join(
            "\n",
            "Drift report for GET /user/audit_logs and GET /accounts/{account_id}/audit_logs: upstream-slice.yaml -> upstream.json",
            "  BREAKING      parameter page (query): maximum 100 added",
            "  non-breaking  parameter per_page (query): maximum raised from 1000 to 5000",
            "  cosmetic      parameter per_page (query): description changed",
            "1 breaking, 1 non-breaking, 1 cosmetic",
            ""),
        text);
  }

  @Test
  void comparesThroughReferenceCycles() {
    Map<String, Object> base =
        Slicer.slice(Fixtures.load(Fixtures.REFS_AND_CYCLES), Slicer.PATH, Slicer.METHOD);
    Map<String, Object> changed = Fixtures.deepCopy(base);
    Trees.map(Fixtures.component(changed, "schemas", "node"), "properties").remove("parent");
    Fixtures.component(changed, "schemas", "item_target").put("type", "integer");

    DriftReport report = DriftAnalyzer.compare(base, changed);

    List<String> lines = report.findings().stream().map(Finding::toString).toList();
    assertTrue(
        lines.contains(
            "BREAKING      response 200 application/json: allOf[0].parent: field removed (the client no longer receives it)"),
        lines::toString);
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.startsWith("BREAKING")
                        && l.contains("list[]: type changed from 'string' to 'integer'")),
        lines::toString);
  }

  @Test
  void aRenamedSchemaIsBreakingBecauseGeneratedNamesFollowIt() {
    Map<String, Object> changed = Fixtures.deepCopy(BASE);
    Map<String, Object> schemas = Trees.map(Trees.map(changed, "components"), "schemas");
    schemas.put("aaa_audit_log", schemas.remove("aaa_audit-logs"));
    Trees.map(oneOfResultProperties(changed), "result")
        .put("items", Map.of("$ref", "#/components/schemas/aaa_audit_log"));

    DriftReport report = DriftAnalyzer.compare(BASE, changed);

    assertTrue(report.hasBreaking());
    assertEquals(
        "response 200 application/json: oneOf[0].result[]", report.findings().get(0).where());
    assertEquals(
        "schema aaa_audit-logs replaced by aaa_audit_log (generated model names follow schema names)",
        report.findings().get(0).what());
    assertFalse(report.findings().stream().anyMatch(f -> f.what().contains("field removed")));
  }

  private static Arguments change(
      String name, Consumer<Map<String, Object>> mutation, Severity severity, String line) {
    return Arguments.of(name, mutation, severity, line);
  }

  private static Map<String, Object> param(Map<String, Object> doc, String name) {
    return Trees.map(Fixtures.parameter(doc, name), "schema");
  }

  private static List<Object> params(Map<String, Object> doc) {
    return Trees.list(Fixtures.operation(doc), "parameters");
  }

  private static Map<String, Object> queryParam(String name, boolean required) {
    Map<String, Object> param = new LinkedHashMap<>();
    param.put("in", "query");
    param.put("name", name);
    if (required) {
      param.put("required", true);
    }
    param.put("schema", new LinkedHashMap<>(Map.of("type", "string", "description", "A filter.")));
    return param;
  }

  private static Map<String, Object> auditLogProperties(Map<String, Object> doc) {
    return Trees.map(Fixtures.component(doc, "schemas", "aaa_audit-logs"), "properties");
  }

  private static Map<String, Object> messageItem(Map<String, Object> doc) {
    return Trees.map(Fixtures.component(doc, "schemas", "aaa_messages"), "items");
  }

  private static Map<String, Object> oneOfResultProperties(Map<String, Object> doc) {
    Map<String, Object> collection =
        Fixtures.component(doc, "schemas", "aaa_audit_logs_response_collection");
    return Trees.map(Trees.asMap(Trees.list(collection, "oneOf").get(0)), "properties");
  }
}
