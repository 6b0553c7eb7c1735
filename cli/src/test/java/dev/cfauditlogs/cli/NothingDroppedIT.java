package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.ReceivedRequest;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing silently dropped, through the real jar: CSV keeps every field (the {@code extra} column),
 * {@code list} in a script says when more pages exist, and relative {@code --since}/{@code
 * --before} are shown as the instant sent.
 */
class NothingDroppedIT {
  private final List<AuditLogEmulator> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(AuditLogEmulator::close);
  }

  private AuditLogEmulator emulator(AuditLogEmulator.Builder builder) {
    AuditLogEmulator e = builder.start();
    started.add(e);
    return e;
  }

  private static Map<String, String> env(AuditLogEmulator e) {
    return Map.of("CLOUDFLARE_BASE_URL", e.baseUrl(), "CLOUDFLARE_API_TOKEN", e.apiToken());
  }

  private static List<CSVRecord> csv(String text) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
      return parser.getRecords();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"export", "list"})
  void theCsvCaseKeepsTheDeletedRecordInTheExtraColumn(String command) throws IOException {
    String record = ExtraColumnTest.resource("csv-fields-outside-columns.jsonl").strip();
    AuditLogEmulator e = emulator(AuditLogEmulator.builder().dataset(Dataset.of(List.of(record))));
    JarRunner.Result r = JarRunner.run(env(e), command, "--format", "csv");
    assertEquals(0, r.exitCode(), r.all());
    List<CSVRecord> rows = csv(r.stdout());
    assertEquals(2, rows.size(), r.stdout());
    assertEquals(FlatRecord.COLUMNS, rows.get(0).toList());
    assertEquals("extra", rows.get(0).get(rows.get(0).size() - 1));
    String extra = rows.get(1).get(FlatRecord.COLUMNS.size() - 1);
    assertTrue(extra.startsWith("{\"action\":{\"info\":\"key digest: 00aa11bb22cc\"},"), extra);
    assertTrue(
        extra.contains(
            "\"oldValueJson\":{\"comment\":null,\"content\":"
                + "\"\\\"heritage=external-dns,external-dns/owner=development\","),
        extra);
    assertTrue(extra.contains("\"name\":\"_owner.app.example.com\""), extra);
    assertEquals("rec_del", rows.get(1).get(2));
  }

  @Test
  void listInAScriptSaysHowManyPagesThereAreAndThatExportFetchesThemAll() {
    AuditLogEmulator e = emulator(AuditLogEmulator.builder().dataset(Dataset.synthetic(3, 250)));
    JarRunner.Result first =
        JarRunner.run(env(e), "list", "--per-page", "100", "--format", "jsonl");
    assertEquals(0, first.exitCode(), first.all());
    assertEquals(100, first.lines().size());
    assertTrue(first.stderr().contains("printed page 1 of 3 (100 records of 250)"), first.stderr());
    assertTrue(first.stderr().contains("'cf-audit-logs export'"), first.stderr());
    assertTrue(first.stderr().contains("--page 2"), first.stderr());

    JarRunner.Result last =
        JarRunner.run(env(e), "list", "--per-page", "100", "--page", "3", "--format", "jsonl");
    assertEquals(0, last.exitCode(), last.all());
    assertEquals(50, last.lines().size());
    assertEquals("", last.stderr(), "nothing to say on the last page");
  }

  @Test
  void listWithoutResultInfoSaysMoreMayExistAfterAFullPage() {
    AuditLogEmulator e =
        emulator(AuditLogEmulator.builder().dataset(Dataset.synthetic(3, 250)).resultInfo(false));
    JarRunner.Result full = JarRunner.run(env(e), "list", "--per-page", "100", "--format", "jsonl");
    assertEquals(0, full.exitCode(), full.all());
    assertTrue(full.stderr().contains("more may exist"), full.stderr());
    assertTrue(full.stderr().contains("'cf-audit-logs export'"), full.stderr());

    JarRunner.Result shortPage =
        JarRunner.run(env(e), "list", "--per-page", "100", "--page", "3", "--format", "jsonl");
    assertEquals(0, shortPage.exitCode(), shortPage.all());
    assertEquals(50, shortPage.lines().size());
    assertEquals("", shortPage.stderr());
  }

  @Test
  void relativeTimesAreTakenFromTheClockOnceAndShownAsTheInstantSent() {
    AuditLogEmulator e = emulator(AuditLogEmulator.builder().dataset(Dataset.synthetic(3, 50)));
    Instant before = Instant.now().minusSeconds(1);
    JarRunner.Result r =
        JarRunner.run(env(e), "export", "--since", "24h", "--before", "90s", "--per-page", "10");
    Instant after = Instant.now();
    assertEquals(0, r.exitCode(), r.all());
    Instant since = shown(r.stderr(), "--since 24h");
    Instant until = shown(r.stderr(), "--before 90s");
    assertEquals(Duration.ofHours(24).minusSeconds(90), Duration.between(since, until));
    assertFalse(since.isBefore(before.minus(Duration.ofHours(24))), since + " vs " + before);
    assertFalse(since.isAfter(after.minus(Duration.ofHours(24))), since + " vs " + after);
    assertFalse(e.requests().isEmpty());
    for (ReceivedRequest request : e.requests()) {
      assertEquals(since.toString(), request.queryParameter("since").orElseThrow());
      assertEquals(until.toString(), request.queryParameter("before").orElseThrow());
    }
  }

  private static Instant shown(String stderr, String option) {
    Matcher m =
        Pattern.compile("cf-audit-logs: " + Pattern.quote(option) + " = (\\S+Z) ").matcher(stderr);
    assertTrue(m.find(), option + " in " + stderr);
    Instant shown = Instant.parse(m.group(1));
    assertFalse(m.find(), "said once: " + stderr);
    return shown;
  }

  @ParameterizedTest
  @ValueSource(strings = {"7x", "-3d", "1.5h", "30M", "99999999w", "24 h", "5min"})
  void badRelativeTimesAreExitTwoNamingTheValueBeforeAnyRequest(String value) {
    AuditLogEmulator e = emulator(AuditLogEmulator.builder().dataset(Dataset.synthetic(3, 5)));
    for (String option : List.of("--since", "--before")) {
      // parsing: in-process (what the jar's main calls), the first value through the jar as well
      JarRunner.Result r = InProcess.run(env(e), "list", option, value);
      if (value.equals("7x")) {
        assertEquals(r, JarRunner.run(env(e), "list", option, value), "the jar says the same");
      }
      assertEquals(2, r.exitCode(), r.all());
      assertTrue(r.stderr().contains("'" + value + "'"), r.stderr());
      assertTrue(r.stderr().contains(option), r.stderr());
      assertEquals("", r.stdout());
    }
    assertEquals(0, e.requestCount(), "nothing was sent");
  }
}
