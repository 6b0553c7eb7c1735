package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import java.io.IOException;

/**
 * RFC 4180 CSV with a header row and the fixed columns of {@link FlatRecord#COLUMNS};
 * spreadsheet-safe.
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
    out.append(Csv.row(FlatRecord.of(log.json()).values()));
  }

  @Override
  public void end() {}
}
