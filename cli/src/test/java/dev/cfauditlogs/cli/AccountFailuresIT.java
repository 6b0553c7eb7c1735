package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures in a run over several accounts, through the real jar: credentials Cloudflare refuses
 * (401, or 400 with a malformed-credentials code) are every account's, so they are tried once, said
 * once, leave no empty {@code .partial} and end the run with their exit code; one account's failure
 * is reported as a single log's is, with its stack trace under {@code --verbose}.
 */
class AccountFailuresIT {
  static final String A = "0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a";
  static final String B = "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b";
  static final String C = "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c";
  static final String DENIED = "0dead0000000000000000000000000d0";

  /** A recognizable fake secret: it must never be printed. */
  static final String WRONG_TOKEN = "FAKE-SECRET-TOKEN-5up3r53cr3t0000000000";

  @TempDir Path dir;
  private AuditLogEmulator emulator;
  private FlakyFront front;

  @BeforeEach
  void start() {
    emulator =
        AuditLogEmulator.builder()
            .dataset(Dataset.synthetic(31, 30))
            .accounts(A, B, C, DENIED)
            .deniedAccounts(DENIED)
            .start();
    front = new FlakyFront(emulator);
  }

  @AfterEach
  void stop() {
    front.close();
    emulator.close();
  }

  /**
   * The environment for a kind of credential failure: {@code 401} the emulator's own refusal of a
   * wrong token; {@code 400} Cloudflare's answer to a malformed credential header (code 6103).
   */
  private Map<String, String> refused(String kind) {
    if (kind.equals("400")) {
      front.always(r -> FlakyFront.error(400, 6103, "Invalid format for X-Auth-Key header"));
    }
    return JarRunner.env(front.baseUrl(), WRONG_TOKEN);
  }

  /** Said once, nothing else tried, the credentials' exit code (3), no secret. */
  private void assertRefusedOnce(JarRunner.Result r, String kind, int accounts) {
    assertEquals(3, r.exitCode(), r.all());
    String status = "HTTP " + kind;
    long said =
        r.stderr()
            .lines()
            .filter(l -> l.startsWith("cf-audit-logs: "))
            .filter(l -> l.contains(status))
            .count();
    assertEquals(1, said, "said once:\n" + r.stderr());
    int notTried = accounts - 1;
    assertTrue(
        r.stderr()
            .contains(
                "the credentials were refused, so "
                    + notTried
                    + " of "
                    + accounts
                    + (notTried == 1 ? " accounts was" : " accounts were")
                    + " not tried"),
        r.stderr());
    assertEquals(1, front.exchanges().size(), "the credentials tried once: " + front.exchanges());
    assertFalse(r.all().contains(WRONG_TOKEN), "no credential printed");
    assertFalse(r.all().contains(emulator.apiToken()), "no credential printed");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(strings = {"401", "400"})
  void refusedCredentialsEndAnExportToADirectoryAtTheFirstAccount(String kind) throws IOException {
    Path out = dir.resolve("logs");
    JarRunner.Result r =
        JarRunner.run(
            refused(kind),
            "export",
            "--account-id",
            A,
            "--account-id",
            B,
            "--account-id",
            C,
            "--output-dir",
            out.toString());
    assertRefusedOnce(r, kind, 3);
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(), files.toList(), "no file, not even an empty .partial");
    }
  }

  @Test
  void refusedCredentialsEndAnExportToOneCsvOnceWithATraceUnderVerbose() {
    Path file = dir.resolve("all.csv");
    JarRunner.Result r =
        JarRunner.run(
            refused("401"),
            "export",
            "--format",
            "csv",
            "--account-id",
            A,
            "--account-id",
            B,
            "--output",
            file.toString(),
            "--verbose");
    assertRefusedOnce(r, "401", 2);
    assertEquals(1, count(r.stderr(), "AuthenticationException"), "one trace:\n" + r.stderr());
    assertTrue(r.stderr().contains("\tat dev.cfauditlogs."), r.stderr());
    assertFalse(Files.exists(file), "not written");
    assertFalse(Files.exists(dir.resolve("all.csv.partial")), "no .partial without a record");
  }

  @ParameterizedTest(name = "once: {0}")
  @ValueSource(booleans = {true, false})
  void refusedCredentialsEndAFollowOfSeveralAccountsAtTheFirst(boolean once) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "follow",
                "--checkpoint",
                dir.resolve("sync.ckpt").toString(),
                "--account-id",
                A,
                "--account-id",
                B,
                "--output-dir",
                dir.resolve("logs").toString(),
                "--interval",
                "100s",
                "--wait-scale",
                "0.001"));
    if (once) {
      args.add("--once");
    }
    JarRunner.Result r = JarRunner.run(refused("401"), args.toArray(String[]::new));
    assertRefusedOnce(r, "401", 2);
  }

  /**
   * One account's failure (403: this account is denied) says the same with {@code --verbose} as a
   * single log's failure: its line, then its stack trace; the other accounts finish.
   */
  @Test
  void oneAccountsFailureShowsItsTraceUnderVerboseAsASingleLogsDoes() {
    Map<String, String> env = JarRunner.env(emulator.baseUrl(), emulator.apiToken());
    JarRunner.Result single =
        JarRunner.run(env, "list", "--account-id", DENIED, "--verbose", "--max-retries", "0");
    assertEquals(3, single.exitCode(), single.all());
    assertTrue(single.stderr().contains("PermissionDeniedException"), single.stderr());
    assertTrue(single.stderr().contains("\tat dev.cfauditlogs."), single.stderr());

    JarRunner.Result several =
        JarRunner.run(
            env,
            "export",
            "--account-id",
            A,
            "--account-id",
            DENIED,
            "--output-dir",
            dir.resolve("logs").toString(),
            "--verbose");
    assertEquals(3, several.exitCode(), several.all());
    assertTrue(several.stderr().contains("account " + DENIED + ": HTTP 403"), several.stderr());
    assertEquals(
        1, count(several.stderr(), "PermissionDeniedException"), "its trace:\n" + several.stderr());
    assertTrue(several.stderr().contains("\tat dev.cfauditlogs."), several.stderr());
    assertTrue(several.stderr().contains("1 of 2 logs exported"), several.stderr());
    assertFalse(several.all().contains(emulator.apiToken()), "no credential printed");

    JarRunner.Result quiet =
        JarRunner.run(
            env,
            "export",
            "--account-id",
            A,
            "--account-id",
            DENIED,
            "--output-dir",
            dir.resolve("again").toString());
    assertFalse(
        quiet.stderr().contains("\tat "), "a trace only under --verbose: " + quiet.stderr());
  }
}
