package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.FaultKind;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each documented exit code from the real jar, with a message on stderr and nothing on stdout; and
 * no failure path ever prints a credential, with or without --verbose.
 */
class ExitCodesIT {
  static final String TOKEN = "FAKE-TOKEN-cli-must-never-print-0451";
  static final String EMAIL = "fake.person.never.printed@example.com";
  static final String KEY = "FAKE-GLOBAL-KEY-cli-never-print-0452";

  private final List<AuditLogEmulator> started = new ArrayList<>();
  private final List<JarRunner.Result> results = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(AuditLogEmulator::close);
    for (JarRunner.Result r : results) {
      for (String secret : List.of(TOKEN, EMAIL, KEY)) {
        assertFalse(r.all().contains(secret), "a credential was printed: " + r.all());
      }
    }
  }

  private AuditLogEmulator emulator(AuditLogEmulator.Builder builder) {
    AuditLogEmulator e = builder.apiToken(TOKEN).emailAndApiKey(EMAIL, KEY).start();
    started.add(e);
    return e;
  }

  private JarRunner.Result run(Map<String, String> env, String... args) {
    return run(JarRunner::run, env, args);
  }

  /** How a test runs the command line: the real jar, or {@link InProcess} where it is parsing. */
  @FunctionalInterface
  private interface Runner {
    JarRunner.Result run(Map<String, String> env, String... args);
  }

  /**
   * Runs {@code args}, then again with --verbose, collecting both for the no-secret check. The
   * --verbose twin runs in-process ({@link InProcess#run}, what the jar's {@code main} calls: the
   * same messages and traces, see {@link #verboseShowsAStackTraceButStillNoSecret} for the jar's).
   */
  private JarRunner.Result run(Runner runner, Map<String, String> env, String... args) {
    JarRunner.Result r = runner.run(env, args);
    results.add(r);
    List<String> verbose = new ArrayList<>(List.of(args));
    verbose.add("--verbose");
    if (List.of("list", "export", "follow").contains(args[0])) {
      JarRunner.Result traced = InProcess.run(env, verbose.toArray(String[]::new));
      assertFalse(traced.stderr().isEmpty(), "the --verbose twin says what happened");
      results.add(traced);
    }
    return r;
  }

  /**
   * Input refused before any request is the parsing, not the jar: run in-process ({@link
   * InProcess#run}, what the jar's {@code main} calls); the first case also runs through the jar,
   * which must print the same.
   */
  private JarRunner.Result refused(Map<String, String> env, String... args) {
    return run(InProcess::run, env, args);
  }

  private static Map<String, String> token(AuditLogEmulator e, String token) {
    return Map.of("CLOUDFLARE_BASE_URL", e.baseUrl(), "CLOUDFLARE_API_TOKEN", token);
  }

  private static void assertFailure(JarRunner.Result r, int code, String stderrContains) {
    assertEquals(code, r.exitCode(), r.all());
    assertEquals("", r.stdout(), "stdout carries data only");
    assertTrue(r.stderr().contains(stderrContains), r.stderr());
    assertFalse(r.stderr().contains("\tat "), "no stack trace without --verbose: " + r.stderr());
    long lines = r.stderr().lines().count();
    assertTrue(lines >= 1 && lines <= 3, "one or two lines: " + r.stderr());
  }

  @Test
  void invalidInputIsRefusedWithTwoBeforeAnyRequest() {
    AuditLogEmulator e = emulator(AuditLogEmulator.builder().dataset(Dataset.synthetic(1, 10)));
    JarRunner.Result jar = run(token(e, TOKEN), "list", "--since", "yesterday");
    assertFailure(jar, 2, "--since");
    assertEquals(jar, refused(token(e, TOKEN), "list", "--since", "yesterday"), "as the jar");
    assertFailure(refused(token(e, TOKEN), "export", "--actor-ip", "example.com"), 2, "--actor-ip");
    assertFailure(refused(token(e, TOKEN), "export", "--per-page", "5000"), 2, "--per-page");
    assertFailure(refused(token(e, TOKEN), "export", "--format", "xml"), 2, "--format");
    assertFailure(refused(token(e, TOKEN), "list", "--no-such-option"), 2, "--no-such-option");
    assertFailure(refused(token(e, TOKEN), "export", "--direction", "sideways"), 2, "sideways");
    assertFailure(
        refused(Map.of("CLOUDFLARE_BASE_URL", e.baseUrl(), "CLOUDFLARE_EMAIL", EMAIL), "list"),
        2,
        "CLOUDFLARE_API_KEY");
    assertFailure(refused(token(e, TOKEN + " space"), "list"), 2, "CLOUDFLARE_API_TOKEN");
    assertFailure(
        refused(
            Map.of(
                "CLOUDFLARE_BASE_URL",
                "http://example.com/client/v4",
                "CLOUDFLARE_API_TOKEN",
                TOKEN),
            "list"),
        2,
        "http");
    assertEquals(0, e.requestCount(), "nothing was sent");
  }

  @ParameterizedTest
  @EnumSource(Log.class)
  void authenticationAndPermissionFailuresAreThree(Log log) {
    AuditLogEmulator e =
        emulator(
            AuditLogEmulator.builder()
                .dataset(Dataset.synthetic(1, 10))
                .accounts(Log.ID)
                .forbiddenToken("FORBIDDEN-TOKEN-0001"));
    assertFailure(run(token(e, "WRONG-TOKEN-0000"), log.args("list")), 3, "401");
    JarRunner.Result forbidden = run(token(e, "FORBIDDEN-TOKEN-0001"), log.args("export"));
    assertFailure(forbidden, 3, "403");
    if (log == Log.ACCOUNT) {
      assertTrue(forbidden.stderr().contains("account " + Log.ID), forbidden.stderr());
    }
    assertFailure(
        run(
            Map.of(
                "CLOUDFLARE_BASE_URL",
                e.baseUrl(),
                "CLOUDFLARE_EMAIL",
                EMAIL,
                "CLOUDFLARE_API_KEY",
                "WRONG-KEY-0000"),
            log.args("list")),
        3,
        "401");
  }

  @ParameterizedTest
  @EnumSource(Log.class)
  void rateLimitedBeyondRetriesIsFour(Log log) {
    AuditLogEmulator e =
        emulator(
            AuditLogEmulator.builder()
                .dataset(Dataset.synthetic(1, 10))
                .accounts(Log.ID)
                .rateLimit(1, Duration.ofMinutes(10)));
    assertEquals(0, run(token(e, TOKEN), log.args("list")).exitCode());
    assertFailure(run(token(e, TOKEN), log.args("list")), 4, "429");
  }

  @Test
  void otherFailuresAreFive(@TempDir Path dir) throws Exception {
    AuditLogEmulator e =
        emulator(
            AuditLogEmulator.builder()
                .dataset(Dataset.synthetic(1, 10))
                .faults(1.0, EnumSet.of(FaultKind.SERVER_ERROR), 3));
    assertFailure(run(token(e, TOKEN), "list", "--max-retries", "1"), 5, "500");
    // A port bound but not listening refuses connections, and stays taken while the jar runs: a
    // port closed before the run could be taken meanwhile by another test's server (CI runs two
    // builds side by side).
    try (Socket reserved = new Socket()) {
      reserved.bind(new InetSocketAddress("127.0.0.1", 0));
      assertFailure(
          run(
              Map.of(
                  "CLOUDFLARE_BASE_URL",
                  "http://127.0.0.1:" + reserved.getLocalPort() + "/client/v4",
                  "CLOUDFLARE_API_TOKEN",
                  TOKEN),
              "export",
              "--max-retries",
              "0"),
          5,
          "failed");
    }
    AuditLogEmulator html =
        emulator(
            AuditLogEmulator.builder()
                .dataset(Dataset.synthetic(1, 10))
                .faults(1.0, EnumSet.of(FaultKind.BAD_GATEWAY_HTML), 3));
    assertFailure(
        run(
            token(html, TOKEN),
            "follow",
            "--once",
            "--checkpoint",
            dir.resolve("follow.ckpt").toString(),
            "--max-retries",
            "0"),
        5,
        "502");
  }

  @Test
  void verboseShowsAStackTraceButStillNoSecret() {
    AuditLogEmulator e = emulator(AuditLogEmulator.builder().dataset(Dataset.synthetic(1, 10)));
    JarRunner.Result r = JarRunner.run(token(e, "WRONG-TOKEN-0000"), "list", "--verbose");
    results.add(r);
    assertEquals(3, r.exitCode());
    assertTrue(r.stderr().contains("\tat "), r.stderr());
  }
}
