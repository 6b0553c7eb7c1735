package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.cli.FlatRecord.Column;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aligned columns for people: when, action, result, actor, IP, zone, resource, id, each read from
 * the CSV's {@link FlatRecord.Column} of the same field (the actor is its email, else its type; the
 * zone is {@code metadata.zone_name}). Rows are collected (a table is one page), then printed with
 * each column as wide as its widest cell.
 *
 * <p>When the rows are wider than the width, the other columns give way so that WHEN and ID are
 * never cut: first whole columns are left out (ZONE, RESOURCE, IP, OK, ACTOR, then ACTION) while
 * even their narrowest would not fit, then the widest of those left are cut, each down to {@value
 * #NARROWEST} characters at the least, the cut shown as "…". {@link #hidden()} names what was left
 * out, for a note on stderr. A width of {@link #UNLIMITED} leaves out and cuts nothing ({@code
 * --wide}). Control and bidi/format characters are shown as spaces so a hostile value cannot move
 * the cursor or reorder text.
 */
final class TableWriter implements RecordWriter {
  private static final List<String> HEADER =
      List.of("WHEN", "ACTION", "OK", "ACTOR", "IP", "ZONE", "RESOURCE", "ID");

  /** The width that leaves out and cuts nothing. */
  static final int UNLIMITED = Integer.MAX_VALUE;

  /** The narrowest a cut column gets, in characters. */
  static final int NARROWEST = 8;

  /** The columns never cut nor left out: WHEN and ID. */
  private static final List<Integer> WHOLE = List.of(0, HEADER.size() - 1);

  /**
   * The columns left out when the width is short, first first: ZONE, RESOURCE, IP, OK, ACTOR,
   * ACTION.
   */
  private static final List<Integer> LEFT_OUT_FIRST = List.of(5, 6, 4, 2, 3, 1);

  private static final int GAP = 2;

  private final Appendable out;
  private final int width;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<String> hidden = new ArrayList<>();

  /**
   * @param width the columns a line may take, at least 40 ({@link #UNLIMITED}: no limit)
   */
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
    boolean[] shown = new boolean[columns];
    Arrays.fill(shown, true);
    fit(widths, shown);
    for (int c = 0; c < columns; c++) {
      if (!shown[c]) {
        hidden.add(HEADER.get(c));
      }
    }
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (!shown[c]) {
          continue;
        }
        String cell = row.get(c);
        if (cell.length() > widths[c]) {
          cell = cell.substring(0, widths[c] - 1) + "…";
        }
        line.append(cell).append(" ".repeat(widths[c] - cell.length() + GAP));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /**
   * The columns left out to fit the width, in table order (empty until {@link #end()}, and with
   * {@link #UNLIMITED}).
   */
  List<String> hidden() {
    return List.copyOf(hidden);
  }

  /**
   * Leaves out columns (in {@link #LEFT_OUT_FIRST} order) while even their narrowest would not fit,
   * then shrinks the widest columns other than WHEN and ID until the row fits the width.
   */
  private void fit(int[] widths, boolean[] shown) {
    if (width == UNLIMITED) {
      return;
    }
    for (int c : LEFT_OUT_FIRST) {
      if (narrowest(widths, shown) <= width) {
        break;
      }
      shown[c] = false;
    }
    for (int guard = 0; guard < 100_000; guard++) {
      int total = total(widths, shown);
      int widest = -1;
      for (int c = 0; c < widths.length; c++) {
        if (shown[c] && !WHOLE.contains(c) && (widest < 0 || widths[c] > widths[widest])) {
          widest = c;
        }
      }
      if (total <= width || widest < 0 || widths[widest] <= NARROWEST) {
        return;
      }
      widths[widest]--;
    }
  }

  /** The width of a row with every shown column other than WHEN and ID cut as far as it may be. */
  private static int narrowest(int[] widths, boolean[] shown) {
    int[] cut = widths.clone();
    for (int c = 0; c < cut.length; c++) {
      if (!WHOLE.contains(c)) {
        cut[c] = Math.min(cut[c], NARROWEST);
      }
    }
    return total(cut, shown);
  }

  private static int total(int[] widths, boolean[] shown) {
    int total = 0;
    int count = 0;
    for (int c = 0; c < widths.length; c++) {
      if (shown[c]) {
        total += widths[c];
        count++;
      }
    }
    return total + GAP * (count - 1);
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
