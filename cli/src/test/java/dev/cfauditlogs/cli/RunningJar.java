package dev.cfauditlogs.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real jar started in a child JVM and left running, so that a test can watch what it prints,
 * send it signals and wait for its end.
 */
final class RunningJar implements AutoCloseable {
  private final Process process;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Thread outPump;
  private final Thread errPump;

  private RunningJar(Process process, boolean pumpStdout) {
    this.process = process;
    this.errPump = JarRunner.pump(process.getErrorStream(), err);
    this.outPump = pumpStdout ? JarRunner.pump(process.getInputStream(), out) : null;
  }

  /** Starts the jar with stdout captured. */
  static RunningJar start(Map<String, String> env, String... args) {
    return start(JarRunner.command(env, args), true);
  }

  /**
   * Starts {@code pb}; with {@code pumpStdout} false the test reads {@link #process()}'s stdout
   * itself (or it was redirected).
   */
  static RunningJar start(ProcessBuilder pb, boolean pumpStdout) {
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      return new RunningJar(p, pumpStdout);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Process process() {
    return process;
  }

  String stdout() {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  String stderr() {
    synchronized (err) {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  /** Sends a signal by name ({@code TERM}, {@code INT}) with {@code kill}. */
  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -" + name + " failed");
    }
  }

  /** Waits (at most {@code seconds}) until what the process printed satisfies the condition. */
  void awaitOutput(Predicate<RunningJar> condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.test(this)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "not seen within " + seconds + " s; stdout:\n" + stdout() + "\nstderr:\n" + stderr());
      }
      if (!process.isAlive() && !condition.test(this)) {
        throw new AssertionError(
            "ended with "
                + process.exitValue()
                + " first; stdout:\n"
                + stdout()
                + "\nstderr:\n"
                + stderr());
      }
      Thread.sleep(20);
    }
  }

  /** Waits for the end (at most {@code seconds}, else the process is killed and this fails). */
  JarRunner.Result await(int seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after " + seconds + " s; stderr:\n" + stderr());
    }
    if (outPump != null) {
      outPump.join(10_000);
    }
    errPump.join(10_000);
    return new JarRunner.Result(process.exitValue(), stdout(), stderr());
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
