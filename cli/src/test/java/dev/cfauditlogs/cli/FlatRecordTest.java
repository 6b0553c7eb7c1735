package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FlatRecordTest {
  @Test
  void flattensTheDocumentedColumnsFromTheExactJson() {
    FlatRecord r =
        FlatRecord.of(
            "{\"id\":\"d5b0\",\"action\":{\"result\":true,\"type\":\"change_setting\"},"
                + "\"actor\":{\"id\":\"f6b5\",\"email\":\"m@example.com\",\"ip\":\"198.41.129.166\","
                + "\"type\":\"user\",\"extra\":1},"
                + "\"interface\":\"API\",\"metadata\":{\"zone_name\":\"example.com\",\"n\":1.50},"
                + "\"newValue\":\"low\",\"oldValue\":null,\"owner\":{\"id\":\"023e\"},"
                + "\"resource\":{\"id\":\"023f\",\"type\":\"zone\"},\"when\":\"2017-04-26T17:31:07Z\","
                + "\"unknown\":[1]}");
    assertEquals(
        List.of(
            "d5b0",
            "2017-04-26T17:31:07Z",
            "change_setting",
            "true",
            "f6b5",
            "m@example.com",
            "198.41.129.166",
            "user",
            "API",
            "023f",
            "zone",
            "023e",
            "",
            "low",
            "{\"zone_name\":\"example.com\",\"n\":1.50}",
            "{\"actor\":{\"extra\":1},\"unknown\":[1]}"),
        r.values());
    assertEquals("example.com", r.zoneName());
  }

  @Test
  void missingAndOddlyTypedFieldsDoNotBreakIt() {
    FlatRecord r = FlatRecord.of("{\"actor\":\"weird\",\"metadata\":[1,2],\"when\":5}");
    assertEquals("", r.get(FlatRecord.Column.ID));
    assertEquals("[1,2]", r.get(FlatRecord.Column.METADATA));
    assertEquals("5", r.get(FlatRecord.Column.WHEN));
    assertEquals("{\"actor\":\"weird\"}", r.get(FlatRecord.Column.EXTRA));
  }

  /** The README documents the csv columns; the CLI writes exactly those, in that order. */
  @Test
  void theColumnsAreTheOnesTheReadmeDocuments() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md")).replaceAll("\\s+", " ");
    Matcher m =
        Pattern.compile(
                "\\*\\*csv\\*\\*: RFC 4180 with a header and the fixed columns (.*?), then `extra`")
            .matcher(readme);
    assertTrue(m.find(), "the README's csv paragraph");
    List<String> documented = new ArrayList<>();
    Matcher name = Pattern.compile("`([^`]+)`").matcher(m.group(1).replaceAll("\\(.*?\\)", ""));
    while (name.find()) {
      documented.add(name.group(1));
    }
    documented.add("extra");
    assertEquals(documented, FlatRecord.COLUMNS);
  }
}
