package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.FaultKind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
 * exit code is the documented one.
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
      if (verbose && exitCode != 2) {
        assertTrue(r.stderr().contains("\tat "), "--verbose shows the stack trace: " + r.stderr());
      }
    }
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

    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    expect(5, token("http://127.0.0.1:" + closedPort + "/client/v4"), "list", "--max-retries", "0");

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
  }
}
