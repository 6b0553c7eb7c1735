package dev.cfauditlogs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peer benchmark's output check: an export passes only with exactly the expected ids. */
class OutputCheckTest {
  @TempDir Path dir;

  @Test
  void exactIdsInAnyOrderPass() throws IOException {
    OutputCheck.Result r =
        OutputCheck.check(
            List.of("a", "b", "c"),
            write(
                "{\"when\":\"x\",\"id\":\"c\"}",
                "{\"id\":\"a\",\"n\":{\"id\":\"z\"}}",
                "{\"id\":\"b\"}"));
    assertTrue(r.valid(), r.toString());
    assertEquals(3, r.lines());
  }

  @Test
  void aMissingRecordFails() throws IOException {
    OutputCheck.Result r = OutputCheck.check(List.of("a", "b"), write("{\"id\":\"a\"}"));
    assertFalse(r.valid());
    assertEquals(1, r.missing());
  }

  @Test
  void aRecordTwiceFails() throws IOException {
    OutputCheck.Result r =
        OutputCheck.check(
            List.of("a", "b"), write("{\"id\":\"a\"}", "{\"id\":\"b\"}", "{\"id\":\"a\"}"));
    assertFalse(r.valid());
    assertEquals(1, r.duplicates());
    assertEquals(0, r.missing());
  }

  @Test
  void foreignIdsAndLinesWithoutAnIdFail() throws IOException {
    OutputCheck.Result r =
        OutputCheck.check(
            List.of("a"),
            write("{\"id\":\"a\"}", "{\"id\":\"q\"}", "{\"id\":7}", "not json", "[\"a\"]"));
    assertFalse(r.valid());
    assertEquals(4, r.unexpected());
  }

  private Path write(String... lines) throws IOException {
    Path file = dir.resolve("out.jsonl");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }
}
