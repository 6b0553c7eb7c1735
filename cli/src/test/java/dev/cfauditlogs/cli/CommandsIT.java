package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonReader;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.Direction;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.EmulatedLog;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command and format of the real jar against the emulator, compared with the emulator's
 * ground truth.
 */
class CommandsIT {
  static AuditLogEmulator emulator;
  static Map<String, String> env;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    emulator =
        AuditLogEmulator.builder().dataset(Dataset.synthetic(7, 320)).accounts(Log.ID).start();
    env =
        Map.of(
            "CLOUDFLARE_BASE_URL", emulator.baseUrl(), "CLOUDFLARE_API_TOKEN", emulator.apiToken());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static List<String> expectedJsonl(AuditLogQuery query) {
    List<String> lines = new ArrayList<>();
    for (EmulatedLog log : emulator.records(query)) {
      lines.add(log.json()); // the synthetic records are sent compact, as Cloudflare sends them
    }
    return lines;
  }

  private static List<String> ids(List<String> jsonLines) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : jsonLines) {
      JsonReader r = JsonReader.of(new Buffer().writeUtf8(line));
      r.beginObject();
      while (r.hasNext()) {
        if (r.nextName().equals("id")) {
          ids.add(r.nextString());
        } else {
          r.skipValue();
        }
      }
    }
    return ids;
  }

  private static List<CSVRecord> csv(String text) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
      return parser.getRecords();
    }
  }

  @Test
  void demoExportsSampleDataWithNoAccount() throws IOException {
    JarRunner.Result r = JarRunner.run(Map.of(), "demo");
    assertEquals(0, r.exitCode(), r.all());
    assertEquals(25, r.lines().size(), r.stdout());
    assertEquals(25, ids(r.lines()).size());
    assertTrue(r.stderr().contains("no Cloudflare account"), r.stderr());
  }

  @Test
  void demoSurvivesFaults() {
    JarRunner.Result r = JarRunner.run(Map.of(), "demo", "--records", "60", "--fault-rate", "0.3");
    assertEquals(0, r.exitCode(), r.all());
    assertEquals(60, r.lines().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"list", "export", "follow", "emulator", "demo"})
  void everyCommandHasHelpWithExamples(String command) {
    // in-process: HelpLayoutIT proves the jar prints the same help
    JarRunner.Result r = InProcess.run(Map.of(), command, "--help");
    assertEquals(0, r.exitCode(), r.all());
    assertTrue(r.stdout().contains("Examples:"), r.stdout());
    assertTrue(r.stdout().contains("cf-audit-logs " + command), r.stdout());
  }

  @Test
  void followHelpDoesNotOfferTheDirectionItRefuses() {
    JarRunner.Result help = InProcess.run(Map.of(), "follow", "--help");
    assertEquals(0, help.exitCode(), help.all());
    assertFalse(help.stdout().contains("--direction"), help.stdout());
    assertTrue(help.stdout().contains("--action-type"), help.stdout());
    assertTrue(InProcess.run(Map.of(), "list", "--help").stdout().contains("--direction"));
    JarRunner.Result desc =
        JarRunner.run(Map.of(), "follow", "--checkpoint", "x.ckpt", "--direction", "desc");
    assertEquals(2, desc.exitCode(), desc.all());
    assertTrue(desc.stderr().contains("leave out --direction"), desc.stderr());
  }

  @Test
  void versionIsPrinted() {
    JarRunner.Result r = JarRunner.run(Map.of(), "--version");
    assertEquals(0, r.exitCode());
    assertTrue(r.stdout().startsWith("cf-audit-logs 0."), r.stdout());
  }

  @Test
  void listPrintsOnePageAsATableByDefault() {
    JarRunner.Result r = JarRunner.run(Map.of(), "list");
    assertEquals(2, r.exitCode(), "no credentials in this environment: " + r.all());
    assertTrue(r.stderr().contains("CLOUDFLARE_API_TOKEN"), r.stderr());
    JarRunner.Result ok = JarRunner.run(env, "list", "--per-page", "5");
    assertEquals(0, ok.exitCode(), ok.all());
    assertEquals(6, ok.lines().size(), ok.stdout());
    assertTrue(ok.lines().get(0).startsWith("WHEN"), ok.stdout());
    assertTrue(ok.lines().stream().allMatch(l -> l.length() <= 120), ok.stdout());
  }

  @ParameterizedTest
  @EnumSource(Log.class)
  void listPageTwoInEveryFormat(Log log) throws IOException {
    AuditLogQuery all = log.query().build();
    List<String> expected = expectedJsonl(all).subList(5, 10);
    JarRunner.Result jsonl =
        JarRunner.run(env, log.args("list", "--page", "2", "--per-page", "5", "--format", "jsonl"));
    assertEquals(expected, jsonl.lines(), jsonl.all());
    JarRunner.Result json =
        JarRunner.run(env, log.args("list", "--page", "2", "--per-page", "5", "--format", "json"));
    assertEquals("[\n" + String.join(",\n", expected) + "\n]\n", json.stdout());
    JarRunner.Result csv =
        JarRunner.run(env, log.args("list", "--page", "2", "--per-page", "5", "--format", "csv"));
    List<CSVRecord> rows = csv(csv.stdout());
    assertEquals(log.csvColumns(), rows.get(0).toList());
    assertEquals(ids(expected), rows.subList(1, rows.size()).stream().map(x -> x.get(0)).toList());
    if (log == Log.ACCOUNT) {
      assertTrue(rows.stream().skip(1).allMatch(row -> row.get(row.size() - 2).equals(Log.ID)));
    }
  }

  @ParameterizedTest
  @EnumSource(Log.class)
  void exportWritesEveryRecordExactlyAsSent(Log log) {
    JarRunner.Result r = JarRunner.run(env, log.args("export"));
    assertEquals(0, r.exitCode(), r.stderr());
    List<String> expected = expectedJsonl(log.query().build());
    assertEquals(expected, r.lines());
    assertTrue(expected.size() > 100, "a log of many pages: " + expected.size());
  }

  @Test
  void theTwoLogsHoldDifferentRecords() throws IOException {
    assertTrue(
        java.util.Collections.disjoint(
            ids(expectedJsonl(Log.USER.query().build())),
            ids(expectedJsonl(Log.ACCOUNT.query().build()))),
        "the account runs read other records than the user runs, so each can fail alone");
  }

  @ParameterizedTest
  @EnumSource(Log.class)
  void exportJsonArrayAndConcurrencyGiveTheSameRecords(Log log) throws IOException {
    JarRunner.Result r =
        JarRunner.run(
            env, log.args("export", "--format", "json", "--concurrency", "4", "--per-page", "7"));
    assertEquals(0, r.exitCode(), r.stderr());
    List<String> expected = expectedJsonl(log.query().build());
    assertEquals("[\n" + String.join(",\n", expected) + "\n]\n", r.stdout());
  }

  @ParameterizedTest
  @EnumSource(Log.class)
  void exportCsvParsesBackAndIsSpreadsheetSafe(Log log) throws IOException {
    Path file = dir.resolve("audit.csv");
    List<String> expected = expectedJsonl(log.query().build());
    int n = expected.size();
    JarRunner.Result r =
        JarRunner.run(
            env, log.args("export", "--format", "csv", "--output", file.toString(), "--progress"));
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals("", r.stdout());
    assertTrue(r.stderr().contains(n + " records"), r.stderr());
    assertFalse(Files.exists(dir.resolve("audit.csv.partial")));
    List<CSVRecord> rows = csv(Files.readString(file));
    assertEquals(n + 1, rows.size());
    assertEquals(ids(expected), rows.subList(1, n + 1).stream().map(x -> x.get(0)).toList());
    assertEquals(log.csvColumns(), rows.get(0).toList());
    for (CSVRecord row : rows) {
      assertEquals(log.csvColumns().size(), row.size());
      for (String cell : row) {
        assertFalse(
            !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "formula risk: " + cell);
      }
    }
    assertTrue(
        rows.stream().anyMatch(row -> row.toList().stream().anyMatch(c -> c.startsWith("'="))),
        "hostile data was neutralized");
  }

  @Test
  void everyFilterMatchesTheEmulatorsGroundTruth() {
    EmulatedLog sample = emulator.records().get(17);
    String json = sample.json();
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"--id", sample.id().orElseThrow()});
    cases.add(new String[] {"--action-type", field(json, "\"type\":\"")});
    cases.add(new String[] {"--actor-ip", "198.51.100.0/24"});
    cases.add(new String[] {"--actor-ip", "2001:db8::/32"});
    cases.add(new String[] {"--zone-name", "example.com"});
    cases.add(new String[] {"--since", "2025-12-15"});
    cases.add(new String[] {"--before", "2025-12-10T12:00:00Z"});
    cases.add(new String[] {"--direction", "asc"});
    cases.add(new String[] {"--hide-user-logs"});
    cases.add(new String[] {"--actor-email", "bob@example.net"});
    for (String[] filter : cases) {
      AuditLogQuery.Builder q = AuditLogQuery.builder();
      switch (filter[0]) {
        case "--id" -> q.id(filter[1]);
        case "--action-type" -> q.actionType(filter[1]);
        case "--actor-ip" -> q.actorIp(filter[1]);
        case "--zone-name" -> q.zoneName(filter[1]);
        case "--since" -> q.since(filter[1]);
        case "--before" -> q.before(filter[1]);
        case "--direction" -> q.direction(Direction.parse(filter[1]));
        case "--hide-user-logs" -> q.hideUserLogs(true);
        case "--actor-email" -> q.actorEmail(filter[1]);
        default -> throw new AssertionError(filter[0]);
      }
      List<String> args = new ArrayList<>(List.of("export", "--per-page", "50"));
      args.addAll(List.of(filter));
      // The options' mapping to the query: in-process (what the jar's main calls), the first
      // filter through the jar as well.
      JarRunner.Result r =
          filter == cases.get(0)
              ? JarRunner.run(env, args.toArray(String[]::new))
              : InProcess.run(env, args.toArray(String[]::new));
      assertEquals(0, r.exitCode(), String.join(" ", filter) + ": " + r.stderr());
      List<String> expected = expectedJsonl(q.build());
      assertEquals(expected, r.lines(), String.join(" ", filter));
      assertFalse(
          expected.isEmpty(), "the filter " + String.join(" ", filter) + " matches some records");
      assertTrue(
          filter[0].equals("--direction") || expected.size() < 320,
          "the filter " + String.join(" ", filter) + " filtered something");
    }
  }

  private static String field(String json, String prefix) {
    int at = json.indexOf(prefix);
    if (at < 0) {
      return null;
    }
    int start = at + prefix.length();
    return json.substring(start, json.indexOf('"', start));
  }

  @ParameterizedTest
  @EnumSource(Log.class)
  void followOnceTwiceThenNewRecordsOnly(Log log) throws IOException {
    try (AuditLogEmulator own =
        AuditLogEmulator.builder().dataset(Dataset.synthetic(8, 150)).accounts(Log.ID).start()) {
      follow(own, log);
    }
  }

  private void follow(AuditLogEmulator emulator, Log log) throws IOException {
    Map<String, String> env =
        Map.of(
            "CLOUDFLARE_BASE_URL", emulator.baseUrl(), "CLOUDFLARE_API_TOKEN", emulator.apiToken());
    Path checkpoint = dir.resolve("sync.ckpt");
    JarRunner.Result first =
        JarRunner.run(env, log.args("follow", "--checkpoint", checkpoint.toString(), "--once"));
    assertEquals(0, first.exitCode(), first.stderr());
    List<String> ascending =
        emulator.records(log.query().direction(Direction.ASC).build()).stream()
            .map(l -> l.json())
            .toList();
    assertTrue(ascending.size() > 100, "several pages: " + ascending.size());
    assertTrue(ascending.equals(first.lines()), "follow prints every record oldest first");
    assertTrue(Files.exists(checkpoint));

    JarRunner.Result second =
        JarRunner.run(env, log.args("follow", "--checkpoint", checkpoint.toString(), "--once"));
    assertEquals(0, second.exitCode(), second.stderr());
    assertEquals(List.of(), second.lines(), "nothing twice");

    List<EmulatedLog> added = emulator.appendSynthetic(log.scope(), 3);
    JarRunner.Result third =
        JarRunner.run(env, log.args("follow", "--checkpoint", checkpoint.toString(), "--once"));
    assertEquals(0, third.exitCode(), third.stderr());
    List<String> addedIds = added.stream().map(l -> l.id().orElseThrow()).toList();
    assertEquals(3, addedIds.size());
    List<String> expectedNew =
        emulator.records(log.query().direction(Direction.ASC).build()).stream()
            .filter(l -> addedIds.contains(l.id().orElseThrow()))
            .map(l -> l.json())
            .toList();
    assertEquals(expectedNew, third.lines(), "only the new records, oldest first");

    JarRunner.Result other =
        JarRunner.run(
            env,
            log.args(
                "follow",
                "--checkpoint",
                checkpoint.toString(),
                "--once",
                "--action-type",
                "login"));
    assertEquals(
        2, other.exitCode(), "a checkpoint made for other filters is refused: " + other.all());
  }

  @Test
  void emulatorRecordsHelpShowsTheRealDefaultAndBadCountsAreRefused() {
    JarRunner.Result help = InProcess.run(Map.of(), "emulator", "--help");
    String oneLine = help.stdout().replaceAll("\\s+", " ");
    assertTrue(
        oneLine.contains(
            "--records=N Synthetic records to serve, 0 (none) up to 1000000 (default: 1000 for"
                + " emulator, 25 for demo)."),
        help.stdout());
    for (String bad : new String[] {"-5", "-1", "1000001"}) {
      JarRunner.Result r =
          bad.equals("-5") // the jar once; the others in-process, as parsing
              ? JarRunner.run(Map.of(), "emulator", "--records", bad)
              : InProcess.run(Map.of(), "emulator", "--records", bad);
      assertEquals(2, r.exitCode(), r.all());
      assertTrue(r.stderr().contains("--records must be 0 to "), r.stderr());
      assertTrue(r.stderr().contains("but was " + bad), r.stderr());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "default"})
  void emulatorServesExactlyTheRecordsAskedFor(String records) throws Exception {
    Process p =
        records.equals("default")
            ? JarRunner.start("emulator")
            : JarRunner.start("emulator", "--records", records);
    try {
      String first =
          new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
      JsonReader r = JsonReader.of(new Buffer().writeUtf8(first));
      @SuppressWarnings("unchecked")
      Map<String, Object> line = (Map<String, Object>) r.readJsonValue();
      JarRunner.Result export =
          JarRunner.run(
              Map.of(
                  "CLOUDFLARE_BASE_URL",
                  (String) line.get("base_url"),
                  "CLOUDFLARE_API_TOKEN",
                  (String) line.get("api_token")),
              "export");
      assertEquals(0, export.exitCode(), export.stderr());
      assertEquals(records.equals("default") ? 1000 : 0, export.lines().size());
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  @Test
  void emulatorCommandPrintsItsConnectionLineFirst() throws Exception {
    Process p = JarRunner.start("emulator", "--records", "40");
    try {
      String first =
          new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
      JsonReader r = JsonReader.of(new Buffer().writeUtf8(first));
      @SuppressWarnings("unchecked")
      Map<String, Object> line = (Map<String, Object>) r.readJsonValue();
      assertEquals(java.util.Set.of("base_url", "api_token", "email", "api_key"), line.keySet());
      String baseUrl = (String) line.get("base_url");
      assertTrue(baseUrl.matches("http://127\\.0\\.0\\.1:\\d+/client/v4"), baseUrl);
      JarRunner.Result list =
          JarRunner.run(
              Map.of(
                  "CLOUDFLARE_BASE_URL",
                  baseUrl,
                  "CLOUDFLARE_EMAIL",
                  (String) line.get("email"),
                  "CLOUDFLARE_API_KEY",
                  (String) line.get("api_key")),
              "export");
      assertEquals(0, list.exitCode(), list.stderr());
      assertEquals(40, list.lines().size());
    } finally {
      p.destroy();
      assertTrue(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS), "stops on SIGTERM");
    }
  }
}
