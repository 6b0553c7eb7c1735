package dev.cfauditlogs.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the last whole record of a file written in one output format ends, so that a record torn by
 * a kill can be cut off before appending. A record is not always a line: a CSV cell may hold a
 * newline.
 */
enum RecordEnds {
  /**
   * JSONL: a record is one line. Compact JSON has no raw newline (JSON strings escape it), so the
   * last newline ends the last whole record.
   */
  LINES {
    @Override
    long completeLength(FileChannel channel) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
      for (long end = channel.size(); end > 0; ) {
        long start = Math.max(0, end - BUFFER);
        buffer.clear().limit((int) (end - start));
        read(channel, buffer, start);
        for (int i = buffer.limit() - 1; i >= 0; i--) {
          if (buffer.get(i) == '\n') {
            return start + i + 1;
          }
        }
        end = start;
      }
      return 0;
    }

    @Override
    boolean isTornRecord(String fragment, boolean atStart) {
      return fragment.startsWith("{"); // every record follow writes is one JSON object
    }
  },

  /**
   * RFC 4180 CSV as {@link Csv#row} writes it: a record ends at a line break outside quotes. Which
   * line breaks are inside quotes only shows from the start of the file, so the file is read once
   * from the start (about a second per gigabyte).
   */
  CSV_RECORDS {
    @Override
    long completeLength(FileChannel channel) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
      boolean quoted = false;
      long complete = 0;
      long size = channel.size();
      for (long start = 0; start < size; start += buffer.limit()) {
        buffer.clear().limit((int) Math.min(BUFFER, size - start));
        read(channel, buffer, start);
        for (int i = 0; i < buffer.limit(); i++) {
          byte b = buffer.get(i);
          if (b == '"') {
            quoted = !quoted; // a doubled quote inside a quoted cell toggles twice
          } else if (b == '\n' && !quoted) {
            complete = start + i + 1;
          }
        }
      }
      return complete;
    }

    /**
     * The header torn (at the start of the file), else the start of a row: at most as many cells as
     * there are columns, the first a record id, the second the start of a time.
     */
    @Override
    boolean isTornRecord(String fragment, boolean atStart) {
      if (atStart) {
        return Csv.row(FlatRecord.COLUMNS).startsWith(fragment);
      }
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < fragment.length(); i++) {
        char c = fragment.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          cells.add(cell.toString());
          cell.setLength(0);
          continue;
        }
        cell.append(c);
      }
      cells.add(cell.toString());
      return cells.size() <= FlatRecord.COLUMNS.size()
          && ID.matcher(cells.get(0)).matches()
          && (cells.size() < 2 || WHEN.matcher(cells.get(1)).matches());
    }
  };

  /** A record id cell (or its start) as {@link Csv#cell} writes it. */
  private static final Pattern ID = Pattern.compile("\"?'?[A-Za-z0-9_.:-]*\"?\r?");

  /** A {@code when} cell (or its start): an ISO 8601 time, or empty. */
  private static final Pattern WHEN = Pattern.compile("[0-9T:.Z+-]*\r?");

  private static final int BUFFER = 1 << 16;

  /** The length of the file up to and including the end of its last whole record. */
  abstract long completeLength(FileChannel channel) throws IOException;

  /**
   * Whether {@code fragment}, the text after the last whole record, is recognisably the start of a
   * record this format writes (what a kill mid-write leaves), so that it may be cut off; {@code
   * atStart} when there is no whole record before it.
   */
  abstract boolean isTornRecord(String fragment, boolean atStart);

  /** The record ends of an output format that follow appends. */
  static RecordEnds of(String format) {
    return switch (format) {
      case "jsonl" -> LINES;
      case "csv" -> CSV_RECORDS;
      default -> throw new IllegalArgumentException("follow cannot append " + format);
    };
  }

  private static void read(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("the file shrank while it was read");
      }
    }
  }
}
