package dev.cfauditlogs;

import dev.cfauditlogs.generated.api.AuditLogsApi;
import dev.cfauditlogs.generated.model.AaaAuditLogsResponseCollection;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * Everything an {@link AuditLogsClient} needs to send a request and get a page back: the OkHttp
 * client derived from the settings (no redirects, no silent retries, the per-attempt timeout), the
 * generated Retrofit interface that builds the request, the credentials' headers, the {@link
 * RetryingCaller} with its {@link RequestPacer} and {@link ClockSkewMonitor}, and the threads for
 * asynchronous work. Made from {@link ClientSettings}; closed with the client.
 */
final class HttpTransport implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpUrl baseUrl;
  private final Credentials credentials;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final AuditLogsApi api;
  private final RetryingCaller caller;
  private final ClockSkewMonitor skew;
  private final ExecutorService async;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @throws InvalidRequestException when the credentials or the base URL are missing or bad
   */
  HttpTransport(ClientSettings s) {
    this.credentials = s.credentials();
    this.baseUrl = s.resolvedBaseUrl();
    this.ownsHttp = s.okHttpClient() == null;
    OkHttpClient.Builder builder =
        s.okHttpClient() != null ? s.okHttpClient().newBuilder() : new OkHttpClient.Builder();
    if (ownsHttp && !baseUrl.isHttps()) {
      // A plain http:// base URL (a local emulator or proxy) never needs TLS, and no redirect is
      // followed: without a TLS connection spec OkHttp sets up no TLS platform, trust manager or
      // socket factory (~290 classes; ~6 % of a short export's CPU).
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    this.http =
        builder
            .callTimeout(s.timeout())
            .connectTimeout(s.timeout())
            .readTimeout(s.timeout())
            .writeTimeout(s.timeout())
            // Credentials travel in headers OkHttp would forward on a redirect: never follow one.
            .followRedirects(false)
            .followSslRedirects(false)
            // Retries are this client's alone (OkHttp would silently repeat 408s and failed
            // connects).
            .retryOnConnectionFailure(false)
            // OkHttp repeats a 503 with retry-after 0 itself, and throws on one over 2^31 - 1.
            .addNetworkInterceptor(new RetryAfterGuard())
            .build();
    this.api =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .callFactory(http)
            .addConverterFactory(new RequestOnlyConverters())
            .build()
            .create(AuditLogsApi.class);
    this.skew = new ClockSkewMonitor(s.clock(), s.clockSkewListener());
    this.caller =
        new RetryingCaller(
            http,
            s.maxRetries(),
            s.timeout(),
            s.maxRetryWait(),
            s.clock(),
            s.sleeper(),
            new Backoff(s.random()),
            credentials,
            pacer(s),
            skew);
    this.async =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "cf-audit-logs-async-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  private static RequestPacer pacer(ClientSettings s) {
    if (s.rateLimitRequests() == 0) {
      return RequestPacer.NONE;
    }
    Duration window = s.rateLimitWindow();
    Duration longestHold = longer(s.maxRetryWait(), window.plusSeconds(1));
    return new SlidingWindowPacer(
        s.rateLimitRequests(), window, longestHold, s.clock(), s.sleeper());
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Sends the query (with retries and pacing) and decodes the page; stops with a {@link
   * java.util.concurrent.CancellationException} once {@code cancellation} is cancelled.
   *
   * @throws IllegalStateException when closed
   */
  AuditLogPage fetch(AuditLogQuery query, Cancellation cancellation) {
    if (closed.get()) {
      throw new IllegalStateException("this AuditLogsClient is closed");
    }
    return PageFacts.toPage(query, caller.execute(request(query), cancellation));
  }

  /**
   * The HTTP request for a query: the generated interface's operation for the query's scope ({@code
   * audit-logs-get-user-audit-logs} or {@code audit-logs-get-account-audit-logs}, which take the
   * same query parameters), plus our headers and credentials.
   */
  Request request(AuditLogQuery q) {
    BigDecimal perPage =
        q.perPage().isPresent() ? BigDecimal.valueOf(q.perPage().getAsInt()) : null;
    BigDecimal page = q.page().isPresent() ? BigDecimal.valueOf(q.page().getAsInt()) : null;
    Request request =
        operation(q.scope())
            .call(
                q.id().orElse(null),
                null, // export: not offered, see AuditLogQuery
                q.actionType().orElse(null),
                q.actorIp().orElse(null),
                q.actorEmail().orElse(null),
                q.since().orElse(null),
                q.before().orElse(null),
                q.zoneName().orElse(null),
                q.direction().map(Direction::wireValue).orElse(null),
                perPage,
                page,
                q.hideUserLogs().orElse(null))
            .request();
    Request.Builder withHeaders =
        request
            .newBuilder()
            .header("User-Agent", Version.USER_AGENT)
            .header("Accept", "application/json");
    credentials.applyTo(withHeaders);
    return withHeaders.build();
  }

  /** The scope's operation: the user's as generated, an account's with its id bound. */
  private Operation operation(AuditLogScope scope) {
    Optional<String> accountId = scope.accountId();
    if (accountId.isEmpty()) {
      return api::auditLogsGetUserAuditLogs;
    }
    String account = accountId.get();
    return (id, export, type, ip, email, since, before, zone, direction, perPage, page, hide) ->
        api.auditLogsGetAccountAuditLogs(
            account, id, export, type, ip, email, since, before, zone, direction, perPage, page,
            hide);
  }

  /**
   * The query parameters both generated operations take, in their order (the OpenAPI document's):
   * {@code id}, {@code export}, {@code action.type}, {@code actor.ip}, {@code actor.email}, {@code
   * since}, {@code before}, {@code zone.name}, {@code direction}, {@code per_page}, {@code page},
   * {@code hide_user_logs}; null leaves one out.
   */
  @FunctionalInterface
  private interface Operation {
    Call<AaaAuditLogsResponseCollection> call(
        @Nullable String id,
        @Nullable Boolean export,
        @Nullable String actionType,
        @Nullable String actorIp,
        @Nullable String actorEmail,
        @Nullable String since,
        @Nullable String before,
        @Nullable String zoneName,
        @Nullable String direction,
        @Nullable BigDecimal perPage,
        @Nullable BigDecimal page,
        @Nullable Boolean hideUserLogs);
  }

  /** The latest measurement of the server's clock against ours. */
  Optional<ClockSkew> clockSkew() {
    return skew.latest();
  }

  /** The threads asynchronous calls and pages fetched ahead run on. */
  ExecutorService executor() {
    return async;
  }

  OkHttpClient http() {
    return http;
  }

  HttpUrl baseUrl() {
    return baseUrl;
  }

  /** The authentication scheme, never a credential. */
  Credentials credentials() {
    return credentials;
  }

  /** Releases the threads and connections this transport created; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    async.shutdownNow();
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
