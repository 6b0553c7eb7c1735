package dev.cfauditlogs.cli;

import java.util.List;

/**
 * RFC 4180 CSV cells that are safe to open in a spreadsheet: a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return (which a spreadsheet would run as a
 * formula) gets a leading {@code '}, as OWASP advises; so does a cell that already starts with
 * {@code '}, so the rule can be undone exactly: drop one leading {@code '}.
 */
final class Csv {
  private Csv() {}

  static String row(List<String> cells) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        row.append(',');
      }
      row.append(cell(cells.get(i)));
    }
    return row.append("\r\n").toString();
  }

  static String cell(String value) {
    String safe = neutralize(value);
    boolean quote = false;
    for (int i = 0; i < safe.length() && !quote; i++) {
      char c = safe.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  static String neutralize(String value) {
    if (value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    boolean risky =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
            || first == '\'';
    return risky ? "'" + value : value;
  }
}
