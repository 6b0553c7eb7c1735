package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.Direction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
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
    String fingerprint = fingerprint();
    filters.query().build(); // refuse bad filters before anything else happens
    checkCheckpointUsable(fingerprint); // and an unusable checkpoint
    if (output != null && format.equals("csv")) {
      CsvWriter.requireSameColumns(output); // and a CSV file of other columns to append to
    }
    PrintWriter err = spec.commandLine().getErr();
    FailurePolicy policy = new FailurePolicy(interval, ThreadLocalRandom.current()::nextDouble);
    OkHttpClient http = new OkHttpClient();
    try (GracefulStop stop = GracefulStop.install(http.dispatcher()::cancelAll);
        FollowOutput out =
            FollowOutput.open(output, spec.commandLine().getOut(), root::stdoutFailure, format)) {
      int failuresInARow = 0;
      while (!stop.requested()) {
        Duration wait;
        // A client a pass: each resumes like a new run (the connection pool is shared), and a
        // failure wait already honoured what the server asked for.
        try (AuditLogsClient client = connection.client(root.env(), err, http)) {
          long written = pass(client, out, fingerprint, stop);
          oddities.print(err);
          failuresInARow = 0;
          if (Terminal.interactive()) {
            err.println("follow: " + written + " new records");
          }
          if (once) {
            break;
          }
          wait = interval;
        } catch (RuntimeException e) {
          if (stop.requested()) {
            break; // the stop cancelled the request in flight
          }
          Optional<Duration> retry =
              once ? Optional.empty() : policy.waitAfter(e, ++failuresInARow);
          if (retry.isEmpty()) {
            throw e;
          }
          wait = retry.get();
          err.println(retryLine(e, scaled(wait)));
        }
        stop.sleep(scaled(wait));
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

  private Checkpoint readCheckpoint(String fingerprint) {
    Checkpoint cp;
    try {
      cp = Checkpoint.read(checkpoint, fingerprint);
    } catch (IOException e) {
      throw new Failures.CliException(
          ExitCode.USAGE,
          "checkpoint " + checkpoint + " cannot be read (" + e.getMessage() + ")",
          e);
    }
    if (!cp.filters().equals(fingerprint)) {
      throw new Failures.CliException(
          ExitCode.USAGE,
          "checkpoint "
              + checkpoint
              + " was made for other filters ("
              + cp.filters()
              + "); use another checkpoint file for these filters");
    }
    return cp;
  }

  /** Reads the checkpoint and writes it back unchanged, so that it is known to work. */
  private void checkCheckpointUsable(String fingerprint) {
    Checkpoint cp = readCheckpoint(fingerprint);
    try {
      cp.write(checkpoint);
    } catch (IOException e) {
      throw new Failures.CliException(
          ExitCode.USAGE,
          "checkpoint " + checkpoint + " cannot be written (" + e.getMessage() + ")",
          e);
    }
  }

  private long pass(AuditLogsClient client, FollowOutput out, String fingerprint, GracefulStop stop)
      throws IOException {
    Checkpoint cp = readCheckpoint(fingerprint);
    AuditLogQuery.Builder q = filters.query().direction(Direction.ASC);
    Instant newest = cp.newest();
    if (newest != null) {
      Instant from = newest.minus(lookback);
      AuditLogQuery given = filters.query().build();
      if (given.since().isEmpty() || sinceInstant(given).isBefore(from)) {
        q.since(from);
      }
    }
    AuditLogQuery query = q.build();
    long written = 0;
    Iterator<AuditLogPage> pages = client.paginate(query).withPrefetch(1).pages().iterator();
    while (stop.fetching(pages::hasNext)) {
      AuditLogPage page = pages.next();
      oddities.skipped(page);
      for (AuditLog log : page.records()) {
        String key = log.id().orElseGet(() -> "json:" + JsonText.compact(log.json()));
        if (cp.seen(key)) {
          continue;
        }
        out.write(log);
        oddities.record(log);
        if (log.when().isPresent()) {
          cp.add(key, log.when().get());
        } else {
          cp.remember(key); // no usable 'when': it cannot move the checkpoint
        }
        written++;
      }
      out.flushAndSync();
      cp.prune(lookback);
      cp.write(checkpoint);
    }
    if (cp.newest() == null) {
      cp.write(checkpoint);
    }
    return written;
  }

  private static Instant sinceInstant(AuditLogQuery q) {
    String since = q.since().orElseThrow();
    return since.length() == 10 ? Instant.parse(since + "T00:00:00Z") : Instant.parse(since);
  }

  private String fingerprint() {
    StringBuilder s = new StringBuilder();
    append(s, "id", filters.id);
    append(s, "action.type", filters.actionType);
    append(s, "actor.email", filters.actorEmail);
    append(s, "actor.ip", filters.actorIp);
    append(s, "zone.name", filters.zoneName);
    append(s, "hide_user_logs", filters.hideUserLogs ? "true" : null);
    return s.length() == 0 ? "all" : s.toString();
  }

  private static void append(StringBuilder s, String name, @Nullable String value) {
    if (value != null) {
      s.append(s.length() == 0 ? "" : "&").append(name).append('=').append(value);
    }
  }

  /** Where follow writes: stdout, or a file appended to and synced. */
  abstract static class FollowOutput implements AutoCloseable {
    abstract void write(AuditLog log) throws IOException;

    abstract void flushAndSync() throws IOException;

    static FollowOutput open(
        @Nullable Path file,
        PrintWriter stdout,
        Supplier<Failures.CliException> stdoutFailure,
        String format)
        throws IOException {
      return file == null
          ? new ToStdout(stdout, stdoutFailure, format)
          : new AppendFile(file, format);
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

    AppendFile(Path path, String format) throws IOException {
      this.file = AppendOnlyFile.open(path, RecordEnds.of(format));
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
