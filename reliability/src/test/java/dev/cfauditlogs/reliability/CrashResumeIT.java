package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.SyncCheckpoints;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.EmulatedLog;
import dev.cfauditlogs.testkit.FaultKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real jar killed with SIGKILL at random (seeded: {@code -Dcrash.seed}) points and run again,
 * against an emulator that also fails a share of responses.
 *
 * <ul>
 *   <li>{@code export --output FILE} (or {@code --output-dir DIR}: each account's file): FILE never
 *       exists torn (a killed run leaves only FILE.partial, or the complete FILE of an earlier run
 *       untouched); the run that finishes writes every record exactly once, as the API sent it.
 *   <li>{@code follow --output FILE --checkpoint} (or {@code --output-dir DIR}): after the
 *       restarts, each file holds no torn line, every record of its log at least once and no other,
 *       and repeats at most one page per kill; the checkpoint file holds one entry per log
 *       followed.
 * </ul>
 *
 * <p>Each runs over the logs of {@link Run}: the user's log (20,000 records, as before accounts
 * existed), one account's ({@code --account-id}, {@link Scopes#ACCOUNT}) and two accounts' to
 * {@code --output-dir}. The account runs are smaller (5,000 records in all, smaller pages so a run
 * still spans several kill points) to keep {@code .ci/run} under its 20 minutes: the code path per
 * scope is the same, the user runs carry the volume.
 */
class CrashResumeIT {
  private static final long SEED = Long.getLong("crash.seed", 20261122L);
  private static final int KILLS = Integer.getInteger("crash.kills", 3);
  private static final String SECOND_ACCOUNT = "0ddba11c0ffee5ca1ab1e5ca1e0ddba1";

  /**
   * What one run reads and where it writes.
   *
   * @param name the case's name, also the suffix of its figures' files
   * @param accounts the {@code --account-id}s; none: the user's log
   * @param recordsPerLog the records each log starts with
   * @param perPage {@code --per-page}
   * @param outputDir whether the records go to {@code --output-dir} (one file per account)
   */
  record Run(
      String name, List<String> accounts, int recordsPerLog, int perPage, boolean outputDir) {
    @Override
    public String toString() {
      return name;
    }

    List<AuditLogScope> scopes() {
      return accounts.isEmpty()
          ? List.of(AuditLogScope.user())
          : accounts.stream().map(AuditLogScope::account).toList();
    }

    /** The command: {@code args}, then the scope and output options. */
    String[] args(Path dir, String stem, String... args) {
      List<String> all = new ArrayList<>(List.of(args));
      for (String account : accounts) {
        all.addAll(List.of("--account-id", account));
      }
      if (outputDir) {
        all.addAll(List.of("--output-dir", dir.resolve(stem).toString()));
      } else {
        all.addAll(List.of("--output", dir.resolve(stem + ".jsonl").toString()));
      }
      all.addAll(List.of("--per-page", String.valueOf(perPage)));
      return all.toArray(String[]::new);
    }

    /** Each scope's output file. */
    Map<AuditLogScope, Path> files(Path dir, String stem) {
      Map<AuditLogScope, Path> files = new LinkedHashMap<>();
      for (AuditLogScope scope : scopes()) {
        files.put(
            scope,
            outputDir
                ? dir.resolve(stem).resolve(scope.accountId().orElse("user") + ".jsonl")
                : dir.resolve(stem + ".jsonl"));
      }
      return files;
    }

    String figures(String base) {
      return accounts.isEmpty() ? base : base + "-" + name;
    }
  }

  static Stream<Run> runs() {
    return Stream.of(
        new Run("user", List.of(), 20_000, 500, false),
        new Run("account", List.of(Scopes.ACCOUNT), 5_000, 250, false),
        new Run("two-accounts-dir", List.of(Scopes.ACCOUNT, SECOND_ACCOUNT), 2_500, 250, true));
  }

  @TempDir Path dir;

  private static AuditLogEmulator emulator(long seed, Run run, double faultRate) {
    return AuditLogEmulator.builder()
        .dataset(Dataset.synthetic(seed, run.recordsPerLog()))
        .accounts(run.accounts().toArray(String[]::new))
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void exportKilledAnywhereNeverLeavesATornFileAndTheRerunIsExact(Run run) throws Exception {
    Random random = new Random(SEED);
    try (AuditLogEmulator emulator = emulator(SEED, run, 0.2)) {
      Map<AuditLogScope, List<String>> truth = new LinkedHashMap<>();
      for (AuditLogScope scope : run.scopes()) {
        truth.put(scope, emulator.records(scope).stream().map(EmulatedLog::json).toList());
      }
      Map<AuditLogScope, Path> files = run.files(dir, "audit");
      String[] args =
          run.args(
              dir, "audit", "export", "--timeout", "1s", "--max-retries", "8", "--no-progress");
      int kills = 0;
      boolean complete = false;
      long started = System.nanoTime();
      for (int i = 0; i < KILLS * 3 && kills < KILLS; i++) {
        Jar jar = Jar.start(dir, env(emulator), args);
        if (jar.runningAfter(300 + random.nextInt(4000))) {
          jar.kill();
          kills++;
          // A kill leaves each FILE absent or complete: the complete file of an earlier run, a
          // file its account completed before the kill (several accounts), or the file this run
          // renamed into place just before the kill landed (the JVM still exiting: on a loaded
          // machine that takes long enough to be hit). Never a torn one.
          for (AuditLogScope scope : run.scopes()) {
            Path file = files.get(scope);
            if (Files.exists(file)) {
              assertEquals(truth.get(scope), lines(file), "a FILE is only ever complete: " + file);
            } else {
              assertFalse(complete, "a complete FILE is never removed: " + file);
            }
          }
        } else {
          Jar.Result r = jar.await(10);
          assertEquals(0, r.exitCode(), r.all());
          complete = true;
          for (AuditLogScope scope : run.scopes()) {
            assertEquals(truth.get(scope), lines(files.get(scope)), scope.toString());
          }
        }
      }
      Jar.Result last = Jar.run(dir, env(emulator), args);
      assertEquals(0, last.exitCode(), last.all());
      assertEquals("", last.stdout(), "records went to the file");
      int records = 0;
      for (AuditLogScope scope : run.scopes()) {
        Path file = files.get(scope);
        List<String> got = lines(file);
        assertEquals(truth.get(scope).size(), got.size(), scope.toString());
        assertEquals(truth.get(scope), got, scope + ": every record once, in order, as sent");
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        assertFalse(Files.exists(partial), "FILE.partial was renamed: " + partial);
        records += got.size();
      }
      new Figures(run.figures("crash-export"))
          .put("records", records)
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void followKilledAnywhereLosesNothingAndRepeatsAtMostOnePagePerKill(Run run) throws Exception {
    Random random = new Random(SEED + 1);
    int perPage = run.perPage();
    try (AuditLogEmulator emulator = emulator(SEED + 1, run, 0.1)) {
      Map<AuditLogScope, Path> files = run.files(dir, "follow");
      Path checkpoint = dir.resolve("follow.ckpt");
      String[] args =
          run.args(
              dir,
              "follow",
              "follow",
              "--checkpoint",
              checkpoint.toString(),
              "--once",
              "--timeout",
              "1s",
              "--max-retries",
              "8");
      int kills = 0;
      long started = System.nanoTime();
      for (int i = 0; i < KILLS * 3 && kills < KILLS; i++) {
        Jar jar = Jar.start(dir, env(emulator), args);
        if (jar.runningAfter(500 + random.nextInt(4000))) {
          jar.kill();
          kills++;
        } else {
          Jar.Result r = jar.await(10);
          assertEquals(0, r.exitCode(), r.all());
        }
        for (AuditLogScope scope : run.scopes()) { // new records between runs
          emulator.appendSynthetic(scope, 20 + random.nextInt(200));
        }
      }
      Jar.Result finished = Jar.run(dir, env(emulator), args);
      assertEquals(0, finished.exitCode(), finished.all());
      Map<AuditLogScope, List<String>> afterFinish = new LinkedHashMap<>();
      for (AuditLogScope scope : run.scopes()) {
        afterFinish.put(scope, lines(files.get(scope)));
      }
      Jar.Result again = Jar.run(dir, env(emulator), args);
      assertEquals(0, again.exitCode(), again.all());
      for (AuditLogScope scope : run.scopes()) {
        assertEquals(
            afterFinish.get(scope),
            lines(files.get(scope)),
            "a run with nothing new appends nothing");
      }
      assertEquals(
          Set.copyOf(run.scopes()),
          SyncCheckpoints.load(checkpoint).orElseThrow().scopes(),
          "one checkpoint entry per log followed");

      int records = 0;
      int repeatedInAll = 0;
      for (AuditLogScope scope : run.scopes()) {
        Path file = files.get(scope);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.isEmpty() || text.endsWith("\n"), "no torn last line: " + file);
        Map<String, Integer> seen = new HashMap<>();
        for (String line : afterFinish.get(scope)) {
          assertTrue(line.startsWith("{\"") && line.endsWith("}"), "a whole record: " + line);
          seen.merge(id(line), 1, Integer::sum);
        }
        List<String> truth =
            emulator.records(scope).stream()
                .map(l -> l.id().orElseThrow())
                .collect(Collectors.toList());
        for (String id : truth) {
          assertTrue(seen.containsKey(id), scope + " lost " + id);
        }
        assertEquals(truth.size(), seen.size(), scope + ": nothing that is not its record");
        int repeated = afterFinish.get(scope).size() - seen.size();
        assertTrue(
            repeated <= kills * perPage,
            scope
                + ": "
                + repeated
                + " repeated lines after "
                + kills
                + " kills: at most one page per kill");
        assertTrue(seen.values().stream().allMatch(n -> n <= 2), "no record more than twice");
        records += truth.size();
        repeatedInAll += repeated;
      }
      new Figures(run.figures("crash-follow"))
          .put("records", records)
          .put("kills", kills)
          .put("repeatedLines", repeatedInAll)
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
