package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * RFC 4180 CSV with a header row and the columns of {@link FlatRecord#COLUMNS}: the fixed columns,
 * then {@code extra} holding every other field; spreadsheet-safe.
 */
final class CsvWriter implements RecordWriter {
  private final Appendable out;

  CsvWriter(Appendable out) {
    this.out = out;
  }

  @Override
  public void begin() throws IOException {
    out.append(Csv.row(FlatRecord.COLUMNS));
  }

  @Override
  public void write(AuditLog log) throws IOException {
    out.append(Csv.row(FlatRecord.of(log.compactJson()).values()));
  }

  @Override
  public void end() {}

  /**
   * Refuses to append to a CSV file whose header names other columns than this version writes (e.g.
   * one written before the {@code extra} column existed): its rows would no longer line up. An
   * empty or missing file is fine.
   */
  static void requireSameColumns(Path file) throws IOException {
    String expected = Csv.row(FlatRecord.COLUMNS);
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(expected.length());
    } catch (NoSuchFileException e) {
      return;
    }
    String found = new String(head, StandardCharsets.UTF_8);
    if (head.length > 0 && !found.equals(expected)) {
      String firstLine = found.lines().findFirst().orElse("");
      throw new Failures.CliException(
          ExitCode.USAGE,
          file
              + " starts with the CSV header '"
              + (firstLine.length() > 200 ? firstLine.substring(0, 200) + "…" : firstLine)
              + "', not this version's '"
              + expected.strip()
              + "': appending would misalign its columns; follow into a new file (and keep its"
              + " checkpoint apart)");
    }
  }
}
