package dev.cfauditlogs.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A record file that is only appended to. Opening it first cuts off a last record that is not whole
 * (what a process killed mid-write leaves behind), as {@link RecordEnds} of its format tell, so the
 * file never contains a torn record.
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

  static AppendOnlyFile open(Path path, RecordEnds records) throws IOException {
    FileChannel channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      long keep = records.completeLength(channel);
      channel.truncate(keep);
      channel.position(keep);
      return new AppendOnlyFile(channel, keep == 0);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
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
