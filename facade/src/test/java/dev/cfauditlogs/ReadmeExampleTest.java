package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's usage example is the compiled {@link ReadmeExample}, word for word. */
class ReadmeExampleTest {
  @RegisterExtension final ContractServer server = new ContractServer();

  @Test
  void readmeShowsTheCompiledExample() throws IOException {
    ReadmeSnippets.assertReadmeShows("ReadmeExample", "README-EXAMPLE");
  }

  @Test
  void theExampleRunsAgainstAServerGivenOnlyTheEnvironment() throws Exception {
    server.enqueueJson(200, Fixtures.read("seed-response.json"));
    ProcessBuilder java =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ReadmeExample.class.getName())
            .redirectErrorStream(true);
    java.environment().remove("CLOUDFLARE_EMAIL");
    java.environment().remove("CLOUDFLARE_API_KEY");
    java.environment().put("CLOUDFLARE_API_TOKEN", ContractServer.TOKEN);
    java.environment().put("CLOUDFLARE_BASE_URL", server.baseUrl());
    Process process = java.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("2017-04-26T17:31:07Z michelle@example.com \"low\""), output);
    assertTrue(output.contains("1 records, cf-ray 8f00000000000000-TEST"), output);
    RecordedRequest recorded = server.takeRequest();
    HttpUrl url = recorded.getUrl();
    assertEquals("2026-01-01", url.queryParameter("since"));
    assertEquals("2026-02-01T00:00:00Z", url.queryParameter("before"));
    assertEquals(List.of(), SliceContract.requestViolations(recorded));
  }
}
