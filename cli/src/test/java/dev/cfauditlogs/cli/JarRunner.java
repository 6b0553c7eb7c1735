package dev.cfauditlogs.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code cf-audit-logs.jar} in a child JVM, as a user would, and captures what it
 * prints.
 */
final class JarRunner {
  static final Path JAR = Path.of(System.getProperty("cli.jar", "target/cf-audit-logs.jar"));

  record Result(int exitCode, String stdout, String stderr) {
    List<String> lines() {
      return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
    }

    String all() {
      return stdout + "\n" + stderr;
    }
  }

  private JarRunner() {}

  /**
   * {@code java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar cf-audit-logs.jar args…}: the JVM
   * flags the {@code ./cf-audit-logs} launcher runs the jar with (its comments say why), so the
   * tests run it as users do and each short run spends no CPU on the C2 compiler.
   */
  static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Starts the jar running in the background (such as its {@code emulator} command). */
  static Process start(String... args) throws java.io.IOException {
    return new ProcessBuilder(command(args)).start();
  }

  static Result run(Map<String, String> env, String... args) {
    return run(env, null, args);
  }

  static Result run(Map<String, String> env, Path workDir, String... args) {
    ProcessBuilder pb = command(env, args);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread errPump = pump(p.getErrorStream(), err);
      Thread outPump = pump(p.getInputStream(), out);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(
            "cf-audit-logs " + String.join(" ", args) + " did not finish in 120 s");
      }
      outPump.join(10_000);
      errPump.join(10_000);
      return new Result(
          p.exitValue(),
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The environment that points the jar at {@code baseUrl} with an API token. */
  static Map<String, String> env(String baseUrl, String token) {
    return Map.of("CLOUDFLARE_BASE_URL", baseUrl, "CLOUDFLARE_API_TOKEN", token);
  }

  /**
   * {@code java -jar cf-audit-logs.jar args} with only the given {@code CLOUDFLARE_*} and {@code
   * COLUMNS} variables.
   */
  static ProcessBuilder command(Map<String, String> env, String... args) {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException("build the jar first: " + JAR.toAbsolutePath());
    }
    ProcessBuilder pb = new ProcessBuilder(command(args));
    // COLUMNS too: help and table widths come from it, and a test sets it when it means to.
    pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDFLARE_") || k.equals("COLUMNS"));
    pb.environment().putAll(env);
    return pb;
  }

  static Thread pump(InputStream in, ByteArrayOutputStream sink) {
    Thread t =
        new Thread(
            () -> {
              try {
                in.transferTo(sink);
              } catch (IOException e) {
                // the process ended
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
