package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad value of each option, run in-process ({@link InProcess#run}: what the jar's {@code main}
 * calls; {@link #theJarRefusesAsTheInProcessRunDoes} proves the jar prints the same): exit 2, the
 * message names the option as the user typed it and the bad value, never the library's setter,
 * builder or API parameter name, and nothing reaches the server.
 */
class OptionMessagesIT {
  /** The library's words for the options: builder settings and API parameter names. */
  private static final Pattern LIBRARY_WORD =
      Pattern.compile(
          "(?<![-\\w.])(baseUrl|maxRetries|concurrency|timeout|per_page|page|since|before"
              + "|direction|id|action\\.type|actor\\.email|actor\\.ip|zone\\.name|account_id)"
              + "(?![-\\w])");

  static AuditLogEmulator emulator;
  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;
  static Map<String, String> env;

  @BeforeAll
  static void start() {
    emulator = AuditLogEmulator.builder().dataset(Dataset.synthetic(3, 10)).start();
    env = JarRunner.env(emulator.baseUrl(), emulator.apiToken());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("--concurrency", "0", new String[] {"export", "--concurrency", "0"}),
        Arguments.of("--concurrency", "17", new String[] {"export", "--concurrency", "17"}),
        Arguments.of("--max-retries", "11", new String[] {"export", "--max-retries", "11"}),
        Arguments.of("--max-retries", "-1", new String[] {"list", "--max-retries", "-1"}),
        Arguments.of("--base-url", "ftp:x", new String[] {"list", "--base-url", "ftp:x"}),
        Arguments.of(
            "--base-url",
            "http://127.0.0.1:9/x?q=1",
            new String[] {"export", "--base-url", "http://127.0.0.1:9/x?q=1"}),
        Arguments.of(
            "--base-url",
            "example.net",
            new String[] {"export", "--base-url", "http://example.net/"}),
        Arguments.of("--per-page", "0", new String[] {"list", "--per-page", "0"}),
        Arguments.of("--per-page", "1001", new String[] {"export", "--per-page", "1001"}),
        Arguments.of("--page", "0", new String[] {"list", "--page", "0"}),
        Arguments.of(
            "--since",
            "2026-02-01",
            new String[] {"export", "--since", "2026-02-01", "--before", "2026-01-01"}),
        Arguments.of("--actor-email", "nobody", new String[] {"list", "--actor-email", "nobody"}),
        Arguments.of("--actor-ip", "300.1.1.1", new String[] {"export", "--actor-ip", "300.1.1.1"}),
        Arguments.of("--action-type", "' '", new String[] {"list", "--action-type", " "}),
        Arguments.of("--zone-name", "' '", new String[] {"list", "--zone-name", " "}),
        Arguments.of("--id", "' '", new String[] {"list", "--id", " "}),
        Arguments.of("--direction", "sideways", new String[] {"list", "--direction", "sideways"}));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("badValues")
  void aBadValueIsRefusedNamingTheOptionTyped(String option, String value, String[] args) {
    int before = emulator.requestCount();
    JarRunner.Result r = InProcess.run(env, args);
    assertEquals(2, r.exitCode(), r.all());
    String first = r.stderr().lines().findFirst().orElse("");
    assertTrue(first.startsWith("cf-audit-logs: "), r.stderr());
    assertTrue(first.contains(option), "names " + option + ": " + r.stderr());
    assertTrue(first.contains(value), "names the value " + value + ": " + r.stderr());
    String words = first.replace("'" + args[args.length - 1] + "'", "");
    assertFalse(LIBRARY_WORD.matcher(words).find(), "a library word in: " + first);
    assertEquals(before, emulator.requestCount(), "nothing was sent");
  }

  /**
   * A duration option past its maximum says so and names the maximum, not that the value is no
   * duration, whatever the unit and however many digits.
   */
  @ParameterizedTest(name = "{0} {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "list, --timeout, 99999d, 24d",
    "export, --timeout, 9999999999999999999s, 24d",
    "follow, --lookback, 999d, 365d",
    "follow, --interval, 100000h, 365d",
    "emulator, --latency, 400d, 365d"
  })
  void aDurationTooLargeSaysTheMaximum(String command, String option, String value, String max) {
    int before = emulator.requestCount();
    JarRunner.Result r =
        command.equals("follow")
            ? InProcess.run(env, command, option, value, "--checkpoint", "unused.ckpt", "--once")
            : InProcess.run(env, command, option, value);
    assertEquals(2, r.exitCode(), r.all());
    String first = r.stderr().lines().findFirst().orElse("");
    assertTrue(first.contains(option) && first.contains("'" + value + "'"), r.stderr());
    assertTrue(first.endsWith("'" + value + "' is too large: at most " + max), r.stderr());
    assertFalse(first.contains("not a duration"), r.stderr());
    assertEquals(before, emulator.requestCount(), "nothing was sent");
  }

  /**
   * Missing or half credentials are told in the CLI's words, the environment variables, never the
   * library's builder methods; nothing is sent.
   */
  @ParameterizedTest(name = "{0} {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "list, '', CLOUDFLARE_API_TOKEN",
    "export, '', CLOUDFLARE_API_TOKEN",
    "follow, '', CLOUDFLARE_API_TOKEN",
    "list, CLOUDFLARE_EMAIL, CLOUDFLARE_API_KEY",
    "export, CLOUDFLARE_API_KEY, CLOUDFLARE_EMAIL"
  })
  void missingCredentialsAreToldAsEnvironmentVariables(String command, String set, String named) {
    Map<String, String> given = new java.util.HashMap<>();
    given.put("CLOUDFLARE_BASE_URL", emulator.baseUrl());
    if (!set.isEmpty()) {
      given.put(set, "FAKE-SECRET-half-0001");
    }
    int before = emulator.requestCount();
    JarRunner.Result r =
        command.equals("follow")
            ? InProcess.run(
                given, command, "--once", "--checkpoint", dir.resolve("sync.ckpt").toString())
            : InProcess.run(given, command);
    assertEquals(2, r.exitCode(), r.all());
    assertTrue(r.stderr().startsWith("cf-audit-logs: "), r.stderr());
    assertTrue(r.stderr().contains(named), "names " + named + ": " + r.stderr());
    for (String libraryWord :
        List.of("builder", "apiToken", "apiKey", "email(", "(...)", "FAKE-SECRET")) {
      assertFalse(r.stderr().contains(libraryWord), libraryWord + " in: " + r.stderr());
    }
    assertEquals(before, emulator.requestCount(), "nothing was sent");
  }

  /** The real jar: exit code, stdout and stderr as the in-process run's, and nothing sent. */
  @Test
  void theJarRefusesAsTheInProcessRunDoes() {
    int before = emulator.requestCount();
    for (String[] args :
        List.of(
            new String[] {"export", "--max-retries", "11"},
            new String[] {"list", "--base-url", "http://example.net/client/v4"})) {
      JarRunner.Result jar = JarRunner.run(env, args);
      assertEquals(2, jar.exitCode(), jar.all());
      assertEquals(InProcess.run(env, args), jar);
    }
    assertEquals(before, emulator.requestCount(), "nothing was sent");
  }

  /**
   * Plain http to another host is refused naming what a CLI user can do (the option), not the
   * library's knob; with the option the URL is used (here one that cannot resolve: exit 5, not 2).
   */
  @Test
  void plainHttpToAnotherHostNamesTheOptionThatAllowsIt() {
    String url = "http://audit.example.invalid/client/v4";
    for (Map<String, String> given :
        List.of(env, Map.of("CLOUDFLARE_BASE_URL", url, "CLOUDFLARE_API_TOKEN", "FAKE-TOKEN-x"))) {
      String[] args =
          given == env ? new String[] {"list", "--base-url", url} : new String[] {"list"};
      JarRunner.Result r = InProcess.run(given, args);
      assertEquals(2, r.exitCode(), r.all());
      assertTrue(r.stderr().contains("plain http"), r.stderr());
      assertTrue(r.stderr().contains("--allow-insecure-http"), r.stderr());
      assertFalse(r.stderr().contains("allowInsecureHttp"), r.stderr());
      assertFalse(r.stderr().contains("AuditLogsClient"), r.stderr());
    }
    JarRunner.Result allowed =
        JarRunner.run(
            env, "list", "--base-url", url, "--allow-insecure-http", "--max-retries", "0");
    assertEquals(5, allowed.exitCode(), allowed.all());
    assertFalse(allowed.stderr().contains("plain http"), allowed.stderr());
  }
}
