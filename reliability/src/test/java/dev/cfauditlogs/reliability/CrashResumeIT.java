package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.EmulatedLog;
import dev.cfauditlogs.testkit.FaultKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar killed with SIGKILL at random (seeded: {@code -Dcrash.seed}) points and run again,
 * against an emulator that also fails a share of responses.
 *
 * <ul>
 *   <li>{@code export --output FILE}: FILE never exists torn (a killed run leaves only
 *       FILE.partial, or the complete FILE of an earlier run untouched); the run that finishes
 *       writes every record exactly once, as the API sent it.
 *   <li>{@code follow --output FILE --checkpoint}: after the restarts, FILE holds no torn line,
 *       every record at least once, and repeats at most one page per kill.
 * </ul>
 */
class CrashResumeIT {
  private static final long SEED = Long.getLong("crash.seed", 20261122L);
  private static final int KILLS = Integer.getInteger("crash.kills", 3);

  @TempDir Path dir;

  private static AuditLogEmulator emulator(long seed, int records, double faultRate) {
    return AuditLogEmulator.builder()
        .dataset(Dataset.synthetic(seed, records))
        .apiToken(Secrets.TOKEN)
        .faults(faultRate, EnumSet.allOf(FaultKind.class), seed)
        .slowFaultDelay(Duration.ofMillis(2500))
        .rateLimit(100_000, Duration.ofMinutes(5))
        .start();
  }

  private static Map<String, String> env(AuditLogEmulator emulator) {
    return Map.of("CLOUDFLARE_BASE_URL", emulator.baseUrl(), "CLOUDFLARE_API_TOKEN", Secrets.TOKEN);
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  void exportKilledAnywhereNeverLeavesATornFileAndTheRerunIsExact() throws Exception {
    Random random = new Random(SEED);
    try (AuditLogEmulator emulator = emulator(SEED, 20_000, 0.2)) {
      List<String> truth = emulator.records().stream().map(EmulatedLog::json).toList();
      Path file = dir.resolve("audit.jsonl");
      Path partial = dir.resolve("audit.jsonl.partial");
      String[] args = {
        "export",
        "--output",
        file.toString(),
        "--per-page",
        "500",
        "--timeout",
        "1s",
        "--max-retries",
        "8",
        "--no-progress"
      };
      int kills = 0;
      boolean complete = false;
      long started = System.nanoTime();
      for (int run = 0; run < KILLS * 3 && kills < KILLS; run++) {
        Jar jar = Jar.start(dir, env(emulator), args);
        if (jar.runningAfter(300 + random.nextInt(4000))) {
          jar.kill();
          kills++;
          // A kill leaves FILE as it was: absent, or the complete file of an earlier run.
          if (complete) {
            assertEquals(truth, lines(file), "an earlier complete FILE is untouched");
          } else {
            assertFalse(Files.exists(file), "no FILE before a run completed");
          }
        } else {
          Jar.Result r = jar.await(10);
          assertEquals(0, r.exitCode(), r.all());
          complete = true;
          assertEquals(truth, lines(file));
        }
      }
      Jar.Result last = Jar.run(dir, env(emulator), args);
      assertEquals(0, last.exitCode(), last.all());
      assertEquals("", last.stdout(), "records went to the file");
      List<String> got = lines(file);
      assertEquals(truth.size(), got.size());
      assertEquals(truth, got, "every record once, in order, exactly as sent");
      assertFalse(Files.exists(partial), "FILE.partial was renamed");
      new Figures("crash-export")
          .put("records", truth.size())
          .put("kills", kills)
          .put("requests", emulator.requestCount())
          .put(
              "faulted",
              FaultSoakTest.faultsByKind(emulator.requests()).values().stream()
                  .mapToInt(i -> i)
                  .sum())
          .put("lost", 0)
          .put("duplicated", 0)
          .put("wallSeconds", (System.nanoTime() - started) / 1_000_000_000)
          .write();
    }
  }

  @Test
  void followKilledAnywhereLosesNothingAndRepeatsAtMostOnePagePerKill() throws Exception {
    Random random = new Random(SEED + 1);
    int perPage = 500;
    try (AuditLogEmulator emulator = emulator(SEED + 1, 20_000, 0.1)) {
      Path file = dir.resolve("follow.jsonl");
      Path checkpoint = dir.resolve("follow.ckpt");
      String[] args = {
        "follow",
        "--checkpoint",
        checkpoint.toString(),
        "--output",
        file.toString(),
        "--once",
        "--per-page",
        String.valueOf(perPage),
        "--timeout",
        "1s",
        "--max-retries",
        "8"
      };
      int kills = 0;
      long started = System.nanoTime();
      for (int run = 0; run < KILLS * 3 && kills < KILLS; run++) {
        Jar jar = Jar.start(dir, env(emulator), args);
        if (jar.runningAfter(500 + random.nextInt(4000))) {
          jar.kill();
          kills++;
        } else {
          Jar.Result r = jar.await(10);
          assertEquals(0, r.exitCode(), r.all());
        }
        emulator.appendSynthetic(20 + random.nextInt(200)); // new records between runs
      }
      Jar.Result finished = Jar.run(dir, env(emulator), args);
      assertEquals(0, finished.exitCode(), finished.all());
      List<String> afterFinish = lines(file);
      Jar.Result again = Jar.run(dir, env(emulator), args);
      assertEquals(0, again.exitCode(), again.all());
      assertEquals(afterFinish, lines(file), "a run with nothing new appends nothing");

      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertTrue(text.isEmpty() || text.endsWith("\n"), "no torn last line");
      Map<String, Integer> seen = new HashMap<>();
      for (String line : afterFinish) {
        assertTrue(line.startsWith("{\"") && line.endsWith("}"), "a whole record: " + line);
        seen.merge(id(line), 1, Integer::sum);
      }
      List<String> truth =
          emulator.records().stream().map(l -> l.id().orElseThrow()).collect(Collectors.toList());
      for (String id : truth) {
        assertTrue(seen.containsKey(id), "lost " + id);
      }
      assertEquals(truth.size(), seen.size(), "nothing that is not a record");
      int repeated = afterFinish.size() - seen.size();
      assertTrue(
          repeated <= kills * perPage,
          repeated + " repeated lines after " + kills + " kills: at most one page per kill");
      assertTrue(seen.values().stream().allMatch(n -> n <= 2), "no record more than twice");
      new Figures("crash-follow")
          .put("records", truth.size())
          .put("kills", kills)
          .put("repeatedLines", repeated)
          .put("allowedRepeats", kills * perPage)
          .put("lost", 0)
          .put("tornLines", 0)
          .put("wallSeconds", (System.nanoTime() - started) / 1_000_000_000)
          .write();
    }
  }

  private static String id(String line) {
    int at = line.indexOf("\"id\":\"");
    assertTrue(at >= 0, line);
    return line.substring(at + 6, line.indexOf('"', at + 6));
  }
}
