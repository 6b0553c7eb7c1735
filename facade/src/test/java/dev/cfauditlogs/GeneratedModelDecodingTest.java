package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.generated.invoker.SpecReader;
import dev.cfauditlogs.generated.model.AaaApiResponseCommonFailure;
import dev.cfauditlogs.generated.model.AaaAuditLogs;
import dev.cfauditlogs.generated.model.AaaAuditLogsActor;
import dev.cfauditlogs.generated.model.AaaAuditLogsResponseCollection;
import dev.cfauditlogs.generated.model.AaaMessagesInner;
import dev.cfauditlogs.generated.model.ObservedResultInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The models generated from the slice by our templates: immutable, and read tolerantly by their
 * generated {@code read} methods (what does not match the spec is left out and listed).
 */
class GeneratedModelDecodingTest {
  private static SpecReader reader(String json) {
    return SpecReader.of(json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> mismatches(SpecReader in) {
    return in.mismatches().stream().map(Object::toString).collect(Collectors.toList());
  }

  @Test
  void seedExampleDecodesWithEveryFieldRight() {
    SpecReader in = reader(Fixtures.read("seed-response.json"));
    AaaAuditLogsResponseCollection page = AaaAuditLogsResponseCollection.read(in);

    assertEquals(List.of(), mismatches(in));
    assertEquals(Optional.of(true), page.success());
    assertEquals(Optional.empty(), page.resultInfo());
    AaaMessagesInner error = page.errors().orElseThrow().iterator().next();
    assertEquals(Optional.of(1000), error.code());
    assertEquals(Optional.of("message"), error.message());
    assertEquals(Optional.of("documentation_url"), error.documentationUrl());
    assertEquals(Optional.of("pointer"), error.source().orElseThrow().pointer());

    AaaAuditLogs log = page.result().orElseThrow().get(0);
    assertEquals(Optional.of("d5b0f326-1232-4452-8858-1089bd7168ef"), log.id());
    assertEquals(Optional.of(true), log.action().orElseThrow().result());
    assertEquals(Optional.of("change_setting"), log.action().orElseThrow().type());
    AaaAuditLogsActor actor = log.actor().orElseThrow();
    assertEquals(Optional.of("f6b5de0326bb5182b8a4840ee01ec774"), actor.id());
    assertEquals(Optional.of("michelle@example.com"), actor.email());
    assertEquals(Optional.of("198.41.129.166"), actor.ip());
    assertEquals(Optional.of(AaaAuditLogsActor.TypeEnum.USER), actor.type());
    assertEquals(Optional.of("API"), log.interface_());
    String metadata = log.metadata().orElseThrow(); // free-form: its exact JSON text
    assertTrue(metadata.startsWith("{") && metadata.contains("\"zone_name\": \"example.com\""));
    assertEquals(Optional.of("low"), log.newValue());
    assertEquals(Optional.of("high"), log.oldValue());
    assertEquals(Optional.of("023e105f4ecef8ad9ca31a8372d0c353"), log.owner().orElseThrow().id());
    assertEquals(Optional.of("zone"), log.resource().orElseThrow().type());
    assertEquals(
        Optional.of(OffsetDateTime.of(2017, 4, 26, 17, 31, 7, 0, ZoneOffset.UTC)), log.when());
  }

  @Test
  void everyOddFieldCostsOnlyItselfAndIsListed() {
    SpecReader in =
        reader(
            """
            {"id": 5, "when": 12345, "newValue": {"type": "A", "ttl": 1}, "oldValue": ["x"],
             "interface": true, "metadata": [], "action": {"result": "yes", "type": 7},
             "actor": {"type": "system", "email": null, "ip": "198.51.100.7", "mood": "odd"},
             "owner": "nobody", "resource": {"id": "r-1", "type": {"k": 1}},
             "brand_new_field": 42}
            """);
    AaaAuditLogs log = AaaAuditLogs.read(in);

    assertEquals(
        List.of(
            "id: expected string, found number 5",
            "when: expected string (date-time), found number 12345",
            "newValue: expected string, found object",
            "oldValue: expected string, found array",
            "interface: expected string, found boolean true",
            "metadata: expected object, found array",
            "action.result: expected boolean, found string \"yes\"",
            "action.type: expected string, found number 7",
            "actor.type: expected one of [user, admin, Cloudflare], found string \"system\"",
            "owner: expected object, found string \"nobody\"",
            "resource.type: expected string, found object"),
        mismatches(in));
    assertEquals(Optional.empty(), log.id());
    assertEquals(Optional.empty(), log.when());
    assertEquals(Optional.empty(), log.newValue());
    assertEquals(Optional.empty(), log.metadata());
    assertEquals(Optional.empty(), log.owner());
    assertEquals(Optional.empty(), log.action().orElseThrow().result());
    assertEquals(Optional.empty(), log.actor().orElseThrow().type());
    assertEquals(Optional.empty(), log.actor().orElseThrow().email()); // null is absent
    assertEquals(Optional.of("198.51.100.7"), log.actor().orElseThrow().ip());
    assertEquals(Optional.of("r-1"), log.resource().orElseThrow().id());
  }

  /**
   * Names are matched by their bytes when sent plainly (no string made of them) and by their text
   * when sent with escapes; a name the document does not list is passed over wherever it is; the
   * last of a repeated name wins. The typed view, its mismatch paths and the pager's {@code id} and
   * {@code when} all read the same fields.
   */
  @Test
  void namesAreReadByTheirTextWhateverTheirEscapes() {
    String json =
        """
        {"\\u0069d": "first", "brand_new": {"id": "not this one"}, "id": "log-1",
         "wh\\u0065n": "2026-01-31T10:00:00Z", "act\\u0069on": {"typ\\u0065": 7, "x": 1},
         "actor": {"em\\u0061il": "a@example.com", "ip": "198.51.100.7"}, "interface": "UI"}
        """;
    SpecReader in = reader(json);
    AaaAuditLogs log = AaaAuditLogs.read(in);

    assertEquals(Optional.of("log-1"), log.id());
    assertEquals(
        Optional.of(OffsetDateTime.of(2026, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC)), log.when());
    assertEquals(Optional.of("a@example.com"), log.actor().orElseThrow().email());
    assertEquals(Optional.of("UI"), log.interface_());
    assertEquals(List.of("action.type: expected string, found number 7"), mismatches(in));

    AuditLog record =
        PageElements.record(json.getBytes(StandardCharsets.UTF_8), new Redactor(List.of()));
    assertEquals(Optional.of("log-1"), record.id());
    assertEquals(Optional.of(java.time.Instant.parse("2026-01-31T10:00:00Z")), record.when());
  }

  @Test
  void subSecondAndLowerCaseDateTimesConformButOtherTextDoesNot() {
    SpecReader in =
        reader(
            """
            [{"when": "2026-01-31t10:00:00.123456789z"}, {"when": "2026-01-31T11:00:00.5+01:00"},
             {"when": "yesterday"}, {"when": "2026-01-31 10:00:00Z"}]
            """);
    List<AaaAuditLogs> logs = in.read(SpecReader.listOf(AaaAuditLogs::read));

    assertEquals(
        Optional.of(OffsetDateTime.of(2026, 1, 31, 10, 0, 0, 123_456_789, ZoneOffset.UTC)),
        logs.get(0).when());
    assertEquals(
        Optional.of(OffsetDateTime.of(2026, 1, 31, 11, 0, 0, 500_000_000, ZoneOffset.ofHours(1))),
        logs.get(1).when());
    assertEquals(Optional.empty(), logs.get(2).when());
    assertEquals(
        List.of(
            "[2].when: expected date-time (RFC 3339), found string \"yesterday\"",
            "[3].when: expected date-time (RFC 3339), found string \"2026-01-31 10:00:00Z\""),
        mismatches(in));
  }

  @Test
  void resultInfoAndIntegersAreReadOnlyWhenTheyAreNumbersOfTheRightKind() {
    SpecReader in =
        reader(
            """
            {"page": 2, "per_page": "1000", "count": 0, "total_count": 1e3, "total_pages": null}
            """);
    ObservedResultInfo info = ObservedResultInfo.read(in);
    assertEquals(Optional.of(new BigDecimal("2")), info.page());
    assertEquals(Optional.empty(), info.perPage());
    assertEquals(Optional.of(new BigDecimal("1e3")), info.totalCount());
    assertEquals(Optional.empty(), info.totalPages());
    assertEquals(List.of("per_page: expected number, found string \"1000\""), mismatches(in));

    SpecReader errors =
        reader(
            """
            [{"code": 1000.5, "message": "a"}, {"code": 99999999999, "message": "b"},
             {"code": 7003, "message": "c"}, 42]
            """);
    List<AaaMessagesInner> read = errors.read(SpecReader.listOf(AaaMessagesInner::read));
    assertEquals(3, read.size()); // the non-object element is left out of the typed list
    assertEquals(Optional.empty(), read.get(0).code());
    assertEquals(Optional.empty(), read.get(1).code());
    assertEquals(Optional.of(7003), read.get(2).code());
    assertEquals(
        List.of(
            "[0].code: expected integer, found number 1000.5",
            "[1].code: expected integer, found number 99999999999",
            "[3]: expected object, found number 42"),
        mismatches(errors));
  }

  @Test
  void mismatchesInsideArraysNameTheElement() {
    SpecReader ints = reader("[1, 1.5, \"x\", 1e400, 3, null]");
    assertEquals(List.of(1, 3), ints.read(SpecReader.listOf(SpecReader::int32)));
    assertEquals(
        List.of(
            "[1]: expected integer, found number 1.5",
            "[2]: expected integer, found string \"x\"",
            "[3]: expected integer, found number 1e400"),
        mismatches(ints));

    SpecReader times = reader("[\"yesterday\", \"2026-01-31T10:00:00Z\", 7]");
    assertEquals(1, times.read(SpecReader.listOf(SpecReader::dateTime)).size());
    assertEquals(
        List.of(
            "[0]: expected date-time (RFC 3339), found string \"yesterday\"",
            "[2]: expected string (date-time), found number 7"),
        mismatches(times));
  }

  @Test
  void failureEnvelopeReadsSourcePointerAndErrorChain() {
    SpecReader in =
        reader(
            """
            {"success": false, "result": null, "messages": [],
             "errors": [{"code": 6003, "message": "Invalid request headers",
               "source": {"pointer": "/per_page"},
               "error_chain": [{"code": 6103, "message": "Invalid format for X-Auth-Key header"}]}]}
            """);
    AaaApiResponseCommonFailure failure = AaaApiResponseCommonFailure.read(in);

    assertEquals(Optional.of(false), failure.success());
    AaaMessagesInner error = failure.errors().orElseThrow().iterator().next();
    assertEquals(Optional.of("/per_page"), error.source().orElseThrow().pointer());
    assertEquals(Optional.of(6103), error.errorChain().orElseThrow().iterator().next().code());
    assertEquals(List.of(), mismatches(in), "a null result is absent, an unknown field ignored");
  }

  @Test
  void modelsAreImmutableValues() throws Exception {
    for (Class<?> type :
        List.of(
            AaaAuditLogs.class,
            AaaAuditLogsActor.class,
            ObservedResultInfo.class,
            AaaMessagesInner.class,
            AaaAuditLogsResponseCollection.class)) {
      assertTrue(Modifier.isFinal(type.getModifiers()), type + " is final");
      for (Field field : type.getDeclaredFields()) {
        assertTrue(Modifier.isFinal(field.getModifiers()), field + " is final");
      }
      for (Method method : type.getDeclaredMethods()) {
        assertFalse(method.getName().startsWith("set"), method + " is a setter");
      }
      assertEquals(0, type.getConstructors().length, type + " has a public constructor");
    }
    String json = "{\"id\": \"a\", \"actor\": {\"type\": \"admin\"}}";
    assertEquals(AaaAuditLogs.read(reader(json)), AaaAuditLogs.read(reader(json)));
    assertEquals(
        AaaAuditLogs.read(reader(json)).hashCode(), AaaAuditLogs.read(reader(json)).hashCode());
    assertNull(AaaAuditLogs.read(reader("null")));
  }
}
