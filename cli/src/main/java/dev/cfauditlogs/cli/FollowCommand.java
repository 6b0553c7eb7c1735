package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogFollower;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.InvalidCheckpointException;
import dev.cfauditlogs.SyncCheckpoint;
import dev.cfauditlogs.SyncDelivery;
import dev.cfauditlogs.SyncEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code follow}: incremental sync with a checkpoint. */
@Command(
    name = "follow",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Incremental sync: print records newer than a checkpoint, then keep polling.",
      "",
      "Records come oldest first; stdout carries records only. The checkpoint is written",
      "only after the records it covers are flushed (and synced, with --output). Two runs",
      "in a row print no record twice; a run killed at any moment and restarted loses no",
      "record and repeats at most the records of the page it was writing. With --output,",
      "a record torn by the kill is removed before appending. Records arriving late (up to",
      "--lookback behind the newest seen) are still picked up.",
      "",
      "Without --once, follow keeps running through passing failures (429, 408, 5xx,",
      "timeouts, connection failures, unreadable bodies, a server repeating pages): it says",
      "on stderr what happened and when it tries again, waits (retry-after, else a backoff",
      "up to --interval) and resumes from the checkpoint. It ends on 401/403 (exit 3), on",
      "another 400 or a 404 (exit 5), when the output cannot be written (exit 5; 0 when the",
      "reader closed stdout). SIGTERM or SIGINT: it stops polling, syncs what it wrote,",
      "saves the checkpoint and exits 0. With --once, a failure ends it as for export."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cf-audit-logs follow --checkpoint audit.ckpt >> audit.jsonl",
      "  cf-audit-logs follow --checkpoint audit.ckpt --once --since 2026-01-01",
      "  cf-audit-logs follow --checkpoint audit.ckpt --output audit.jsonl --interval 5m"
    })
final class FollowCommand implements Callable<Integer> {
  private static final Set<String> FORMATS = Set.of("jsonl", "csv");

  @CommandLine.ParentCommand RootCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin FilterOptions filters;
  @Mixin ConnectionOptions connection;

  @Option(
      names = "--checkpoint",
      required = true,
      paramLabel = "FILE",
      description = "Where the sync position is kept (created if missing).")
  Path checkpoint;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = Durations.class,
      description = "Time between polls (default ${DEFAULT-VALUE}).")
  Duration interval = Duration.ofSeconds(60);

  @Option(names = "--once", description = "Do a single pass and exit.")
  boolean once;

  @Option(
      names = "--lookback",
      paramLabel = "DURATION",
      defaultValue = "5m",
      converter = Durations.class,
      description =
          "How far behind the newest record to look again for late arrivals (default ${DEFAULT-VALUE}).")
  Duration lookback = Duration.ofMinutes(5);

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "jsonl",
      description = "jsonl or csv (default ${DEFAULT-VALUE}).")
  String format = "jsonl";

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Append to FILE (synced before each checkpoint) instead of writing to stdout.")
  @Nullable Path output;

  @Option(
      names = "--wait-scale",
      hidden = true,
      paramLabel = "FACTOR",
      defaultValue = "1",
      description =
          "For tests only: multiplies every wait of follow itself (interval, failure waits) by"
              + " FACTOR, 0.001-1. The library's own retry waits are not scaled.")
  double waitScale = 1;

  /** What each pass delivered that did not match the API document; printed after the pass. */
  private final OddityReport oddities = new OddityReport();

  @Override
  @SuppressWarnings("try") // the lock is held, not used, in its try block
  public Integer call() throws IOException {
    if (!FORMATS.contains(format)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--format must be jsonl or csv but was '" + format + "'");
    }
    if (filters.direction != null && !filters.direction.equalsIgnoreCase("asc")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "follow always reads oldest first; leave out --direction");
    }
    if (!(waitScale >= 0.001 && waitScale <= 1)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--wait-scale must be between 0.001 and 1 but was " + waitScale);
    }
    AuditLogQuery query = filters.query().build(); // refuse bad filters before anything else
    try (RunLock held = lockCheckpoint()) { // and a checkpoint another follow holds
      return follow(query);
    }
  }

  /**
   * Locks {@code CHECKPOINT.lock} for the run: the checkpoint itself is replaced by each save (an
   * atomic rename), so its sibling carries the lock.
   */
  private RunLock lockCheckpoint() {
    Path lockFile = checkpoint.resolveSibling(checkpoint.getFileName() + ".lock");
    return RunLock.acquire(
        lockFile,
        "checkpoint " + checkpoint,
        "another follow holds the checkpoint "
            + checkpoint
            + " (it locks "
            + lockFile
            + "); two runs on one checkpoint would deliver records twice. Stop it first, or give"
            + " this run another --checkpoint");
  }

  private int follow(AuditLogQuery query) throws IOException {
    SyncCheckpoint from = usableCheckpoint(query); // refuse an unusable checkpoint
    if (output != null) {
      AppendTarget.requireFormat(output, format); // and a file of another format to append to
    }
    PrintWriter err = spec.commandLine().getErr();
    OkHttpClient http = new OkHttpClient();
    // A client a pass: each resumes like a new run (the connection pool is shared), and a failure
    // wait already honoured what the server asked for.
    AuditLogFollower follower =
        AuditLogFollower.builder(() -> connection.client(root.env(), http), query)
            .lookback(lookback)
            .interval(interval)
            .sleeper(wait -> Thread.sleep(scaled(wait).toMillis()))
            .onEvent(event -> print(event, err))
            .build();
    try (GracefulStop stop =
            GracefulStop.install(
                () -> {
                  follower.stop();
                  http.dispatcher().cancelAll();
                });
        FollowOutput out =
            FollowOutput.open(
                output, spec.commandLine().getOut(), root::stdoutFailure, format, err)) {
      SyncDelivery delivery =
          (records, checkpoint) -> {
            for (AuditLog log : records) {
              out.write(log);
              oddities.record(log);
            }
            out.flushAndSync(); // the checkpoint never covers what was not written
            checkpoint.save(this.checkpoint);
          };
      try {
        if (once) {
          follower.poll(from, delivery);
        } else {
          follower.run(from, delivery);
        }
      } catch (InvalidCheckpointException e) {
        throw new Failures.CliException(
            ExitCode.USAGE, "checkpoint " + checkpoint + ": " + e.getMessage(), e);
      }
      if (stop.requested()) {
        err.println("follow: stopped by a signal; the checkpoint covers every record written");
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    return ExitCode.OK;
  }

  /**
   * Hides the shared {@code --direction} filter from follow's help (follow always reads oldest
   * first and refuses any other direction); it is still parsed, so that it can be refused.
   */
  static void hideDirection(CommandLine.Model.CommandSpec follow) {
    CommandLine.Model.OptionSpec direction = follow.findOption("--direction");
    follow.remove(direction);
    follow.addOption(direction.toBuilder().hidden(true).build());
  }

  /** Prints what the follower reports, on stderr. */
  private void print(SyncEvent event, PrintWriter err) {
    if (event instanceof SyncEvent.PollDone done) {
      oddities.skipped(done.skippedCount(), done.skipped());
      oddities.print(err);
      if (Terminal.interactive()) {
        err.println("follow: " + done.newRecords() + " new records");
      }
    } else if (event instanceof SyncEvent.PollFailed failed) {
      err.println(retryLine(failed.failure(), scaled(failed.retryIn())));
    } else if (event instanceof SyncEvent.ClockSkewNoted noted) {
      err.println(ConnectionOptions.skewNote(noted.skew()));
    }
    err.flush();
  }

  /** The one stderr line of a failure waited out: what happened, and when follow tries again. */
  private static String retryLine(RuntimeException failure, Duration wait) {
    return "follow: "
        + String.valueOf(failure.getMessage()).replaceAll("\\s+", " ").strip()
        + " Trying again at "
        + Instant.now().plus(wait).truncatedTo(ChronoUnit.MILLIS)
        + " (in "
        + Durations.human(wait)
        + "), from the checkpoint.";
  }

  private Duration scaled(Duration wait) {
    return Duration.ofMillis(Math.max(1, Math.round(wait.toMillis() * waitScale)));
  }

  /**
   * The checkpoint to start from, read and written back unchanged, so that it is known to work
   * before anything is sent; refused when made for other filters.
   */
  private SyncCheckpoint usableCheckpoint(AuditLogQuery query) {
    SyncCheckpoint cp;
    try {
      cp = SyncCheckpoint.load(checkpoint).orElseGet(() -> SyncCheckpoint.start(query));
    } catch (InvalidCheckpointException e) {
      throw new Failures.CliException(ExitCode.USAGE, e.getMessage(), e);
    } catch (IOException e) {
      throw new Failures.CliException(
          ExitCode.USAGE,
          "checkpoint " + checkpoint + " cannot be read (" + e.getMessage() + ")",
          e);
    }
    if (!cp.matches(query)) {
      throw new Failures.CliException(
          ExitCode.USAGE,
          "checkpoint "
              + checkpoint
              + " was made for other filters ("
              + cp.describeFilters()
              + "); use another checkpoint file for these filters");
    }
    try {
      cp.save(checkpoint);
    } catch (IOException e) {
      throw new Failures.CliException(
          ExitCode.USAGE,
          "checkpoint " + checkpoint + " cannot be written (" + e.getMessage() + ")",
          e);
    }
    return cp;
  }

  /** Where follow writes: stdout, or a file appended to and synced. */
  abstract static class FollowOutput implements AutoCloseable {
    abstract void write(AuditLog log) throws IOException;

    abstract void flushAndSync() throws IOException;

    static FollowOutput open(
        @Nullable Path file,
        PrintWriter stdout,
        Supplier<Failures.CliException> stdoutFailure,
        String format,
        PrintWriter err)
        throws IOException {
      return file == null
          ? new ToStdout(stdout, stdoutFailure, format)
          : new AppendFile(file, format, err);
    }

    @Override
    public void close() throws IOException {}
  }

  private static final class ToStdout extends FollowOutput {
    private final PrintWriter out;
    private final Supplier<Failures.CliException> failure;
    private final RecordWriter writer;

    ToStdout(PrintWriter out, Supplier<Failures.CliException> failure, String format)
        throws IOException {
      this.out = out;
      this.failure = failure;
      this.writer = RecordWriter.of(format, out, 0);
      writer.begin();
    }

    @Override
    void write(AuditLog log) throws IOException {
      writer.write(log);
    }

    @Override
    void flushAndSync() {
      out.flush();
      if (out.checkError()) {
        throw failure.get(); // the checkpoint is not advanced past what could not be written
      }
    }
  }

  private static final class AppendFile extends FollowOutput {
    private final AppendOnlyFile file;
    private final RecordWriter writer;

    AppendFile(Path path, String format, PrintWriter err) throws IOException {
      this.file =
          AppendOnlyFile.open(
              path,
              RecordEnds.of(format),
              repair -> {
                err.println("follow: " + repair);
                err.flush();
              });
      this.writer = RecordWriter.of(format, file.writer(), 0);
      if (file.wasEmpty()) {
        writer.begin();
      }
    }

    @Override
    void write(AuditLog log) throws IOException {
      writer.write(log);
    }

    @Override
    void flushAndSync() throws IOException {
      file.flushAndSync();
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }
}
