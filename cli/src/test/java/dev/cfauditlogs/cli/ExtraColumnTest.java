package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CSV's last column {@code extra} holds every field outside the fixed columns, nested as in the
 * record, so that a CSV row loses no field; the fixed columns keep their values.
 */
class ExtraColumnTest {
  private static final JsonAdapter<Object> ANY = new Moshi.Builder().build().adapter(Object.class);
  private static final List<String> TOP_COLUMNS =
      List.of("id", "when", "interface", "oldValue", "newValue");
  private static final List<String> PARENTS = List.of("action", "actor", "resource", "owner");

  static String resource(String name) {
    try (InputStream in = ExtraColumnTest.class.getResourceAsStream("/cases/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object parse(String json) {
    try {
      return ANY.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The record as a CSV row written by {@link CsvWriter}, parsed back by a standard parser. */
  private static Map<String, String> csvRow(String json) {
    try {
      StringWriter out = new StringWriter();
      out.append(Csv.row(FlatRecord.COLUMNS)).append(Csv.row(FlatRecord.of(json).values()));
      try (CSVParser parser =
          CSVParser.parse(
              new StringReader(out.toString()),
              CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
        List<CSVRecord> records = parser.getRecords();
        assertEquals(1, records.size());
        Map<String, String> row = new LinkedHashMap<>();
        records.get(0).toMap().forEach((k, v) -> row.put(k, CsvTest.restore(v)));
        assertEquals(FlatRecord.COLUMNS, parser.getHeaderNames());
        return row;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theSharedCaseKeepsTheDeletedRecordAndTheActionInfo() {
    String json = resource("csv-fields-outside-columns.jsonl").strip();
    Map<String, String> row = csvRow(json);
    assertEquals("c22e95b0-73bb-4800-9016-000000000201", row.get("id"));
    assertEquals("rec_del", row.get("action.type"));
    assertEquals("2023-05-02T05:43:14.2409Z", row.get("when"));
    Map<?, ?> record = (Map<?, ?>) parse(json);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("action", Map.of("info", "key digest: 00aa11bb22cc"));
    expected.put("oldValueJson", record.get("oldValueJson"));
    assertEquals(expected, parse(row.get("extra")));
    assertTrue(
        row.get("extra")
            .startsWith(
                "{\"action\":{\"info\":\"key digest: 00aa11bb22cc\"},\"oldValueJson\":{\"comment\":null,"),
        row.get("extra"));
  }

  @Test
  void aRecordWithOnlyFixedFieldsHasAnEmptyExtra() {
    assertEquals(
        "",
        csvRow("{\"id\":\"a\",\"action\":{\"type\":\"login\"},\"metadata\":{\"k\":1}}")
            .get("extra"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\":{\"uuid\":\"a\"}}|id|{\"uuid\":\"a\"}|",
        "{\"actor\":{\"email\":[\"a@example.com\"]}}|actor.email|[\"a@example.com\"]|",
        "{\"newValue\":{\"content\":\"1.2.3.4\"}}|newValue|{\"content\":\"1.2.3.4\"}|",
        "{\"action\":\"login\"}|action.type||{\"action\":\"login\"}",
        "{\"owner\":[1,2]}|owner.id||{\"owner\":[1,2]}",
        "{\"owner\":{},\"actor\":{\"id\":\"a\"}}|actor.id|a|{\"owner\":{}}",
        "{\"id\":\"a\",\"id\":\"b\"}|id|a|{\"id\":\"b\"}",
        "{\"actor\":{\"ip\":\"1\",\"ip\":\"2\"}}|actor.ip|1|{\"actor\":{\"ip\":\"2\"}}",
        "{\"resource\":{\"id\":\"r\",\"meta\":{\"deep\":[1,{\"x\":null}]}}}|resource.id|r"
            + "|{\"resource\":{\"meta\":{\"deep\":[1,{\"x\":null}]}}}",
        "{\"=cmd\":\"=1+1\"}|id||{\"=cmd\":\"=1+1\"}",
        "{\"action\":{\"info\":1},\"x\":true,\"action\":{\"more\":2}}|action.type"
            + "||{\"action\":{\"info\":1,\"more\":2},\"x\":true}"
      })
  void oddShapesKeepEveryField(String json, String column, String value, String extra) {
    Map<String, String> row = csvRow(json);
    assertEquals(value == null ? "" : value, row.get(column));
    assertEquals(extra == null ? "" : extra, row.get("extra"));
  }

  /** A random JSON value, written compactly. */
  private static String value(SplittableRandom r, int depth) {
    int kind = r.nextInt(depth > 2 ? 5 : 7);
    return switch (kind) {
      case 0 -> "null";
      case 1 -> r.nextBoolean() ? "true" : "false";
      case 2 -> List.of("0", "-1", "1.50", "1e3", "12345678901234567890").get(r.nextInt(5));
      case 3, 4 ->
          "\""
              + List.of("", "=1+1", "a,b", "line\\nbreak", "q\\\"uote", "é", "@x", "-3")
                  .get(r.nextInt(8))
              + "\"";
      case 5 -> {
        List<String> items = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          items.add(value(r, depth + 1));
        }
        yield "[" + String.join(",", items) + "]";
      }
      default -> {
        List<String> fields = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          fields.add("\"k" + i + "\":" + value(r, depth + 1));
        }
        yield "{" + String.join(",", fields) + "}";
      }
    };
  }

  /** The fixed column's text for a value: strings unquoted, null empty, others as JSON. */
  private static String columnText(String raw) {
    Object parsed = parse(raw);
    if (parsed == null) {
      return "";
    }
    return parsed instanceof String s ? s : raw;
  }

  @Test
  void randomRecordsLoseNoFieldInCsv() {
    SplittableRandom r = new SplittableRandom(Long.getLong("extra.seed", 20261129L));
    List<String> topNames = new ArrayList<>(TOP_COLUMNS);
    topNames.addAll(PARENTS);
    topNames.addAll(List.of("metadata", "oldValueJson", "newValueJson", "zone", "we\\\"ird"));
    List<String> childNames = List.of("id", "type", "email", "ip", "result", "info", "extra");
    for (int t = 0; t < 2000; t++) {
      List<String> fields = new ArrayList<>();
      Map<String, String> expectedColumns = new LinkedHashMap<>();
      Map<String, Object> expectedExtra = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(topNames);
      for (int n = r.nextInt(8); n > 0 && !names.isEmpty(); n--) {
        String name = names.remove(r.nextInt(names.size()));
        String unescaped = name.replace("\\\"", "\"");
        if (PARENTS.contains(name) && r.nextInt(4) != 0) {
          List<String> children = new ArrayList<>();
          Map<String, Object> extraChildren = new LinkedHashMap<>();
          List<String> pool = new ArrayList<>(childNames);
          for (int c = r.nextInt(4); c > 0; c--) {
            String child = pool.remove(r.nextInt(pool.size()));
            String raw = value(r, 1);
            children.add("\"" + child + "\": " + raw);
            String column = name + "." + child;
            if (FlatRecord.COLUMNS.contains(column)) {
              expectedColumns.put(column, columnText(raw));
            } else {
              extraChildren.put(child, parse(raw));
            }
          }
          if (!extraChildren.isEmpty() || children.isEmpty()) {
            expectedExtra.put(name, extraChildren);
          }
          fields.add("\"" + name + "\": {" + String.join(", ", children) + "}");
          continue;
        }
        String raw =
            name.equals("metadata") && r.nextBoolean() ? "{\"zone_name\":\"z\"}" : value(r, 0);
        fields.add("\"" + name + "\": " + raw);
        if (TOP_COLUMNS.contains(name)) {
          expectedColumns.put(name, columnText(raw));
        } else if (name.equals("metadata")) {
          expectedColumns.put(name, raw.equals("null") ? "" : raw);
        } else {
          expectedExtra.put(unescaped, parse(raw));
        }
      }
      String json = "{" + String.join(", ", fields) + "}";
      Map<String, String> row = csvRow(json);
      for (Map.Entry<String, String> e : expectedColumns.entrySet()) {
        assertEquals(e.getValue(), row.get(e.getKey()), e.getKey() + " of " + json);
      }
      String extra = row.get("extra");
      if (expectedExtra.isEmpty()) {
        assertEquals("", extra, json);
      } else {
        assertEquals(expectedExtra, parse(extra), json);
        assertEquals(
            List.copyOf(expectedExtra.keySet()),
            List.copyOf(((Map<?, ?>) parse(extra)).keySet()),
            json);
      }
    }
  }
}
