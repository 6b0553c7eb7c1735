package dev.cfauditlogs.testkit;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;

/**
 * An emulator of Cloudflare's {@code GET /client/v4/user/audit_logs} and {@code GET
 * /client/v4/accounts/{account_id}/audit_logs}: a real HTTP server on 127.0.0.1 that serves a
 * {@link Dataset} (the user's log, and one log per {@linkplain Builder#accounts account}) with the
 * documented filters, ordering, pagination, authentication, rate limit and CSV export, and can
 * misbehave on request ({@linkplain Builder#faults(double, Set, long) faults}, {@linkplain
 * Builder#pagination(PaginationMode) adversarial pagination}, {@linkplain Builder#latency(Duration)
 * latency}, {@linkplain Builder#liveAppends(double) live appends}). No Cloudflare account is
 * needed.
 *
 * <pre>{@code
 * try (AuditLogEmulator emulator = AuditLogEmulator.builder().dataset(Dataset.synthetic(42, 500)).start()) {
 *   AuditLogsClient client = AuditLogsClient.builder()
 *       .baseUrl(emulator.baseUrl())
 *       .apiToken(emulator.apiToken())
 *       .build();
 *   ...
 * }
 * }</pre>
 *
 * <p>The module README documents the semantics, every knob and the error codes.
 */
public final class AuditLogEmulator implements AutoCloseable {
  private final MockWebServer server;
  private final ScopedLogs logs;
  private final Credentials credentials;
  private final RequestLog requestLog = new RequestLog();
  private final Clock clock;
  private final @Nullable ScheduledExecutorService appender;
  private final @Nullable ScheduledExecutorService retention;
  private final String baseUrl;
  private volatile boolean closed;

  private AuditLogEmulator(EmulatorConfig config) throws IOException {
    this.clock = config.serverClock;
    Dataset dataset = config.dataset(clock.instant());
    this.logs = new ScopedLogs(dataset, config.accounts, config.deniedAccounts);
    this.credentials =
        new Credentials(
            config.apiToken != null ? config.apiToken : Credentials.randomToken(),
            config.email != null ? config.email : Credentials.randomEmail(),
            config.apiKey != null ? config.apiKey : Credentials.randomKey(),
            config.forbiddenToken);
    this.server = new MockWebServer();
    server.setBodyLimit(64 * 1024);
    NoDelayServerSocketFactory sockets = new NoDelayServerSocketFactory();
    server.setServerSocketFactory(sockets);
    server.setDispatcher(
        new EmulatorDispatcher(
            config,
            sockets,
            logs,
            credentials,
            new RateLimiter(config.rateLimitQuota, config.rateLimitWindow, config.clock),
            requestLog,
            this::drainServerQueue));
    server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), config.port);
    this.baseUrl = "http://127.0.0.1:" + server.getPort() + "/client/v4";
    this.appender =
        config.liveAppendsPerSecond > 0
            ? startPaced("appends", config.liveAppendsPerSecond, this::appendToEveryScope)
            : null;
    this.retention =
        config.retentionPerSecond > 0
            ? startPaced("retention", config.retentionPerSecond, this::removeFromEveryScope)
            : null;
  }

  /**
   * A builder with every default: 250 synthetic records (seed 42), no faults, Cloudflare's rate
   * limit.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URL to give a client: {@code http://127.0.0.1:<port>/client/v4}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The port the emulator listens on. */
  public int port() {
    return server.getPort();
  }

  /** The API token that is accepted ({@code Authorization: Bearer <token>}). */
  public String apiToken() {
    return credentials.apiToken;
  }

  /** The email accepted with {@link #apiKey()} ({@code X-Auth-Email}). */
  public String email() {
    return credentials.email;
  }

  /** The Global API key accepted with {@link #email()} ({@code X-Auth-Key}). */
  public String apiKey() {
    return credentials.apiKey;
  }

  /** The token that authenticates but is refused with 403, if one was configured. */
  public Optional<String> forbiddenToken() {
    return Optional.ofNullable(credentials.forbiddenToken);
  }

  /**
   * The account ids the emulator holds a log for ({@link Builder#accounts} then {@link
   * Builder#deniedAccounts}, readable or not), in the order given.
   */
  public List<String> accountIds() {
    return logs.accountIds();
  }

  /**
   * Every record of the user's log held now, in the default served order (newest first, then by id
   * descending).
   */
  public List<EmulatedLog> records() {
    return records(AuditLogScope.user());
  }

  /**
   * Every record of the scope's log held now (a denied account's too), in the default served order.
   *
   * @throws IllegalArgumentException when the emulator holds no log for the scope
   */
  public List<EmulatedLog> records(AuditLogScope scope) {
    return logs.get(scope).store().select(LogQuery.parse(Map.of()));
  }

  /**
   * The ground truth for a query: every record of its {@linkplain AuditLogQuery#scope() scope}'s
   * log it matches (a denied account's too), in the order the emulator serves them across all pages
   * ({@code page} and {@code per_page} are ignored; adversarial pagination does not apply).
   *
   * @throws IllegalArgumentException when the emulator would answer the query with 400, or holds no
   *     log for its scope
   */
  public List<EmulatedLog> records(AuditLogQuery query) {
    LogStore store = logs.get(query.scope()).store();
    Map<String, List<String>> params = new LinkedHashMap<>();
    query.parameters().forEach((name, value) -> params.put(name, List.of(value)));
    params.keySet().removeAll(Set.of("page", "per_page"));
    try {
      return store.select(LogQuery.parse(params));
    } catch (ApiError e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Adds one record to the user's log, served from the next request on.
   *
   * @param json one JSON object with a {@code when} RFC 3339 date-time, served exactly as given
   * @return the record as held
   * @throws IllegalArgumentException when the record is not valid
   * @throws IllegalStateException when the log already holds 1,000,000 records
   */
  public EmulatedLog append(String json) {
    return append(AuditLogScope.user(), json);
  }

  /**
   * Adds one record to the scope's log, served from the next request on.
   *
   * @param json one JSON object with a {@code when} RFC 3339 date-time, served exactly as given
   * @return the record as held
   * @throws IllegalArgumentException when the record is not valid or the emulator holds no log for
   *     the scope
   * @throws IllegalStateException when the log already holds 1,000,000 records
   */
  public EmulatedLog append(AuditLogScope scope, String json) {
    LogStore store = logs.get(scope).store();
    EmulatedLog log = Dataset.parse(0, json);
    if (!store.add(log)) {
      throw new IllegalStateException(
          "the emulator holds " + LogStore.MAX_RECORDS + " records already");
    }
    return log;
  }

  /**
   * Adds {@code count} new synthetic records to the user's log that happen now (the emulator's
   * clock, to the second), as live appends do.
   *
   * @return the records added, oldest first; fewer than asked once 1,000,000 are held
   */
  public List<EmulatedLog> appendSynthetic(int count) {
    return appendSynthetic(AuditLogScope.user(), count);
  }

  /**
   * Adds {@code count} new synthetic records to the scope's log that happen now (the emulator's
   * clock, to the second), as live appends do.
   *
   * @return the records added, oldest first; fewer than asked once 1,000,000 are held
   * @throws IllegalArgumentException when {@code count} is negative or the emulator holds no log
   *     for the scope
   */
  public List<EmulatedLog> appendSynthetic(AuditLogScope scope, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative but was " + count);
    }
    return appendSynthetic(logs.get(scope), count);
  }

  private List<EmulatedLog> appendSynthetic(ScopedLogs.ScopeLog log, int count) {
    List<EmulatedLog> added = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      EmulatedLog next = nextSynthetic(log.appends());
      if (!log.store().add(next)) {
        break;
      }
      added.add(next);
    }
    return Collections.unmodifiableList(added);
  }

  private EmulatedLog nextSynthetic(SyntheticGenerator generator) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    synchronized (generator) {
      return EmulatedLog.parse(generator.next(now));
    }
  }

  /** Live appends: {@code count} records to each scope, stopping at once when closed. */
  private void appendToEveryScope(long count) {
    for (ScopedLogs.ScopeLog log : logs.all()) {
      for (long i = 0; i < count && !closed; i++) {
        if (!log.store().add(nextSynthetic(log.appends()))) {
          break;
        }
      }
    }
  }

  private void removeFromEveryScope(long count) {
    for (ScopedLogs.ScopeLog log : logs.all()) {
      log.store().removeOldest((int) count);
    }
  }

  /**
   * Deletes the {@code count} oldest records (by {@code when}, then id) of the user's log, as
   * Cloudflare's retention does with logs past 18 months; served from the next request on.
   *
   * @return how many were deleted (fewer when fewer are held)
   */
  public int deleteOldest(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative but was " + count);
    }
    return logs.user().store().removeOldest(count);
  }

  /**
   * The emulator's current time: its clock plus {@linkplain Builder#clockOffset(Duration) the clock
   * offset}. Its {@code Date} header, live appends and {@link ReceivedRequest#receivedAt()} use it.
   */
  public Instant now() {
    return clock.instant();
  }

  /**
   * The most recent requests received (up to 10,000), oldest first, with {@code Authorization},
   * {@code X-Auth-Key}, {@code X-Auth-Email} and {@code Cookie} values redacted.
   */
  public List<ReceivedRequest> requests() {
    return requestLog.requests();
  }

  /**
   * How many requests were answered with each HTTP status; key 0 counts connections dropped
   * unanswered.
   */
  public Map<Integer, Integer> statusCounts() {
    return requestLog.statusCounts();
  }

  /** How many requests were received in all. */
  public int requestCount() {
    return requestLog.total();
  }

  /**
   * Stops live appends, retention and the server; open connections are closed. Once it returns, no
   * record is added or deleted in the background any more (a burst in progress ends after the
   * record it is at; waited for up to 10 s). Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    stop(appender);
    stop(retention);
    server.close();
  }

  private static void stop(@Nullable ScheduledExecutorService background) {
    if (background == null) {
      return;
    }
    background.shutdownNow();
    try {
      background.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Such as {@code AuditLogEmulator{http://127.0.0.1:41234/client/v4, 250 records}}; no
   * credentials.
   */
  @Override
  public String toString() {
    List<String> accounts = logs.accountIds();
    return "AuditLogEmulator{"
        + baseUrl
        + ", "
        + logs.user().store().size()
        + " records"
        + (accounts.isEmpty() ? "" : ", " + accounts.size() + " accounts")
        + "}";
  }

  /**
   * Runs {@code action} with the number of events due, every 10 ms, so that {@code perSecond}
   * events happen per second on average (at most 10,000 at a time), until the emulator is closed.
   */
  private ScheduledExecutorService startPaced(String name, double perSecond, LongConsumer action) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, "audit-log-emulator-" + name + "-" + server.getPort());
              t.setDaemon(true);
              return t;
            });
    long startNanos = System.nanoTime();
    long[] done = {0};
    executor.scheduleAtFixedRate(
        () -> {
          double elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
          long due = (long) (elapsedSeconds * perSecond);
          long missing = Math.min(due - done[0], 10_000);
          if (missing > 0) {
            action.accept(missing);
            done[0] += missing;
          }
        },
        10,
        10,
        TimeUnit.MILLISECONDS);
    return executor;
  }

  /**
   * MockWebServer queues every request for {@code takeRequest()}; the emulator keeps its own
   * bounded log.
   */
  private void drainServerQueue() {
    try {
      for (int i = 0; i < 64 && server.takeRequest(0, TimeUnit.NANOSECONDS) != null; i++) {
        // discard
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Configures and {@linkplain #start() starts} an {@link AuditLogEmulator}. Every knob is
   * optional. {@code start()} takes a snapshot of the knobs: changing the builder afterwards
   * changes no emulator already started, and one builder can start several emulators.
   */
  public static final class Builder {
    int port;
    @Nullable Dataset dataset;
    @Nullable String apiToken;
    @Nullable String email;
    @Nullable String apiKey;
    @Nullable String forbiddenToken;
    boolean resultInfo = true;
    int rateLimitQuota = 1200;
    Duration rateLimitWindow = Duration.ofMinutes(5);
    Duration latency = Duration.ZERO;
    double faultRate;
    List<FaultKind> faultKinds = List.of();
    long faultSeed;
    int failFirstCount;
    @Nullable FaultKind failFirstKind;
    Duration slowFaultDelay = Duration.ofSeconds(2);
    Duration faultRetryAfter = Duration.ofSeconds(1);
    PaginationMode pagination = PaginationMode.NORMAL;
    double liveAppendsPerSecond;
    double retentionPerSecond;
    Clock clock = Clock.systemUTC();
    Duration clockOffset = Duration.ZERO;
    @Nullable Duration recentSpan;
    long recentSeed;
    int recentSize;
    List<String> accounts = List.of();
    Set<String> deniedAccounts = Set.of();

    private Builder() {}

    /**
     * Serves {@code GET /accounts/{account_id}/audit_logs} for these accounts (replacing any given
     * before): each account's log holds its own synthetic records, as many as the data set's, made
     * in the same span from the data set's seed mixed with the account id (records given with
     * {@link Dataset#of} are served to every account as given). By default no account: every
     * account id answers 403 (code 9109). The user's log is served as always.
     *
     * @throws IllegalArgumentException naming an id that is not 32 lowercase hexadecimal characters
     *     (Cloudflare's observed form)
     */
    public Builder accounts(String... accountIds) {
      this.accounts = List.copyOf(accountIds(accountIds));
      return this;
    }

    /**
     * Accounts whose logs exist (with records, as {@link #accounts} makes them, for the ground
     * truth) but which the credentials may not read (replacing any given before): every request for
     * them answers 403 with Cloudflare's error body, code 9109 "Unauthorized to access requested
     * resource". An id may be in both lists; denied wins.
     *
     * @throws IllegalArgumentException naming an id that is not 32 lowercase hexadecimal characters
     */
    public Builder deniedAccounts(String... accountIds) {
      this.deniedAccounts = Set.copyOf(accountIds(accountIds));
      return this;
    }

    private static Set<String> accountIds(String... ids) {
      Set<String> valid = new LinkedHashSet<>();
      for (String id : ids) {
        try {
          valid.add(AuditLogScope.account(id).accountId().orElseThrow());
        } catch (InvalidRequestException e) {
          throw new IllegalArgumentException(e.getMessage(), e);
        }
      }
      return valid;
    }

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535 but was " + port);
      }
      this.port = port;
      return this;
    }

    /** The records to serve; by default {@code Dataset.synthetic(42, 250)}. */
    public Builder dataset(Dataset dataset) {
      this.dataset = Objects.requireNonNull(dataset, "dataset");
      this.recentSpan = null;
      return this;
    }

    /**
     * Serves {@code size} synthetic records (seed {@code seed}) spread over the {@code span} before
     * the emulator's now (its clock plus {@link #clockOffset(Duration)}) when it starts, instead of
     * December 2025: records "from the last ten minutes", as a real account has.
     */
    public Builder recentDataset(long seed, int size, Duration span) {
      if (size < 0 || size > Dataset.MAX_SIZE) {
        throw new IllegalArgumentException(
            "size must be 0 to " + Dataset.MAX_SIZE + " but was " + size);
      }
      if (span.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("span must be at least 1 s but was " + span);
      }
      this.dataset = null;
      this.recentSeed = seed;
      this.recentSize = size;
      this.recentSpan = span;
      return this;
    }

    /**
     * The API token to accept; by default a random one, see {@link AuditLogEmulator#apiToken()}.
     */
    public Builder apiToken(String apiToken) {
      this.apiToken = requireText("apiToken", apiToken);
      return this;
    }

    /** The email and Global API key to accept; by default random ones. */
    public Builder emailAndApiKey(String email, String apiKey) {
      this.email = requireText("email", email);
      this.apiKey = requireText("apiKey", apiKey);
      return this;
    }

    /**
     * A token that is recognised but refused with 403, as a token without audit-log permission is.
     */
    public Builder forbiddenToken(String forbiddenToken) {
      this.forbiddenToken = requireText("forbiddenToken", forbiddenToken);
      return this;
    }

    /** Whether pages carry {@code result_info} (default true; the documented example has none). */
    public Builder resultInfo(boolean resultInfo) {
      this.resultInfo = resultInfo;
      return this;
    }

    /**
     * Allows {@code requests} per {@code window}, then answers 429; by default Cloudflare's 1200
     * per 300 s.
     */
    public Builder rateLimit(int requests, Duration window) {
      if (requests < 1) {
        throw new IllegalArgumentException("requests must be at least 1 but was " + requests);
      }
      if (window.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("window must be at least 1 s but was " + window);
      }
      this.rateLimitQuota = requests;
      this.rateLimitWindow = window;
      return this;
    }

    /** A delay added before every response (default none). */
    public Builder latency(Duration latency) {
      this.latency = requireNotNegative("latency", latency);
      return this;
    }

    /**
     * Injects faults into a fraction of requests. Off by default.
     *
     * <p>Each fault is drawn from {@code seed}, the request and its attempt, never from arrival
     * order: the request is its method, path and query parameters (so {@code page} and every
     * filter), the attempt how many times that same request has been received (1, then 2 for its
     * first retry, ...). A seed therefore faults the same (request, attempt) pairs on every run,
     * whatever the client's concurrency.
     *
     * @param rate the probability, 0 to 1, that a request is faulted
     * @param kinds the faults to choose from, uniformly; must not be empty when {@code rate} is
     *     above 0
     */
    public Builder faults(double rate, Set<FaultKind> kinds, long seed) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("rate must be 0 to 1 but was " + rate);
      }
      if (rate > 0 && kinds.isEmpty()) {
        throw new IllegalArgumentException("kinds must not be empty when rate is " + rate);
      }
      this.faultRate = rate;
      this.faultKinds = kinds.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(kinds));
      this.faultSeed = seed;
      return this;
    }

    /**
     * Answers the first {@code requests} requests with {@code kind}, whatever the fault rate, then
     * behaves as configured: the simplest way to test that a client retries and then succeeds.
     * "First" is in arrival order; a retried request still counts as an attempt for {@link
     * #faults(double, Set, long)}.
     */
    public Builder failFirst(int requests, FaultKind kind) {
      if (requests < 0) {
        throw new IllegalArgumentException("requests must not be negative but was " + requests);
      }
      this.failFirstCount = requests;
      this.failFirstKind = Objects.requireNonNull(kind, "kind");
      return this;
    }

    /** How long a {@link FaultKind#SLOW} response is held back (default 2 s). */
    public Builder slowFaultDelay(Duration delay) {
      this.slowFaultDelay = requireNotNegative("delay", delay);
      return this;
    }

    /**
     * The {@code retry-after} of an injected {@link FaultKind#RATE_LIMITED} (default 1 s; rounded
     * up).
     */
    public Builder faultRetryAfter(Duration retryAfter) {
      this.faultRetryAfter = requireNotNegative("retryAfter", retryAfter);
      return this;
    }

    /** How pages are served (default {@link PaginationMode#NORMAL}). */
    public Builder pagination(PaginationMode mode) {
      this.pagination = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Appends new synthetic records in the background at this rate, each with {@code when} = now
     * (the clock, to the second), until the emulator is closed or holds 1,000,000 records; to the
     * user's log and to each account's, at this rate each. Off (0) by default.
     */
    public Builder liveAppends(double perSecond) {
      if (!(perSecond >= 0 && perSecond <= 100_000)) {
        throw new IllegalArgumentException("perSecond must be 0 to 100000 but was " + perSecond);
      }
      this.liveAppendsPerSecond = perSecond;
      return this;
    }

    /**
     * Deletes the oldest records in the background at this rate (per second), as Cloudflare's
     * retention does continuously with logs past 18 months, until the emulator is closed or holds
     * none; from every log (the user's and each account's) at this rate each. Off (0) by default.
     * {@link AuditLogEmulator#deleteOldest(int)} does it on demand.
     */
    public Builder retention(double perSecond) {
      if (!(perSecond >= 0 && perSecond <= 100_000)) {
        throw new IllegalArgumentException("perSecond must be 0 to 100000 but was " + perSecond);
      }
      this.retentionPerSecond = perSecond;
      return this;
    }

    /**
     * Shifts the emulator's notion of now by {@code offset} (positive: its clock is ahead of the
     * client's, as a server's can be): its {@code Date} header, live appends' {@code when}, {@link
     * #recentDataset(long, int, Duration) recent records} and request times. Default zero.
     */
    public Builder clockOffset(Duration offset) {
      this.clockOffset = Objects.requireNonNull(offset, "offset");
      return this;
    }

    /**
     * The clock for rate-limit windows, appended records' {@code when} and request times (default
     * UTC), before {@link #clockOffset(Duration)} is added.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Starts the emulator on 127.0.0.1.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public AuditLogEmulator start() {
      try {
        return new AuditLogEmulator(new EmulatorConfig(this));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the emulator on 127.0.0.1:" + port, e);
      }
    }

    private static String requireText(String name, String value) {
      Objects.requireNonNull(value, name);
      if (value.isBlank() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new IllegalArgumentException(
            name + " must be non-blank text without control characters");
      }
      return value;
    }

    private static Duration requireNotNegative(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative but was " + value);
      }
      return value;
    }
  }
}
