package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import java.io.IOException;

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
}
