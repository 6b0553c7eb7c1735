package dev.cfauditlogs.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns SIGTERM, SIGINT and SIGHUP into a request to stop at the next safe point, so that a command
 * can flush and sync what it wrote, save its checkpoint and exit 0 instead of dying mid-write.
 *
 * <p>Java has no portable signal handler, so this uses a shutdown hook: when a signal starts the
 * JVM's shutdown, the hook asks the worker thread to stop (waking {@link #sleep(Duration)},
 * interrupting a {@linkplain #fetching fetch} and running the {@code onStop} action, e.g.
 * cancelling HTTP calls in flight), waits up to {@link #GRACE} for the command to {@linkplain
 * #exit(int) finish}, then ends the JVM with the command's exit code. A worker that does not finish
 * in time is left to the JVM's default (exit 143 or 130). Files are never written while the worker
 * may be interrupted: the interrupt is only delivered inside {@link #fetching}, and cleared on
 * leaving it, because an interrupt closes a {@link java.nio.channels.FileChannel} that is being
 * written.
 */
final class GracefulStop implements AutoCloseable {
  static final Duration GRACE = Duration.ofSeconds(30);
  private static volatile @Nullable GracefulStop installed;

  private final Thread worker;
  private final Runnable onStop;
  private final Thread hook;
  private final Object lock = new Object();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile int exitCode;
  private volatile boolean requested;
  private boolean interruptible; // guarded by lock

  private GracefulStop(Thread worker, Runnable onStop) {
    this.worker = worker;
    this.onStop = onStop;
    this.hook = new Thread(this::onShutdown, "cf-audit-logs-stop");
  }

  /**
   * Starts listening for a stop signal on behalf of the current thread.
   *
   * @param onStop run once when a stop is requested (on the signal's thread)
   */
  static GracefulStop install(Runnable onStop) {
    GracefulStop stop = new GracefulStop(Thread.currentThread(), onStop);
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

  /**
   * Sleeps for {@code duration} unless a stop is requested first.
   *
   * @return whether a stop was requested
   */
  boolean sleep(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    synchronized (lock) {
      try {
        for (long left = duration.toNanos(); !requested && left > 0; ) {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
          left = deadline - System.nanoTime();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
      return requested;
    }
  }

  /**
   * Runs a network step that a stop may interrupt (a library wait or a request); the interrupt
   * status is cleared afterwards, before anything is written.
   */
  boolean fetching(BooleanSupplier step) {
    synchronized (lock) {
      if (requested) {
        return false;
      }
      interruptible = true;
    }
    try {
      return step.getAsBoolean();
    } finally {
      synchronized (lock) {
        interruptible = false;
        Thread.interrupted();
      }
    }
  }

  private void onShutdown() {
    if (finished.getCount() == 0) {
      return; // the command ended on its own and the JVM is exiting with its code
    }
    synchronized (lock) {
      requested = true;
      lock.notifyAll();
      if (interruptible) {
        worker.interrupt();
      }
    }
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
