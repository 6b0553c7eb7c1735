package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's account examples are the compiled {@link ReadmeAccountsExample}, word for word, and
 * run: one readable account and one the credentials may not read (403, code 9109).
 */
class ReadmeAccountsExampleTest {
  static final String READABLE = AuditLogScopeTest.ACCOUNT;
  static final String DENIED = "dddddddddddddddddddddddddddddddd";

  @TempDir Path dir;

  @Test
  void readmeShowsTheCompiledExamples() throws IOException {
    ReadmeSnippets.assertReadmeShows("ReadmeAccountsExample", "ACCOUNT-LIST");
    ReadmeSnippets.assertReadmeShows("ReadmeAccountsExample", "ACCOUNT-SYNC");
  }

  @Test
  void theExamplesReadEachAccountAndNameTheOneThatCannotBeRead() throws Exception {
    List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    String page = Fixtures.read("seed-response.json");
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              requests.add(request);
              boolean denied = request.getUrl().encodedPath().contains(DENIED);
              return new MockResponse.Builder()
                  .code(denied ? 403 : 200)
                  .addHeader("Content-Type", "application/json")
                  .body(
                      denied
                          ? "{\"success\":false,\"errors\":[{\"code\":9109,\"message\":"
                              + "\"Unauthorized to access requested resource\"}],"
                              + "\"messages\":[],\"result\":null}"
                          : page)
                  .build();
            }
          });
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      ProcessBuilder java =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  ReadmeAccountsExample.class.getName(),
                  READABLE,
                  DENIED)
              .directory(dir.toFile());
      java.environment().remove("CLOUDFLARE_EMAIL");
      java.environment().remove("CLOUDFLARE_API_KEY");
      java.environment().put("CLOUDFLARE_API_TOKEN", ContractServer.TOKEN);
      java.environment().put("CLOUDFLARE_BASE_URL", server.url("/client/v4").toString());
      java.redirectError(dir.resolve("stderr").toFile());
      Process process = java.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      String err = Files.readString(dir.resolve("stderr"));
      assertEquals(0, process.exitValue(), out + err);

      assertEquals(
          List.of(READABLE + " "),
          out.lines().map(line -> line.substring(0, 33)).distinct().toList(),
          out);
      assertTrue(out.contains("\"id\":\"d5b0f326-1232-4452-8858-1089bd7168ef\""), out);
      assertTrue(err.contains("account " + DENIED + ": HTTP 403: 9109"), err);
      assertEquals(
          Set.of(
              "/client/v4/accounts/" + READABLE + "/audit_logs",
              "/client/v4/accounts/" + DENIED + "/audit_logs"),
          Set.copyOf(requests.stream().map(r -> r.getUrl().encodedPath()).toList()),
          "only the accounts' route");
      for (RecordedRequest r : requests) {
        assertEquals(List.of(), SliceContract.requestViolations(r));
      }

      SyncCheckpoints saved = SyncCheckpoints.load(dir.resolve("accounts.ckpt")).orElseThrow();
      assertEquals(Set.of(AuditLogScope.account(READABLE)), saved.scopes());
      assertEquals(1, Files.readAllLines(dir.resolve(READABLE + ".jsonl")).size());
      assertFalse(Files.exists(dir.resolve(DENIED + ".jsonl")));
    }
  }
}
