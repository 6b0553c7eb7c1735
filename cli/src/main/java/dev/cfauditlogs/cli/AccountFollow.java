package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogFollower;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.AuditLogsException;
import dev.cfauditlogs.SyncCheckpoint;
import dev.cfauditlogs.SyncCheckpoints;
import dev.cfauditlogs.SyncDelivery;
import dev.cfauditlogs.SyncEvent;
import dev.cfauditlogs.internal.HumanDuration;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code follow --account-id}: one follower per account, all on ONE client (one rate budget), each
 * on its own thread. Every page delivered is written and synced, then the checkpoint FILE — one
 * entry per account ({@link SyncCheckpoints}) — is saved atomically, all under one lock, so the
 * file always covers exactly what was written.
 *
 * <p>An account that fails in a way retrying inside the follower cannot fix (403, 404, ...) is
 * named on stderr; the others go on. Without {@code --once} it is tried again after {@code
 * interval} × 1, 2, 4, 8 (then 8 each time) — at most once an interval. The run ends early only
 * when the output cannot be written, on a failure of the credentials (401, or malformed
 * credentials: every account's, said once, see {@link ScopeFailures}), or when every account is
 * failing at once; then with the worst failure's exit code. The other accounts start once the first
 * account's first request was answered, so that refused credentials are tried once, not once an
 * account. A stop (SIGTERM, SIGINT) ends every follower after the page it is delivering, and the
 * run exits 0 with every checkpoint saved.
 */
final class AccountFollow {
  /** The longest wait before trying a failing account again, in intervals. */
  static final int MAX_BACKOFF_INTERVALS = 8;

  private final AuditLogsClient client;
  private final AuditLogQuery query;
  private final List<AuditLogScope> scopes;
  private final Path checkpointFile;
  private final Map<AuditLogScope, FollowCommand.FollowOutput> outputs;
  private final Map<AuditLogScope, RecordWriter> writers;
  private final Function<AuditLogFollower.Builder, AuditLogFollower.Builder> settings;
  private final Duration interval;
  private final Function<Duration, Duration> scaled;
  private final boolean once;
  private final PrintWriter err;
  private final OddityReport oddities = new OddityReport();
  private final ScopeFailures failures;
  private final Object lock = new Object();
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Opened once the first scope's first request was answered (or it failed, or a stop). */
  private final CountDownLatch firstAnswered = new CountDownLatch(1);

  private final AtomicReference<@Nullable Throwable> fatal = new AtomicReference<>();
  private final List<AuditLogFollower> followers = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicBoolean skewSaid =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile boolean ended;

  private SyncCheckpoints checkpoints; // guarded by lock
  private long delivered; // guarded by lock

  AccountFollow(
      AuditLogsClient client,
      AuditLogQuery query,
      List<AuditLogScope> scopes,
      Path checkpointFile,
      SyncCheckpoints checkpoints,
      Map<AuditLogScope, FollowCommand.FollowOutput> outputs,
      Map<AuditLogScope, RecordWriter> writers,
      Function<AuditLogFollower.Builder, AuditLogFollower.Builder> settings,
      Duration interval,
      Function<Duration, Duration> scaled,
      boolean once,
      PrintWriter err,
      boolean verbose) {
    this.client = client;
    this.query = query;
    this.scopes = scopes;
    this.checkpointFile = checkpointFile;
    this.checkpoints = checkpoints;
    this.outputs = outputs;
    this.writers = writers;
    this.settings = settings;
    this.interval = interval;
    this.scaled = scaled;
    this.once = once;
    this.err = err;
    this.failures = new ScopeFailures(once ? "follow --once" : "follow", err, verbose);
  }

  /** Ends every follower after the page it is delivering (from any thread). */
  void stop() {
    ended = true;
    stopped.countDown();
    firstAnswered.countDown();
    synchronized (followers) {
      for (AuditLogFollower follower : followers) {
        follower.stop();
      }
    }
  }

  /**
   * Follows every account until a stop (or, with {@code --once}, one pass each).
   *
   * @param signalled whether the stop came from a signal (then the run ends 0)
   * @return the exit code
   */
  int run(java.util.function.BooleanSupplier signalled) throws IOException {
    List<Thread> threads = new ArrayList<>();
    for (AuditLogScope scope : scopes) {
      AuditLogFollower follower =
          settings
              .apply(AuditLogFollower.builder(client, query.toBuilder().scope(scope).build()))
              .onEvent(event -> print(scope, event))
              .build();
      synchronized (followers) {
        followers.add(follower);
      }
      Thread t = new Thread(() -> follow(scope, follower), "cf-audit-logs-follow");
      t.setDaemon(true);
      threads.add(t);
    }
    if (ended) {
      stop(); // a signal came before the followers existed
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        stop();
        Thread.currentThread().interrupt();
      }
    }
    Throwable failure = fatal.get();
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (signalled.getAsBoolean()) {
      err.println("follow: stopped by a signal; the checkpoints cover every record written");
      return ExitCode.OK;
    }
    long records;
    synchronized (lock) {
      records = delivered;
    }
    if (once || failures.count() > 0) {
      return failures.summarize(scopes.size(), records, "followed");
    }
    return ExitCode.OK;
  }

  /** Opens the way for the other scopes when {@code scope} is the first. */
  private void answered(AuditLogScope scope) {
    if (scope.equals(scopes.get(0))) {
      firstAnswered.countDown();
    }
  }

  /**
   * One account's thread: its follower, and its failures waited out with backoff. The first scope's
   * thread starts at once; the others once it was answered, and not at all after a failure of the
   * credentials.
   */
  private void follow(AuditLogScope scope, AuditLogFollower follower) {
    try {
      if (!scope.equals(scopes.get(0))) {
        try {
          firstAnswered.await();
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (failures.credentialsFailed()) {
        failures.notTried(scope);
        return;
      }
      followAnswered(scope, follower);
    } finally {
      answered(scope);
    }
  }

  private void followAnswered(AuditLogScope scope, AuditLogFollower follower) {
    SyncDelivery delivery = (records, checkpoint) -> deliver(scope, records, checkpoint);
    int failuresInARow = 0;
    while (!ended) {
      SyncCheckpoint from;
      synchronized (lock) {
        from = checkpoints.get(scope).orElseThrow();
      }
      try {
        if (once) {
          follower.poll(from, delivery);
        } else {
          follower.run(from, delivery);
        }
        return;
      } catch (AuditLogsException e) {
        failures.failed(scope, e);
        answered(scope); // after the failure is known: the others look at the credentials
        if (ScopeFailures.ofTheCredentials(e)) {
          stop(); // every account's credentials: no account is left to follow
          return;
        }
        if (once) {
          return;
        }
        if (failures.count() == scopes.size()) {
          stop(); // no account is left to follow
          return;
        }
        failuresInARow++;
        Duration wait =
            scaled.apply(
                interval.multipliedBy(
                    Math.min(1L << Math.min(failuresInARow - 1, 30), MAX_BACKOFF_INTERVALS)));
        say(
            "follow: "
                + scope
                + ": the other accounts go on; trying it again at "
                + Instant.now().plus(wait).truncatedTo(ChronoUnit.MILLIS)
                + " (in "
                + HumanDuration.of(wait)
                + "), from its checkpoint.");
        try {
          if (stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      } catch (IOException | RuntimeException | Error e) {
        fatal.compareAndSet(null, e); // the output: every account's problem
        stop();
        return;
      }
    }
  }

  private void deliver(AuditLogScope scope, List<AuditLog> records, SyncCheckpoint checkpoint)
      throws IOException {
    answered(scope);
    synchronized (lock) {
      RecordWriter writer = writers.get(scope);
      for (AuditLog log : records) {
        writer.write(log);
        oddities.record(log);
      }
      outputs.get(scope).flushAndSync(); // the checkpoint never covers what was not written
      SyncCheckpoints next = checkpoints.with(checkpoint);
      next.save(checkpointFile);
      checkpoints = next;
      delivered += records.size();
    }
  }

  private void print(AuditLogScope scope, SyncEvent event) {
    if (event instanceof SyncEvent.PollDone
        || event instanceof SyncEvent.PollFailed failed
            && !ScopeFailures.ofTheCredentials(failed.failure())) {
      answered(scope);
    }
    if (event instanceof SyncEvent.PollDone done) {
      if (failures.failed(scope)) {
        failures.recovered(scope);
        say("follow: " + scope + " can be read again");
      }
      synchronized (lock) {
        oddities.skipped(done.skippedCount(), done.skipped());
        synchronized (err) {
          oddities.print(err);
        }
      }
      if (Terminal.interactive()) {
        say("follow: " + scope + ": " + done.newRecords() + " new records");
      }
    } else if (event instanceof SyncEvent.PollFailed failed) {
      Duration wait = scaled.apply(failed.retryIn());
      say(
          "follow: "
              + scope
              + ": "
              + ScopeFailures.oneLine(failed.failure())
              + " Trying again at "
              + Instant.now().plus(wait).truncatedTo(ChronoUnit.MILLIS)
              + " (in "
              + HumanDuration.of(wait)
              + "), from the checkpoint.");
    } else if (event instanceof SyncEvent.ClockSkewNoted noted
        && skewSaid.compareAndSet(false, true)) { // once a run, not once an account
      say(ConnectionOptions.skewNote(noted.skew()));
    }
  }

  private void say(String line) {
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }
}
