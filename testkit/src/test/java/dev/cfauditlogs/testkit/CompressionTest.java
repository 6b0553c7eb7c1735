package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The emulator compresses JSON with gzip for a client that asks (as Cloudflare does), and OkHttp,
 * which asks by default, decodes it transparently: what crossed the wire is small, what the client
 * reads is the page exactly.
 */
class CompressionTest {
  private static final String PAGE = "per_page=1000";

  /** What OkHttp received before decoding: the network response's headers. */
  private static final class WireHeaders {
    final List<Headers> seen = new ArrayList<>();
  }

  private static Request page(AuditLogEmulator emulator, String acceptEncoding) {
    Request.Builder b =
        new Request.Builder()
            .url(emulator.baseUrl() + "/user/audit_logs?" + PAGE)
            .header("Authorization", "Bearer " + emulator.apiToken());
    if (acceptEncoding != null) {
      b.header("Accept-Encoding", acceptEncoding);
    }
    return b.build();
  }

  @Test
  void okHttpAsksForGzipGetsItAndDecodesItToTheSameBytes() {
    WireHeaders wire = new WireHeaders();
    OkHttpClient client =
        Http.client()
            .newBuilder()
            .addNetworkInterceptor(
                chain -> {
                  Response r = chain.proceed(chain.request());
                  wire.seen.add(r.headers());
                  return r;
                })
            .build();
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.synthetic(42, 1000)).start()) {
      // No Accept-Encoding of ours: OkHttp adds "gzip" and decodes the answer itself.
      Http.Reply decoded = Http.call(page(emulator, null), client);
      // "identity": OkHttp leaves the body alone and the emulator sends it uncompressed.
      Http.Reply plain = Http.call(page(emulator, "identity"), client);

      assertEquals(200, decoded.status);
      assertEquals(plain.body, decoded.body, "gzip decodes to exactly the uncompressed page");
      assertEquals(1000, decoded.ids().size());
      assertEquals("gzip", wire.seen.get(0).get("Content-Encoding"));
      assertNull(wire.seen.get(1).get("Content-Encoding"));
      long gzipBytes = Long.parseLong(wire.seen.get(0).get("Content-Length"));
      long plainBytes = Long.parseLong(wire.seen.get(1).get("Content-Length"));
      assertEquals(plain.body.getBytes(StandardCharsets.UTF_8).length, plainBytes);
      assertTrue(gzipBytes * 4 < plainBytes, "gzip " + gzipBytes + " bytes vs plain " + plainBytes);
      assertEquals(
          List.of("gzip", "identity"),
          emulator.requests().stream().map(r -> r.header("Accept-Encoding").orElse("")).toList());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"identity", "br", "gzip;q=0", "deflate, gzip ; q=0.000", "*;q=0"})
  void aClientThatDoesNotAcceptGzipGetsPlainJson(String acceptEncoding) {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.synthetic(42, 10)).start()) {
      Http.Reply reply = Http.call(page(emulator, acceptEncoding), Http.client());
      assertNull(reply.headers.get("Content-Encoding"), acceptEncoding);
      assertEquals(10, reply.ids().size()); // readable as JSON without decoding
    }
  }

  @Test
  void acceptEncodingValuesThatAllowGzip() {
    assertTrue(ContentCoding.acceptsGzip("gzip"));
    assertTrue(ContentCoding.acceptsGzip("gzip, deflate, br"));
    assertTrue(ContentCoding.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
    assertTrue(ContentCoding.acceptsGzip("*"));
    assertTrue(ContentCoding.acceptsGzip("x-gzip"));
    assertFalse(ContentCoding.acceptsGzip(null));
    assertFalse(ContentCoding.acceptsGzip("gzip;q=0"));
    assertFalse(ContentCoding.acceptsGzip("gzipped"));
  }

  @Test
  void theFacadeReadsPagesThroughGzip() {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder().dataset(Dataset.synthetic(42, 300)).start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .build()) {
      AuditLogPage page = client.list(AuditLogQuery.builder().perPage(100).page(2).build());
      List<EmulatedLog> truth = emulator.records().subList(100, 200);
      assertEquals(truth.size(), page.records().size());
      for (int i = 0; i < truth.size(); i++) {
        AuditLog log = page.records().get(i);
        assertEquals(truth.get(i).json(), log.json(), "served byte for byte through gzip");
      }
      assertEquals("gzip", emulator.requests().get(0).header("Accept-Encoding").orElse(""));
    }
  }

  /**
   * Large compressed pages are remembered by their exact bytes: the same page again comes with the
   * same compressed bytes, and another page (or the same emulator's data changed) never gets a
   * remembered page's bytes.
   */
  @Test
  void aRememberedCompressedPageIsServedOnlyForExactlyTheSameBytes() {
    List<String> bodies = new ArrayList<>();
    List<String> lengths = new ArrayList<>();
    OkHttpClient client =
        Http.client()
            .newBuilder()
            .addNetworkInterceptor(
                chain -> {
                  Response r = chain.proceed(chain.request());
                  lengths.add(r.header("Content-Length"));
                  return r;
                })
            .build();
    for (int seed : new int[] {7, 7, 8}) {
      try (AuditLogEmulator emulator =
          AuditLogEmulator.builder().dataset(Dataset.synthetic(seed, 1000)).start()) {
        Http.Reply plain = Http.call(page(emulator, "identity"), client);
        Http.Reply twice = Http.call(page(emulator, null), client);
        Http.Reply again = Http.call(page(emulator, null), client);
        assertEquals(plain.body, twice.body, "seed " + seed);
        assertEquals(plain.body, again.body, "seed " + seed);
        assertTrue(plain.body.length() > ContentCoding.CACHED_FROM_BYTES, "a page that is kept");
        bodies.add(plain.body);
      }
    }
    assertEquals(bodies.get(0), bodies.get(1), "same data, same page");
    assertTrue(!bodies.get(1).equals(bodies.get(2)), "other data, another page");
    // identity, gzip, gzip per emulator: every gzip answer of the same page the same size
    assertEquals(lengths.get(1), lengths.get(2));
    assertEquals(lengths.get(1), lengths.get(4));
  }
}
