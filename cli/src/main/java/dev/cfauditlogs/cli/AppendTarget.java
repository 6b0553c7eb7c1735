package dev.cfauditlogs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What a file that {@code follow --output} would append to holds, judged from its first line, so
 * that records of one format are never appended to a file of another.
 */
final class AppendTarget {
  private static final int HEAD_BYTES = 4096;

  private AppendTarget() {}

  /**
   * Refuses (exit 2) a non-empty {@code file} whose start is not what {@code format} ("jsonl" or
   * "csv") writes: for JSONL a JSON object, for CSV this version's header (or its torn start).
   */
  static void requireFormat(Path file, String format) throws IOException {
    requireFormat(file, format, FlatRecord.COLUMNS);
  }

  /**
   * As {@link #requireFormat(Path, String)}, for CSV with the header of {@code columns} (such as
   * the one with {@code account_id}).
   */
  static void requireFormat(Path file, String format, java.util.List<String> columns)
      throws IOException {
    String expectedHeader = Csv.row(columns);
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(Math.max(HEAD_BYTES, expectedHeader.length()));
    } catch (NoSuchFileException e) {
      return;
    }
    if (head.length == 0) {
      return;
    }
    String text = new String(head, StandardCharsets.UTF_8);
    boolean jsonl = text.startsWith("{");
    boolean ourCsv = text.startsWith(expectedHeader) || expectedHeader.startsWith(text);
    if (format.equals("jsonl") ? jsonl : ourCsv) {
      return;
    }
    String holds;
    if (jsonl) {
      holds = "holds JSONL records (its first line starts '" + shown(text) + "')";
    } else if (ourCsv) {
      holds = "holds CSV records (its first line is the CSV header '" + shown(text) + "')";
    } else if (format.equals("csv") && text.contains(",")) {
      holds =
          "starts with the CSV header '"
              + shown(text)
              + "', not this version's '"
              + expectedHeader.strip()
              + "'";
    } else {
      holds = "starts with '" + shown(text) + "', which is not " + what(format);
    }
    throw new Failures.CliException(
        ExitCode.USAGE,
        file
            + " "
            + holds
            + (jsonl || ourCsv
                ? ": appending " + what(format) + " would mix two formats in one file"
                : ": appending would misalign its columns")
            + "; follow into a new file (and keep its checkpoint apart)");
  }

  private static String what(String format) {
    return format.equals("csv") ? "CSV records of this version's columns" : "JSONL records";
  }

  /** The first line of {@code text}, at most 200 characters. */
  private static String shown(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
