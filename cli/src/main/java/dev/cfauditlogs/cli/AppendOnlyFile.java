package dev.cfauditlogs.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * A record file that is only appended to. Opening it first cuts off a last record that is not whole
 * (what a process killed mid-write leaves behind), as {@link RecordEnds} of its format tell, so the
 * file never contains a torn record. The file is locked (an operating-system lock) while open, so a
 * second follow appending to it is refused.
 */
final class AppendOnlyFile implements AutoCloseable {
  /** The longest record a kill can have torn: larger tails are not cut off. */
  static final int MAX_TORN_BYTES = 16 << 20;

  private final FileChannel channel;
  private final Writer writer;
  private final boolean wasEmpty;

  private AppendOnlyFile(FileChannel channel, boolean wasEmpty) {
    this.channel = channel;
    this.wasEmpty = wasEmpty;
    this.writer =
        new BufferedWriter(
            new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
            1 << 16);
  }

  /**
   * Opens {@code path} (created if missing) for appending; cuts off a torn last record first.
   *
   * @param repairs told, in a sentence, what was cut off (bytes and where), if anything was
   * @throws Failures.CliException (exit 2, the file untouched) when the text after the last whole
   *     record is not a record torn in this format: the file ends with text follow did not write
   */
  static AppendOnlyFile open(Path path, RecordEnds records, Consumer<String> repairs)
      throws IOException {
    FileChannel channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      if (RunLock.tryLock(channel) == null) { // released with the channel, or by the OS on a crash
        throw new Failures.CliException(
            ExitCode.USAGE,
            "another follow is appending to "
                + path
                + "; two runs appending to one file would interleave records. Stop it first, or"
                + " give this run another --output");
      }
      long size = channel.size();
      long keep = records.completeLength(channel);
      if (keep < size) {
        String fragment = tail(channel, keep, size);
        if (size - keep > MAX_TORN_BYTES || !records.isTornRecord(fragment, keep == 0)) {
          throw new Failures.CliException(
              ExitCode.USAGE,
              path
                  + " ends with "
                  + (size - keep)
                  + " bytes after its last whole record (from byte "
                  + keep
                  + ": '"
                  + shown(fragment)
                  + "') that are not a record torn by an interrupted follow; follow appends only"
                  + " to a file of its own records and left the file untouched. Give --output a"
                  + " new file (or end the file with a line break if that text is a whole line).");
        }
        channel.truncate(keep);
        repairs.accept(
            "removed "
                + (size - keep)
                + " bytes from the end of "
                + path
                + " (bytes "
                + keep
                + " to "
                + size
                + ", '"
                + shown(fragment)
                + "'): a record torn by an interrupted run");
      }
      channel.position(keep);
      return new AppendOnlyFile(channel, keep == 0);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Without a report of repairs (tests). */
  static AppendOnlyFile open(Path path, RecordEnds records) throws IOException {
    return open(path, records, repair -> {});
  }

  private static String tail(FileChannel channel, long from, long size) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - from, MAX_TORN_BYTES));
    while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
      // read on
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  /** At most 80 characters of {@code text}, control characters escaped, for a message. */
  private static String shown(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .limit(80)
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return text.codePointCount(0, text.length()) > 80 ? out + "…" : out.toString();
  }

  Writer writer() {
    return writer;
  }

  boolean wasEmpty() {
    return wasEmpty;
  }

  void flushAndSync() throws IOException {
    writer.flush();
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
