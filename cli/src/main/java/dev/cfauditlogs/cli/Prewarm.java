package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionSpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Readies the record path on a second core while {@code main} is still parsing the command line
 * (issue 13, "Start fast"; the time accounting in bench/README.md): a run of this tool lives about
 * a second, and before its first request {@code main} spends most of that in picocli, with the
 * second core idle; afterwards the first pages are read by code the JVM has not compiled yet. So a
 * daemon thread runs a few pages of made-up records through the same client, pager, page decoder,
 * record check and JSONL writing an export uses. Nothing leaves the process: the pages come from an
 * interceptor of the client's own {@link OkHttpClient} (no connection, no credentials of the user),
 * the output goes nowhere, and any failure is ignored.
 *
 * <p>Two stages. The first asks for one empty page: it initialises the HTTP side (OkHttp, whose
 * platform probe initialises every security provider; Retrofit; Moshi; the page decoder and the
 * pager), and a command waits for it ({@link #awaitClassesReady()}) before it builds its own
 * client, so that no class of that side is initialised by two threads at once: OkHttp's {@code
 * Platform} makes an instance of its subclass while it initialises, the pattern with which two
 * threads starting from either class deadlock. The second, 1,500 records through decoding, the
 * record check and the JSONL writer (so that C1 compiles their loops), runs on while the command
 * works: the classes of that side (ours and the generated models) initialise nothing of each other
 * in a cycle.
 */
final class Prewarm {
  /**
   * Commands that read records; {@code demo} too, so that its training run archives these classes.
   */
  private static final Set<String> READING_COMMANDS = Set.of("export", "follow", "list", "demo");

  /**
   * Then 1,500 records, so that the loops of decoding, checking and writing run often enough to be
   * compiled (C1 compiles a method after a few hundred calls) before the first real page arrives.
   */
  static final int SECOND_STAGE_PER_PAGE = 500;

  static final int SECOND_STAGE_PAGES = 3;

  /** The longest a command waits for the first stage, then goes on without it. */
  private static final long MAX_WAIT_MS = 2_000;

  private static final MediaType JSON = MediaType.get("application/json");

  /**
   * Made-up records in the shape of Cloudflare's (the emulator's synthetic data, trimmed), each as
   * the text before its {@code id}, between its {@code id} and {@code when}, and after.
   */
  private static final List<List<String>> TEMPLATES =
      List.of(
          List.of(
              "{\"id\":\"",
              "\",\"action\":{\"result\":true,\"type\":\"login\"},\"actor\":{\"id\":"
                  + "\"39db497d1ef5ca8d914e3989a2ff09ac\",\"email\":\"warm@example.org\",\"ip\":"
                  + "\"203.0.113.29\",\"type\":\"user\"},\"interface\":\"UI\",\"metadata\":"
                  + "{\"method\":\"password\"},\"owner\":{\"id\":"
                  + "\"b0a04f4ba1e7564b7ccfe267be6c2295\"},\"resource\":{\"id\":"
                  + "\"39db497d1ef5ca8d914e3989a2ff09ac\",\"type\":\"user\"},\"when\":\"",
              "\"}"),
          List.of(
              "{\"id\":\"",
              "\",\"action\":{\"result\":true,\"type\":\"purge\"},\"actor\":{\"id\":"
                  + "\"82298b8c5fbe6a07181627e26ad75762\",\"email\":\"Warm.Up@Example.com\",\"ip\":"
                  + "\"2001:db8::1\",\"type\":\"user\"},\"interface\":\"API\",\"metadata\":"
                  + "{\"zone_name\":\"example.com\",\"files\":[\"https://example.com/a.css\"]},"
                  + "\"newValue\":\"on\",\"oldValue\":\"off\",\"owner\":{\"id\":"
                  + "\"b0a04f4ba1e7564b7ccfe267be6c2295\"},\"resource\":{\"id\":"
                  + "\"023e105f4ecef8ad9ca31a8372d0c353\",\"type\":\"zone\"},\"when\":\"",
              "\"}"));

  /** The made-up records' times: one a second back from here. */
  private static final Instant NEWEST = Instant.parse("2025-12-31T23:59:59Z");

  /** Counted down when the first stage has ended; null when readying was not started. */
  private static volatile @Nullable CountDownLatch classesReady;

  private Prewarm() {}

  /**
   * Starts readying, on a daemon thread, when {@code args} name a command that reads records and
   * the JVM has a second processor (on one, readying would only add its made-up records to the
   * command's own work).
   */
  static void startFor(String[] args) {
    startFor(args, Runtime.getRuntime().availableProcessors());
  }

  /** {@link #startFor(String[])} with {@code processors} available; whether it started. */
  static boolean startFor(String[] args, int processors) {
    if (processors < 2) {
      return false;
    }
    for (String arg : args) {
      if (READING_COMMANDS.contains(arg)) {
        CountDownLatch ready = new CountDownLatch(1);
        classesReady = ready;
        Thread thread = new Thread(() -> run(ready), "cf-audit-logs-prewarm");
        thread.setDaemon(true);
        thread.start();
        return true;
      }
    }
    return false;
  }

  /**
   * Waits until the first stage has initialised the classes of the record path, at most {@value
   * #MAX_WAIT_MS} ms; returns at once when readying was not started.
   */
  static void awaitClassesReady() {
    CountDownLatch ready = classesReady;
    if (ready == null) {
      return;
    }
    try {
      ready.await(MAX_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void run(CountDownLatch ready) {
    try {
      pages(SECOND_STAGE_PER_PAGE, 0); // one request, for a page with no records
    } catch (IOException | RuntimeException | LinkageError e) {
      // readying is an optimisation: the command does the real work whatever happened here
    } finally {
      ready.countDown();
    }
    try {
      pages(SECOND_STAGE_PER_PAGE, SECOND_STAGE_PAGES);
    } catch (IOException | RuntimeException | LinkageError e) {
      // as above
    }
  }

  /**
   * Reads {@code pages} pages of {@code perPage} made-up records (none: one empty page) as an
   * export reads them; returns how many records were written.
   */
  static long pages(int perPage, int pages) throws IOException {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)) // no TLS set-up: nothing connects
            .addInterceptor(chain -> page(chain.request(), perPage, pages))
            .build();
    long written = 0;
    try (AuditLogsClient client =
            AuditLogsClient.builder()
                .environment(Map.of())
                .apiToken("prewarm-prewarm-prewarm-prewarm-prewarm0")
                .baseUrl("http://127.0.0.1:9/client/v4")
                .maxRetries(0)
                .okHttpClient(http)
                .build();
        Writer out =
            new BufferedWriter(
                new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8))) {
      RecordWriter writer = RecordWriter.of("jsonl", out, 0);
      AuditLogQuery query = AuditLogQuery.builder().perPage(perPage).build();
      for (AuditLog log : client.paginate(query).withConcurrency(1)) {
        writer.write(log);
        log.mismatches();
        written++;
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    return written;
  }

  /** Page {@code page} of the made-up log: {@code pages} full pages, then an empty one. */
  private static Response page(Request request, int perPage, int pages) {
    String asked = request.url().queryParameter("page");
    int number = asked == null ? 1 : Integer.parseInt(asked);
    StringBuilder body = new StringBuilder(perPage * 500).append("{\"result\":[");
    if (number <= pages) {
      for (int i = 0; i < perPage; i++) {
        int n = (number - 1) * perPage + i;
        List<String> template = TEMPLATES.get(n % TEMPLATES.size());
        if (i > 0) {
          body.append(',');
        }
        body.append(template.get(0))
            .append(new UUID(n, n * 7919L))
            .append(template.get(1))
            .append(NEWEST.minusSeconds(n))
            .append(template.get(2));
      }
    }
    body.append("],\"result_info\":{\"page\":")
        .append(number)
        .append(",\"per_page\":")
        .append(perPage)
        .append(",\"count\":")
        .append(number <= pages ? perPage : 0)
        .append(",\"total_count\":")
        .append((long) perPage * pages)
        .append(",\"total_pages\":")
        .append(pages)
        .append("},\"success\":true,\"errors\":[],\"messages\":[]}");
    return new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .body(ResponseBody.create(body.toString(), JSON))
        .build();
  }
}
