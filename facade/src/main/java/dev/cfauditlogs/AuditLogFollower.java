package dev.cfauditlogs;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Incremental sync: delivers only the records newer than a {@link SyncCheckpoint}, page by page,
 * with the checkpoint that covers them, so that a service can store them and resume later with no
 * record lost or delivered twice. What the CLI's {@code follow} does, as a library.
 *
 * <pre>{@code
 * AuditLogFollower follower = AuditLogFollower.builder(client, AuditLogQuery.all()).build();
 * SyncCheckpoint from = SyncCheckpoint.load(file).orElse(SyncCheckpoint.start(AuditLogQuery.all()));
 * follower.run(from, (records, checkpoint) -> {
 *   store(records);        // first the records...
 *   checkpoint.save(file); // ...then the checkpoint that covers them
 * });
 * }</pre>
 *
 * <h2>What a pass does</h2>
 *
 * A pass reads the query oldest first ({@code direction=asc}) from {@code lookback} before the
 * checkpoint's newest {@code when} (or from the query's own {@code since} when that is later), so
 * that a record that arrives late, up to {@code lookback} behind the newest, is still picked up;
 * the records the checkpoint remembers ({@link SyncCheckpoint#recentIds()}, by {@code id}, or by
 * their JSON when they have none) are not delivered again. A record without a usable {@code when}
 * is delivered but never moves the checkpoint. Paging is the client's ({@link AuditLogPager}: by
 * keyset on {@code when}, each request a page beyond the last second read).
 *
 * <h2>Two modes</h2>
 *
 * <ul>
 *   <li>{@link #poll}: one pass; any failure is thrown (what {@code follow --once} does).
 *   <li>{@link #run}: passes every {@code interval} until {@linkplain #stop() stopped}, or until
 *       {@link Builder#maxPolls} passes or {@link Builder#maxDuration} have been used up. A failure
 *       likely to pass (rate limited, 408, 409, 5xx, a timeout, a connection failure, an unreadable
 *       body, a server paging inconsistently) is waited out: the server's {@code retry-after} when
 *       it gave one with any of those statuses (at most an hour, or the interval when longer), else
 *       a backoff from 1 s that doubles with each failure in a row up to the interval, shortened by
 *       up to 25 % at random; then the next pass resumes from the last page delivered. Any other
 *       failure ({@link AuthenticationException}, {@link PermissionDeniedException}, {@link
 *       BadRequestException}, {@link NotFoundException}, an exception or {@link IOException} from
 *       the delivery) is thrown: retrying would not help. The client's own retries ({@link
 *       AuditLogsClient.Builder#maxRetries}) come first, within each pass.
 * </ul>
 *
 * <p>{@link #stop()}, from any thread (e.g. a shutdown hook on SIGTERM), ends a wait at once and a
 * request in flight (cancelled), never a delivery: the pass ends after the page being delivered and
 * {@code poll}/{@code run} return the checkpoint that covers every record delivered. An interrupt
 * of the following thread stops the follower the same way (and is kept set).
 *
 * <p>What a caller logs comes as {@link SyncEvent}s ({@link Builder#onEvent}): each pass done, each
 * failure waited out with its wait, a large clock skew. A follower runs one {@code poll} or {@code
 * run} at a time; only {@link #stop()} may be called from other threads. Once stopped, it stays
 * stopped.
 */
public final class AuditLogFollower {
  /** How far behind the newest {@code when} a pass looks again by default: 5 minutes. */
  public static final Duration DEFAULT_LOOKBACK = Duration.ofMinutes(5);

  /** The time between passes of {@link #run} by default: 60 seconds. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

  private static final System.Logger LOG = System.getLogger("dev.cfauditlogs");
  private static final int SKIPPED_SAMPLES = 3;

  private final Supplier<? extends AuditLogsClient> clients;
  private final boolean clientPerPass;
  private final AuditLogQuery query;
  private final Duration lookback;
  private final Duration interval;
  private final long maxPolls;
  private final @Nullable Duration maxDuration;
  private final Clock clock;
  private final @Nullable Sleeper sleeper;
  private final FailurePolicy policy;
  private final Consumer<? super SyncEvent> listener;

  private final Object lock = new Object();
  private volatile boolean requested;
  private boolean interruptible; // guarded by lock
  private @Nullable Thread runner; // guarded by lock
  private volatile @Nullable PageStream current;
  private boolean interruptedFromOutside;
  private boolean skewReported;

  private AuditLogFollower(Builder b) {
    this.clients = b.clients;
    this.clientPerPass = b.clientPerPass;
    this.query = b.query;
    this.lookback = b.lookback;
    this.interval = b.interval;
    this.maxPolls = b.maxPolls;
    this.maxDuration = b.maxDuration;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.policy = new FailurePolicy(b.interval, b.random);
    this.listener = b.listener;
  }

  /**
   * A builder of a follower that reads {@code query} with {@code client} (which it does not close).
   *
   * @param query the records to follow: its filters, and optionally {@code since}, {@code before}
   *     and {@code per_page}; {@code direction} may only be {@code asc}, {@code page} is refused
   * @throws InvalidRequestException naming {@code direction} or {@code page} when the query sets
   *     one a follower cannot honour
   */
  public static Builder builder(AuditLogsClient client, AuditLogQuery query) {
    Objects.requireNonNull(client, "client");
    return new Builder(() -> client, false, query);
  }

  /**
   * A builder of a follower that takes a new client from {@code clientPerPass} for each pass and
   * closes it after the pass: each pass then starts like a new run, with no pacing carried over
   * from the pass before (whose failure the follower already waited out). Clients may share an
   * {@link okhttp3.OkHttpClient} through {@link AuditLogsClient.Builder#okHttpClient}.
   *
   * @see #builder(AuditLogsClient, AuditLogQuery)
   */
  public static Builder builder(
      Supplier<? extends AuditLogsClient> clientPerPass, AuditLogQuery query) {
    Objects.requireNonNull(clientPerPass, "clientPerPass");
    return new Builder(clientPerPass, true, query);
  }

  /** The query a pass starts from (oldest first), before its {@code since} is moved forward. */
  public AuditLogQuery query() {
    return query;
  }

  /**
   * One pass: delivers every record newer than {@code from}, page by page, and returns the
   * checkpoint after the last page delivered ({@code from} when there was no page). A {@link
   * #stop()} ends it early, normally.
   *
   * @throws InvalidCheckpointException when {@code from} was made for other filters
   * @throws AuditLogsException when a request failed (after the client's own retries)
   * @throws IOException from the delivery
   */
  public SyncCheckpoint poll(SyncCheckpoint from, SyncDelivery delivery) throws IOException {
    requireMatching(from);
    Objects.requireNonNull(delivery, "delivery");
    enter();
    try {
      Pass pass = new Pass(from);
      try {
        pass.run(delivery);
      } catch (RuntimeException e) {
        if (!requested) {
          throw e;
        }
      }
      return pass.delivered;
    } finally {
      leave();
    }
  }

  /**
   * Passes every {@code interval}, waiting out failures likely to pass, until {@link #stop()}, an
   * interrupt, {@link Builder#maxPolls} passes or {@link Builder#maxDuration}; see the class
   * description.
   *
   * @return the checkpoint that covers every record delivered
   * @throws InvalidCheckpointException when {@code from} was made for other filters
   * @throws AuditLogsException a failure that retrying cannot fix
   * @throws IOException from the delivery
   */
  public SyncCheckpoint run(SyncCheckpoint from, SyncDelivery delivery) throws IOException {
    requireMatching(from);
    Objects.requireNonNull(delivery, "delivery");
    enter();
    try {
      Instant started = clock.instant();
      Instant deadline = maxDuration == null ? null : started.plus(maxDuration);
      SyncCheckpoint at = from;
      int failuresInARow = 0;
      for (long polls = 1; !requested; polls++) {
        Duration wait;
        Pass pass = new Pass(at);
        try {
          pass.run(delivery);
          at = pass.delivered;
          failuresInARow = 0;
          wait = interval;
        } catch (RuntimeException e) {
          at = pass.delivered;
          if (requested) {
            break; // the stop cancelled the request in flight
          }
          Optional<Duration> retry =
              e instanceof AuditLogsException
                  ? policy.waitAfter(e, ++failuresInARow)
                  : Optional.empty();
          if (retry.isEmpty()) {
            throw e;
          }
          wait = retry.get();
          emit(
              new SyncEvent.PollFailed(
                  (AuditLogsException) e, failuresInARow, wait, clock.instant().plus(wait)));
        }
        if (polls >= maxPolls) {
          break;
        }
        if (deadline != null) {
          Duration left = Duration.between(clock.instant(), deadline);
          if (left.isNegative() || left.isZero()) {
            break;
          }
          wait = wait.compareTo(left) > 0 ? left : wait;
        }
        pause(wait);
      }
      return at;
    } finally {
      leave();
    }
  }

  /**
   * Asks the follower to stop, from any thread: a wait ends at once, a request in flight is
   * cancelled, a delivery in progress is finished. {@link #poll} or {@link #run} then returns
   * normally. Idempotent.
   */
  public void stop() {
    synchronized (lock) {
      requested = true;
      lock.notifyAll();
      if (interruptible && runner != null) {
        runner.interrupt();
      }
    }
    PageStream pages = current;
    if (pages != null) {
      pages.close(); // cancels the request in flight
    }
  }

  /** Whether {@link #stop()} was called (or the following thread was interrupted). */
  public boolean stopRequested() {
    return requested;
  }

  private void requireMatching(SyncCheckpoint from) {
    Objects.requireNonNull(from, "from");
    String scope = query.scope().key();
    if (!from.scope().equals(scope)) {
      throw new InvalidCheckpointException(
          "the checkpoint was made for scope '"
              + from.scope()
              + "', not the query's scope '"
              + scope
              + "'; a checkpoint follows one log only");
    }
    if (!from.matches(query)) {
      throw new InvalidCheckpointException(
          "the checkpoint was made for other filters ("
              + SyncFilters.describe(from.filters())
              + ") than the query's ("
              + SyncFilters.describe(SyncFilters.of(query))
              + ")");
    }
  }

  private void enter() {
    synchronized (lock) {
      runner = Thread.currentThread();
    }
  }

  private void leave() {
    synchronized (lock) {
      runner = null;
      interruptible = false;
    }
    if (interruptedFromOutside) {
      interruptedFromOutside = false;
      Thread.currentThread().interrupt();
    }
  }

  /** Enters a step that {@link #stop()} may interrupt; false when a stop was requested already. */
  private boolean beginInterruptible() {
    synchronized (lock) {
      if (requested) {
        return false;
      }
      interruptible = true;
      return true;
    }
  }

  /**
   * Leaves an interruptible step; the interrupt status is cleared before anything is delivered. An
   * interrupt that {@link #stop()} did not cause stops the follower too, and is set again on
   * return.
   */
  private void endInterruptible() {
    synchronized (lock) {
      interruptible = false;
      if (Thread.interrupted() && !requested) {
        requested = true;
        interruptedFromOutside = true;
      }
    }
  }

  private void pause(Duration wait) {
    if (sleeper == null) {
      long deadline = System.nanoTime() + wait.toNanos();
      synchronized (lock) {
        try {
          for (long left = wait.toNanos(); !requested && left > 0; ) {
            TimeUnit.NANOSECONDS.timedWait(lock, left);
            left = deadline - System.nanoTime();
          }
        } catch (InterruptedException e) {
          requested = true;
          interruptedFromOutside = true;
        }
      }
      return;
    }
    if (!beginInterruptible()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      synchronized (lock) {
        if (!requested) {
          requested = true;
          interruptedFromOutside = true;
        }
      }
    } finally {
      endInterruptible();
    }
  }

  private void emit(SyncEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The sync event listener failed", e);
    }
  }

  private void noteSkew(AuditLogsClient client) {
    if (skewReported) {
      return;
    }
    Optional<ClockSkew> skew = client.clockSkew().filter(ClockSkew::large);
    if (skew.isPresent()) {
      skewReported = true;
      emit(new SyncEvent.ClockSkewNoted(skew.get()));
    }
  }

  /** The window of a pass from {@code newest}: {@code lookback} before it, unless later. */
  AuditLogQuery window(@Nullable Instant newest) {
    if (newest == null) {
      return query;
    }
    Instant from = newest.minus(lookback);
    TimeBound since = query.sinceBound();
    if (since == null || since.start().isBefore(from)) {
      return query.toBuilder().since(from).build();
    }
    return query;
  }

  /** One pass; {@link #delivered} is the checkpoint after the last page delivered. */
  private final class Pass {
    private final SyncProgress progress;
    SyncCheckpoint delivered;

    Pass(SyncCheckpoint from) {
      this.progress = new SyncProgress(from);
      this.delivered = from;
    }

    void run(SyncDelivery delivery) throws IOException {
      long newRecords = 0;
      long skippedCount = 0;
      List<SkippedElement> skipped = new ArrayList<>();
      AuditLogsClient client = clients.get();
      try (PageStream pages =
          client.paginate(window(progress.newest())).withConcurrency(1).walker()) {
        current = pages;
        while (true) {
          AuditLogPage page = fetch(pages);
          noteSkew(client);
          if (page == null) {
            // an empty window may end without a page: the client's last Date is the server's clock
            refuseFutureCheckpoint(client.clockSkew().map(ClockSkew::serverTime).orElse(null));
            break;
          }
          skippedCount += page.skippedCount();
          for (SkippedElement e : page.skipped()) {
            if (skipped.size() < SKIPPED_SAMPLES) {
              skipped.add(e);
            }
          }
          Instant serverTime = page.response().date().orElse(null);
          refuseFutureCheckpoint(serverTime);
          List<AuditLog> fresh = new ArrayList<>();
          for (AuditLog log : page.records()) {
            String key = progress.keyToDeliver(log);
            if (key == null) {
              continue;
            }
            fresh.add(log);
            progress.delivered(key, log);
            if (log.when().isPresent()) {
              progress.add(key, log.when().get(), serverTime);
            } else {
              progress.remember(key); // no usable 'when': it cannot move the checkpoint
            }
          }
          progress.prune(lookback);
          SyncCheckpoint after = progress.checkpoint();
          delivery.deliver(List.copyOf(fresh), after);
          delivered = after;
          newRecords += fresh.size();
        }
      } finally {
        current = null;
        noteSkew(client);
        if (clientPerPass) {
          client.close();
        }
      }
      emit(new SyncEvent.PollDone(newRecords, skippedCount, skipped, delivered));
    }

    /**
     * A checkpoint whose newest {@code when} is later than the server's clock (by more than {@link
     * ClockSkew#REPORTED_ABOVE}) can never be followed: every pass would ask for records from the
     * future and find none, silently. Refused, naming both times.
     */
    private void refuseFutureCheckpoint(@Nullable Instant serverTime) {
      Instant newest = progress.newest();
      if (serverTime != null
          && newest != null
          && newest.isAfter(serverTime.plus(ClockSkew.REPORTED_ABOVE))) {
        throw new InvalidCheckpointException(
            "the checkpoint's newest when ("
                + newest
                + ") is later than the server's clock ("
                + serverTime
                + ", its Date header): no record could follow it. It was edited by hand or written"
                + " after a server sent a record stamped in the future; start again from a new"
                + " checkpoint with since set.");
      }
    }

    private @Nullable AuditLogPage fetch(PageStream pages) {
      if (!beginInterruptible()) {
        return null;
      }
      try {
        return pages.next();
      } finally {
        endInterruptible();
      }
    }
  }

  /**
   * Configures an {@link AuditLogFollower}; {@link #build()} validates. Every setting has a
   * default.
   */
  public static final class Builder {
    private final Supplier<? extends AuditLogsClient> clients;
    private final boolean clientPerPass;
    private final AuditLogQuery query;
    private Duration lookback = DEFAULT_LOOKBACK;
    private Duration interval = DEFAULT_INTERVAL;
    private long maxPolls = Long.MAX_VALUE;
    private @Nullable Duration maxDuration;
    private Clock clock = Clock.systemUTC();
    private @Nullable Sleeper sleeper;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Consumer<? super SyncEvent> listener = event -> {};

    private Builder(
        Supplier<? extends AuditLogsClient> clients, boolean clientPerPass, AuditLogQuery query) {
      this.clients = clients;
      this.clientPerPass = clientPerPass;
      this.query = followable(Objects.requireNonNull(query, "query"));
    }

    private static AuditLogQuery followable(AuditLogQuery query) {
      String direction = query.parameters().get("direction");
      if (direction != null && !direction.equals("asc")) {
        throw new InvalidRequestException(
            "direction",
            "a follower reads oldest first: direction must be asc or unset but was " + direction);
      }
      String page = query.parameters().get("page");
      if (page != null) {
        throw new InvalidRequestException(
            "page", "a follower pages by itself: page must be unset but was " + page);
      }
      return query.toBuilder().direction(Direction.ASC).build();
    }

    /**
     * How far behind the newest {@code when} each pass looks again, for records that arrive late
     * (default {@link #DEFAULT_LOOKBACK}). Longer finds later arrivals, at the cost of reading more
     * and remembering more ids in the checkpoint.
     *
     * @throws InvalidRequestException when not positive
     */
    public Builder lookback(Duration lookback) {
      this.lookback = positive("lookback", lookback);
      return this;
    }

    /**
     * The time {@link #run} waits between passes (default {@link #DEFAULT_INTERVAL}); also the
     * longest backoff after a failure.
     *
     * @throws InvalidRequestException when not positive
     */
    public Builder interval(Duration interval) {
      this.interval = positive("interval", interval);
      return this;
    }

    /**
     * The most passes {@link #run} makes, failed ones included (default: no limit).
     *
     * @throws InvalidRequestException when below 1
     */
    public Builder maxPolls(long maxPolls) {
      if (maxPolls < 1) {
        throw new InvalidRequestException(
            "maxPolls", "maxPolls must be 1 or more but was " + maxPolls);
      }
      this.maxPolls = maxPolls;
      return this;
    }

    /**
     * How long {@link #run} runs, by the follower's clock: no pass starts later (default: no
     * limit). A pass under way is finished.
     *
     * @throws InvalidRequestException when not positive
     */
    public Builder maxDuration(Duration maxDuration) {
      this.maxDuration = positive("maxDuration", maxDuration);
      return this;
    }

    /** Receives the {@link SyncEvent}s, on the follower's thread (default: none). */
    public Builder onEvent(Consumer<? super SyncEvent> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The clock for {@link Builder#maxDuration} and {@link SyncEvent.PollFailed#retryAt()}
     * (default: the system clock, UTC).
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * What {@link #run} waits with between passes (default: a wait on the follower itself, which
     * {@link #stop()} ends at once). A given sleeper is interrupted by {@link #stop()}.
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new InvalidRequestException(name, name + " must be positive but was " + value);
      }
      return value;
    }

    /** Builds the follower; nothing is sent before {@link #poll} or {@link #run}. */
    public AuditLogFollower build() {
      return new AuditLogFollower(this);
    }
  }
}
