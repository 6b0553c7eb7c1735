package dev.cfauditlogs.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code cf-audit-logs.jar} in a child JVM, as a user runs it; stdout and stderr go to
 * files so that what a killed process printed can be read too.
 */
final class Jar {
  static final Path JAR =
      Path.of(System.getProperty("cli.jar", "../cli/target/cf-audit-logs.jar")).toAbsolutePath();

  record Result(int exitCode, String stdout, String stderr) {
    String all() {
      return stdout + "\n" + stderr;
    }
  }

  private final Process process;
  private final Path out;
  private final Path err;

  private Jar(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  static Jar start(Path dir, Map<String, String> env, String... args) {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException("build the CLI jar first: " + JAR);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    try {
      Files.createDirectories(dir);
      Path out = Files.createTempFile(dir, "stdout", ".txt");
      Path err = Files.createTempFile(dir, "stderr", ".txt");
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDFLARE_"));
      pb.environment().putAll(env);
      return new Jar(pb.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Result run(Path dir, Map<String, String> env, String... args) {
    return start(dir, env, args).await(120);
  }

  /** Waits for the end, at most {@code seconds}; a process still running then is killed. */
  Result await(int seconds) {
    try {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        kill();
        throw new AssertionError("cf-audit-logs did not finish in " + seconds + " s");
      }
      return result();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Whether it is still running after {@code millis}. */
  boolean runningAfter(long millis) throws InterruptedException {
    return !process.waitFor(millis, TimeUnit.MILLISECONDS);
  }

  /** SIGKILL on Linux: no shutdown hook, no flush, no finally. */
  Result kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the killed process did not end");
    }
    return result();
  }

  private Result result() {
    try {
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
