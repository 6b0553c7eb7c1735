package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** export=true: CSV with the documented columns and RFC 4180 quoting. */
class CsvExportTest {
  private static AuditLogEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = AuditLogEmulator.builder().dataset(Dataset.synthetic(42, 250)).start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  /**
   * A strict RFC 4180 reader: CRLF records, quoted fields may hold commas, quotes (doubled) and
   * line breaks.
   */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (i < csv.length()) {
      char c = csv.charAt(i);
      if (c == '"' && field.length() == 0) {
        i++;
        while (true) {
          char q = csv.charAt(i++);
          if (q == '"') {
            if (i < csv.length() && csv.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(q);
          }
        }
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        i++;
      } else if (c == '\r' && csv.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i += 2;
      } else {
        assertTrue(c != '"' && c != '\n' && c != '\r', "unquoted special character at " + i);
        field.append(c);
        i++;
      }
    }
    assertEquals(0, field.length() + row.size(), "the last record must end in CRLF");
    return rows;
  }

  @Test
  void exportIsCsvWithTheDocumentedColumns() {
    Http.Reply reply = Http.get(emulator, "export=true");
    assertEquals(200, reply.status);
    assertEquals("text/csv; charset=utf-8", reply.headers.get("Content-Type"));
    assertTrue(reply.headers.get("cf-ray") != null);
    List<List<String>> rows = parse(reply.body);
    assertEquals(
        "id,when,action.type,action.result,actor.id,actor.email,actor.ip,actor.type,interface,"
            + "resource.id,resource.type,owner.id,oldValue,newValue,metadata",
        String.join(",", rows.get(0)),
        "the columns the README documents, in order");
    assertEquals(251, rows.size(), "every matching record; page and per_page do not cut an export");
  }

  @Test
  void everyValueRoundTripsThroughQuoting() {
    List<List<String>> rows = parse(Http.get(emulator, "export=true&per_page=5").body);
    List<EmulatedLog> logs = emulator.records();
    int hostile = 0;
    for (int r = 0; r < logs.size(); r++) {
      Map<String, Object> json = Http.parse(logs.get(r).json());
      List<String> row = rows.get(r + 1);
      assertEquals(json.get("id"), row.get(0));
      assertEquals(json.get("when"), row.get(1));
      assertEquals(String.valueOf(((Map<?, ?>) json.get("action")).get("result")), row.get(3));
      assertEquals(orEmpty(((Map<?, ?>) json.get("actor")).get("email")), row.get(5));
      assertEquals(orEmpty(json.get("oldValue")), row.get(12));
      assertEquals(orEmpty(json.get("newValue")), row.get(13));
      assertEquals(json.get("metadata"), Http.parse(row.get(14)));
      if (SyntheticGenerator.HOSTILE.contains(row.get(13))) {
        hostile++;
      }
    }
    assertTrue(hostile > 10, "hostile values exported: " + hostile);
  }

  @Test
  void hostileValuesAreQuotedOnlyWhenRfc4180SaysSo() {
    String body = Http.get(emulator, "export=true").body;
    assertTrue(body.contains(",\"comma, separated, values\""));
    assertTrue(body.contains("\"she said \"\"hello\"\" and left\""));
    assertTrue(body.contains("\"first line\nsecond line\""));
    assertTrue(body.contains(",+SUM(1,2)") || body.contains(",\"+SUM(1,2)\""));
    assertTrue(
        body.contains(",@SUM(A1:A9),") || body.contains(",@SUM(A1:A9)\r\n"),
        "not quoted, not altered");
  }

  @Test
  void filtersAndDirectionApplyToTheExport() {
    List<List<String>> rows =
        parse(Http.get(emulator, "export=true&action.type=login&direction=asc").body);
    assertTrue(rows.size() > 2);
    for (List<String> row : rows.subList(1, rows.size())) {
      assertEquals("login", row.get(2));
    }
    for (int i = 2; i < rows.size(); i++) {
      assertTrue(rows.get(i - 1).get(1).compareTo(rows.get(i).get(1)) <= 0);
    }
  }

  @Test
  void anEmptyExportIsTheHeaderAlone() {
    List<List<String>> rows = parse(Http.get(emulator, "export=true&id=none").body);
    assertEquals(1, rows.size());
  }

  private static String orEmpty(Object value) {
    return value == null ? "" : value.toString();
  }
}
