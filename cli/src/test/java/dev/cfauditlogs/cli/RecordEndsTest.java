package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file torn at any byte is cut back to its last whole record, for each format follow appends: a
 * CSV record may span lines (a quoted cell holding a newline), a JSONL record is one line.
 */
class RecordEndsTest {
  @TempDir Path dir;

  private static final List<List<String>> ROWS =
      List.of(
          List.of("id", "when", "newValue"),
          List.of("1", "2026-01-01T00:00:00Z", "plain"),
          List.of("2", "2026-01-01T00:00:01Z", "line one\nline two\nline three"),
          List.of("3", "2026-01-01T00:00:02Z", "crlf\r\nin a \"quoted\", cell"),
          List.of("4", "2026-01-01T00:00:03Z", "\n"),
          List.of("5", "2026-01-01T00:00:04Z", "\"\n\"\"\n"),
          List.of("6", "2026-01-01T00:00:05Z", "été 🚀\nend"),
          List.of("7", "2026-01-01T00:00:06Z", ""));

  private static final List<String> JSONL =
      List.of(
          "{\"id\":\"1\",\"newValue\":\"a\\nb\"}\n",
          "{\"id\":\"2\",\"newValue\":{\"content\":\"été 🚀\",\"ttl\":1}}\n",
          "{\"id\":\"3\",\"newValue\":\"\\r\\n\\\"\"}\n");

  @Test
  void csvTornAtAnyByteIsCutAtTheLastWholeRecord() throws IOException {
    assertCutAtLastWholeRecord(RecordEnds.CSV_RECORDS, ROWS.stream().map(Csv::row).toList());
  }

  @Test
  void jsonlTornAtAnyByteIsCutAtTheLastWholeLine() throws IOException {
    assertCutAtLastWholeRecord(RecordEnds.LINES, JSONL);
  }

  private void assertCutAtLastWholeRecord(RecordEnds ends, List<String> records)
      throws IOException {
    byte[] whole = String.join("", records).getBytes(StandardCharsets.UTF_8);
    List<Integer> boundaries = new ArrayList<>(List.of(0));
    for (String r : records) {
      boundaries.add(
          boundaries.get(boundaries.size() - 1) + r.getBytes(StandardCharsets.UTF_8).length);
    }
    Path file = dir.resolve("torn");
    for (int k = 0; k <= whole.length; k++) {
      Files.write(file, Arrays.copyOf(whole, k));
      int expected = 0;
      for (int b : boundaries) {
        if (b <= k) {
          expected = b;
        }
      }
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        assertEquals(expected, ends.completeLength(ch), "torn at byte " + k);
      }
    }
  }

  @Test
  void appendingToACsvTornInsideAQuotedMultiLineCellGivesWholeRecords() throws IOException {
    String whole = String.join("", ROWS.stream().map(Csv::row).toList());
    // Torn right after the first newline inside record 2's quoted cell.
    int torn = whole.indexOf("line one\n") + "line one\n".length();
    Path file = dir.resolve("out.csv");
    Files.writeString(file, whole.substring(0, torn));
    try (AppendOnlyFile out = AppendOnlyFile.open(file, RecordEnds.CSV_RECORDS)) {
      for (List<String> row : ROWS.subList(2, ROWS.size())) {
        out.writer().write(Csv.row(row));
      }
      out.flushAndSync();
    }
    List<List<String>> parsed = new ArrayList<>();
    try (CSVParser parser =
        CSVParser.parse(new StringReader(Files.readString(file)), CSVFormat.RFC4180)) {
      for (CSVRecord record : parser.getRecords()) {
        parsed.add(record.toList());
      }
    }
    assertEquals(ROWS, parsed);
  }
}
