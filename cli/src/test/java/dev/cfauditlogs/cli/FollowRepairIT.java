package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code follow --output} after a kill tore the file (issue 12, section 5): the real jar cuts the
 * file back to its last whole record — a record, not a line, since a CSV cell may hold newlines —
 * and appends from the checkpoint, so the file ends with every record whole, the records after the
 * checkpoint appended once, and nothing else.
 */
class FollowRepairIT {
  /**
   * What the first two runs of a format wrote (the file after 10 records, the checkpoint then, the
   * file after 15): the same for every tear of that format, whose emulator serves the same records,
   * so each format's are made once, by its first case.
   */
  private record TwoRuns(byte[] afterTen, byte[] checkpointAfterTen, byte[] whole) {}

  private static final Map<String, TwoRuns> TWO_RUNS = new ConcurrentHashMap<>();

  @TempDir Path dir;

  private static String record(int i) {
    String when = String.format("2026-01-01T00:00:%02dZ", i);
    return "{\"id\":\"rec-"
        + i
        + "\",\"when\":\""
        + when
        + "\",\"action\":{\"type\":\"rec_set\",\"result\":true},"
        + "\"actor\":{\"id\":\"a1\",\"email\":\"ops@example.com\",\"ip\":\"192.0.2.1\",\"type\":\"user\"},"
        + "\"interface\":\"API\",\"metadata\":{\"zone_name\":\"example.com\"},"
        + "\"newValue\":\"line one\\nline \\\"two\\\", "
        + i
        + "\\r\\nline three\",\"oldValue\":\"\",\"owner\":{\"id\":\"o1\"},"
        + "\"resource\":{\"id\":\"r"
        + i
        + "\",\"type\":\"DNS record\"}}";
  }

  /**
   * @param format jsonl or csv
   * @param tornAfter text of record 12 after which the kill tore the file; empty: between records
   */
  static Stream<Arguments> tears() {
    return Stream.of(
        Arguments.of("csv", "line one\n"), // right after a newline inside a quoted cell
        Arguments.of("csv", "line \"\"two"), // in the middle of a quoted multi-line cell
        Arguments.of("csv", "line three"), // before the closing quote
        Arguments.of("csv", ""), // between records: nothing to cut
        Arguments.of("jsonl", "line one"), // in the middle of a line
        Arguments.of("jsonl", "\"when\":\"2026"),
        Arguments.of("jsonl", ""));
  }

  /**
   * @param format jsonl or csv
   * @param tornAfter text of record 12 after which the kill tore the file; empty: before it
   */
  @ParameterizedTest(name = "{0} torn after [{1}]")
  @MethodSource("tears")
  void aTornFileIsCutAtItsLastWholeRecordThenAppendedToFromTheCheckpoint(
      String format, String tornAfter) throws Exception {
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      first.add(record(i));
    }
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.of(first)).start()) {
      Map<String, String> env = JarRunner.env(emulator.baseUrl(), emulator.apiToken());
      Path out = dir.resolve("audit." + format);
      Path checkpoint = dir.resolve("sync.ckpt");
      String[] args = {
        "follow",
        "--once",
        "--checkpoint",
        checkpoint.toString(),
        "--output",
        out.toString(),
        "--format",
        format
      };
      TwoRuns runs = TWO_RUNS.get(format);
      if (runs == null) {
        assertEquals(0, JarRunner.run(env, args).exitCode());
        byte[] afterTen = Files.readAllBytes(out);
        byte[] checkpointAfterTen = Files.readAllBytes(checkpoint);
        for (int i = 10; i < 15; i++) {
          emulator.append(record(i));
        }
        assertEquals(0, JarRunner.run(env, args).exitCode());
        runs = new TwoRuns(afterTen, checkpointAfterTen, Files.readAllBytes(out));
        TWO_RUNS.put(format, runs);
      } else {
        for (int i = 10; i < 15; i++) {
          emulator.append(record(i));
        }
      }
      byte[] afterTen = runs.afterTen();
      byte[] whole = runs.whole();
      Path checkpointAfterTen = Files.write(dir.resolve("ten.ckpt"), runs.checkpointAfterTen());

      // A kill while the second run wrote record 12: torn file, checkpoint from before the run.
      String text = new String(whole, StandardCharsets.UTF_8);
      int start12 = text.indexOf(format.equals("csv") ? "rec-12," : "{\"id\":\"rec-12\"");
      int torn =
          tornAfter.isEmpty() ? start12 : text.indexOf(tornAfter, start12) + tornAfter.length();
      assertTrue(start12 > 0 && torn >= start12, tornAfter + " not found in " + text);
      int tornBytes = text.substring(0, torn).getBytes(StandardCharsets.UTF_8).length;
      int start12Bytes = text.substring(0, start12).getBytes(StandardCharsets.UTF_8).length;
      Files.write(out, Arrays.copyOf(whole, tornBytes));
      Files.copy(checkpointAfterTen, checkpoint, StandardCopyOption.REPLACE_EXISTING);

      JarRunner.Result again = JarRunner.run(env, args);
      assertEquals(0, again.exitCode(), again.all());
      if (tornBytes > start12Bytes) { // what was cut off is said, with where
        assertTrue(
            again
                .stderr()
                .contains(
                    "removed "
                        + (tornBytes - start12Bytes)
                        + " bytes from the end of "
                        + out
                        + " (bytes "
                        + start12Bytes
                        + " to "
                        + tornBytes),
            again.stderr());
      } else { // nothing to say but follow --once's summary of the 5 records it appended
        assertTrue(
            again
                .stderr()
                .matches(
                    "cf-audit-logs: follow --once: 5 records written \\([^)]*\\); checkpoint"
                        + " saved to "
                        + java.util.regex.Pattern.quote(checkpoint.toString())
                        + "\n"),
            again.stderr());
      }
      // Records 10 and 11 were whole: kept, and appended again from the checkpoint (at most the
      // page being written is repeated); record 12's torn part is gone.
      byte[] kept = Arrays.copyOf(whole, start12Bytes);
      byte[] appended = Arrays.copyOfRange(whole, afterTen.length, whole.length);
      byte[] expected = new byte[kept.length + appended.length];
      System.arraycopy(kept, 0, expected, 0, kept.length);
      System.arraycopy(appended, 0, expected, kept.length, appended.length);
      assertArrayEquals(
          expected,
          Files.readAllBytes(out),
          () -> "got:\n" + new String(readQuietly(out), StandardCharsets.UTF_8));
    }
  }

  @org.junit.jupiter.api.Test
  void aCsvFileOfOtherColumnsIsNotAppendedTo() throws Exception {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.of(List.of(record(1)))).start()) {
      Map<String, String> env = JarRunner.env(emulator.baseUrl(), emulator.apiToken());
      Path out = dir.resolve("old.csv");
      // What a version before the 'extra' column wrote: the 15 fixed columns.
      String old =
          "id,when,action.type,action.result,actor.id,actor.email,actor.ip,actor.type,interface,"
              + "resource.id,resource.type,owner.id,oldValue,newValue,metadata\r\n"
              + "rec-0,2026-01-01T00:00:00Z,rec_set,true,a1,ops@example.com,192.0.2.1,user,API,"
              + "r0,DNS record,o1,,,{}\r\n";
      Files.writeString(out, old);
      Path checkpoint = dir.resolve("old.ckpt");

      JarRunner.Result result =
          JarRunner.run(
              env,
              "follow",
              "--once",
              "--checkpoint",
              checkpoint.toString(),
              "--output",
              out.toString(),
              "--format",
              "csv");

      assertEquals(2, result.exitCode(), result.all());
      assertTrue(result.all().contains("appending would misalign its columns"), result.all());
      assertEquals(old, Files.readString(out));
      assertEquals(0, emulator.requestCount(), "refused before any request");
    }
  }

  private static byte[] readQuietly(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (java.io.IOException e) {
      return new byte[0];
    }
  }
}
