package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {
  /** Undoes {@link Csv#neutralize}: one leading quote is dropped. */
  static String restore(String cell) {
    return cell.startsWith("'") ? cell.substring(1) : cell;
  }

  private static List<List<String>> parse(String csv) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
      for (CSVRecord r : parser) {
        rows.add(r.toList());
      }
    }
    return rows;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=cmd|' /C calc'!A0",
        "+1",
        "-1",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "'=already quoted",
        "plain",
        "a,b",
        "say \"hi\"",
        "line\nbreak",
        "crlf\r\nbreak",
        "",
        "ünïcödé 名前",
        " leading space"
      })
  void cellsSurviveARoundTripThroughAStandardParser(String value) throws IOException {
    String csv = Csv.row(List.of(value, "next"));
    List<List<String>> rows = parse(csv);
    assertEquals(1, rows.size());
    assertEquals(value, restore(rows.get(0).get(0)));
    assertEquals("next", rows.get(0).get(1));
  }

  @Test
  void noCellCanStartAFormula() throws IOException {
    Random random = new Random(7);
    String alphabet = "=+-@\t\r\n,\"' ab1é";
    for (int i = 0; i < 2000; i++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(6);
      for (int j = 0; j < n; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String value = s.toString();
      List<List<String>> rows = parse(Csv.row(List.of(value)));
      String cell = rows.isEmpty() ? "" : rows.get(0).get(0);
      assertEquals(value, restore(cell), "round trip of " + value);
      assertFalse(
          !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "formula risk: " + cell);
    }
  }
}
