package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad value of each option, through the real jar: exit 2, the message names the option as the
 * user typed it and the bad value, never the library's setter, builder or API parameter name, and
 * nothing reaches the server.
 */
class OptionMessagesIT {
  /** The library's words for the options: builder settings and API parameter names. */
  private static final Pattern LIBRARY_WORD =
      Pattern.compile(
          "(?<![-\\w.])(baseUrl|maxRetries|concurrency|timeout|per_page|page|since|before"
              + "|direction|id|action\\.type|actor\\.email|actor\\.ip|zone\\.name|account_id)"
              + "(?![-\\w])");

  static AuditLogEmulator emulator;
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
    JarRunner.Result r = JarRunner.run(env, args);
    assertEquals(2, r.exitCode(), r.all());
    String first = r.stderr().lines().findFirst().orElse("");
    assertTrue(first.startsWith("cf-audit-logs: "), r.stderr());
    assertTrue(first.contains(option), "names " + option + ": " + r.stderr());
    assertTrue(first.contains(value), "names the value " + value + ": " + r.stderr());
    String words = first.replace("'" + args[args.length - 1] + "'", "");
    assertFalse(LIBRARY_WORD.matcher(words).find(), "a library word in: " + first);
    assertEquals(before, emulator.requestCount(), "nothing was sent");
  }
}
