package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code cf-audit-logs list|export … | head -1}: a reader that closes standard output early is the
 * reader's choice, so the command ends with exit 0 and says so on stderr (a write failure of any
 * other kind is exit 5, see {@link FollowServiceIT}).
 */
class ClosedPipeIT {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"list", "export"})
  void aReaderClosingStdoutEarlyEndsTheCommandWithZero(String command) throws Exception {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.synthetic(5, 3000)).start()) {
      Map<String, String> env = JarRunner.env(emulator.baseUrl(), emulator.apiToken());
      // Far more than a pipe holds: the command is still writing when the reader goes away.
      String[] args = {command, "--format", "jsonl", "--per-page", "1000"};
      JarRunner.Result r;
      try (RunningJar jar = RunningJar.start(JarRunner.command(env, args), false)) {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(jar.process().getInputStream(), StandardCharsets.UTF_8));
        assertTrue(out.readLine().startsWith("{\"id\":"));
        out.close();
        r = jar.await(60);
      }
      assertEquals(0, r.exitCode(), r.all());
      assertTrue(r.stderr().contains("closed by its reader"), r.stderr());
    }
  }
}
