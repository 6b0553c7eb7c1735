package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.FaultKind;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret hygiene of the real jar: every failure path (401 by token and by email and key, 403, 429
 * past retries, 500, 502 HTML, a dropped connection, a timeout, connection refused, invalid input,
 * a server echoing the credentials back) through list, export and follow, each with and without
 * {@code --verbose}; stdout and stderr hold no credential nor a 16-character piece of one, and the
 * exit code is the documented one. The account paths too: an account the credentials cannot read
 * (403, code 9109) alone and among readable ones, the per-account failure lines and the summary
 * line of {@code export}/{@code follow} over several accounts, {@code --output-dir}'s refusals, and
 * a server echoing the credentials on the account route.
 */
class CliSecretHygieneIT {
  @TempDir Path dir;
  private final List<AutoCloseable> closeMe = new ArrayList<>();
  private int runs;

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeMe) {
      c.close();
    }
  }

  private AuditLogEmulator emulator(AuditLogEmulator.Builder b) {
    AuditLogEmulator e = b.dataset(Dataset.synthetic(3, 50)).start();
    closeMe.add(e);
    return e;
  }

  private static Map<String, String> token(String baseUrl) {
    return Map.of("CLOUDFLARE_BASE_URL", baseUrl, "CLOUDFLARE_API_TOKEN", Secrets.TOKEN);
  }

  private static Map<String, String> emailAndKey(String baseUrl) {
    return Map.of(
        "CLOUDFLARE_BASE_URL", baseUrl,
        "CLOUDFLARE_EMAIL", Secrets.EMAIL,
        "CLOUDFLARE_API_KEY", Secrets.KEY);
  }

  /** Runs the command plain and with --verbose: same exit code, nothing secret printed. */
  private void expect(int exitCode, Map<String, String> env, String... args) {
    expect(exitCode, true, env, args);
  }

  /**
   * As {@link #expect(int, Map, String...)} for a run over accounts ({@code --account-id}), whose
   * failures are named one line per account and summed up in one line, with no stack trace even
   * with {@code --verbose}; returns the last run's stderr.
   */
  private String expectPerAccount(int exitCode, Map<String, String> env, String... args) {
    return expect(exitCode, false, env, args);
  }

  private String expect(int exitCode, boolean stackTrace, Map<String, String> env, String... args) {
    String stderr = "";
    for (boolean verbose : new boolean[] {false, true}) {
      List<String> all = new ArrayList<>(List.of(args));
      if (args[0].equals("follow")) {
        all.addAll(List.of("--once", "--checkpoint", dir.resolve("c" + runs + ".ckpt").toString()));
      }
      if (verbose) {
        all.add("--verbose");
      }
      Jar.Result r = Jar.run(dir, env, all.toArray(String[]::new));
      runs++;
      String where = String.join(" ", all);
      Secrets.assertAbsent("the output of '" + where + "'", r.all());
      assertEquals(exitCode, r.exitCode(), where + ": " + r.all());
      assertEquals("", r.stdout(), "no data on failure: " + where);
      assertTrue(!r.stderr().isBlank(), "says what failed: " + where);
      if (stackTrace && verbose && exitCode != 2) {
        assertTrue(r.stderr().contains("\tat "), "--verbose shows the stack trace: " + r.stderr());
      }
      stderr = r.stderr();
    }
    return stderr;
  }

  @Test
  void everyFailurePathOfTheCliKeepsTheCredentialsOut() throws Exception {
    AuditLogEmulator other = emulator(AuditLogEmulator.builder());
    expect(3, token(other.baseUrl()), "list");
    expect(3, emailAndKey(other.baseUrl()), "export");
    expect(3, token(other.baseUrl()), "follow");

    AuditLogEmulator forbidding =
        emulator(AuditLogEmulator.builder().forbiddenToken(Secrets.TOKEN));
    expect(3, token(forbidding.baseUrl()), "export");

    AuditLogEmulator limited =
        emulator(
            AuditLogEmulator.builder().apiToken(Secrets.TOKEN).rateLimit(1, Duration.ofHours(1)));
    assertEquals(0, Jar.run(dir, token(limited.baseUrl()), "list").exitCode());
    expect(4, token(limited.baseUrl()), "list", "--max-retries", "1");

    for (FaultKind kind :
        List.of(
            FaultKind.SERVER_ERROR,
            FaultKind.BAD_GATEWAY_HTML,
            FaultKind.CONNECTION_RESET,
            FaultKind.TRUNCATED_BODY,
            FaultKind.SLOW)) {
      AuditLogEmulator faulty =
          emulator(
              AuditLogEmulator.builder()
                  .apiToken(Secrets.TOKEN)
                  .emailAndApiKey(Secrets.EMAIL, Secrets.KEY)
                  .faults(1.0, EnumSet.of(kind), 1)
                  .slowFaultDelay(Duration.ofSeconds(3)));
      expect(
          5,
          kind == FaultKind.TRUNCATED_BODY
              ? emailAndKey(faulty.baseUrl())
              : token(faulty.baseUrl()),
          kind == FaultKind.SLOW ? "export" : "list",
          "--max-retries",
          "0",
          "--timeout",
          "500ms");
    }

    // A port bound but not listening refuses connections, and stays taken while the jar runs (one
    // closed before could be taken meanwhile by another test's server).
    try (Socket reserved = new Socket()) {
      reserved.bind(new InetSocketAddress("127.0.0.1", 0));
      expect(
          5,
          token("http://127.0.0.1:" + reserved.getLocalPort() + "/client/v4"),
          "list",
          "--max-retries",
          "0");
    }

    expect(2, token(other.baseUrl()), "list", "--since", "yesterday");
    expect(2, token(other.baseUrl()), "export", "--actor-ip", "10.0.0.0/33");
    expect(
        2,
        Map.of(
            "CLOUDFLARE_BASE_URL",
            other.baseUrl(),
            "CLOUDFLARE_API_TOKEN",
            Secrets.TOKEN + " trailing"),
        "list");
    expect(
        2,
        Map.of("CLOUDFLARE_BASE_URL", other.baseUrl(), "CLOUDFLARE_API_KEY", Secrets.KEY),
        "list");
    expect(
        2,
        Map.of(
            "CLOUDFLARE_BASE_URL",
            "http://example.com/client/v4",
            "CLOUDFLARE_API_TOKEN",
            Secrets.TOKEN),
        "list");
  }

  @Test
  void everyAccountFailurePathKeepsTheCredentialsOut() throws Exception {
    String readable = Scopes.ACCOUNT;
    String denied = "de91edde91edde91edde91edde91edde";
    AuditLogEmulator accounts =
        emulator(
            AuditLogEmulator.builder()
                .apiToken(Secrets.TOKEN)
                .emailAndApiKey(Secrets.EMAIL, Secrets.KEY)
                .accounts(readable)
                .deniedAccounts(denied));
    String url = accounts.baseUrl();
    String named = expectPerAccount(3, token(url), "export", "--account-id", denied);
    assertTrue(named.contains(denied), "the unreadable account is named: " + named);
    expect(3, emailAndKey(url), "list", "--account-id", denied);
    Path logs = dir.resolve("logs");
    String summary =
        expectPerAccount(
            3,
            emailAndKey(url),
            "export",
            "--account-id",
            readable,
            "--account-id",
            denied,
            "--output-dir",
            logs.toString());
    assertTrue(summary.contains("1 of 2"), "the summary line: " + summary);
    assertTrue(Files.exists(logs.resolve(readable + ".jsonl")), "the readable account finished");
    expectPerAccount(
        3,
        token(url),
        "follow",
        "--account-id",
        denied,
        "--account-id",
        readable,
        "--output-dir",
        dir.resolve("followed").toString());
    expectPerAccount(
        3,
        token(url),
        "export",
        "--account-id",
        denied,
        "--account-id",
        readable,
        "--format",
        "csv",
        "--output",
        dir.resolve("both.csv").toString());

    // --output-dir's refusals, before any request.
    Path aFile = Files.writeString(dir.resolve("a-file"), "not a directory");
    expect(
        2,
        token(url),
        "export",
        "--account-id",
        readable,
        "--output-dir",
        aFile.resolve("logs").toString());
    expect(
        2,
        emailAndKey(url),
        "follow",
        "--account-id",
        readable,
        "--output-dir",
        aFile.resolve("logs").toString());
    expect(
        2,
        token(url),
        "export",
        "--account-id",
        readable,
        "--output-dir",
        logs.toString(),
        "--output",
        dir.resolve("x.jsonl").toString());
    expect(2, token(url), "export", "--account-id", readable, "--account-id", denied);
    expect(2, token(url), "export", "--account-id", readable + "0");
    expect(2, emailAndKey(url), "list", "--account-id", readable.toUpperCase(Locale.ROOT));
    expect(2, token(url), "list", "--account-id", readable, "--account-id", denied);
  }

  @Test
  void aServerEchoingTheCredentialsCannotMakeTheCliPrintThem() {
    HostileServer server = new HostileServer();
    closeMe.add(server);
    server.answer(
        r -> {
          String echo =
              String.join(
                  " ",
                  String.valueOf(r.getHeaders().get("Authorization")).replace("Bearer ", ""),
                  String.valueOf(r.getHeaders().get("X-Auth-Email")),
                  String.valueOf(r.getHeaders().get("X-Auth-Key")));
          String q = HostileJson.quote(echo);
          String path = r.getUrl().queryParameter("action.type");
          String body =
              "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":"
                  + q
                  + ",\"documentation_url\":"
                  + q
                  + "}],\"messages\":[],\"result\":null}";
          return switch (path == null ? "401" : path) {
            case "429" ->
                new MockResponse.Builder()
                    .code(429)
                    .setHeader("retry-after", "7200")
                    .setHeader("cf-ray", echo.replace(' ', '-'))
                    .body(body)
                    .build();
            case "502" ->
                new MockResponse.Builder()
                    .code(502)
                    .setHeader("Content-Type", "text/html")
                    .setHeader("cf-ray", echo.replace(' ', '-'))
                    .body("<html><p>" + echo + "</p></html>")
                    .build();
            default -> HostileServer.json(Integer.parseInt(path == null ? "401" : path), body);
          };
        });
    expect(3, token(server.baseUrl()), "list");
    expect(3, emailAndKey(server.baseUrl()), "list", "--action-type", "403");
    expect(4, token(server.baseUrl()), "export", "--action-type", "429");
    expect(5, emailAndKey(server.baseUrl()), "list", "--action-type", "502", "--max-retries", "0");
    expect(5, token(server.baseUrl()), "list", "--action-type", "500", "--max-retries", "0");
    // The account route, alone and several accounts at once (one failure line each, a summary).
    expect(3, emailAndKey(server.baseUrl()), "list", "--account-id", Scopes.ACCOUNT);
    expectPerAccount(
        4,
        token(server.baseUrl()),
        "export",
        "--account-id",
        Scopes.ACCOUNT,
        "--account-id",
        "0ddba11c0ffee5ca1ab1e5ca1e0ddba1",
        "--output-dir",
        dir.resolve("echoed").toString(),
        "--action-type",
        "429");
    expectPerAccount(
        3,
        emailAndKey(server.baseUrl()),
        "follow",
        "--account-id",
        Scopes.ACCOUNT,
        "--account-id",
        "0ddba11c0ffee5ca1ab1e5ca1e0ddba1",
        "--output-dir",
        dir.resolve("echoed-follow").toString(),
        "--action-type",
        "403");
  }
}
