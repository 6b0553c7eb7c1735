package dev.cfauditlogs;

import dev.cfauditlogs.generated.api.AuditLogsApi;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * A client for Cloudflare's user audit logs ({@code GET /user/audit_logs}). Immutable and
 * thread-safe; close it to release the HTTP resources it created.
 *
 * <pre>{@code
 * try (AuditLogsClient client = AuditLogsClient.fromEnv()) {
 *   AuditLogPage page = client.list(AuditLogQuery.builder().since(LocalDate.of(2026, 1, 1)).build());
 *   page.records().forEach(log -> System.out.println(log.json()));
 * }
 * }</pre>
 *
 * <h2>Credentials</h2>
 *
 * <p>Either an API token ({@code Authorization: Bearer …}) or an email plus Global API key ({@code
 * X-Auth-Email}, {@code X-Auth-Key}); only one scheme's headers are ever sent. Credentials set on
 * the builder win over the environment, as a whole: if any is set, the environment's are not read.
 * Within one source, a token wins over an email and key. A half pair, no credentials at all, or a
 * value with whitespace or control characters is refused by {@link Builder#build()} with a message
 * that names what is wrong, never the value.
 *
 * <table>
 *   <caption>Settings and the environment variables {@link Builder#fromEnv()} reads</caption>
 *   <tr><th>Builder method</th><th>Environment variable</th><th>Default</th></tr>
 *   <tr><td>{@link Builder#apiToken(String)}</td><td>{@code CLOUDFLARE_API_TOKEN}</td><td>—</td></tr>
 *   <tr><td>{@link Builder#email(String)}</td><td>{@code CLOUDFLARE_EMAIL}</td><td>—</td></tr>
 *   <tr><td>{@link Builder#apiKey(String)}</td><td>{@code CLOUDFLARE_API_KEY}</td><td>—</td></tr>
 *   <tr><td>{@link Builder#baseUrl(String)}</td><td>{@code CLOUDFLARE_BASE_URL}</td>
 *       <td>{@code https://api.cloudflare.com/client/v4}</td></tr>
 *   <tr><td>{@link Builder#timeout(Duration)}</td><td>—</td><td>60 s per attempt</td></tr>
 *   <tr><td>{@link Builder#maxRetries(int)}</td><td>—</td><td>2</td></tr>
 *   <tr><td>{@link Builder#maxRetryWait(Duration)}</td><td>—</td><td>60 s</td></tr>
 *   <tr><td>{@link Builder#rateLimit(int, Duration)}</td><td>—</td><td>1200 per 5 min</td></tr>
 * </table>
 */
public final class AuditLogsClient implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Builder settings;
  private final HttpUrl baseUrl;
  private final Credentials credentials;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final AuditLogsApi api;
  private final RetryingCaller caller;
  private final ClockSkewMonitor skew;
  private final ExecutorService async;
  private final AtomicBoolean closed = new AtomicBoolean();

  private AuditLogsClient(Builder b, HttpUrl baseUrl, Credentials credentials) {
    this.settings = b.copy();
    this.baseUrl = baseUrl;
    this.credentials = credentials;
    this.ownsHttp = b.okHttpClient == null;
    OkHttpClient base = b.okHttpClient != null ? b.okHttpClient : new OkHttpClient();
    this.http =
        base.newBuilder()
            .callTimeout(b.timeout)
            .connectTimeout(b.timeout)
            .readTimeout(b.timeout)
            .writeTimeout(b.timeout)
            // Credentials travel in headers OkHttp would forward on a redirect: never follow one.
            .followRedirects(false)
            .followSslRedirects(false)
            // Retries are this client's alone (OkHttp would silently repeat 408s and failed
            // connects).
            .retryOnConnectionFailure(false)
            .build();
    this.api =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .callFactory(http)
            .addConverterFactory(new RequestOnlyConverters())
            .build()
            .create(AuditLogsApi.class);
    Redactor redactor = new Redactor(credentials.secrets());
    this.skew = new ClockSkewMonitor(b.clock, b.clockSkewListener);
    this.caller =
        new RetryingCaller(
            http,
            b.maxRetries,
            b.timeout,
            b.maxRetryWait,
            b.clock,
            b.sleeper,
            new Backoff(b.random),
            redactor,
            b.rateLimitRequests == 0
                ? RequestPacer.NONE
                : new SlidingWindowPacer(
                    b.rateLimitRequests,
                    b.rateLimitWindow,
                    longer(b.maxRetryWait, b.rateLimitWindow.plusSeconds(1)),
                    b.clock,
                    b.sleeper),
            skew);
    this.async =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "cf-audit-logs-async-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * A builder with nothing set: give credentials with {@link Builder#apiToken(String)} or read the
   * environment.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the environment ({@code CLOUDFLARE_API_TOKEN}, or {@code
   * CLOUDFLARE_EMAIL} and {@code CLOUDFLARE_API_KEY}; {@code CLOUDFLARE_BASE_URL}).
   *
   * @throws InvalidRequestException when the environment has no usable credentials
   */
  public static AuditLogsClient fromEnv() {
    return builder().fromEnv().build();
  }

  /** A builder with this client's settings, for making a variant. */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Fetches one page.
   *
   * @throws AuditLogsException the subclass says what went wrong; see {@link AuditLogsException}
   */
  public AuditLogPage list(AuditLogQuery query) {
    Objects.requireNonNull(query, "query");
    return list(query, Cancellation.NONE);
  }

  /**
   * Every record matching the query, fetched lazily page by page as the result is iterated.
   * Building it sends nothing; each {@code iterator()}, {@code stream()} or {@code pages()} starts
   * a new iteration from the query's first page. See {@link AuditLogPager} for what iteration
   * guarantees.
   */
  public AuditLogPager paginate(AuditLogQuery query) {
    Objects.requireNonNull(query, "query");
    return new AuditLogPager(
        this, query, AuditLogPager.DEFAULT_PREFETCH, AuditLogPager.DEFAULT_MAX_PAGES);
  }

  AuditLogPage list(AuditLogQuery query, Cancellation cancellation) {
    if (closed.get()) {
      throw new IllegalStateException("this AuditLogsClient is closed");
    }
    return PageFacts.toPage(query, caller.execute(request(query), cancellation));
  }

  /**
   * The latest measurement of the server's clock against this client's (from the {@code Date}
   * header of the latest response that had one); empty before the first such response.
   */
  public java.util.Optional<ClockSkew> clockSkew() {
    return skew.latest();
  }

  ExecutorService executor() {
    return async;
  }

  /**
   * Fetches one page without blocking the caller. The future fails with the same {@link
   * AuditLogsException} that {@link #list(AuditLogQuery)} would throw (wrapped in a {@link
   * java.util.concurrent.CompletionException} by the dependent stages of {@link
   * CompletableFuture}).
   */
  public CompletableFuture<AuditLogPage> listAsync(AuditLogQuery query) {
    Objects.requireNonNull(query, "query");
    return CompletableFuture.supplyAsync(() -> list(query), async);
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  OkHttpClient http() {
    return http;
  }

  Request request(AuditLogQuery q) {
    Request request =
        api.auditLogsGetUserAuditLogs(
                q.id().orElse(null),
                null, // export: not offered, see AuditLogQuery
                q.actionType().orElse(null),
                q.actorIp().orElse(null),
                q.actorEmail().orElse(null),
                q.since().orElse(null),
                q.before().orElse(null),
                q.zoneName().orElse(null),
                q.direction().map(Direction::wireValue).orElse(null),
                q.perPage().isPresent() ? BigDecimal.valueOf(q.perPage().getAsInt()) : null,
                q.page().isPresent() ? BigDecimal.valueOf(q.page().getAsInt()) : null,
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

  /**
   * Releases the connection pool and threads this client created. An {@link OkHttpClient} passed to
   * {@link Builder#okHttpClient(OkHttpClient)} is left alone. Idempotent.
   */
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

  /** Names the base URL, the authentication scheme and the limits; never a credential. */
  @Override
  public String toString() {
    return "AuditLogsClient{baseUrl="
        + baseUrl
        + ", auth="
        + credentials
        + ", timeout="
        + settings.timeout
        + ", maxRetries="
        + settings.maxRetries
        + '}';
  }

  /**
   * Configures an {@link AuditLogsClient}. Setters store values; {@link #build()} validates them
   * all and names the first bad one. {@code toString()} never shows a credential.
   */
  public static final class Builder {
    private @Nullable String apiToken;
    private @Nullable String email;
    private @Nullable String apiKey;
    private @Nullable String baseUrl;
    private @Nullable Map<String, String> environment;
    private boolean allowInsecureHttp;
    private Duration timeout = Duration.ofSeconds(60);
    private int maxRetries = 2;
    private Duration maxRetryWait = Duration.ofSeconds(60);
    private int rateLimitRequests = 1200;
    private Duration rateLimitWindow = Duration.ofMinutes(5);
    private @Nullable OkHttpClient okHttpClient;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Consumer<? super ClockSkew> clockSkewListener = skew -> {};

    private Builder() {}

    /** Authenticates with an API token (preferred): {@code Authorization: Bearer <token>}. */
    public Builder apiToken(@Nullable String apiToken) {
      this.apiToken = apiToken;
      return this;
    }

    /**
     * The account email for the Global API key scheme ({@code X-Auth-Email}); needs {@link
     * #apiKey(String)}.
     */
    public Builder email(@Nullable String email) {
      this.email = email;
      return this;
    }

    /** The Global API key ({@code X-Auth-Key}); needs {@link #email(String)}. */
    public Builder apiKey(@Nullable String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /** Shorthand for {@code email(email).apiKey(apiKey)}. */
    public Builder emailAndApiKey(@Nullable String email, @Nullable String apiKey) {
      return email(email).apiKey(apiKey);
    }

    /**
     * Reads credentials and the base URL from the process environment, as fallbacks for what is not
     * set on this builder (see the table on {@link AuditLogsClient}).
     */
    public Builder fromEnv() {
      return environment(System.getenv());
    }

    /**
     * Like {@link #fromEnv()}, reading the given variables instead of the process environment (for
     * example a configuration source of the application's own).
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** The API's base URL, such as {@code https://api.cloudflare.com/client/v4} (the default). */
    public Builder baseUrl(@Nullable String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Allows a plain {@code http://} base URL to a host that is not loopback. Credentials then
     * cross the network unencrypted; meant for test rigs on private networks only.
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /** The time limit for one attempt, from connecting to reading the last byte. Default 60 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** How many times a failed attempt is retried (0 to 10). Default 2. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The longest wait before a retry this client accepts, whether asked for by the server ({@code
     * retry-after}) or from backoff. A 429 that asks for longer fails at once with a {@link
     * RateLimitedException} saying how long to wait. Default 60 s.
     */
    public Builder maxRetryWait(Duration maxRetryWait) {
      this.maxRetryWait = Objects.requireNonNull(maxRetryWait, "maxRetryWait");
      return this;
    }

    /**
     * The client-side rate limit shared by everything this client sends: at most {@code requests}
     * in any {@code window}. Default Cloudflare's 1200 per 5 minutes; the server's {@code
     * Ratelimit-Policy} header replaces it when sent, and its {@code Ratelimit} header slows
     * requests down before the quota runs out. {@code requests} 0 turns client-side pacing off. A
     * request is held at most the longer of this window and {@link #maxRetryWait(Duration)};
     * headers asking for more make it fail with a {@link RateLimitedException} saying how long.
     */
    public Builder rateLimit(int requests, Duration window) {
      this.rateLimitRequests = requests;
      this.rateLimitWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /**
     * An {@link OkHttpClient} to share connection pool and dispatcher with. The client derives its
     * own settings from it and never closes it.
     */
    public Builder okHttpClient(@Nullable OkHttpClient okHttpClient) {
      this.okHttpClient = okHttpClient;
      return this;
    }

    /**
     * Called once, on the thread of the request that measured it, the first time a response's
     * {@code Date} header differs from this client's clock by more than {@link
     * ClockSkew#REPORTED_ABOVE} either way (the same report is logged as a WARNING). Pagination
     * does not depend on the local clock; this is for telling users, whose own times may be off. A
     * listener that throws is logged and otherwise ignored. Default: none.
     */
    public Builder onClockSkew(Consumer<? super ClockSkew> listener) {
      this.clockSkewListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    /**
     * Validates the settings and builds the client.
     *
     * @throws InvalidRequestException naming the missing or bad setting (never a credential's
     *     value)
     */
    public AuditLogsClient build() {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new InvalidRequestException("timeout", "timeout must be positive but was " + timeout);
      }
      if (maxRetries < 0 || maxRetries > 10) {
        throw new InvalidRequestException(
            "maxRetries", "maxRetries must be between 0 and 10 but was " + maxRetries);
      }
      if (maxRetryWait.isNegative()) {
        throw new InvalidRequestException(
            "maxRetryWait", "maxRetryWait must not be negative but was " + maxRetryWait);
      }
      if (rateLimitRequests < 0
          || rateLimitRequests > 100_000
          || (rateLimitRequests > 0
              && (rateLimitWindow.isNegative() || rateLimitWindow.isZero()))) {
        throw new InvalidRequestException(
            "rateLimit",
            "rateLimit must be 0 (off) or 1 to 100000 requests per positive window but was "
                + rateLimitRequests
                + " per "
                + rateLimitWindow);
      }
      Credentials credentials = CredentialSources.resolve(apiToken, email, apiKey, environment);
      HttpUrl url = resolveBaseUrl();
      return new AuditLogsClient(this, url, credentials);
    }

    private HttpUrl resolveBaseUrl() {
      if (baseUrl != null) {
        return BaseUrl.parse("baseUrl", baseUrl, allowInsecureHttp);
      }
      String fromEnv = environment == null ? null : environment.get("CLOUDFLARE_BASE_URL");
      if (fromEnv != null && !fromEnv.isBlank()) {
        return BaseUrl.parse("CLOUDFLARE_BASE_URL", fromEnv, allowInsecureHttp);
      }
      return BaseUrl.parse("baseUrl", BaseUrl.DEFAULT, false);
    }

    Builder copy() {
      Builder b = new Builder();
      b.apiToken = apiToken;
      b.email = email;
      b.apiKey = apiKey;
      b.baseUrl = baseUrl;
      b.environment = environment;
      b.allowInsecureHttp = allowInsecureHttp;
      b.timeout = timeout;
      b.maxRetries = maxRetries;
      b.maxRetryWait = maxRetryWait;
      b.rateLimitRequests = rateLimitRequests;
      b.rateLimitWindow = rateLimitWindow;
      b.okHttpClient = okHttpClient;
      b.clock = clock;
      b.sleeper = sleeper;
      b.random = random;
      b.clockSkewListener = clockSkewListener;
      return b;
    }

    /** The settings, with credentials shown only as set or not. */
    @Override
    public String toString() {
      return "AuditLogsClient.Builder{apiToken="
          + (apiToken == null ? "unset" : "set")
          + ", email="
          + (email == null ? "unset" : "set")
          + ", apiKey="
          + (apiKey == null ? "unset" : "set")
          + ", baseUrl="
          + baseUrl
          + ", fromEnv="
          + (environment != null)
          + ", timeout="
          + timeout
          + ", maxRetries="
          + maxRetries
          + '}';
    }
  }
}
