package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.cli.FlatRecord.Column;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns for people: when, action, result, actor, IP, zone, resource, id, each read from
 * the CSV's {@link FlatRecord.Column} of the same field (the actor is its email, else its type; the
 * zone is {@code metadata.zone_name}). Rows are collected (a table is one page), then printed with
 * each column as wide as its widest cell, and the widest columns cut to fit the width. Control and
 * bidi/format characters are shown as spaces so a hostile value cannot move the cursor or reorder
 * text.
 */
final class TableWriter implements RecordWriter {
  private static final List<String> HEADER =
      List.of("WHEN", "ACTION", "OK", "ACTOR", "IP", "ZONE", "RESOURCE", "ID");

  private final Appendable out;
  private final int width;
  private final List<List<String>> rows = new ArrayList<>();

  TableWriter(Appendable out, int width) {
    this.out = out;
    this.width = Math.max(40, width);
  }

  @Override
  public void begin() {}

  @Override
  public void write(AuditLog log) {
    FlatRecord r = FlatRecord.of(log.compactJson());
    rows.add(
        List.of(
            r.get(Column.WHEN),
            r.get(Column.ACTION_TYPE),
            r.get(Column.ACTION_RESULT),
            r.get(Column.ACTOR_EMAIL).isEmpty()
                ? r.get(Column.ACTOR_TYPE)
                : r.get(Column.ACTOR_EMAIL),
            r.get(Column.ACTOR_IP),
            r.zoneName(),
            r.get(Column.RESOURCE_TYPE),
            r.get(Column.ID)));
  }

  @Override
  public void end() throws IOException {
    if (rows.isEmpty()) {
      out.append("(no records)\n");
      return;
    }
    int columns = HEADER.size();
    int[] widths = new int[columns];
    List<List<String>> all = new ArrayList<>();
    all.add(HEADER);
    for (List<String> row : rows) {
      List<String> clean = new ArrayList<>();
      for (String cell : row) {
        clean.add(printable(cell));
      }
      all.add(clean);
    }
    for (List<String> row : all) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    fit(widths);
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = row.get(c);
        if (cell.length() > widths[c]) {
          cell =
              widths[c] <= 1
                  ? cell.substring(0, widths[c])
                  : cell.substring(0, widths[c] - 1) + "…";
        }
        line.append(cell);
        if (c < columns - 1) {
          line.append(" ".repeat(widths[c] - cell.length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /**
   * Shrinks the widest columns until the row fits the width (each column keeps at least 4
   * characters).
   */
  private void fit(int[] widths) {
    int separators = 2 * (widths.length - 1);
    for (int guard = 0; guard < 10_000; guard++) {
      int total = separators;
      int widest = 0;
      for (int c = 0; c < widths.length; c++) {
        total += widths[c];
        if (widths[c] > widths[widest]) {
          widest = c;
        }
      }
      if (total <= width || widths[widest] <= 4) {
        return;
      }
      widths[widest]--;
    }
  }

  /** The text with control and bidi/format characters shown as spaces. */
  static String printable(String cell) {
    StringBuilder s = new StringBuilder(cell.length());
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      s.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c);
    }
    return s.toString();
  }
}
