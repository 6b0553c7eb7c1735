package dev.cfauditlogs.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An output file that appears only when complete: records go to {@code FILE.partial}, which is
 * flushed, synced to disk and renamed to {@code FILE} on success. A failed or killed run leaves
 * {@code FILE} untouched.
 */
final class OutputFile implements AutoCloseable {
  private final Path target;
  private final Path partial;
  private final FileChannel channel;
  private final Writer writer;
  private boolean committed;

  OutputFile(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    this.partial = this.target.resolveSibling(this.target.getFileName() + ".partial");
    this.channel =
        FileChannel.open(
            partial,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    this.writer =
        new BufferedWriter(
            new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
            1 << 16);
  }

  Writer writer() {
    return writer;
  }

  Path partial() {
    return partial;
  }

  /** Flushes, syncs and renames the file into place. */
  void commit() throws IOException {
    writer.flush();
    channel.force(true);
    writer.close();
    try {
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      writer.close();
    }
  }
}
