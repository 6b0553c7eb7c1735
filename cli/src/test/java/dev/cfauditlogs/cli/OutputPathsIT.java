package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --output PATH} of export and follow, for both logs: a path that cannot be written as a
 * file is refused (exit 2, the value and why on stderr) before any request is sent, and leaves
 * nothing behind; {@code --output -} is standard output, as leaving {@code --output} out.
 */
class OutputPathsIT {
  @TempDir Path dir;

  private static AuditLogEmulator emulator() {
    return AuditLogEmulator.builder().dataset(Dataset.synthetic(5, 30)).accounts(Log.ID).start();
  }

  /** export and follow --once, for the user's log and for an account's. */
  static Stream<Arguments> commands() {
    List<Arguments> all = new ArrayList<>();
    for (Log log : Log.values()) {
      all.add(Arguments.of(log, "export"));
      all.add(Arguments.of(log, "follow"));
    }
    return all.stream();
  }

  private String[] args(Log log, String command, String output) {
    List<String> args = new ArrayList<>(List.of(command, "--output", output));
    if (command.equals("follow")) {
      args.addAll(List.of("--once", "--checkpoint", dir.resolve("sync.ckpt").toString()));
    }
    if (log == Log.ACCOUNT) {
      args.addAll(List.of("--format", "csv")); // one output of an account's records
    }
    return log.args(args.toArray(String[]::new));
  }

  private void assertRefused(Log log, String command, Path output, String why) throws IOException {
    List<Path> before;
    try (Stream<Path> s = Files.walk(dir)) {
      before = s.sorted().toList();
    }
    try (AuditLogEmulator emulator = emulator()) {
      JarRunner.Result r =
          InProcess.run(
              JarRunner.env(emulator.baseUrl(), emulator.apiToken()),
              args(log, command, output.toString()));
      assertEquals(2, r.exitCode(), r.all());
      assertTrue(r.stderr().startsWith("cf-audit-logs: --output " + output + " "), r.stderr());
      assertTrue(r.stderr().contains(why), "says why (" + why + "): " + r.stderr());
      assertEquals("", r.stdout());
      assertEquals(0, emulator.requestCount(), "nothing fetched");
    }
    try (Stream<Path> s = Files.walk(dir)) {
      assertEquals(before, s.sorted().toList(), "nothing left behind");
    }
    assertFalse(Files.exists(Path.of(output + ".partial")));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void anOutputThatIsADirectoryIsRefused(Log log, String command) throws IOException {
    Path out = Files.createDirectory(dir.resolve("outdir"));
    assertRefused(log, command, out, "is a directory");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void anOutputInAMissingDirectoryIsRefused(Log log, String command) throws IOException {
    assertRefused(log, command, dir.resolve("missing").resolve("audit.out"), "does not exist");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void anOutputUnderAFileIsRefused(Log log, String command) throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "not a directory");
    assertRefused(log, command, file.resolve("audit.out"), "is not a directory");
    assertEquals("not a directory", Files.readString(file));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void anOutputInAReadOnlyDirectoryIsRefused(Log log, String command) throws IOException {
    Path readOnly = Files.createDirectory(dir.resolve("read-only"));
    assertTrue(readOnly.toFile().setWritable(false, false));
    try {
      Assumptions.assumeFalse(
          Files.isWritable(readOnly), "this user (root?) may write into read-only directories");
      assertRefused(log, command, readOnly.resolve("audit.out"), "is not writable");
    } finally {
      assertTrue(readOnly.toFile().setWritable(true, false));
    }
  }

  @ParameterizedTest
  @MethodSource("commands")
  void outputDashIsStandardOutput(Log log, String command) {
    Path dash = Path.of("-"); // relative to this JVM's working directory, as Main.run sees it
    Assumptions.assumeFalse(Files.exists(dash), "a file named - is already here");
    try (AuditLogEmulator emulator = emulator()) {
      var env = JarRunner.env(emulator.baseUrl(), emulator.apiToken());
      JarRunner.Result dashed = InProcess.run(env, args(log, command, "-"));
      assertEquals(0, dashed.exitCode(), dashed.all());
      assertFalse(Files.exists(dash), "no file named -");
      int header = log == Log.ACCOUNT ? 1 : 0;
      assertEquals(30 + header, dashed.lines().size(), dashed.all());
      if (command.equals("export")) { // follow would now start from its checkpoint
        List<String> plain = new ArrayList<>(List.of(args(log, command, "-")));
        plain.removeAll(List.of("--output", "-"));
        assertEquals(
            InProcess.run(env, plain.toArray(String[]::new)).stdout(),
            dashed.stdout(),
            "the same as without --output");
      }
    }
  }

  /** The one jar run: the jar, in a directory of its own, writes no file named {@code -} there. */
  @Test
  void theJarWritesOutputDashToStandardOutput() throws IOException {
    try (AuditLogEmulator emulator = emulator()) {
      JarRunner.Result r =
          JarRunner.run(
              JarRunner.env(emulator.baseUrl(), emulator.apiToken()),
              dir,
              "export",
              "--output",
              "-");
      assertEquals(0, r.exitCode(), r.all());
      assertEquals(30, r.lines().size(), r.all());
      try (Stream<Path> s = Files.list(dir)) {
        assertEquals(List.of(), s.toList(), "no file written");
      }
    }
  }
}
