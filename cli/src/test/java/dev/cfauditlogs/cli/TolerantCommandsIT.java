package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-world records through the real jar: records whose fields have other JSON types than the
 * document says, enum values it does not list, and elements of {@code result} that are not records
 * are never fatal. Every record is written exactly as sent, the oddities are reported once on
 * stderr, and the exit code is 0.
 */
class TolerantCommandsIT {
  /**
   * {@code ../shared/cases/object-new-value/records.jsonl}: the middle record's values are objects.
   */
  private static final Path CASE =
      Path.of("..", "facade", "src", "test", "resources", "fixtures", "object-new-value.jsonl");

  private static final String TOKEN = "FAKE-TOKEN-tolerant-cli-0001";

  @TempDir Path dir;

  private static Map<String, String> env(String baseUrl, String token) {
    return Map.of("CLOUDFLARE_BASE_URL", baseUrl, "CLOUDFLARE_API_TOKEN", token);
  }

  private static List<CSVRecord> csv(String text) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
      return parser.getRecords();
    }
  }

  /**
   * Records are checked on a thread of their own, in batches (issue 13): an export of many pages
   * still counts every record and every odd one, exactly once, and says so once.
   */
  @Test
  void theSummaryCountsEveryRecordOfAManyPageExport() throws IOException {
    List<String> template = Files.readAllLines(CASE);
    String conforming = template.get(0);
    String odd = template.get(1); // newValue and oldValue are objects
    List<String> records = new ArrayList<>();
    Instant newest = Instant.parse("2026-07-01T00:00:00Z");
    int count = 6_001;
    int oddCount = 0;
    for (int i = 0; i < count; i++) {
      boolean isOdd = i % 3 == 0;
      oddCount += isOdd ? 1 : 0;
      String record =
          (isOdd ? odd : conforming)
              .replaceFirst( // the record's own id (the template's 301 or 302), not actor.id
                  "\"id\":\"00000000-0000-4000-8000-00000000030[12]\"",
                  String.format("\"id\":\"00000000-0000-4000-8000-%012d\"", i))
              .replaceFirst("\"when\":\"[^\"]*\"", "\"when\":\"" + newest.minusSeconds(i) + "\"");
      records.add(record);
    }
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.of(records)).start()) {
      JarRunner.Result r =
          JarRunner.run(
              env(emulator.baseUrl(), emulator.apiToken()), "export", "--per-page", "500");
      assertEquals(0, r.exitCode(), r.stderr());
      assertEquals(records, r.lines(), "every record, as sent, newest first");
      assertOneSummary(
          r.stderr(),
          oddCount + " of " + count + " records have fields",
          "newValue in " + oddCount,
          "oldValue in " + oddCount);
    }
  }

  @Test
  void objectNewValueCaseIsDeliveredWholeByEveryCommandAndFormat() throws IOException {
    List<String> records = Files.readAllLines(CASE);
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.of(records)).start()) {
      Map<String, String> env = env(emulator.baseUrl(), emulator.apiToken());
      for (String[] command :
          List.of(
              new String[] {"list", "--format", "jsonl"},
              new String[] {"export"},
              new String[] {"follow", "--once", "--checkpoint", dir.resolve("c").toString()})) {
        JarRunner.Result r = JarRunner.run(env, command);
        assertEquals(0, r.exitCode(), r.all());
        List<String> expected = new ArrayList<>(records); // the emulator sends newest first
        if (command[0].equals("follow")) {
          java.util.Collections.reverse(expected);
        }
        assertEquals(expected, r.lines(), command[0]);
        assertOneSummary(
            r.stderr(), "1 of 3 records have fields", "newValue in 1", "oldValue in 1");
        assertTrue(r.stderr().contains("expected string, found object"), r.stderr());
      }

      JarRunner.Result json = JarRunner.run(env, "export", "--format", "json");
      assertEquals(0, json.exitCode(), json.all());
      assertEquals("[\n" + String.join(",\n", records) + "\n]\n", json.stdout());

      JarRunner.Result csv = JarRunner.run(env, "export", "--format", "csv");
      assertEquals(0, csv.exitCode(), csv.all());
      List<CSVRecord> rows = csv(csv.stdout());
      assertEquals(4, rows.size());
      int newValue = FlatRecord.COLUMNS.indexOf("newValue");
      int oldValue = FlatRecord.COLUMNS.indexOf("oldValue");
      assertEquals(
          "{\"content\":\"192.0.2.10\",\"name\":\"www.example.com\",\"proxied\":true,\"ttl\":1,"
              + "\"type\":\"A\"}",
          rows.get(2).get(newValue));
      assertTrue(rows.get(2).get(oldValue).contains("\"content\":\"192.0.2.9\""));
      assertEquals("", rows.get(3).get(newValue)); // null
      assertOneSummary(csv.stderr(), "1 of 3 records have fields");

      JarRunner.Result table = JarRunner.run(env, "list");
      assertEquals(0, table.exitCode(), table.all());
      assertEquals(4, table.lines().size(), table.stdout());
    }
  }

  private static void assertOneSummary(String stderr, String... parts) {
    for (String part : parts) {
      assertTrue(stderr.contains(part), "'" + part + "' in: " + stderr);
    }
    assertEquals(
        1,
        stderr.lines().filter(l -> l.contains("do not match the API document")).count(),
        "said once: " + stderr);
  }

  /**
   * Odd JSON types in nested fields, an enum value outside the list, no id or when, non-records.
   */
  private static final String ODD =
      "{\"id\":\"odd\",\"when\":\"2026-07-01T10:00:02.123456Z\",\"action\":{\"result\":\"yes\","
          + "\"type\":\"rec_set\"},\"actor\":{\"type\":7,\"ip\":\"198.51.100.7\"},"
          + "\"newValue\":[1,2],\"oldValue\":true,\"metadata\":[],\"interface\":12.50}";

  private static final String SYSTEM =
      "{\"id\":\"sys\",\"when\":\"2026-07-01T10:00:01Z\",\"actor\":{\"type\":\"system\"}}";
  private static final String NO_ID_NO_WHEN = "{\"action\":{\"type\":\"mystery\"},\"when\":5}";
  private static final String FIRST = "{\"id\":\"first\",\"when\":\"2026-07-01T10:00:03Z\"}";

  private static final List<String> ELEMENTS =
      List.of(FIRST, "null", ODD, "42", "\"x\"", SYSTEM, "[]", NO_ID_NO_WHEN, "{\"id\": tru}");

  private static final List<String> RECORDS = List.of(FIRST, ODD, SYSTEM, NO_ID_NO_WHEN);
  private static final Instant OLDEST = Instant.parse("2026-07-01T10:00:01Z");
  private static final Instant NEWEST = Instant.parse("2026-07-01T10:00:03Z");

  /**
   * Serves the odd page (with a byte-order mark) as page 1 of a query whose {@code since}/{@code
   * before} take in its three seconds (10:00:01 to 10:00:03), newest first or, for {@code
   * direction=asc}, oldest first; any other page or window is empty (keyset paging asks for the
   * seconds beyond the last one read).
   */
  private static MockWebServer oddServer() throws IOException {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            okhttp3.HttpUrl url = request.getUrl();
            String page = url.queryParameter("page");
            String since = url.queryParameter("since");
            String before = url.queryParameter("before");
            boolean inWindow =
                (page == null || page.equals("1"))
                    && (since == null || !Instant.parse(since).isAfter(OLDEST))
                    && (before == null || Instant.parse(before).isAfter(NEWEST));
            List<String> result = new ArrayList<>(inWindow ? ELEMENTS : List.of());
            if ("asc".equals(url.queryParameter("direction"))) {
              Collections.reverse(result);
            }
            Buffer body = new Buffer().write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            body.writeUtf8(
                "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":["
                    + String.join(",", result)
                    + "]}");
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  @Test
  void oddTypesEnumsAndNonRecordsNeverFailListExportOrFollow() throws IOException {
    try (MockWebServer server = oddServer()) {
      Map<String, String> env = env(server.url("/client/v4").toString(), TOKEN);
      String before = "2026-08-01T00:00:00Z"; // one window: only page 1 of one query is served
      Path checkpoint = dir.resolve("odd.ckpt");
      for (String[] command :
          List.of(
              new String[] {"list", "--format", "jsonl"},
              new String[] {"export", "--before", before},
              new String[] {
                "follow", "--once", "--before", before, "--checkpoint", checkpoint.toString()
              })) {
        JarRunner.Result r = JarRunner.run(env, command);
        assertEquals(0, r.exitCode(), r.all());
        List<String> expected = new ArrayList<>(RECORDS);
        if (command[0].equals("follow")) {
          Collections.reverse(expected); // follow reads oldest first
        }
        assertEquals(expected, r.lines(), command[0]);
        assertOneSummary(
            r.stderr(),
            "3 of 4 records have fields",
            "when in 1 (expected string (date-time), found number 5)",
            "action.result in 1 (expected boolean, found string \"yes\")",
            "actor.type in 2",
            "newValue in 1 (expected string, found array)",
            "metadata in 1 (expected object, found array)",
            "interface in 1 (expected string, found number 12.50)");
        assertTrue(
            r.stderr()
                .contains("5 elements of the API's result list were not a record and skipped"),
            r.stderr());
        if (!command[0].equals("follow")) { // follow's asc page is the reverse: other indexes
          assertTrue(r.stderr().contains("result[1] (not a JSON object): null"), r.stderr());
        }
        assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
      }
      // Records without a usable id or when: a second run within the look-back repeats nothing.
      JarRunner.Result again =
          JarRunner.run(
              env, "follow", "--once", "--before", before, "--checkpoint", checkpoint.toString());
      assertEquals(0, again.exitCode(), again.all());
      assertEquals(List.of(), again.lines());
      assertTrue(
          Files.readString(checkpoint).contains("\"newest\": \"2026-07-01T10:00:03Z\""),
          "a record without 'when' does not move the checkpoint");
    }
  }

  @Test
  void csvAndTableWriteUnexpectedValuesAsTheirJsonText() throws IOException {
    try (MockWebServer server = oddServer()) {
      Map<String, String> env = env(server.url("/client/v4").toString(), TOKEN);
      JarRunner.Result r = JarRunner.run(env, "list", "--format", "csv");
      assertEquals(0, r.exitCode(), r.all());
      List<CSVRecord> rows = csv(r.stdout());
      assertEquals(1 + RECORDS.size(), rows.size());
      CSVRecord odd = rows.get(2);
      assertEquals("odd", odd.get(FlatRecord.COLUMNS.indexOf("id")));
      assertEquals("yes", odd.get(FlatRecord.COLUMNS.indexOf("action.result")));
      assertEquals("7", odd.get(FlatRecord.COLUMNS.indexOf("actor.type")));
      assertEquals("[1,2]", odd.get(FlatRecord.COLUMNS.indexOf("newValue")));
      assertEquals("true", odd.get(FlatRecord.COLUMNS.indexOf("oldValue")));
      assertEquals("[]", odd.get(FlatRecord.COLUMNS.indexOf("metadata")));
      assertEquals("12.50", odd.get(FlatRecord.COLUMNS.indexOf("interface")));
      assertEquals("5", rows.get(4).get(FlatRecord.COLUMNS.indexOf("when")));

      JarRunner.Result table = JarRunner.run(env, "list");
      assertEquals(0, table.exitCode(), table.all());
      assertTrue(
          Stream.of("odd", "sys", "first").allMatch(table.stdout()::contains), table.stdout());
      assertTrue(table.stdout().contains("system"), table.stdout());
    }
  }
}
