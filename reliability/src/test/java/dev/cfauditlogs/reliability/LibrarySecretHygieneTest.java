package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AttemptTimeoutException;
import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.AuditLogsException;
import dev.cfauditlogs.AuthenticationException;
import dev.cfauditlogs.ConnectionException;
import dev.cfauditlogs.InvalidRequestException;
import dev.cfauditlogs.PaginationException;
import dev.cfauditlogs.PermissionDeniedException;
import dev.cfauditlogs.RateLimitedException;
import dev.cfauditlogs.ServerException;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.FaultKind;
import dev.cfauditlogs.testkit.PaginationMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Secret hygiene of the library: with recognizable fake credentials, every failure path (401, 403,
 * 429 past retries, 5xx, HTML, reset, truncated body, timeout, pagination error, invalid input)
 * runs with java.util.logging at ALL (where {@code System.Logger} goes), stdout and stderr
 * captured; then every log record, printed byte, exception message, cause and {@code toString()} is
 * scanned for the credentials, and for any 16-character piece of one. Also against a server that
 * echoes the credentials back in every place a client reads, on the user's and an account's route,
 * and for an account the credentials cannot read (403, code 9109).
 */
class LibrarySecretHygieneTest {
  private static final String DENIED_ACCOUNT = "de91edde91edde91edde91edde91edde";

  private final List<String> captured = Collections.synchronizedList(new ArrayList<>());
  private final Logger root = Logger.getLogger("");
  private final Handler handler =
      new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          captured.add(record.getLoggerName() + ": " + format.format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private PrintStream stdout;
  private PrintStream stderr;
  private Level previous;
  private final List<AutoCloseable> closeMe = new ArrayList<>();

  @BeforeEach
  void capture() {
    previous = root.getLevel();
    root.setLevel(Level.ALL);
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    stdout = System.out;
    stderr = System.err;
    PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
  }

  @AfterEach
  void scan() throws Exception {
    for (AutoCloseable c : closeMe) {
      c.close();
    }
    System.setOut(stdout);
    System.setErr(stderr);
    root.removeHandler(handler);
    root.setLevel(previous);
    String logs = String.join("\n", captured);
    Secrets.assertAbsent("the log", logs);
    Secrets.assertAbsent("stdout/stderr", printed.toString(StandardCharsets.UTF_8));
  }

  private AuditLogEmulator emulator(AuditLogEmulator.Builder b) {
    AuditLogEmulator e = b.dataset(Dataset.synthetic(5, 30)).start();
    closeMe.add(e);
    return e;
  }

  private AuditLogsClient client(
      String baseUrl, Function<AuditLogsClient.Builder, AuditLogsClient.Builder> settings) {
    AuditLogsClient c =
        settings
            .apply(
                AuditLogsClient.builder()
                    .baseUrl(baseUrl)
                    .apiToken(Secrets.TOKEN)
                    .timeout(Duration.ofSeconds(2))
                    .maxRetries(1))
            .build();
    closeMe.add(c);
    Secrets.assertAbsent("client.toString()", c.toString());
    Secrets.assertAbsent("builder.toString()", c.toBuilder().toString());
    return c;
  }

  private static <T extends AuditLogsException> T fails(Class<T> type, Runnable call) {
    AuditLogsException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> assertThrows(AuditLogsException.class, call::run));
    assertInstanceOf(type, e, e.toString());
    Outcomes.checkClean(e);
    Outcomes.checkStackTrace(e);
    return type.cast(e);
  }

  @Test
  void everyFailurePathOfTheLibraryKeepsTheCredentialsOut() {
    AuditLogQuery all = AuditLogQuery.all();
    // 401: a token the server does not know; an email and key it does not know.
    AuditLogEmulator plain = emulator(AuditLogEmulator.builder());
    fails(AuthenticationException.class, () -> client(plain.baseUrl(), b -> b).list(all));
    fails(
        AuthenticationException.class,
        () ->
            client(
                    plain.baseUrl(),
                    b -> b.apiToken(null).emailAndApiKey(Secrets.EMAIL, Secrets.KEY))
                .list(all));
    // 403: the token is known but lacks the permission.
    AuditLogEmulator forbidding =
        emulator(AuditLogEmulator.builder().forbiddenToken(Secrets.TOKEN));
    fails(PermissionDeniedException.class, () -> client(forbidding.baseUrl(), b -> b).list(all));
    // 403 code 9109 on the account route: an account the credentials cannot read, and a
    // well-formed id of none they can see (Cloudflare answers both alike).
    AuditLogEmulator accounts =
        emulator(
            AuditLogEmulator.builder()
                .apiToken(Secrets.TOKEN)
                .accounts(Scopes.ACCOUNT)
                .deniedAccounts(DENIED_ACCOUNT));
    for (String account : List.of(DENIED_ACCOUNT, "0ddba11c0ffee5ca1ab1e5ca1e0ddba1")) {
      PermissionDeniedException denied =
          fails(
              PermissionDeniedException.class,
              () ->
                  client(accounts.baseUrl(), b -> b)
                      .list(AuditLogQuery.builder().accountId(account).build()));
      assertTrue(
          denied.errors().stream().anyMatch(err -> err.code() == 9109), denied.errors().toString());
    }
    // 429 past the retries; 500; 502 HTML; connection reset; truncated body; timeout.
    AuditLogEmulator limited =
        emulator(
            AuditLogEmulator.builder().apiToken(Secrets.TOKEN).rateLimit(1, Duration.ofHours(1)));
    client(limited.baseUrl(), b -> b).list(all);
    fails(RateLimitedException.class, () -> client(limited.baseUrl(), b -> b).list(all));
    Map<FaultKind, Class<? extends AuditLogsException>> faults =
        Map.of(
            FaultKind.RATE_LIMITED, RateLimitedException.class,
            FaultKind.SERVER_ERROR, ServerException.class,
            FaultKind.BAD_GATEWAY_HTML, ServerException.class,
            FaultKind.CONNECTION_RESET, ConnectionException.class,
            FaultKind.TRUNCATED_BODY, ConnectionException.class,
            FaultKind.SLOW, AttemptTimeoutException.class);
    faults.forEach(
        (kind, type) -> {
          AuditLogEmulator faulty =
              emulator(
                  AuditLogEmulator.builder()
                      .apiToken(Secrets.TOKEN)
                      .faults(1.0, EnumSet.of(kind), 1)
                      .slowFaultDelay(Duration.ofSeconds(1)));
          fails(
              type,
              () ->
                  client(faulty.baseUrl(), b -> b.timeout(Duration.ofMillis(300)).maxRetries(0))
                      .list(all));
        });
    // A pagination error (paging by offset, from an explicit page: keyset paging only asks for
    // page 1 here).
    AuditLogEmulator ignoring =
        emulator(
            AuditLogEmulator.builder()
                .apiToken(Secrets.TOKEN)
                .pagination(PaginationMode.IGNORES_PAGE));
    fails(
        PaginationException.class,
        () ->
            client(ignoring.baseUrl(), b -> b)
                .paginate(AuditLogQuery.builder().perPage(5).page(1).build())
                .forEach(log -> {}));
    // Invalid input: refused naming the setting, never the value.
    fails(
        InvalidRequestException.class,
        () -> AuditLogsClient.builder().apiToken(Secrets.TOKEN + " \n").build());
    fails(
        InvalidRequestException.class,
        () -> AuditLogsClient.builder().emailAndApiKey(Secrets.EMAIL, null).build());
    fails(
        InvalidRequestException.class,
        () ->
            AuditLogsClient.builder()
                .emailAndApiKey(Secrets.EMAIL, Secrets.KEY + "\u00e9")
                .build());
    fails(
        InvalidRequestException.class,
        () ->
            AuditLogsClient.builder()
                .environment(Map.of("CLOUDFLARE_API_KEY", Secrets.KEY))
                .build());
    assertFalse(captured.isEmpty(), "the library logged at DEBUG");
    assertTrue(
        captured.stream().anyMatch(l -> l.startsWith("dev.cfauditlogs") && l.contains("-> 401")),
        String.join("\n", captured));
  }

  /** A server that echoes the credentials in every place the client reads from a response. */
  @Test
  void aServerEchoingTheCredentialsBackCannotMakeTheClientRepeatThem() {
    echo(false);
  }

  /**
   * The exception's own message is scrubbed; a Moshi exception kept as its cause would not be, so a
   * stack trace ({@code --verbose}, or any logger given the exception) would print an echoed
   * credential ({@code Caused by: …JsonEncodingException: Expected value at path $.<token>[0]}).
   * The decoder does not keep the parser's exception as the cause.
   */
  @Test
  void stackTracesOfExceptionsFromAnEchoingServerHoldNoCredential() {
    echo(true);
  }

  private void echo(boolean stackTraces) {
    HostileServer server = new HostileServer();
    closeMe.add(server);
    List<Function<String, MockResponse>> echoes =
        List.of(
            s -> HostileServer.json(401, envelope(s)),
            s -> HostileServer.json(403, envelope(s)),
            s -> HostileServer.json(400, envelope(s)),
            s -> HostileServer.json(500, envelope(s)),
            s -> HostileServer.json(200, "{\"success\":false,\"errors\":[" + message(s) + "]}"),
            s ->
                new MockResponse.Builder()
                    .code(502)
                    .setHeader("Content-Type", "text/html")
                    .body("<html><body>Bad gateway for " + s + "</body></html>")
                    .build(),
            s -> HostileServer.json(200, "{\"success\":true,\"" + s + "\":[1,}"),
            s -> HostileServer.json(200, "{\"success\":true,\"result\":{\"" + s + "\":1}}"),
            s ->
                new MockResponse.Builder()
                    .code(429)
                    .setHeader("retry-after", "3600")
                    .setHeader("cf-ray", s)
                    .body(envelope(s))
                    .build(),
            s ->
                new MockResponse.Builder()
                    .code(503)
                    .setHeader("cf-ray", s)
                    .setHeader("Ratelimit", "\"default\";r=" + s)
                    .body(s)
                    .build());
    for (boolean tokenAuth : new boolean[] {true, false}) {
      for (Function<String, MockResponse> echo : echoes) {
        server.answer(r -> echo.apply(String.join(" / ", credentials(r))));
        AuditLogsClient client =
            client(
                server.baseUrl(),
                b -> tokenAuth ? b : b.apiToken(null).emailAndApiKey(Secrets.EMAIL, Secrets.KEY));
        for (AuditLogScope scope : Scopes.both()) {
          AuditLogQuery query = AuditLogQuery.builder().scope(scope).build();
          AuditLogsException e =
              assertTimeoutPreemptively(
                  Duration.ofSeconds(30),
                  () -> assertThrows(AuditLogsException.class, () -> client.list(query)));
          Outcomes.checkClean(e);
          if (stackTraces) {
            Outcomes.checkStackTrace(e);
          }
        }
      }
    }
    assertTrue(
        server.requestCount() >= echoes.size() * 2 * Scopes.both().size(),
        "every case reached the server, on both routes");
  }

  /**
   * Records are delivered whatever their fields (a tolerant reader): what the library says about
   * them (mismatches, skipped elements, the page) never repeats an echoed credential, even when the
   * odd values or the elements that are not records hold one. The records themselves are data.
   */
  @Test
  void oddRecordsFromAnEchoingServerAreDescribedWithoutTheCredentials() {
    HostileServer server = new HostileServer();
    closeMe.add(server);
    List<Function<String, String>> bodies =
        List.of(
            s -> "{\"success\":true,\"result\":[{\"" + s + "\":1,\"when\":5}]}",
            s -> "{\"success\":true,\"result\":[{\"actor\":{\"type\":5,\"" + s + "\":1}}]}",
            s ->
                "{\"success\":true,\"result\":[{\"when\":\""
                    + s
                    + "\",\"actor\":{\"type\":\""
                    + s
                    + "\"},\"id\":\"x\"}]}",
            s -> "{\"success\":true,\"result\":[\"" + s + "\",[\"" + s + "\"],{\"id\":\"x\"}]}",
            s -> "{\"success\":true,\"result\":[{\"id\":\"" + s + "\",\"when\":tru}]}");
    for (Function<String, String> body : bodies) {
      server.answer(r -> HostileServer.json(200, body.apply(String.join(" / ", credentials(r)))));
      AuditLogsClient client = client(server.baseUrl(), b -> b);
      AuditLogPage page =
          assertTimeoutPreemptively(Duration.ofSeconds(30), () -> client.list(AuditLogQuery.all()));
      Secrets.assertAbsent("a page's toString()", page.toString());
      Secrets.assertAbsent("skipped elements", page.skipped().toString());
      for (AuditLog log : page.records()) {
        Secrets.assertAbsent("a record's mismatches", log.mismatches().toString());
      }
      assertTrue(page.records().size() + page.skippedCount() > 0, "the page was read");
    }
  }

  private static List<String> credentials(RecordedRequest r) {
    List<String> values = new ArrayList<>();
    for (String name : List.of("Authorization", "X-Auth-Email", "X-Auth-Key")) {
      String v = r.getHeaders().get(name);
      if (v != null) {
        values.add(v.startsWith("Bearer ") ? v.substring(7) : v);
      }
    }
    return values;
  }

  private static String envelope(String s) {
    return "{\"success\":false,\"errors\":[" + message(s) + "],\"messages\":[],\"result\":null}";
  }

  private static String message(String s) {
    String q = HostileJson.quote(s);
    return "{\"code\":10000,\"message\":"
        + q
        + ",\"documentation_url\":"
        + q
        + ",\"source\":{\"pointer\":"
        + q
        + "}}";
  }
}
