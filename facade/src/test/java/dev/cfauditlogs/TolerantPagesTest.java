package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.generated.model.AaaAuditLogs;
import dev.cfauditlogs.generated.model.AaaAuditLogsActor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tolerant reader: one odd record, field or element never fails a page. Every record is delivered
 * exactly as sent; what does not match the spec is listed; what is not a record is skipped and
 * described.
 */
class TolerantPagesTest {
  @RegisterExtension final ContractServer server = new ContractServer();

  private static final String BEFORE =
      "{\"id\":\"r-before\",\"when\":\"2026-07-01T10:00:03Z\",\"newValue\":\"\"}";
  private static final String AFTER =
      "{\"id\":\"r-after\",\"when\":\"2026-07-01T10:00:01Z\",\"newValue\":null}";

  private static String page(List<String> elements) {
    return "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":["
        + String.join(",", elements)
        + "]}";
  }

  private AuditLogPage list(String body) {
    server.enqueueJson(200, body);
    try (AuditLogsClient client = server.client().build()) {
      return client.list(AuditLogQuery.all());
    }
  }

  @Test
  void objectNewValueCaseDeliversAllThreeRecordsExactlyAsSent() {
    List<String> records = Fixtures.read("object-new-value.jsonl").lines().toList();
    AuditLogPage page = list(page(records));

    assertEquals(records, page.records().stream().map(AuditLog::json).toList());
    AuditLog dns = page.records().get(1);
    assertEquals(
        List.of(
            new SpecMismatch("newValue", "string", "object"),
            new SpecMismatch("oldValue", "string", "object")),
        dns.mismatches());
    assertEquals(
        Optional.of(
            "{\"content\":\"192.0.2.10\",\"name\":\"www.example.com\",\"proxied\":true,"
                + "\"ttl\":1,\"type\":\"A\"}"),
        dns.fieldJson("newValue"));
    assertEquals(Optional.empty(), dns.model().newValue());
    assertEquals(Optional.of("rec_set"), dns.model().action().orElseThrow().type());
    assertEquals(List.of(), page.records().get(0).mismatches());
    assertEquals(List.of(), page.records().get(2).mismatches()); // null is absent, not odd
    assertEquals(Optional.of("null"), page.records().get(2).fieldJson("newValue"));
    assertEquals(0, page.skippedCount());
  }

  /** Every JSON type in every field of the spec, nested ones included. */
  static Stream<Arguments> everyTypeInEveryField() {
    List<String> fields =
        List.of(
            "id",
            "when",
            "interface",
            "metadata",
            "newValue",
            "oldValue",
            "action",
            "action.result",
            "action.type",
            "actor",
            "actor.email",
            "actor.id",
            "actor.ip",
            "actor.type",
            "owner",
            "owner.id",
            "resource",
            "resource.id",
            "resource.type");
    List<String> values =
        List.of(
            "{\"kind\":\"A\",\"ttl\":1}",
            "[]",
            "[1,\"x\",null]",
            "7",
            "-1.5e3",
            "true",
            "false",
            "null",
            "\"text\"",
            "\"\"",
            "{}");
    List<Arguments> all = new ArrayList<>();
    for (String field : fields) {
      for (String value : values) {
        all.add(Arguments.of(field, value));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("everyTypeInEveryField")
  void anyJsonTypeInAnyFieldCostsOnlyThatField(String field, String value) {
    String odd = oddRecord(field, value);
    AuditLogPage page = list(page(List.of(BEFORE, odd, AFTER)));

    assertEquals(List.of(BEFORE, odd, AFTER), page.records().stream().map(AuditLog::json).toList());
    AuditLog log = page.records().get(1);
    assertEquals(Optional.of(value), log.fieldJson(field));
    boolean conforms = conforms(field, value);
    assertEquals(
        conforms ? List.of() : List.of(field),
        log.mismatches().stream().map(SpecMismatch::path).toList(),
        log.mismatches().toString());
    // The other fields are still typed.
    if (!field.equals("resource") && !field.startsWith("resource.")) {
      assertEquals(Optional.of("zone"), log.model().resource().orElseThrow().type());
    }
    if (!field.equals("id")) {
      assertEquals(Optional.of("r-odd"), log.id());
    }
    if (field.equals("id") || field.equals("when")) {
      assertEquals(conforms && !value.equals("null"), typed(log, field).isPresent());
    }
  }

  /**
   * {@link AuditLog#mismatches()} alone only checks the text (no typed view made); it finds exactly
   * what the typed view's reading finds, paths, expectations and values alike.
   */
  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("everyTypeInEveryField")
  void checkingFindsTheSameMismatchesAsTheTypedView(String field, String value) {
    byte[] utf8 = oddRecord(field, value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Redactor redactor = new Redactor(List.of());
    AuditLog checked = java.util.Objects.requireNonNull(PageElements.record(utf8, redactor));
    AuditLog typed = java.util.Objects.requireNonNull(PageElements.record(utf8, redactor));
    typed.model();
    assertEquals(typed.mismatches(), checked.mismatches());
    assertEquals(conforms(field, value), checked.mismatches().isEmpty());
  }

  /** A record with every field conforming, then {@code field} set to {@code value}. */
  private static String oddRecord(String field, String value) {
    String[] path = field.split("\\.");
    StringBuilder s = new StringBuilder("{\"id\":");
    s.append(path[0].equals("id") ? value : "\"r-odd\"");
    s.append(",\"when\":").append(path[0].equals("when") ? value : "\"2026-07-01T10:00:02.5Z\"");
    for (String top : List.of("interface", "newValue", "oldValue")) {
      s.append(",\"").append(top).append("\":").append(path[0].equals(top) ? value : "\"v\"");
    }
    s.append(",\"metadata\":").append(field.equals("metadata") ? value : "{\"a\":[1]}");
    s.append(",\"action\":")
        .append(nested(field, value, "action", "result", "true", "type", "\"x\""));
    s.append(",\"actor\":")
        .append(
            nested(
                field,
                value,
                "actor",
                "email",
                "\"a@example.com\"",
                "id",
                "\"i\"",
                "ip",
                "\"192.0.2.1\"",
                "type",
                "\"user\""));
    s.append(",\"owner\":").append(nested(field, value, "owner", "id", "\"o\""));
    s.append(",\"resource\":")
        .append(nested(field, value, "resource", "id", "\"r\"", "type", "\"zone\""));
    return s.append(",\"extra\":{\"kept\":true}}").toString();
  }

  private static String nested(String field, String value, String object, String... pairs) {
    if (field.equals(object)) {
      return value;
    }
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      String name = pairs[i];
      s.append(i == 0 ? "" : ",").append('"').append(name).append("\":");
      s.append(field.equals(object + "." + name) ? value : pairs[i + 1]);
    }
    return s.append('}').toString();
  }

  /** Whether the spec allows {@code value} in {@code field} (null counts as absent). */
  private static boolean conforms(String field, String value) {
    if (value.equals("null")) {
      return true;
    }
    return switch (field) {
      case "metadata", "action", "actor", "owner", "resource" -> value.startsWith("{");
      case "action.result" -> value.equals("true") || value.equals("false");
      case "actor.type" -> false; // none of the values is user, admin or Cloudflare
      case "when" -> false; // none is an RFC 3339 date-time
      default -> value.startsWith("\"");
    };
  }

  private static Optional<?> typed(AuditLog log, String field) {
    return field.equals("id") ? log.id() : log.when();
  }

  @Test
  void enumValuesOutsideTheListAreMismatchesWithTheirValue() {
    String system = "{\"id\":\"s\",\"actor\":{\"type\":\"system\"}}";
    String cloudflare = "{\"id\":\"c\",\"actor\":{\"type\":\"Cloudflare\"}}";
    AuditLogPage page = list(page(List.of(system, cloudflare)));

    AuditLog first = page.records().get(0);
    assertEquals(Optional.empty(), first.model().actor().orElseThrow().type());
    assertEquals(Optional.of("\"system\""), first.fieldJson("actor.type"));
    assertEquals(
        List.of(
            new SpecMismatch(
                "actor.type", "one of [user, admin, Cloudflare]", "string \"system\"")),
        first.mismatches());
    assertEquals(
        Optional.of(AaaAuditLogsActor.TypeEnum.CLOUDFLARE),
        page.records().get(1).model().actor().orElseThrow().type());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "null",
        "42",
        "\"x\"",
        "[]",
        "[{\"id\":\"in-array\"}]",
        "true",
        "-0.5",
        "{\"id\":tru}"
      })
  void anElementThatIsNotARecordIsSkippedAndTheRecordsAroundItDelivered(String element) {
    AuditLogPage page = list(page(List.of(BEFORE, element, AFTER)));

    assertEquals(List.of(BEFORE, AFTER), page.records().stream().map(AuditLog::json).toList());
    assertEquals(1, page.skippedCount());
    SkippedElement skipped = page.skipped().get(0);
    assertEquals(1, skipped.index());
    assertEquals(element, skipped.start());
    assertEquals(
        element.startsWith("{") ? "not valid JSON" : "not a JSON object", skipped.reason());
  }

  @Test
  void skippedElementsAreDescribedShortAndWithoutCredentials() {
    String secret = "\"" + ContractServer.TOKEN + "\"";
    String longArray = "[" + "1,".repeat(100) + "1]";
    AuditLogPage page = list(page(List.of(secret, longArray, BEFORE, "7")));

    assertEquals(List.of(BEFORE), page.records().stream().map(AuditLog::json).toList());
    assertEquals(List.of(0, 1, 3), page.skipped().stream().map(SkippedElement::index).toList());
    assertEquals("\"" + Redactor.MASK + "\"", page.skipped().get(0).start());
    assertEquals(longArray.substring(0, 40) + "…", page.skipped().get(1).start());
    assertFalse(page.toString().contains(ContractServer.TOKEN));
  }

  @Test
  void mismatchesNeverShowTheCredentials() {
    String odd = "{\"id\":\"a\",\"when\":\"" + ContractServer.TOKEN + "\"}";
    AuditLog log = list(page(List.of(odd))).records().get(0);
    String shown = log.mismatches().toString();
    assertFalse(shown.contains(ContractServer.TOKEN), shown);
    assertTrue(shown.contains(Redactor.MASK), shown);
    assertEquals(odd, log.json()); // the record itself is data, delivered as sent
  }

  @Test
  void aByteOrderMarkBeforeTheBodyIsIgnored() {
    Buffer body = new Buffer().write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    body.writeUtf8(page(List.of(BEFORE, AFTER)));
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(body)
            .build());
    try (AuditLogsClient client = server.client().build()) {
      AuditLogPage page = client.list(AuditLogQuery.all());
      assertEquals(List.of(BEFORE, AFTER), page.records().stream().map(AuditLog::json).toList());
    }
  }

  @Test
  void whitespaceAroundElementsIsNotPartOfTheRecord() {
    String body =
        "{\"result\" : [ \n " + BEFORE + " \r\n, \t" + AFTER + "\n ] , \"success\": true }";
    AuditLogPage page = list(body);
    assertEquals(List.of(BEFORE, AFTER), page.records().stream().map(AuditLog::json).toList());
  }

  @Test
  void recordsWithoutUsableIdOrWhenAreDelivered() {
    List<String> records =
        List.of(
            "{\"when\":\"2026-07-01T10:00:00Z\"}",
            "{\"id\":5,\"when\":\"2026-07-01T10:00:00Z\"}",
            "{\"id\":\"no-when\"}",
            "{\"id\":\"bad-when\",\"when\":\"2026-07-01 10:00\"}",
            "{}");
    AuditLogPage page = list(page(records));

    assertEquals(records, page.records().stream().map(AuditLog::json).toList());
    assertEquals(
        List.of(
            Optional.empty(),
            Optional.empty(),
            Optional.of("no-when"),
            Optional.of("bad-when"),
            Optional.empty()),
        page.records().stream().map(AuditLog::id).toList());
    assertEquals(Optional.of(Instant.parse("2026-07-01T10:00:00Z")), page.records().get(1).when());
    assertEquals(Optional.empty(), page.records().get(3).when());
  }

  @Test
  void theTypedViewIsDecodedOnceAndCannotBeChanged() {
    AuditLog log = list(page(List.of(BEFORE))).records().get(0);
    AaaAuditLogs model = log.model();
    assertSame(model, log.model());
    assertSame(log.mismatches(), log.mismatches());
    assertEquals(Optional.of("r-before"), model.id());
    assertEquals(Optional.of("r-before"), log.id());
  }

  @Test
  void fieldJsonFollowsDottedPathsAndTheLastOfRepeatedNames() {
    String odd =
        "{\"id\":\"a\",\"actor\":{\"type\":\"user\",\"ip\":[1, 2]},\"id\":\"b\",\"x\":{\"y\":{}}}";
    AuditLog log = list(page(List.of(odd))).records().get(0);
    Function<String, Optional<String>> at = log::fieldJson;
    assertEquals(Optional.of("\"b\""), at.apply("id"));
    assertEquals(Optional.of("b"), log.id());
    assertEquals(Optional.of("b"), log.model().id());
    assertEquals(Optional.of("[1, 2]"), at.apply("actor.ip"));
    assertEquals(Optional.of("{}"), at.apply("x.y"));
    assertEquals(Optional.empty(), at.apply("x.y.z"));
    assertEquals(Optional.empty(), at.apply("id.z"));
    assertEquals(Optional.empty(), at.apply("nothing"));
  }

  @Test
  void aPageOfOnlySkippedElementsDoesNotEndTheIteration() {
    // per_page 2: page 1 has only two non-records, page 2 one record and confirms it is the last.
    enqueuePages(3, List.of("1", "2"), List.of(BEFORE));
    try (AuditLogsClient client = server.client().build();
        AuditLogCursor cursor = twoAPage(client)) {
      List<String> ids = new ArrayList<>();
      cursor.forEachRemaining(log -> ids.add(log.id().orElseThrow()));
      assertEquals(List.of("r-before"), ids);
      assertEquals(2, cursor.skippedCount());
      assertEquals(List.of(0, 1), cursor.skipped().stream().map(SkippedElement::index).toList());
    }
    assertEquals(2, server.requestCount());
  }

  @Test
  void recordsWithoutAnIdAreRecognisedByTheirExactJsonWhenAPageBoundaryShifts() {
    String a = "{\"when\":\"2026-07-01T10:00:03Z\",\"action\":{\"type\":\"a\"}}";
    String aRewritten = "{\"when\":\"2026-07-01T10:00:03Z\", \"action\":{\"type\":\"a\"}}";
    enqueuePages(4, List.of(a, BEFORE), List.of(a, aRewritten));
    server.enqueueJson(200, page(List.of()));
    List<String> delivered = new ArrayList<>();
    try (AuditLogsClient client = server.client().build();
        AuditLogCursor cursor = twoAPage(client)) {
      cursor.forEachRemaining(log -> delivered.add(log.json()));
    }
    // The repeat of a is dropped; a record differing by one byte is another record.
    assertEquals(List.of(a, BEFORE, aRewritten), delivered);
  }

  /** Two pages of two elements a page, with the result_info of {@code total} records. */
  private void enqueuePages(int total, List<String> first, List<String> second) {
    List<List<String>> pages = List.of(first, second);
    for (int i = 0; i < 2; i++) {
      String body = page(pages.get(i));
      server.enqueueJson(
          200,
          body.substring(0, body.length() - 1)
              + ",\"result_info\":{\"per_page\":2,\"total_pages\":2,\"total_count\":"
              + total
              + ",\"page\":"
              + (i + 1)
              + ",\"count\":"
              + pages.get(i).size()
              + "}}");
    }
  }

  /**
   * An iteration two records a page, sequential, paged by offset (an explicit {@code page}): the
   * enqueued answers are pages 1 and 2 of one query, as a page-numbered server sends them.
   */
  private static AuditLogCursor twoAPage(AuditLogsClient client) {
    return client
        .paginate(
            AuditLogQuery.builder()
                .perPage(2)
                .page(1)
                .before(Instant.parse("2026-08-01T00:00:00Z"))
                .build())
        .withConcurrency(1)
        .iterator();
  }
}
