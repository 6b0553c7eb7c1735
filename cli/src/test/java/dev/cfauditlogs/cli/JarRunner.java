package dev.cfauditlogs.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
   * {@code java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=… -Xshare:auto
   * -Xlog:cds=off -Xlog:cds+dynamic=off -jar cf-audit-logs.jar args…}: the JVM flags the {@code
   * ./cf-audit-logs} launcher runs the jar with (its comments say why), so the tests run it as
   * users do, and each short run spends no CPU on the C2 compiler nor on loading the classes the
   * archive holds. The class-data archive is made once per test run ({@link Archive}); without one
   * the other flags still apply, as in the launcher.
   */
  static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(FLAGS);
    Archive.FILE.ifPresent(archive -> command.add("-XX:SharedArchiveFile=" + archive));
    command.addAll(QUIET_CDS);
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    return command;
  }

  private static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** As in the launcher: a JVM that cannot use the archive runs without it, saying nothing. */
  private static final List<String> QUIET_CDS =
      List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The application class-data archive of the jar for this JVM, made as the launcher makes its own
   * (the classes a training run of {@code demo} loads, {@code -XX:DumpLoadedClassList}, then a
   * static archive of them, {@code -Xshare:dump}), once, in {@code target/cds-it/} (not the
   * launcher's {@code target/cds/}). Empty when it cannot be made.
   */
  private static final class Archive {
    static final Optional<Path> FILE = make();

    private static Optional<Path> make() {
      try {
        Path dir = Files.createDirectories(JAR.toAbsolutePath().getParent().resolve("cds-it"));
        Path archive =
            dir.resolve(
                Path.of(java()).toRealPath().toString().replaceAll("[^A-Za-z0-9._-]", "_")
                    + ".jsa");
        if (Files.exists(archive)
            && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(JAR)) > 0) {
          return Optional.of(archive);
        }
        Path training = Files.createTempFile(dir, ".training", ".jsa");
        Path classes = Files.createTempFile(dir, ".training", ".classes");
        Files.delete(training);
        List<String> train = new ArrayList<>();
        train.add(java());
        train.addAll(FLAGS);
        train.addAll(QUIET_CDS);
        train.add("-XX:DumpLoadedClassList=" + classes);
        train.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "demo", "--records", "2000"));
        List<String> dump =
            List.of(
                java(),
                "-XX:+UseSerialGC",
                "-Xshare:dump",
                "-XX:SharedClassListFile=" + classes,
                "-XX:SharedArchiveFile=" + training,
                "-cp",
                JAR.toAbsolutePath().toString());
        boolean made = runQuietly(train) && runQuietly(dump);
        Files.deleteIfExists(classes);
        if (!made || !Files.exists(training) || Files.size(training) == 0) {
          Files.deleteIfExists(training);
          return Optional.empty();
        }
        Files.move(training, archive, StandardCopyOption.REPLACE_EXISTING);
        return Optional.of(archive);
      } catch (IOException e) {
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  /** Runs {@code command} with its output discarded; whether it ended with 0 within two minutes. */
  private static boolean runQuietly(List<String> command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return false;
    }
    return p.exitValue() == 0;
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
