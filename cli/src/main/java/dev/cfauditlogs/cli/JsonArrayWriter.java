package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import java.io.IOException;

/**
 * One JSON array, streamed: the same objects as JSONL, one per line between {@code [} and {@code
 * ]}.
 */
final class JsonArrayWriter implements RecordWriter {
  private final Appendable out;
  private boolean first = true;

  JsonArrayWriter(Appendable out) {
    this.out = out;
  }

  @Override
  public void begin() throws IOException {
    out.append("[\n");
  }

  @Override
  public void write(AuditLog log) throws IOException {
    out.append(first ? "" : ",\n").append(log.compactJson());
    first = false;
  }

  @Override
  public void end() throws IOException {
    out.append(first ? "]\n" : "\n]\n");
  }
}
