package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import java.io.IOException;

/**
 * One JSON object per line, each exactly as the API sent it (whitespace between tokens removed).
 */
final class JsonlWriter implements RecordWriter {
  private final Appendable out;

  JsonlWriter(Appendable out) {
    this.out = out;
  }

  @Override
  public void begin() {}

  @Override
  public void write(AuditLog log) throws IOException {
    out.append(log.compactJson()).append('\n');
  }

  @Override
  public void end() {}
}
