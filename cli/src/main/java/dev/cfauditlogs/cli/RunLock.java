package dev.cfauditlogs.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on a file, held for one run, so that a second run on the same file is
 * refused at its start instead of racing the first. The operating system releases it when the
 * process ends, however it ends (a crash or SIGKILL leaves no stale lock). The lock is advisory: it
 * keeps out other cf-audit-logs runs, not other programs.
 */
final class RunLock implements AutoCloseable {
  private final FileChannel channel;

  private RunLock(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Locks {@code file}, created if missing and otherwise left as it is.
   *
   * @param owner what the lock guards, such as {@code checkpoint FILE}, for messages
   * @param held the message when another process holds the lock
   * @throws Failures.CliException exit 2, with {@code held} when another run holds the lock, or
   *     saying why {@code file} cannot be opened
   */
  static RunLock acquire(Path file, String owner, String held) {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      throw new Failures.CliException(
          ExitCode.USAGE,
          owner + " cannot be written: its directory " + file.getParent() + " does not exist",
          e);
    } catch (IOException e) {
      throw new Failures.CliException(
          ExitCode.USAGE,
          owner + " cannot be locked (lock file " + file + ": " + e.getMessage() + ")",
          e);
    }
    try {
      if (tryLock(channel) == null) {
        channel.close();
        throw new Failures.CliException(ExitCode.USAGE, held);
      }
    } catch (IOException e) {
      closeQuietly(channel);
      throw new Failures.CliException(
          ExitCode.USAGE,
          owner + " cannot be locked (lock file " + file + ": " + e.getMessage() + ")",
          e);
    }
    return new RunLock(channel);
  }

  /**
   * Locks {@code channel}'s whole file for this process; null when another process holds it (or
   * another part of this one).
   */
  static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // the lock failure is what the user needs to hear
    }
  }

  /** Releases the lock (closing the file); the lock file stays. */
  @Override
  public void close() throws IOException {
    channel.close();
  }
}
