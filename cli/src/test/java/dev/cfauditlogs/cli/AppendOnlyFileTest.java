package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file {@code follow --output} appends to (the checkpoint's own tests are the library's). */
class AppendOnlyFileTest {
  @TempDir Path dir;

  @Test
  void aTornLastLineIsCutOffWhenAppending() throws IOException {
    Path file = dir.resolve("out.jsonl");
    Files.writeString(file, "{\"id\":\"1\"}\n{\"id\":\"2\"}\n{\"id\":\"3\",\"ha");
    try (AppendOnlyFile out = AppendOnlyFile.open(file, RecordEnds.LINES)) {
      out.writer().write("{\"id\":\"3\"}\n");
      out.flushAndSync();
    }
    assertEquals(
        "{\"id\":\"1\"}\n{\"id\":\"2\"}\n{\"id\":\"3\"}\n",
        Files.readString(file, StandardCharsets.UTF_8));
    Files.writeString(file, "no newline at all");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      assertEquals(0, RecordEnds.LINES.completeLength(ch));
    }
  }
}
