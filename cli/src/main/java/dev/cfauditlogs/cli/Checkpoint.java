package dev.cfauditlogs.cli;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * How far {@code follow} got: the newest {@code when} written, and the ids (with their {@code
 * when}) of the records written within the look-back window before it, so that a record seen again
 * is recognised. Also the filters it was made for, so a checkpoint is not reused for a different
 * query by mistake.
 *
 * <p>Written atomically: a temporary file in the same directory is written, flushed and synced,
 * then renamed over the checkpoint.
 */
final class Checkpoint {
  static final int VERSION = 1;
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private final String filters;
  private @Nullable Instant newest;
  private final Map<String, Instant> seen = new LinkedHashMap<>();

  Checkpoint(String filters) {
    this.filters = filters;
  }

  @Nullable Instant newest() {
    return newest;
  }

  String filters() {
    return filters;
  }

  boolean seen(String key) {
    return seen.containsKey(key);
  }

  int seenCount() {
    return seen.size();
  }

  /** Records that a record was written. */
  void add(String key, Instant when) {
    seen.put(key, when);
    if (newest == null || when.isAfter(newest)) {
      newest = when;
    }
  }

  /**
   * Records that a record without a usable {@code when} was written: it is remembered as if it were
   * at the newest {@code when} (so it is forgotten with the records of that time), and does not
   * move the checkpoint.
   */
  void remember(String key) {
    seen.put(key, newest != null ? newest : Instant.EPOCH);
  }

  /**
   * Forgets records older than the look-back window before the newest. Records remembered before
   * any {@code when} was known (stamped {@link Instant#EPOCH}) are first moved to the newest, so a
   * when-less record that came first in a run is not forgotten at once.
   */
  void prune(Duration lookback) {
    if (newest == null) {
      return;
    }
    Instant now = newest;
    seen.replaceAll((key, when) -> when.equals(Instant.EPOCH) ? now : when);
    Instant horizon = newest.minus(lookback);
    seen.values().removeIf(when -> when.isBefore(horizon));
  }

  /** Reads a checkpoint; an absent file is an empty checkpoint. */
  static Checkpoint read(Path file, String filters) throws IOException {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new Failures.CliException(
            ExitCode.USAGE,
            "checkpoint "
                + file
                + " is larger than "
                + MAX_BYTES
                + " bytes; is it the right file?");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Checkpoint(filters);
    }
    try {
      return parse(bytes, file);
    } catch (IOException | RuntimeException e) {
      if (e instanceof Failures.CliException cli) {
        throw cli;
      }
      throw new Failures.CliException(
          ExitCode.USAGE,
          "checkpoint "
              + file
              + " is not a cf-audit-logs checkpoint ("
              + e.getMessage()
              + "); move it away to start over",
          e);
    }
  }

  private static Checkpoint parse(byte[] bytes, Path file) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().write(bytes));
    Integer version = null;
    String filters = null;
    Instant newest = null;
    Map<String, Instant> seen = new LinkedHashMap<>();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case "version" -> version = reader.nextInt();
        case "filters" -> filters = reader.nextString();
        case "newest" ->
            newest =
                reader.peek() == JsonReader.Token.NULL
                    ? reader.nextNull()
                    : instant(reader.nextString());
        case "seen" -> {
          reader.beginObject();
          while (reader.hasNext()) {
            String key = reader.nextName();
            seen.put(key, instant(reader.nextString()));
          }
          reader.endObject();
        }
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    if (version == null || version != VERSION || filters == null) {
      throw new IOException("missing or unknown version or filters");
    }
    Checkpoint c = new Checkpoint(filters);
    c.newest = newest;
    c.seen.putAll(seen);
    if (newest != null) {
      for (Instant when : seen.values()) {
        if (when.isAfter(newest)) {
          throw new IOException("a seen record is newer than 'newest'");
        }
      }
    }
    return c;
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad time '" + text + "'", e);
    }
  }

  /** Writes this checkpoint atomically (temp file, flush, fsync, rename). */
  void write(Path file) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.setIndent("  ");
      json.beginObject();
      json.name("version").value(VERSION);
      json.name("filters").value(filters);
      json.name("newest").value(newest == null ? null : newest.toString());
      json.name("seen").beginObject();
      for (Map.Entry<String, Instant> e : seen.entrySet()) {
        json.name(e.getKey()).value(e.getValue().toString());
      }
      json.endObject();
      json.endObject();
    }
    Path target = file.toAbsolutePath();
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(buffer.readByteArray());
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
