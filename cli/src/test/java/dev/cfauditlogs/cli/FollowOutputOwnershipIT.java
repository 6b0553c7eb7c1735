package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code follow --output} appends only to a file of its own records in the chosen format: a file
 * ending with text follow did not write, or holding the other format, is refused (exit 2, before
 * any request, the file untouched) with a message saying what the file holds.
 */
class FollowOutputOwnershipIT {
  private static final String RECORD =
      "{\"id\":\"rec-1\",\"when\":\"2026-01-01T00:00:01Z\",\"action\":{\"type\":\"login\"}}";
  private static final String HEADER = Csv.row(FlatRecord.COLUMNS);

  @TempDir Path dir;

  private JarRunner.Result follow(AuditLogEmulator emulator, Path out, String format) {
    Map<String, String> env = JarRunner.env(emulator.baseUrl(), emulator.apiToken());
    return JarRunner.run(
        env,
        "follow",
        "--once",
        "--checkpoint",
        dir.resolve("n.ckpt").toString(),
        "--output",
        out.toString(),
        "--format",
        format);
  }

  /** A last line without a line end that is not a torn record of the format is the user's. */
  @ParameterizedTest(name = "{0}: [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "jsonl|{\"id\":\"rec-0\"}\\n|important last line",
        "jsonl|{\"id\":\"rec-0\"}\\n|' {\"indented\":1}'",
        "jsonl|{\"id\":\"rec-0\"}\\n|[1,2,3]",
        "csv|HEADER|important last line",
        "csv|HEADER|rec-0,not a time",
        "csv|HEADER|rec-0,2026-01-01T00:00:00Z,a,b,c,d,e,f,g,h,i,j,k,l,m,n,too,many,cells"
      })
  void aLastLineFollowDidNotWriteIsRefusedAndKept(String format, String head, String last)
      throws Exception {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.of(List.of(RECORD))).start()) {
      Path out = dir.resolve("notes." + format);
      String before = (head.equals("HEADER") ? HEADER : head.replace("\\n", "\n")) + last;
      Files.writeString(out, before);

      JarRunner.Result result = follow(emulator, out, format);

      assertEquals(2, result.exitCode(), result.all());
      assertTrue(result.stderr().contains(out.toString()), result.stderr());
      assertTrue(
          result.stderr().contains("not a record torn by an interrupted follow"), result.all());
      assertTrue(result.stderr().contains(last.strip()), result.stderr());
      assertEquals(before, Files.readString(out), "the file is untouched");
      assertEquals(0, emulator.requestCount(), "refused before any request");
    }
  }

  @Test
  void theUsersLastLineInAPlainTextFileIsNeverDeleted() throws Exception {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.of(List.of(RECORD))).start()) {
      Path out = dir.resolve("notes.txt");
      Files.writeString(out, "line one\nimportant last line");

      JarRunner.Result result = follow(emulator, out, "jsonl");

      assertEquals(2, result.exitCode(), result.all());
      assertTrue(result.stderr().contains("starts with 'line one'"), result.stderr());
      assertEquals("line one\nimportant last line", Files.readString(out));
    }
  }

  @Test
  void aTornJsonlRecordIsRemovedAndSaid() throws Exception {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.of(List.of(RECORD))).start()) {
      Path out = dir.resolve("audit.jsonl");
      Files.writeString(out, "{\"id\":\"rec-0\"}\n{\"id\":\"rec-1\",\"wh");

      JarRunner.Result result = follow(emulator, out, "jsonl");

      assertEquals(0, result.exitCode(), result.all());
      assertTrue(
          result.stderr().contains("removed 17 bytes from the end of " + out + " (bytes 15 to 32"),
          result.stderr());
      assertEquals("{\"id\":\"rec-0\"}\n" + RECORD + "\n", Files.readString(out));
    }
  }

  @Test
  void jsonlIsNotAppendedToACsvFile() throws Exception {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.of(List.of(RECORD))).start()) {
      Path out = dir.resolve("audit.csv");
      String csv = HEADER + "rec-0,2026-01-01T00:00:00Z\r\n";
      Files.writeString(out, csv);

      JarRunner.Result result = follow(emulator, out, "jsonl");

      assertEquals(2, result.exitCode(), result.all());
      assertTrue(
          result.stderr().contains("holds CSV records (its first line is the CSV header 'id,when,"),
          result.stderr());
      assertTrue(result.stderr().contains("would mix two formats"), result.stderr());
      assertEquals(csv, Files.readString(out));
      assertEquals(0, emulator.requestCount());
    }
  }

  @Test
  void csvIsNotAppendedToAJsonlFile() throws Exception {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.of(List.of(RECORD))).start()) {
      Path out = dir.resolve("audit.jsonl");
      String jsonl = "{\"id\":\"rec-0\"}\n";
      Files.writeString(out, jsonl);

      JarRunner.Result result = follow(emulator, out, "csv");

      assertEquals(2, result.exitCode(), result.all());
      assertTrue(
          result.stderr().contains("holds JSONL records (its first line starts '{\"id\""),
          result.stderr());
      assertFalse(result.stderr().contains("CSV header"), result.stderr());
      assertEquals(jsonl, Files.readString(out));
      assertEquals(0, emulator.requestCount());
    }
  }
}
