package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors say what is wrong, through the real jar: Cloudflare's chained causes are shown, a 400
 * naming a malformed credential header is exit 3 with a hint about the credential variables, and a
 * timeout says how many attempts were made and what to try.
 */
class ErrorMessagesIT {
  private static final String TOKEN = ExitCodesIT.TOKEN;
  private static final String EMAIL = ExitCodesIT.EMAIL;
  private static final String KEY = ExitCodesIT.KEY;

  private final List<RecordedAnswer> servers = new ArrayList<>();
  private final List<JarRunner.Result> results = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(RecordedAnswer::close);
    for (JarRunner.Result r : results) {
      for (String secret : List.of(TOKEN, EMAIL, KEY)) {
        assertFalse(r.all().contains(secret), "a credential was printed: " + r.all());
      }
    }
  }

  private RecordedAnswer serve(MockResponse every) {
    RecordedAnswer server = new RecordedAnswer(request -> every);
    servers.add(server);
    return server;
  }

  private JarRunner.Result run(Map<String, String> env, String... args) {
    JarRunner.Result r = JarRunner.run(env, args);
    results.add(r);
    return r;
  }

  private static Map<String, String> token(RecordedAnswer s) {
    return Map.of("CLOUDFLARE_BASE_URL", s.baseUrl(), "CLOUDFLARE_API_TOKEN", TOKEN);
  }

  private static Map<String, String> emailAndKey(RecordedAnswer s) {
    return Map.of(
        "CLOUDFLARE_BASE_URL", s.baseUrl(), "CLOUDFLARE_EMAIL", EMAIL, "CLOUDFLARE_API_KEY", KEY);
  }

  private static void assertOneMessage(JarRunner.Result r, int code) {
    assertEquals(code, r.exitCode(), r.all());
    assertEquals("", r.stdout(), "stdout carries data only");
    assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
    long lines = r.stderr().lines().count();
    assertTrue(lines >= 1 && lines <= 3, "one or two lines: " + r.stderr());
  }

  @ParameterizedTest
  @ValueSource(strings = {"list", "export", "follow"})
  void theSharedAuthErrorChainCaseIsExitThreeNamingTheKeyVariable(
      String command, @TempDir Path dir) {
    RecordedAnswer s = serve(RecordedAnswer.fromCase("auth-error-chain.json"));
    List<String> args = new ArrayList<>(List.of(command));
    if (command.equals("follow")) {
      // In a directory JUnit deletes: the checkpoint and its lock file are left nowhere.
      args.addAll(List.of("--once", "--checkpoint", dir.resolve("checkpoint").toString()));
    }
    for (Map<String, String> env : List.of(emailAndKey(s), token(s))) {
      boolean tokenSent = env.containsKey("CLOUDFLARE_API_TOKEN");
      JarRunner.Result r = run(env, args.toArray(String[]::new));
      assertOneMessage(r, 3);
      String err = r.stderr();
      assertTrue(err.contains("HTTP 400"), err);
      assertTrue(err.contains("6003: Invalid request headers"), err);
      assertTrue(err.contains("[caused by 6103: Invalid format for X-Auth-Key header]"), err);
      assertTrue(err.contains("8661087300000000-IAD"), err);
      // The reported case is a token given as the key; a token sent as a token cannot be what
      // Cloudflare named, and the message says what was sent instead.
      assertTrue(
          tokenSent
              ? err.contains("named the X-Auth-Key header, which was not sent")
                  && err.contains("the API token in CLOUDFLARE_API_TOKEN")
              : err.contains("could not use CLOUDFLARE_API_KEY")
                  && err.contains("put the token in CLOUDFLARE_API_TOKEN"),
          err);
      assertFalse(err.contains("query parameter"), err);
    }
    assertEquals(2, s.requestCount(), "a credential problem is not retried");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"code\": 9103, \"message\": \"Unknown X-Auth-Key or X-Auth-Email\"}|key"
            + "|sent the email in CLOUDFLARE_EMAIL and the Global API key in CLOUDFLARE_API_KEY",
        "{\"code\": 9103, \"message\": \"Unknown X-Auth-Key or X-Auth-Email\"}|token"
            + "|X-Auth-Key and X-Auth-Email headers, which were not sent",
        "{\"code\": 9106, \"message\": \"Missing X-Auth-Key, X-Auth-Email or Authorization"
            + " headers\"}|token|sent the API token in CLOUDFLARE_API_TOKEN",
        "{\"code\": 6003, \"message\": \"Invalid request headers\", \"error_chain\": [{\"code\":"
            + " 6111, \"message\": \"Invalid format for Authorization header\"}]}"
            + "|token|could not use CLOUDFLARE_API_TOKEN",
        "{\"code\": 6003, \"message\": \"Invalid request headers\", \"error_chain\": [{\"code\":"
            + " 6000, \"message\": \"Header check\", \"error_chain\": [{\"code\": 6102, \"message\":"
            + " \"Invalid format for X-Auth-Email header\"}]}]}|key|could not use CLOUDFLARE_EMAIL"
      })
  void malformedCredentialVariantsAreExitThree(String error, String sent, String named) {
    RecordedAnswer s =
        serve(RecordedAnswer.json(400, "{\"success\": false, \"errors\": [" + error + "]}"));
    JarRunner.Result r = run(sent.equals("token") ? token(s) : emailAndKey(s), "list");
    assertOneMessage(r, 3);
    assertTrue(r.stderr().contains(named), r.stderr());
    assertTrue(r.stderr().contains("An API token goes in CLOUDFLARE_API_TOKEN"), r.stderr());
  }

  /** A firewall's block page: exit 3 (a refusal), but nothing that blames the credentials. */
  @Test
  void aBlockPageIsExitThreeWithoutBlamingTheCredentials() {
    RecordedAnswer s =
        serve(
            new MockResponse.Builder()
                .code(403)
                .addHeader("Content-Type", "text/html")
                .body(
                    "<html><title>Attention Required!</title><h1>Sorry, you have been blocked</h1>")
                .build());
    JarRunner.Result r = run(token(s), "list");
    assertOneMessage(r, 3);
    assertTrue(r.stderr().contains("Sorry, you have been blocked"), r.stderr());
    assertTrue(r.stderr().contains("before the credentials were checked"), r.stderr());
    assertFalse(r.stderr().contains("lack a permission"), r.stderr());
    assertFalse(r.stderr().contains("Account Settings Read"), r.stderr());
  }

  @Test
  void aBadRequestThatIsNotAboutCredentialsIsExitFiveAndClaimsNoParameter() {
    RecordedAnswer s =
        serve(
            RecordedAnswer.json(
                400,
                "{\"success\": false, \"errors\": [{\"code\": 6003, \"message\": \"Invalid request"
                    + " headers\", \"error_chain\": [{\"code\": 6200, \"message\": \"Invalid"
                    + " Content-Type\"}]}]}"));
    JarRunner.Result r = run(token(s), "list", "--since", "2026-01-01");
    assertOneMessage(r, 5);
    assertTrue(r.stderr().contains("[caused by 6200: Invalid Content-Type]"), r.stderr());
    assertFalse(r.stderr().contains("parameter"), r.stderr());
  }

  @Test
  void aBadRequestNamingAParameterSaysWhichAndTheValueSent() {
    RecordedAnswer s =
        serve(
            RecordedAnswer.json(
                400,
                "{\"success\": false, \"errors\": [{\"code\": 1004, \"message\": \"bad\","
                    + " \"source\": {\"pointer\": \"/actor.email\"}}]}"));
    JarRunner.Result r = run(token(s), "list", "--actor-email", "a@example.com");
    assertOneMessage(r, 5);
    assertTrue(
        r.stderr().contains("refused the query parameter actor.email=a@example.com"), r.stderr());
  }

  @Test
  void a429WithCode10000IsRateLimitingExitFour() {
    RecordedAnswer s =
        serve(
            RecordedAnswer.json(
                429,
                "{\"success\": false, \"errors\": [{\"code\": 10000, \"message\": \"Rate"
                    + " limited\"}]}"));
    JarRunner.Result r = run(token(s), "list", "--max-retries", "0");
    assertOneMessage(r, 4);
    assertTrue(r.stderr().contains("10000: Rate limited"), r.stderr());
  }

  @Test
  void theSlowLargePageCaseSaysHowManyAttemptsAndWhatToTry() {
    RecordedAnswer s =
        new RecordedAnswer(
            request -> {
              String body = "{\"success\": true, \"errors\": [], \"messages\": [], \"result\": []}";
              MockResponse.Builder answer =
                  new MockResponse.Builder()
                      .addHeader("Content-Type", "application/json")
                      .body(body);
              if ("1000".equals(request.getUrl().queryParameter("per_page"))) {
                answer.headersDelay(30, TimeUnit.SECONDS); // past both runs' --timeout
              }
              return answer.build();
            });
    servers.add(s);
    JarRunner.Result r = run(token(s), "export", "--timeout", "2s", "--max-retries", "1");
    assertOneMessage(r, 5);
    String err = r.stderr();
    assertTrue(err.contains("timed out"), err);
    assertTrue(err.contains("Gave up after 2 attempts (2 timed out; the timeout is 2 s"), err);
    assertTrue(err.contains("smaller --per-page"), err);
    assertTrue(err.contains("larger --timeout than 2s, e.g. --timeout 6s"), err);

    // A timeout a loaded machine's cold JVM meets for a small page, still far below the delay of
    // a page of 1,000: were --per-page not sent, this run would time out too.
    JarRunner.Result smaller =
        run(token(s), "export", "--timeout", "20s", "--max-retries", "1", "--per-page", "100");
    assertEquals(0, smaller.exitCode(), smaller.all());
  }
}
