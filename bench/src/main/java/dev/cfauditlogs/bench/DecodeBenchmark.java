package dev.cfauditlogs.bench;

import com.squareup.moshi.JsonAdapter;
import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.generated.invoker.SpecReader;
import dev.cfauditlogs.generated.model.AaaAuditLogs;
import dev.cfauditlogs.generated.model.AaaAuditLogsResponseCollection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one page of synthetic records: through the facade's own code path ({@link
 * AuditLogsClient#list(AuditLogQuery)}, which splits the page into records kept as their bytes with
 * their {@code id} and {@code when}) against a plain OkHttp + Moshi baseline reading the same bytes
 * into classes with the same fields ({@link BaselineJson.RecordLog}: {@code id}, {@code when}, the
 * record's text as sent). Every side runs on the same {@link OkHttpClient}, whose interceptor
 * answers with the page without any network, and hands what it made of every record to the {@link
 * Blackhole}. The other methods put the figures in context: the facade's typed models, the older
 * baselines (two fields only; every field typed) and the generated readers on the whole page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class DecodeBenchmark {
  /** Records on the page. */
  @Param("1000")
  public int records;

  // Set in setUp(), before any benchmark method runs.
  private OkHttpClient http;
  private AuditLogsClient client;
  private AuditLogQuery query;
  private Request request;
  private JsonAdapter<BaselineJson.Page> baseline;
  private JsonAdapter<BaselineJson.KeyedPage> keyed;
  private JsonAdapter<BaselineJson.RecordPage> recordAdapter;
  private JsonAdapter<BaselineJson.RecordPage> recordPeekFirst;

  /** Builds the page, the shared HTTP client, the facade client and the baseline adapter. */
  @Setup(Level.Trial)
  public void setUp() {
    http =
        new OkHttpClient.Builder()
            .addInterceptor(new CannedResponse(PageBodies.syntheticPage(records)))
            .build();
    client =
        AuditLogsClient.builder()
            .baseUrl("http://127.0.0.1:9/client/v4")
            .apiToken("bench-token")
            .okHttpClient(http)
            .rateLimit(0, Duration.ofSeconds(1))
            .build();
    query = AuditLogQuery.builder().perPage(records).build();
    request =
        new Request.Builder()
            .url("http://127.0.0.1:9/client/v4/user/audit_logs?per_page=" + records)
            .header("Authorization", "Bearer bench-token")
            .build();
    baseline = BaselineJson.responseAdapter();
    keyed = BaselineJson.keyedAdapter();
    recordAdapter = BaselineJson.recordAdapter(false);
    recordPeekFirst = BaselineJson.recordAdapter(true);
    if (records(recordAdapter).size() != records || records(recordPeekFirst).size() != records) {
      throw new IllegalStateException("the baseline did not read " + records + " records");
    }
    int facadeCount = client.list(query).records().size();
    int baselineCount = baselineModels().size();
    int controlCount = controlModels().size();
    if (keyedModels().size() != records) {
      throw new IllegalStateException("the keyed baseline did not read " + records + " records");
    }
    if (facadeCount != records || baselineCount != records || controlCount != records) {
      throw new IllegalStateException(
          "expected "
              + records
              + " records, got "
              + facadeCount
              + ", "
              + baselineCount
              + " and "
              + controlCount);
    }
  }

  /** Closes the facade client. */
  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
  }

  /**
   * The baseline (issue 13): the same call made with OkHttp, the body read by plain Moshi into
   * classes with the same fields as the facade's records: {@code id}, {@code when} and the record's
   * JSON text as sent ({@link BaselineJson.RecordLogAdapter}: the record's bytes, made the {@code
   * String} and read for the two fields).
   */
  @Benchmark
  public int baseline(Blackhole blackhole) {
    return consumeRecords(records(recordAdapter), blackhole);
  }

  /** The baseline written the other way: the fields from a peek at the record, then its text. */
  @Benchmark
  public int baselinePeekFirst(Blackhole blackhole) {
    return consumeRecords(records(recordPeekFirst), blackhole);
  }

  /**
   * The facade, like for like with the baseline: one {@code list} call, then every record's exact
   * JSON text ({@code json()}), {@code id()} and {@code when()}.
   */
  @Benchmark
  public int facadeJson(Blackhole blackhole) {
    List<AuditLog> logs = client.list(query).records();
    for (AuditLog log : logs) {
      blackhole.consume(log.json());
      blackhole.consume(log.id());
      blackhole.consume(log.when());
    }
    return logs.size();
  }

  /**
   * The facade as an export uses it (what the CLI writes per record): {@code compactJson()} (the
   * text with white space between tokens removed: a scan of the bytes, then the same text as {@code
   * json()} when there is none, as here), {@code id()} and {@code when()}.
   */
  @Benchmark
  public int facadeExport(Blackhole blackhole) {
    List<AuditLog> logs = client.list(query).records();
    for (AuditLog log : logs) {
      blackhole.consume(log.compactJson());
      blackhole.consume(log.id());
      blackhole.consume(log.when());
    }
    return logs.size();
  }

  /** The facade with every record's typed model too (decoded from the record's bytes on use). */
  @Benchmark
  public int facadeModels(Blackhole blackhole) {
    List<AuditLog> logs = client.list(query).records();
    for (AuditLog log : logs) {
      blackhole.consume(log.model());
    }
    return logs.size();
  }

  /**
   * The baseline before issue 13's last change: plain Moshi into {@code id} and {@code when} only
   * ({@link BaselineJson.KeyedLog}), every other field skipped and no text kept.
   */
  @Benchmark
  public int baselineKeyed(Blackhole blackhole) {
    List<BaselineJson.KeyedLog> logs = keyedModels();
    for (BaselineJson.KeyedLog model : logs) {
      blackhole.consume(model);
    }
    return logs.size();
  }

  /**
   * The typed baseline: the same call made with OkHttp, the body read by a plain Moshi adapter into
   * every field of the document.
   */
  @Benchmark
  public int baselineTyped(Blackhole blackhole) {
    List<BaselineJson.Log> logs = baselineModels();
    for (BaselineJson.Log model : logs) {
      blackhole.consume(model);
    }
    return logs.size();
  }

  /**
   * A control: the same call made with OkHttp, the whole body read by the generated models' own
   * tolerant readers (the decoding {@link #facadeModels} does lazily, done at once and without the
   * facade).
   */
  @Benchmark
  public int control(Blackhole blackhole) {
    List<AaaAuditLogs> logs = controlModels();
    for (AaaAuditLogs model : logs) {
      blackhole.consume(model);
    }
    return logs.size();
  }

  private static int consumeRecords(List<BaselineJson.RecordLog> logs, Blackhole blackhole) {
    for (BaselineJson.RecordLog log : logs) {
      blackhole.consume(log.json);
      blackhole.consume(log.id);
      blackhole.consume(log.when);
    }
    return logs.size();
  }

  List<BaselineJson.RecordLog> records(JsonAdapter<BaselineJson.RecordPage> adapter) {
    try (Response response = http.newCall(request).execute()) {
      BaselineJson.RecordPage body =
          Objects.requireNonNull(adapter.fromJson(response.body().source()));
      return Objects.requireNonNull(body.result);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<BaselineJson.Log> baselineModels() {
    try (Response response = http.newCall(request).execute()) {
      BaselineJson.Page body = Objects.requireNonNull(baseline.fromJson(response.body().source()));
      return Objects.requireNonNull(body.result);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<BaselineJson.KeyedLog> keyedModels() {
    try (Response response = http.newCall(request).execute()) {
      BaselineJson.KeyedPage body =
          Objects.requireNonNull(keyed.fromJson(response.body().source()));
      return Objects.requireNonNull(body.result);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<AaaAuditLogs> controlModels() {
    try (Response response = http.newCall(request).execute()) {
      AaaAuditLogsResponseCollection body =
          AaaAuditLogsResponseCollection.read(SpecReader.of(response.body().bytes()));
      return Objects.requireNonNull(body).result().orElseThrow();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
