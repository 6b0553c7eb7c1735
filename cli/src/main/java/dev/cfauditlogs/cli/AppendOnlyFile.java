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

/**
 * A line-oriented file that is only appended to. Opening it first cuts off a last line that has no
 * newline (what a process killed mid-write leaves behind), so the file never contains a torn line.
 */
final class AppendOnlyFile implements AutoCloseable {
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

  static AppendOnlyFile open(Path path) throws IOException {
    FileChannel channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    long keep = lengthOfCompleteLines(channel);
    channel.truncate(keep);
    channel.position(keep);
    return new AppendOnlyFile(channel, keep == 0);
  }

  /** The length up to and including the last newline. */
  static long lengthOfCompleteLines(FileChannel channel) throws IOException {
    long size = channel.size();
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    long end = size;
    while (end > 0) {
      long start = Math.max(0, end - buffer.capacity());
      buffer.clear().limit((int) (end - start));
      channel.read(buffer, start);
      for (int i = (int) (end - start) - 1; i >= 0; i--) {
        if (buffer.get(i) == '\n') {
          return start + i + 1;
        }
      }
      end = start;
    }
    return 0;
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
