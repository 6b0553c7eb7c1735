package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable checkpoints are refused in our words, never the JSON parser's. */
class SyncCheckpointMessagesTest {
  @TempDir Path dir;

  private String refusal(byte[] bytes) throws IOException {
    Path file = dir.resolve("bad.ckpt");
    Files.write(file, bytes);
    String message =
        assertThrows(InvalidCheckpointException.class, () -> SyncCheckpoint.load(file))
            .getMessage();
    assertTrue(message.startsWith("checkpoint " + file + " is "), message);
    assertTrue(message.endsWith("move it away to start over"), message);
    for (String parserWord : new String[] {"setLenient", "JsonReader", "Moshi", "Lenient"}) {
      assertFalse(message.contains(parserWord), message);
    }
    return message;
  }

  private String refusal(String text) throws IOException {
    return refusal(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void nulBytesAreNotJson() throws IOException {
    String message = refusal(new byte[64]);
    assertTrue(message.contains("not valid JSON at its start"), message);
  }

  @Test
  void anEmptyFileIsSaidToBeEmpty() throws IOException {
    assertTrue(refusal(new byte[0]).contains("is empty"));
  }

  @Test
  void aLeadingByteOrderMarkIsAccepted() throws IOException {
    SyncCheckpoint c = SyncCheckpoint.start(AuditLogQuery.builder().actionType("login").build());
    Path file = dir.resolve("bom.ckpt");
    Files.write(file, ("\uFEFF" + c.render()).getBytes(StandardCharsets.UTF_8));
    assertEquals(c, SyncCheckpoint.load(file).orElseThrow());
    Files.write(file, ("\uFEFF" + SyncCheckpointTest.V1_FILE).getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "actor.email=a@example.com&actor.ip=192.0.2.1",
        SyncCheckpoint.load(file).orElseThrow().describeFilters());
  }

  @Test
  void aTruncatedFileIsSaidToBeCutOff() throws IOException {
    String whole = SyncCheckpoint.start(AuditLogQuery.all()).render();
    for (int cut : new int[] {1, 5, whole.indexOf("user") + 2, whole.length() - 1}) {
      String message = refusal(whole.substring(0, cut));
      assertTrue(message.contains("cut off"), message);
      assertFalse(message.contains("Unterminated"), message);
    }
  }

  @Test
  void aKeyGivenTwiceIsNamed() throws IOException {
    String message = refusal("{\"version\": 2, \"version\": 2}");
    assertTrue(message.contains("the key at $.version appears more than once"), message);
    assertFalse(message.contains("multiple values"), message);
  }

  @Test
  void anUnknownVersionIsAnInteger() throws IOException {
    String message = refusal("{\"version\":3}");
    assertTrue(message.contains("version 3 is not one this version reads (1 or 2)"), message);
    assertFalse(message.contains("3.0"), message);
    assertTrue(refusal("{\"version\":2.5}").contains("version 2.5 is not"));
  }

  @Test
  void aVersionAsTextMustBeANumber() throws IOException {
    String message = refusal("{\"version\":\"2\"}");
    assertTrue(message.contains("'version' must be a number, not the text \"2\""), message);
    assertTrue(refusal("{\"checkpoints\":[]}").contains("it has no 'version'"));
  }

  @Test
  void moreTextAfterTheObjectIsRefused() throws IOException {
    String message = refusal(SyncCheckpoint.start(AuditLogQuery.all()).render() + "{}");
    assertTrue(message.contains("more text after"), message);
  }
}
