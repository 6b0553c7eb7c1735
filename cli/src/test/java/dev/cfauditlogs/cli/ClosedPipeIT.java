package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code cf-audit-logs list|export … | head -1}: a reader that closes standard output early is the
 * reader's choice, so the command ends with exit 0 and says so on stderr (a write failure of any
 * other kind is exit 5, see {@link FollowServiceIT}); an export says how many records it had
 * written, in the same words for one log and for accounts, and never that it is complete.
 */
class ClosedPipeIT {
  static final String A = "0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a";
  static final String B = "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b";
  private static final Pattern WRITTEN =
      Pattern.compile(
          "cf-audit-logs: standard output was closed by its reader after (\\d+) records were"
              + " written; stopped");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "list --format jsonl",
        "export --format jsonl",
        "export --account-id " + A,
        "export --account-id " + A + " --account-id " + B + " --format csv"
      })
  void aReaderClosingStdoutEarlyEndsTheCommandWithZero(String command) throws Exception {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.synthetic(5, 3000)).accounts(A, B).start()) {
      Map<String, String> env = JarRunner.env(emulator.baseUrl(), emulator.apiToken());
      // Far more than a pipe holds: the command is still writing when the reader goes away.
      String[] args = (command + " --per-page 1000").split(" ");
      JarRunner.Result r;
      try (RunningJar jar = RunningJar.start(JarRunner.command(env, args), false)) {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(jar.process().getInputStream(), StandardCharsets.UTF_8));
        assertTrue(out.readLine().startsWith(command.contains("csv") ? "id," : "{\"id\":"));
        out.close();
        r = jar.await(60);
      }
      assertEquals(0, r.exitCode(), r.all());
      assertTrue(r.stderr().contains("closed by its reader"), r.stderr());
      if (command.startsWith("export")) {
        Matcher written = WRITTEN.matcher(r.stderr());
        assertTrue(written.find(), r.stderr());
        long records = Long.parseLong(written.group(1));
        assertTrue(records >= 1 && records < 6000, r.stderr());
        assertFalse(r.stderr().contains("exported"), "not said to be complete: " + r.stderr());
      }
    }
  }
}
