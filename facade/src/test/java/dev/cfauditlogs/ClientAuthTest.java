package dev.cfauditlogs;

import static dev.cfauditlogs.ContractServer.EMAIL;
import static dev.cfauditlogs.ContractServer.KEY;
import static dev.cfauditlogs.ContractServer.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which credentials are chosen, what goes over the wire, and what is refused. */
class ClientAuthTest {
  @RegisterExtension final ContractServer server = new ContractServer();

  private RecordedRequest send(AuditLogsClient.Builder builder) {
    server.enqueueJson(200, Fixtures.read("seed-response.json"));
    try (AuditLogsClient client =
        builder.baseUrl(server.baseUrl()).okHttpClient(server.http()).build()) {
      client.list(AuditLogQuery.all());
    }
    return server.takeRequest();
  }

  private static void assertTokenOnly(RecordedRequest r, String token) {
    assertEquals("Bearer " + token, r.getHeaders().get("Authorization"));
    assertNull(r.getHeaders().get("X-Auth-Email"));
    assertNull(r.getHeaders().get("X-Auth-Key"));
  }

  private static void assertKeyOnly(RecordedRequest r, String email, String key) {
    assertNull(r.getHeaders().get("Authorization"));
    assertEquals(email, r.getHeaders().get("X-Auth-Email"));
    assertEquals(key, r.getHeaders().get("X-Auth-Key"));
  }

  @Test
  void apiTokenIsSentAsBearer() {
    assertTokenOnly(send(AuditLogsClient.builder().apiToken(TOKEN)), TOKEN);
  }

  @Test
  void emailAndGlobalKeyAreSentAsTheirTwoHeaders() {
    assertKeyOnly(send(AuditLogsClient.builder().emailAndApiKey(EMAIL, KEY)), EMAIL, KEY);
  }

  @Test
  void tokenWinsOverAnExplicitPairAndOnlyOneSchemeIsSent() {
    assertTokenOnly(
        send(AuditLogsClient.builder().apiToken(TOKEN).email(EMAIL).apiKey(KEY)), TOKEN);
  }

  @Test
  void explicitCredentialsWinOverTheEnvironmentAsAWhole() {
    Map<String, String> env = Map.of("CLOUDFLARE_API_TOKEN", "ENV-TOKEN-0000");
    assertKeyOnly(
        send(AuditLogsClient.builder().environment(env).email(EMAIL).apiKey(KEY)), EMAIL, KEY);
    assertTokenOnly(send(AuditLogsClient.builder().environment(env).apiToken(TOKEN)), TOKEN);
  }

  @Test
  void environmentTokenWinsOverEnvironmentPair() {
    Map<String, String> env =
        Map.of("CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_EMAIL", EMAIL, "CLOUDFLARE_API_KEY", KEY);
    assertTokenOnly(send(AuditLogsClient.builder().environment(env)), TOKEN);
    assertKeyOnly(
        send(
            AuditLogsClient.builder()
                .environment(Map.of("CLOUDFLARE_EMAIL", EMAIL, "CLOUDFLARE_API_KEY", KEY))),
        EMAIL,
        KEY);
  }

  @Test
  void environmentBaseUrlIsUsedUnlessOneIsGiven() {
    server.enqueueJson(200, Fixtures.read("seed-response.json"));
    try (AuditLogsClient client =
        AuditLogsClient.builder()
            .environment(
                Map.of("CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_BASE_URL", server.baseUrl()))
            .okHttpClient(server.http())
            .build()) {
      client.list(AuditLogQuery.all());
    }
    assertEquals("/client/v4/user/audit_logs", server.takeRequest().getUrl().encodedPath());
  }

  @Test
  void halfPairsAreRefusedNamingWhatIsMissing() {
    InvalidRequestException noKey =
        assertThrows(
            InvalidRequestException.class, () -> AuditLogsClient.builder().email(EMAIL).build());
    assertEquals("apiKey", noKey.parameter());
    InvalidRequestException noEmail =
        assertThrows(
            InvalidRequestException.class, () -> AuditLogsClient.builder().apiKey(KEY).build());
    assertEquals("email", noEmail.parameter());
    InvalidRequestException envHalf =
        assertThrows(
            InvalidRequestException.class,
            () -> AuditLogsClient.builder().environment(Map.of("CLOUDFLARE_API_KEY", KEY)).build());
    assertEquals("CLOUDFLARE_EMAIL", envHalf.parameter());
    for (InvalidRequestException e : new InvalidRequestException[] {noKey, noEmail, envHalf}) {
      assertSecretFree(e.getMessage());
    }
  }

  @Test
  void noCredentialsAtAllIsRefusedWithWhatToSet() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                AuditLogsClient.builder().environment(Map.of("CLOUDFLARE_API_TOKEN", "")).build());
    assertTrue(e.getMessage().contains("CLOUDFLARE_API_TOKEN"), e.getMessage());
    assertEquals(0, server.requestCount());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FAKE-TOKEN with-space",
        "FAKE-TOKEN\n",
        "\tFAKE-TOKEN",
        "FAKE-TOKEN\u0000x",
        "FAKE-TOKEN\u00a0",
        "FAKE-TOKEN\u2028",
        "FAKE-TOKEN-é"
      })
  void tokensWithWhitespaceOrControlCharactersAreRefusedWithoutShowingThem(String token) {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class, () -> AuditLogsClient.builder().apiToken(token).build());
    assertEquals("apiToken", e.parameter());
    assertFalse(e.getMessage().contains("FAKE-TOKEN"), e.getMessage());
    InvalidRequestException env =
        assertThrows(
            InvalidRequestException.class,
            () ->
                AuditLogsClient.builder()
                    .environment(Map.of("CLOUDFLARE_EMAIL", EMAIL, "CLOUDFLARE_API_KEY", token))
                    .build());
    assertEquals("CLOUDFLARE_API_KEY", env.parameter());
    assertFalse(env.getMessage().contains("FAKE-TOKEN"), env.getMessage());
  }

  @Test
  void toStringsNeverShowCredentials() {
    AuditLogsClient.Builder builder =
        AuditLogsClient.builder()
            .apiToken(TOKEN)
            .email(EMAIL)
            .apiKey(KEY)
            .baseUrl(server.baseUrl());
    assertSecretFree(builder.toString());
    try (AuditLogsClient client = builder.build()) {
      assertSecretFree(client.toString());
      assertTrue(client.toString().contains("API token"), client.toString());
      assertSecretFree(client.toBuilder().toString());
    }
    try (AuditLogsClient client =
        AuditLogsClient.builder().emailAndApiKey(EMAIL, KEY).baseUrl(server.baseUrl()).build()) {
      assertSecretFree(client.toString());
      assertTrue(client.toString().contains("email and Global API key"), client.toString());
    }
  }

  @Test
  void userAgentNamesTheLibraryAndVersion() {
    RecordedRequest r = send(AuditLogsClient.builder().apiToken(TOKEN));
    String ua = r.getHeaders().get("User-Agent");
    assertTrue(ua.matches("cf-audit-logs/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .+\\)"), ua);
  }

  static void assertSecretFree(String text) {
    for (String secret : new String[] {TOKEN, EMAIL, KEY}) {
      assertFalse(text.contains(secret), () -> "leaked a credential: " + text);
    }
  }
}
