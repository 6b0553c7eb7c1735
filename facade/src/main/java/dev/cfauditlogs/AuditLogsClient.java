package dev.cfauditlogs;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * A client for Cloudflare's audit logs: the user's ({@code GET /user/audit_logs}) and any account's
 * ({@code GET /accounts/{account_id}/audit_logs}), each query routed by its {@link
 * AuditLogQuery#scope()}. Immutable and thread-safe; close it to release the HTTP resources it
 * created. One client paces every scope with one limiter — Cloudflare's rate limit is per user
 * across all accounts — so read many accounts through one client (several pagers or followers may
 * share it) rather than one client per account.
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
  private final ClientSettings settings;
  private final HttpTransport transport;

  private AuditLogsClient(ClientSettings settings) {
    this.settings = settings;
    this.transport = new HttpTransport(settings);
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
    return new Builder(settings);
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
    return new AuditLogPager(this, query, settings.concurrency(), AuditLogPager.DEFAULT_MAX_PAGES);
  }

  AuditLogPage list(AuditLogQuery query, Cancellation cancellation) {
    return transport.fetch(query, cancellation);
  }

  /**
   * The latest measurement of the server's clock against this client's (from the {@code Date}
   * header of the latest response that had one); empty before the first such response.
   */
  public Optional<ClockSkew> clockSkew() {
    return transport.clockSkew();
  }

  ExecutorService executor() {
    return transport.executor();
  }

  /**
   * Fetches one page without blocking the caller. The future fails with the same {@link
   * AuditLogsException} that {@link #list(AuditLogQuery)} would throw (wrapped in a {@link
   * java.util.concurrent.CompletionException} by the dependent stages of {@link
   * CompletableFuture}).
   */
  public CompletableFuture<AuditLogPage> listAsync(AuditLogQuery query) {
    Objects.requireNonNull(query, "query");
    return CompletableFuture.supplyAsync(() -> list(query), transport.executor());
  }

  OkHttpClient http() {
    return transport.http();
  }

  Request request(AuditLogQuery query) {
    return transport.request(query);
  }

  /**
   * Releases the connection pool and threads this client created. An {@link OkHttpClient} passed to
   * {@link Builder#okHttpClient(OkHttpClient)} is left alone. Idempotent.
   */
  @Override
  public void close() {
    transport.close();
  }

  /** Names the base URL, the authentication scheme and the limits; never a credential. */
  @Override
  public String toString() {
    return "AuditLogsClient{baseUrl="
        + transport.baseUrl()
        + ", auth="
        + transport.credentials()
        + ", timeout="
        + settings.timeout()
        + ", maxRetries="
        + settings.maxRetries()
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
    private Duration timeout = ClientSettings.DEFAULT_TIMEOUT;
    private int maxRetries = ClientSettings.DEFAULT_MAX_RETRIES;
    private Duration maxRetryWait = ClientSettings.DEFAULT_MAX_RETRY_WAIT;
    private int rateLimitRequests = ClientSettings.DEFAULT_RATE_LIMIT_REQUESTS;
    private Duration rateLimitWindow = ClientSettings.DEFAULT_RATE_LIMIT_WINDOW;
    private int concurrency = AuditLogPager.DEFAULT_CONCURRENCY;
    private @Nullable OkHttpClient okHttpClient;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Consumer<? super ClockSkew> clockSkewListener = skew -> {};

    private Builder() {}

    /** A builder holding {@code s}, for {@link AuditLogsClient#toBuilder()}. */
    private Builder(ClientSettings s) {
      apiToken = s.apiToken();
      email = s.email();
      apiKey = s.apiKey();
      baseUrl = s.baseUrl();
      environment = s.environment();
      allowInsecureHttp = s.allowInsecureHttp();
      timeout = s.timeout();
      maxRetries = s.maxRetries();
      maxRetryWait = s.maxRetryWait();
      rateLimitRequests = s.rateLimitRequests();
      rateLimitWindow = s.rateLimitWindow();
      concurrency = s.concurrency();
      okHttpClient = s.okHttpClient();
      clock = s.clock();
      sleeper = s.sleeper();
      random = s.random();
      clockSkewListener = s.clockSkewListener();
    }

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
     * retry-after}) or from backoff. A response that asks for longer fails at once, not retried,
     * with its status's exception ({@link RateLimitedException} for a 429, {@link ServerException}
     * for a 5xx, …) saying how long it asked to wait ({@link HttpResponseException#retryAfter()}).
     * Default 60 s.
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
     * The requests each iteration of {@link AuditLogsClient#paginate(AuditLogQuery)} keeps in
     * flight at most, 1 (one at a time) to {@value AuditLogPager#MAX_CONCURRENCY}; default {@value
     * AuditLogPager#DEFAULT_CONCURRENCY}. See {@link AuditLogPager#withConcurrency(int)}, which
     * overrides it for one pager. A bad value is refused by {@link #build()}.
     */
    public Builder concurrency(int concurrency) {
      this.concurrency = concurrency;
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

    /**
     * How this client waits: before a retry (backoff or the server's {@code retry-after}) and when
     * its rate limit holds a request back. Default {@link Sleeper#SYSTEM}, which really waits.
     * <b>For tests</b>: a sleeper that returns at once (and records what it was asked to wait, such
     * as the testkit's {@code RecordingSleeper}) makes retries and pacing take no real time; the
     * waits' lengths and the limits on them ({@link #maxRetryWait(Duration)}, {@link #maxRetries})
     * are unchanged. A sleeper that throws {@link InterruptedException} fails the request with a
     * {@link RequestInterruptedException}.
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
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
     * @throws IncompatibleClassPathException when the class path holds two OkHttps, or an OkHttp,
     *     Kotlin stdlib or Moshi this library cannot run on, naming the versions and the fix
     */
    public AuditLogsClient build() {
      ClassPathCheck.requireCompatible();
      return new AuditLogsClient(
          new ClientSettings(
              apiToken,
              email,
              apiKey,
              baseUrl,
              environment,
              allowInsecureHttp,
              timeout,
              maxRetries,
              maxRetryWait,
              rateLimitRequests,
              rateLimitWindow,
              concurrency,
              okHttpClient,
              clock,
              sleeper,
              random,
              clockSkewListener));
    }

    /** The settings, with credentials shown only as set or not. */
    @Override
    public String toString() {
      return ClientSettings.describe(
          "AuditLogsClient.Builder",
          apiToken,
          email,
          apiKey,
          baseUrl,
          environment,
          timeout,
          maxRetries);
    }
  }
}
