package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Property tests of {@link Csv} over random rows (seeded; {@code -Dcsv.tries}, default 20,000): any
 * strings survive a round trip through a standard RFC 4180 parser once the documented
 * neutralization is undone (drop one leading {@code '}), and no parsed cell starts a formula.
 */
class CsvPropertyTest {
  private static final int TRIES = Integer.getInteger("csv.tries", 20_000);
  private static final String[] PIECES = {
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "'",
    "\"",
    ",",
    " ",
    "a",
    "Z",
    "1",
    "é",
    "中",
    "😀",
    "\ud83d",
    "\u0000",
    "\u2028",
    "=SUM(A1:A2)",
    "@cmd",
    "-2+3",
    "\"\"",
    ",,",
    "'="
  };

  private static String randomCell(SplittableRandom r) {
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(7);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(4) == 0) {
        s.append((char) r.nextInt(0x10000));
      } else {
        s.append(PIECES[r.nextInt(PIECES.length)]);
      }
    }
    return s.toString();
  }

  @Test
  void anyRowSurvivesTheRoundTripAndNoCellStartsAFormula() throws IOException {
    SplittableRandom random = new SplittableRandom(Long.getLong("csv.seed", 20261122L));
    CSVFormat rfc4180 = CSVFormat.RFC4180;
    for (int t = 0; t < TRIES; t++) {
      List<String> cells = new ArrayList<>();
      int n = 1 + random.nextInt(6);
      for (int i = 0; i < n; i++) {
        cells.add(randomCell(random));
      }
      String row = Csv.row(cells);
      List<CSVRecord> parsed;
      try (CSVParser parser = CSVParser.parse(new StringReader(row), rfc4180)) {
        parsed = parser.getRecords();
      }
      assertEquals(1, parsed.size(), () -> "one record from " + row);
      CSVRecord record = parsed.get(0);
      assertEquals(cells.size(), record.size(), () -> "same cell count for " + cells);
      for (int i = 0; i < cells.size(); i++) {
        String cell = record.get(i);
        if (!cell.isEmpty()) {
          char first = cell.charAt(0);
          assertFalse(
              first == '='
                  || first == '+'
                  || first == '-'
                  || first == '@'
                  || first == '\t'
                  || first == '\r',
              "a cell starts a formula: " + cell);
        }
        String undone = cell.startsWith("'") ? cell.substring(1) : cell;
        assertEquals(cells.get(i), undone, "the value comes back after dropping one leading '");
      }
    }
  }

  @Test
  void neutralizingIsUndoneByDroppingOneQuoteExactly() {
    SplittableRandom random = new SplittableRandom(7);
    for (int t = 0; t < TRIES; t++) {
      String value = randomCell(random);
      String safe = Csv.neutralize(value);
      assertEquals(value, safe.startsWith("'") ? safe.substring(1) : safe, value);
    }
  }
}
