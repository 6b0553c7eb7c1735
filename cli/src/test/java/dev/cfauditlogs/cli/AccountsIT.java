package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.Direction;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.EmulatedLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several accounts in one run of the real jar (issue 15): every account's records exactly once and
 * told apart without changing a record (one file per account, or CSV's {@code account_id}), one
 * unreadable account named while the others finish, one checkpoint per account, and the scope a
 * checkpoint was made for kept. Compared with the emulator's ground truth per account.
 */
class AccountsIT {
  static final String A = "0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a";
  static final String B = "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b";
  static final String DENIED = "0dead0000000000000000000000000d0";

  static AuditLogEmulator emulator;
  static Map<String, String> env;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    emulator =
        AuditLogEmulator.builder()
            .dataset(Dataset.synthetic(21, 45))
            .accounts(A, B, DENIED)
            .deniedAccounts(DENIED)
            .start();
    env = JarRunner.env(emulator.baseUrl(), emulator.apiToken());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static List<String> truth(AuditLogScope scope, Direction direction) {
    return emulator
        .records(AuditLogQuery.builder().scope(scope).direction(direction).build())
        .stream()
        .map(EmulatedLog::json)
        .toList();
  }

  private static List<String> ids(AuditLogScope scope, Direction direction) {
    return emulator
        .records(AuditLogQuery.builder().scope(scope).direction(direction).build())
        .stream()
        .map(l -> l.id().orElseThrow())
        .toList();
  }

  private static List<String> lines(Path file) throws IOException {
    String text = Files.readString(file);
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  private static List<CSVRecord> csv(String text) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
      return parser.getRecords();
    }
  }

  /** The ids of the CSV rows of each account_id, in order; asserts the header first. */
  private static Map<String, List<String>> idsByAccount(String text) throws IOException {
    List<CSVRecord> rows = csv(text);
    List<String> header = rows.get(0).toList();
    assertEquals(CsvWriter.columns(true), header);
    assertEquals("extra", header.get(header.size() - 1), "extra stays last");
    assertEquals("account_id", header.get(header.size() - 2));
    Map<String, List<String>> ids = new LinkedHashMap<>();
    for (CSVRecord row : rows.subList(1, rows.size())) {
      assertEquals(header.size(), row.size(), row.toString());
      ids.computeIfAbsent(row.get(header.size() - 2), k -> new ArrayList<>()).add(row.get(0));
    }
    return ids;
  }

  private static void assertNamesTheDeniedAccountAndSummarizes(JarRunner.Result r, int of) {
    assertEquals(3, r.exitCode(), "a permission problem is 3: " + r.all());
    assertTrue(r.stderr().contains("account " + DENIED), r.stderr());
    assertTrue(r.stderr().contains((of - 1) + " of " + of + " logs"), r.stderr());
    assertTrue(r.stderr().contains("1 failed: account " + DENIED + " (exit 3)"), r.stderr());
    assertFalse(r.all().contains(emulator.apiToken()), "no credential printed");
  }

  @Test
  void exportToAnOutputDirIsExactPerAccountWhileTheUnreadableOneIsNamed() throws IOException {
    Path out = dir.resolve("not-yet").resolve("audit");
    JarRunner.Result r =
        JarRunner.run(
            env,
            "export",
            "--account-id",
            A,
            "--account-id",
            DENIED,
            "--account-id",
            B,
            "--output-dir",
            out.toString(),
            "--per-page",
            "7");
    assertNamesTheDeniedAccountAndSummarizes(r, 3);
    assertEquals("", r.stdout());
    List<String> a = truth(AuditLogScope.account(A), Direction.DESC);
    List<String> b = truth(AuditLogScope.account(B), Direction.DESC);
    assertFalse(a.isEmpty() || b.isEmpty(), "each account has records");
    assertNotEquals(a, b, "each account its own records");
    assertEquals(a, lines(out.resolve(A + ".jsonl")), "every record once, as sent");
    assertEquals(b, lines(out.resolve(B + ".jsonl")));
    assertFalse(Files.exists(out.resolve(DENIED + ".jsonl")), "no file for what was not read");
    assertFalse(Files.exists(out.resolve(A + ".jsonl.partial")));

    JarRunner.Result csv =
        JarRunner.run(
            env, "export", "--account-id", B, "--format", "csv", "--output-dir", out.toString());
    assertEquals(0, csv.exitCode(), csv.all());
    List<CSVRecord> rows = csv(Files.readString(out.resolve(B + ".csv")));
    assertEquals(FlatRecord.COLUMNS, rows.get(0).toList(), "one account a file: no column");
    assertEquals(
        ids(AuditLogScope.account(B), Direction.DESC),
        rows.subList(1, rows.size()).stream().map(x -> x.get(0)).toList());
  }

  @Test
  void exportOfSeveralAccountsToOneCsvHasAnAccountColumnBeforeExtra() throws IOException {
    JarRunner.Result r =
        JarRunner.run(
            env,
            "export",
            "--format",
            "csv",
            "--account-id",
            A,
            "--account-id",
            B,
            "--account-id",
            DENIED,
            "--per-page",
            "5");
    assertNamesTheDeniedAccountAndSummarizes(r, 3);
    Map<String, List<String>> got = idsByAccount(r.stdout());
    assertEquals(
        Map.of(
            A, ids(AuditLogScope.account(A), Direction.DESC),
            B, ids(AuditLogScope.account(B), Direction.DESC)),
        new HashMap<>(got));

    Path file = dir.resolve("one.csv");
    JarRunner.Result one =
        JarRunner.run(
            env, "export", "--format", "csv", "--account-id", A, "--output", file.toString());
    assertEquals(0, one.exitCode(), one.all());
    assertTrue(one.stderr().contains("1 of 1 log exported"), one.stderr());
    assertEquals(
        Map.of(A, ids(AuditLogScope.account(A), Direction.DESC)),
        new HashMap<>(idsByAccount(Files.readString(file))));
  }

  @Test
  void severalAccountsAsJsonToOneOutputAndBadIdsAreRefusedBeforeAnyRequest() {
    long before = emulator.requestCount();
    // Refused by parsing and checks: in-process (what the jar's main calls); the first case also
    // through the jar, which must say the same.
    String[] first = {"export", "--format", "jsonl", "--account-id", A, "--account-id", B};
    assertEquals(InProcess.run(env, first), JarRunner.run(env, first), "the jar says the same");
    for (String format : List.of("jsonl", "json")) {
      JarRunner.Result r =
          InProcess.run(env, "export", "--format", format, "--account-id", A, "--account-id", B);
      assertEquals(2, r.exitCode(), r.all());
      assertTrue(r.stderr().contains("--output-dir"), r.stderr());
      assertTrue(r.stderr().contains("--format csv"), r.stderr());
    }
    JarRunner.Result follow =
        InProcess.run(
            env,
            "follow",
            "--checkpoint",
            dir.resolve("x.ckpt").toString(),
            "--account-id",
            A,
            "--account-id",
            B);
    assertEquals(2, follow.exitCode(), follow.all());
    assertTrue(follow.stderr().contains("--output-dir"), follow.stderr());
    List<String> bads =
        List.of(
            A.toUpperCase(java.util.Locale.ROOT),
            A.substring(1),
            A + "0",
            "0a0a0a0a-0a0a-0a0a-0a0a-0a0a0a0a0a0a",
            "../../user",
            "g" + A.substring(1));
    List<String> commands = List.of("list", "export", "follow");
    for (int i = 0; i < bads.size(); i++) {
      String bad = bads.get(i);
      String command = commands.get(i % commands.size()); // each command, each kind of value
      List<String> args = new ArrayList<>(List.of(command, "--account-id", A, "--account-id", bad));
      if (command.equals("follow")) {
        args.addAll(List.of("--checkpoint", dir.resolve("bad.ckpt").toString()));
      }
      JarRunner.Result r = InProcess.run(env, args.toArray(String[]::new));
      assertEquals(2, r.exitCode(), bad + ": " + r.all());
      assertTrue(r.stderr().contains("--account-id: account_id must be"), r.stderr());
      assertTrue(r.stderr().contains("'" + bad + "'"), "names the value: " + r.stderr());
      assertEquals("", r.stdout());
    }
    assertFalse(Files.exists(dir.resolve("bad.ckpt")), "no checkpoint written");
    JarRunner.Result twice = InProcess.run(env, "export", "--account-id", A, "--account-id", A);
    assertEquals(2, twice.exitCode(), twice.all());
    assertTrue(twice.stderr().contains("--account-id " + A + " is given twice"), twice.stderr());
    JarRunner.Result list = InProcess.run(env, "list", "--account-id", A, "--account-id", B);
    assertEquals(2, list.exitCode(), list.all());
    assertTrue(list.stderr().contains("one log"), list.stderr());
    assertEquals(before, emulator.requestCount(), "nothing was sent");
  }

  @Test
  void cloudflareAccountIdInTheEnvironmentChangesNothing() {
    Map<String, String> withAccount = new HashMap<>(env);
    withAccount.put("CLOUDFLARE_ACCOUNT_ID", A);
    JarRunner.Result r = JarRunner.run(withAccount, "export", "--per-page", "20");
    assertEquals(0, r.exitCode(), r.all());
    List<String> user = truth(AuditLogScope.user(), Direction.DESC);
    assertFalse(user.isEmpty());
    assertNotEquals(truth(AuditLogScope.account(A), Direction.DESC), user);
    assertEquals(user, r.lines(), "the user's log, as without the variable");
  }

  @Test
  void followKeepsOneCheckpointPerAccountAndItsScope() throws IOException {
    try (AuditLogEmulator own =
        AuditLogEmulator.builder()
            .dataset(Dataset.synthetic(22, 30))
            .accounts(A, B, DENIED)
            .deniedAccounts(DENIED)
            .start()) {
      Map<String, String> env = JarRunner.env(own.baseUrl(), own.apiToken());
      Path ckpt = dir.resolve("accounts.ckpt");
      Path out = dir.resolve("out");
      AuditLogScope a = AuditLogScope.account(A);
      AuditLogScope b = AuditLogScope.account(B);
      java.util.function.Function<AuditLogScope, List<String>> asc =
          scope ->
              own
                  .records(AuditLogQuery.builder().scope(scope).direction(Direction.ASC).build())
                  .stream()
                  .map(EmulatedLog::json)
                  .toList();
      String[] common = {"follow", "--checkpoint", ckpt.toString(), "--once", "--per-page", "8"};

      JarRunner.Result first =
          JarRunner.run(env, args(common, "--output-dir", out.toString(), "--account-id", A));
      assertEquals(0, first.exitCode(), first.all());
      assertTrue(first.stderr().contains("1 of 1 log followed"), first.stderr());
      assertEquals(asc.apply(a), lines(out.resolve(A + ".jsonl")));

      // B added later: from its own beginning; A goes on where it was (nothing new)
      JarRunner.Result second =
          JarRunner.run(
              env,
              args(common, "--output-dir", out.toString(), "--account-id", A, "--account-id", B));
      assertEquals(0, second.exitCode(), second.all());
      assertEquals(asc.apply(a), lines(out.resolve(A + ".jsonl")), "nothing twice");
      assertEquals(asc.apply(b), lines(out.resolve(B + ".jsonl")));

      // new records in A only; the unreadable account is named, the others go on
      own.appendSynthetic(a, 4);
      JarRunner.Result third =
          JarRunner.run(
              env,
              args(
                  common,
                  "--output-dir",
                  out.toString(),
                  "--account-id",
                  DENIED,
                  "--account-id",
                  A,
                  "--account-id",
                  B));
      assertEquals(3, third.exitCode(), third.all());
      assertTrue(third.stderr().contains("account " + DENIED), third.stderr());
      assertTrue(third.stderr().contains("2 of 3 logs followed (4 records)"), third.stderr());
      assertEquals(asc.apply(a), lines(out.resolve(A + ".jsonl")), "only the 4 new ones added");
      assertEquals(asc.apply(b), lines(out.resolve(B + ".jsonl")));

      // the checkpoint keeps its scope: not for the user's log
      String saved = Files.readString(ckpt);
      JarRunner.Result user =
          JarRunner.run(env, "follow", "--checkpoint", ckpt.toString(), "--once");
      assertEquals(2, user.exitCode(), user.all());
      assertTrue(user.stderr().contains("a checkpoint keeps the log"), user.stderr());
      assertEquals(saved, Files.readString(ckpt), "left as it was");

      // and a user checkpoint is not for accounts
      Path userCkpt = dir.resolve("user.ckpt");
      JarRunner.Result userFirst =
          JarRunner.run(env, "follow", "--checkpoint", userCkpt.toString(), "--once");
      assertEquals(0, userFirst.exitCode(), userFirst.all());
      assertEquals(asc.apply(AuditLogScope.user()), userFirst.lines());
      JarRunner.Result accounts =
          JarRunner.run(
              env, "follow", "--checkpoint", userCkpt.toString(), "--once", "--account-id", A);
      assertEquals(2, accounts.exitCode(), accounts.all());
      assertTrue(accounts.stderr().contains("a checkpoint keeps the log"), accounts.stderr());
      assertEquals("", accounts.stdout());

      // one CSV output for several accounts: each row says its account
      Path csvCkpt = dir.resolve("csv.ckpt");
      JarRunner.Result csv =
          JarRunner.run(
              env,
              "follow",
              "--checkpoint",
              csvCkpt.toString(),
              "--once",
              "--format",
              "csv",
              "--account-id",
              A,
              "--account-id",
              B);
      assertEquals(0, csv.exitCode(), csv.all());
      Map<String, List<String>> got = idsByAccount(csv.stdout());
      assertEquals(Map.of(A, idsOf(asc.apply(a)), B, idsOf(asc.apply(b))), new HashMap<>(got));
    }
  }

  private static List<String> idsOf(List<String> jsonLines) {
    List<String> ids = new ArrayList<>();
    for (String line : jsonLines) {
      int at = line.indexOf("\"id\":\"") + 6;
      ids.add(line.substring(at, line.indexOf('"', at)));
    }
    return ids;
  }

  private static String[] args(String[] common, String... more) {
    List<String> all = new ArrayList<>(List.of(common));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void aRunningFollowGoesOnWithTheOthersWhileOneIsUnreadableAndEndsZeroOnSigterm()
      throws Exception {
    Path ckpt = dir.resolve("running.ckpt");
    Path out = dir.resolve("running");
    AuditLogScope a = AuditLogScope.account(A);
    List<String> expected = truth(a, Direction.ASC);
    JarRunner.Result r;
    try (RunningJar jar =
        RunningJar.start(
            env,
            "follow",
            "--checkpoint",
            ckpt.toString(),
            "--account-id",
            DENIED,
            "--account-id",
            A,
            "--output-dir",
            out.toString(),
            "--interval",
            "100s",
            "--wait-scale",
            "0.001")) {
      jar.awaitOutput(
          j ->
              j.stderr().split("trying it again", -1).length >= 4
                  && Files.exists(out.resolve(A + ".jsonl")),
          60);
      jar.signal("TERM");
      r = jar.await(30);
    }
    assertEquals(0, r.exitCode(), r.all());
    assertTrue(r.stderr().contains("account " + DENIED), r.stderr());
    assertTrue(r.stderr().contains("in 100 ms"), "the first wait is one interval: " + r.stderr());
    assertTrue(r.stderr().contains("in 200 ms"), "then it backs off: " + r.stderr());
    assertTrue(r.stderr().contains("stopped by a signal"), r.stderr());
    assertEquals(expected, lines(out.resolve(A + ".jsonl")), "the readable account, exactly");
    JarRunner.Result again =
        JarRunner.run(
            env,
            "follow",
            "--checkpoint",
            ckpt.toString(),
            "--once",
            "--account-id",
            A,
            "--output-dir",
            out.toString());
    assertEquals(0, again.exitCode(), again.all());
    assertEquals(expected, lines(out.resolve(A + ".jsonl")), "its checkpoint was saved");
  }

  @Test
  void theEmulatorCommandServesAccountsWithOneDenied() throws Exception {
    List<String> ids = EmulatorCommand.accountIds(42, 3);
    Process p =
        JarRunner.start(
            "emulator", "--records", "20", "--accounts", "3", "--deny-account", ids.get(1));
    try {
      BufferedReader stdout =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = stdout.readLine();
      BufferedReader stderr =
          new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
      List<String> said = new ArrayList<>();
      for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
        said.add(line);
        if (line.startsWith("Press Ctrl-C")) {
          break;
        }
      }
      for (String id : ids) {
        assertTrue(said.stream().anyMatch(l -> l.contains("--account-id " + id)), said.toString());
      }
      String baseUrl = first.replaceAll(".*\"base_url\":\"([^\"]+)\".*", "$1");
      String token = first.replaceAll(".*\"api_token\":\"([^\"]+)\".*", "$1");
      JarRunner.Result export =
          JarRunner.run(
              JarRunner.env(baseUrl, token),
              "export",
              "--format",
              "csv",
              "--account-id",
              ids.get(0),
              "--account-id",
              ids.get(1),
              "--account-id",
              ids.get(2));
      assertEquals(3, export.exitCode(), export.all());
      assertTrue(export.stderr().contains("account " + ids.get(1)), export.stderr());
      Map<String, List<String>> got = idsByAccount(export.stdout());
      assertEquals(java.util.Set.of(ids.get(0), ids.get(2)), got.keySet());
    } finally {
      p.destroy();
      p.waitFor();
    }
  }
}
