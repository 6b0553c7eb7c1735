package dev.cfauditlogs.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.Buffer;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Compresses a JSON response with gzip when the request's {@code Accept-Encoding} allows it, as
 * Cloudflare's edge does for JSON responses to clients that ask (our assumption from Cloudflare's
 * documentation of its compression of {@code application/json} responses, "Content compression",
 * developers.cloudflare.com/speed/optimization/content/compression/; not observed on this endpoint
 * from here), so that tests and benchmarks see realistic bytes on the wire. OkHttp asks for gzip by
 * default and decodes it transparently; a client that does not ask gets the JSON as is. Brotli,
 * which Cloudflare also offers, is not emulated (neither OkHttp nor the facade asks for it).
 *
 * <p>Only JSON bodies are compressed; the CSV export, the HTML error page and empty bodies are sent
 * as they are. Level: {@link java.util.zip.Deflater#DEFAULT_COMPRESSION} (6; Cloudflare's own level
 * is not published).
 *
 * <p>Large bodies' compressed forms are remembered ({@link #CACHED_BODIES} of at least {@link
 * #CACHED_FROM_BYTES} bytes, in this JVM, keyed by the exact uncompressed bytes): the same page
 * asked for again is sent with the same bytes without compressing it again. This is for the
 * benchmarks (issue 13): the emulator shares the machine's cores with the client being measured,
 * and gzip at level 6 costs several ms of CPU per 1000-record page; in {@code bench/peer/run} the
 * untimed warm-up fills the cache, so every timed run of either tool gets its pages compressed
 * already, as from a server whose CPU is not the client's. The bytes on the wire are the same.
 */
final class ContentCoding {
  /** How many compressed bodies are remembered (the least recently used goes first). */
  static final int CACHED_BODIES = 64;

  /** Smaller bodies are compressed each time (cheap, and not worth the memory). */
  static final int CACHED_FROM_BYTES = 64 * 1024;

  private static final Map<ByteString, byte[]> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteString, byte[]> eldest) {
          return size() > CACHED_BODIES;
        }
      };

  private ContentCoding() {}

  /** The response, gzip-compressed when {@code acceptEncoding} allows gzip and the body is JSON. */
  static MockResponse apply(@Nullable String acceptEncoding, MockResponse response) {
    MockResponseBody body = response.getBody();
    String type = response.getHeaders().get("Content-Type");
    if (body == null
        || body.getContentLength() <= 0
        || type == null
        || !type.startsWith("application/json")
        || !acceptsGzip(acceptEncoding)) {
      return response;
    }
    Buffer plain = new Buffer();
    try {
      body.writeTo(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return response
        .newBuilder()
        .setHeader("Content-Encoding", "gzip")
        .setHeader("Vary", "Accept-Encoding")
        .body(new Buffer().write(compressed(plain.readByteString())))
        .build();
  }

  /**
   * Whether an {@code Accept-Encoding} value (RFC 9110 §12.5.3) allows gzip: {@code gzip}, {@code
   * x-gzip} or {@code *}, without {@code q=0}.
   */
  static boolean acceptsGzip(@Nullable String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] params = part.split(";");
      String coding = params[0].trim().toLowerCase(Locale.ROOT);
      if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) {
        continue;
      }
      boolean refused = false;
      for (int i = 1; i < params.length; i++) {
        String p = params[i].trim().toLowerCase(Locale.ROOT);
        if (p.startsWith("q=") && p.substring(2).trim().matches("0(\\.0{0,3})?")) {
          refused = true;
        }
      }
      if (!refused) {
        return true;
      }
    }
    return false;
  }

  private static byte[] compressed(ByteString plain) {
    if (plain.size() < CACHED_FROM_BYTES) {
      return gzip(plain.toByteArray());
    }
    synchronized (CACHE) {
      byte[] known = CACHE.get(plain);
      if (known != null) {
        return known;
      }
    }
    byte[] zipped = gzip(plain.toByteArray());
    synchronized (CACHE) {
      CACHE.put(plain, zipped);
    }
    return zipped;
  }

  private static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
