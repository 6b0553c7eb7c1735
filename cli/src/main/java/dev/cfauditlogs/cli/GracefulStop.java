package dev.cfauditlogs.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Turns SIGTERM, SIGINT and SIGHUP into a request to stop at the next safe point, so that a command
 * can flush and sync what it wrote, save its checkpoint and exit 0 instead of dying mid-write.
 *
 * <p>Java has no portable signal handler, so this uses a shutdown hook: when a signal starts the
 * JVM's shutdown, the hook runs the {@code onStop} action (e.g. {@link
 * dev.cfauditlogs.AuditLogFollower#stop()}, which ends a wait or a request in flight but never
 * interrupts a write: an interrupt closes a {@link java.nio.channels.FileChannel} that is being
 * written), waits up to {@link #GRACE} for the command to {@linkplain #exit(int) finish}, then ends
 * the JVM with the command's exit code. A worker that does not finish in time is left to the JVM's
 * default (exit 143 or 130).
 */
final class GracefulStop implements AutoCloseable {
  static final Duration GRACE = Duration.ofSeconds(30);
  private static volatile @Nullable GracefulStop installed;

  private final Runnable onStop;
  private final Thread hook;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile int exitCode;
  private volatile boolean requested;

  private GracefulStop(Runnable onStop) {
    this.onStop = onStop;
    this.hook = new Thread(this::onShutdown, "cf-audit-logs-stop");
  }

  /**
   * Starts listening for a stop signal on behalf of the current thread.
   *
   * @param onStop run once when a stop is requested (on the signal's thread)
   */
  static GracefulStop install(Runnable onStop) {
    GracefulStop stop = new GracefulStop(onStop);
    Runtime.getRuntime().addShutdownHook(stop.hook);
    installed = stop;
    return stop;
  }

  /**
   * Ends the JVM with {@code code}: hands the code to a stop in progress (whose hook then ends the
   * JVM with it), else {@link System#exit(int)}.
   */
  static void exit(int code) {
    GracefulStop stop = installed;
    if (stop != null) {
      stop.exitCode = code;
      stop.finished.countDown();
    }
    System.exit(code);
  }

  /** Whether a stop was requested. */
  boolean requested() {
    return requested;
  }

  private void onShutdown() {
    if (finished.getCount() == 0) {
      return; // the command ended on its own and the JVM is exiting with its code
    }
    requested = true;
    onStop.run();
    try {
      if (finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        Runtime.getRuntime().halt(exitCode);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops listening (when the command ends without a signal). */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
      installed = null;
    } catch (IllegalStateException e) {
      // shutting down already: the hook is running and waits for exit()
    }
  }
}
