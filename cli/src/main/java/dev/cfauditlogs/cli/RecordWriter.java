package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import java.io.IOException;

/**
 * Writes records in one output format. Streams: nothing is buffered beyond the writer's own buffer.
 */
interface RecordWriter {
  void begin() throws IOException;

  void write(AuditLog log) throws IOException;

  void end() throws IOException;

  static RecordWriter of(String format, Appendable out, int width) {
    return switch (format) {
      case "jsonl" -> new JsonlWriter(out);
      case "json" -> new JsonArrayWriter(out);
      case "csv" -> new CsvWriter(out);
      case "table" -> new TableWriter(out, width);
      default -> throw new IllegalArgumentException("unknown format " + format);
    };
  }
}
