package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogFollower;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.InvalidCheckpointException;
import dev.cfauditlogs.SyncCheckpoint;
import dev.cfauditlogs.SyncCheckpoints;
import dev.cfauditlogs.SyncDelivery;
import dev.cfauditlogs.SyncEvent;
import dev.cfauditlogs.internal.HumanDuration;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      "Records come oldest first; stdout carries records only. The"
          + " checkpoint is written only after the records it covers are flushed"
          + " (and synced, with --output). Two runs in a row print no record"
          + " twice; a run killed at any moment and restarted loses no record and"
          + " repeats at most the records of the page it was writing. With"
          + " --output, a record torn by the kill is removed before appending."
          + " Records arriving late (up to --lookback behind the newest seen) are"
          + " still picked up.",
      "",
      "Without --once, follow keeps running through passing failures (429,"
          + " 408, 5xx, timeouts, connection failures, unreadable bodies, a server"
          + " repeating pages): it says on stderr what happened and when it tries"
          + " again, waits (retry-after, else a backoff up to --interval) and"
          + " resumes from the checkpoint. It ends on 401/403 (exit 3), on another"
          + " 400 or a 404 (exit 5), when the output cannot be written (exit 5; 0"
          + " when the reader closed stdout). SIGTERM or SIGINT: it stops polling,"
          + " syncs what it wrote, saves the checkpoint and exits 0. With --once,"
          + " a failure ends it as for export."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cf-audit-logs follow --checkpoint audit.ckpt >> audit.jsonl",
      "  cf-audit-logs follow --checkpoint audit.ckpt --once --since 2026-01-01",
      "  cf-audit-logs follow --checkpoint audit.ckpt --output audit.jsonl \\",
      "      --interval 5m",
      "  cf-audit-logs follow --checkpoint accounts.ckpt \\",
      "      --account-id ID1 --account-id ID2 --output-dir logs/",
      "",
      "With --account-id (repeatable), one client follows every account"
          + " within one rate budget; the checkpoint file keeps one position per"
          + " account, so an account added later starts from its own beginning and"
          + " the others go on. An account that cannot be read is named on stderr"
          + " and tried again after 1, 2, 4, then 8 intervals while the others go"
          + " on. A checkpoint made for the user's log is refused for accounts,"
          + " and the reverse."
    })
final class FollowCommand implements Callable<Integer> {
  private static final Set<String> FORMATS = Set.of("jsonl", "csv");

  @CommandLine.ParentCommand RootCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin FilterOptions filters;
  @Mixin AccountOptions accounts;
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
      description =
          "Append to FILE (synced before each checkpoint) instead of writing to stdout; - is"
              + " stdout.")
  @Nullable Path output;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      description =
          "Append each log to its own file DIR/<account_id>.<format> (DIR/user.<format> without"
              + " --account-id), each synced before the checkpoint; DIR is created if missing.")
  @Nullable Path outputDir;

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
    output = OutputPaths.fileOrStdout(output);
    List<AuditLogScope> scopes = accounts.scopesFor(output, outputDir, format);
    AuditLogQuery query = filters.query().build(); // refuse bad filters before anything else
    OutputPaths.requireWritableFile("--checkpoint", checkpoint, false);
    if (output != null) {
      OutputPaths.requireWritableFile("--output", output, true);
    }
    try (RunLock held = lockCheckpoint()) { // and a checkpoint another follow holds
      if (accounts.given() || outputDir != null) {
        return followScopes(query, scopes);
      }
      return follow(query);
    }
  }

  /**
   * Follows {@code scopes} (the accounts of {@code --account-id}, or the user with {@code
   * --output-dir}) with one client and one checkpoint file holding an entry per scope; see {@link
   * AccountFollow}.
   */
  @SuppressWarnings("try") // the outputs are closed, not used, by their closer
  private int followScopes(AuditLogQuery query, List<AuditLogScope> scopes) throws IOException {
    SyncCheckpoints start = usableCheckpoints(query, scopes);
    PrintWriter err = spec.commandLine().getErr();
    if (outputDir != null) {
      try {
        Files.createDirectories(outputDir);
      } catch (IOException e) {
        throw new Failures.CliException(
            ExitCode.USAGE, "--output-dir " + outputDir + " cannot be created (" + e + ")", e);
      }
      for (AuditLogScope scope : scopes) {
        AppendTarget.requireFormat(AccountExport.fileOf(outputDir, scope, format), format);
      }
    } else if (output != null) {
      AppendTarget.requireFormat(output, format, CsvWriter.columns(accounts.given()));
    }
    Map<AuditLogScope, FollowOutput> outputs = new LinkedHashMap<>();
    Map<AuditLogScope, RecordWriter> writers = new LinkedHashMap<>();
    OkHttpClient http = new OkHttpClient();
    try (AuditLogsClient client = connection.client(root.env(), http);
        OutputsCloser closer = new OutputsCloser(outputs.values())) {
      if (outputDir != null) {
        for (AuditLogScope scope : scopes) {
          FollowOutput out =
              FollowOutput.open(
                  AccountExport.fileOf(outputDir, scope, format),
                  spec.commandLine().getOut(),
                  root::stdoutFailure,
                  format,
                  false,
                  err);
          outputs.put(scope, out);
          writers.put(scope, out.writer(null));
        }
      } else {
        FollowOutput out =
            FollowOutput.open(
                output, spec.commandLine().getOut(), root::stdoutFailure, format, true, err);
        outputs.put(scopes.get(0), out); // closed once
        for (AuditLogScope scope : scopes) {
          writers.put(scope, out.writer(scope.accountId().orElse("")));
        }
        for (AuditLogScope scope : scopes) {
          outputs.putIfAbsent(scope, out);
        }
      }
      AccountFollow follow =
          new AccountFollow(
              client,
              query,
              scopes,
              checkpoint,
              start,
              outputs,
              writers,
              b ->
                  b.lookback(lookback)
                      .interval(interval)
                      .sleeper(wait -> Thread.sleep(scaled(wait).toMillis())),
              interval,
              this::scaled,
              once,
              err,
              connection.verbose);
      try (GracefulStop stop =
          GracefulStop.install(
              () -> {
                follow.stop();
                http.dispatcher().cancelAll();
              })) {
        return follow.run(stop::requested);
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Closes each distinct output once. */
  private static final class OutputsCloser implements AutoCloseable {
    private final java.util.Collection<FollowOutput> outputs;

    OutputsCloser(java.util.Collection<FollowOutput> outputs) {
      this.outputs = outputs;
    }

    @Override
    public void close() throws IOException {
      IOException first = null;
      for (FollowOutput out : new java.util.LinkedHashSet<>(outputs)) {
        try {
          out.close();
        } catch (IOException e) {
          first = first == null ? e : first;
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }

  /**
   * The checkpoint file to start from, with an entry for each of {@code scopes} (a new one from its
   * own beginning when the file has none; entries of other accounts are kept as they are), written
   * back so that it is known to work before anything is sent. Refused (exit 2): a file of another
   * kind of scope (the user's log, when accounts are asked for, and the reverse), or made for other
   * filters.
   */
  private SyncCheckpoints usableCheckpoints(AuditLogQuery query, List<AuditLogScope> scopes) {
    SyncCheckpoints cps;
    try {
      cps = SyncCheckpoints.load(checkpoint).orElseGet(SyncCheckpoints::empty);
    } catch (InvalidCheckpointException e) {
      throw new Failures.CliException(
          ExitCode.USAGE, "checkpoint " + checkpoint + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new Failures.CliException(
          ExitCode.USAGE,
          "checkpoint " + checkpoint + " cannot be read (" + e.getMessage() + ")",
          e);
    }
    requireScopeKind(cps.scopes(), scopes.get(0));
    for (AuditLogScope scope : scopes) {
      AuditLogQuery scoped = query.toBuilder().scope(scope).build();
      SyncCheckpoint cp = cps.get(scope).orElseGet(() -> SyncCheckpoint.start(scoped));
      if (!cp.matches(scoped)) {
        throw new Failures.CliException(
            ExitCode.USAGE,
            "checkpoint "
                + checkpoint
                + " was made for other filters ("
                + cp.describeFilters()
                + "); use another checkpoint file for these filters");
      }
      cps = cps.with(cp);
    }
    try {
      cps.save(checkpoint);
    } catch (IOException e) {
      throw new Failures.CliException(
          ExitCode.USAGE,
          "checkpoint " + checkpoint + " cannot be written (" + e.getMessage() + ")",
          e);
    }
    return cps;
  }

  /**
   * Refuses (exit 2) a checkpoint holding positions in the user's log for a run over accounts, or
   * positions in accounts' logs for a run over the user's: a checkpoint keeps its scope, so that a
   * script's checkpoint never silently starts meaning another log.
   */
  private void requireScopeKind(java.util.Set<AuditLogScope> saved, AuditLogScope asked) {
    boolean askedUser = asked.accountId().isEmpty();
    List<String> other = new java.util.ArrayList<>();
    for (AuditLogScope scope : saved) {
      if (scope.accountId().isEmpty() != askedUser) {
        other.add(scope.toString());
      }
    }
    if (!other.isEmpty()) {
      throw new Failures.CliException(
          ExitCode.USAGE,
          "checkpoint "
              + checkpoint
              + " follows "
              + String.join(", ", other)
              + ", not "
              + (askedUser ? "the user's log (no --account-id)" : "the accounts of --account-id")
              + "; a checkpoint keeps the log it was made for. Give this run another --checkpoint");
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
    RequestCounter requests = new RequestCounter(); // for the --once summary
    OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(requests).build();
    long[] written = new long[2]; // records, pages
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
                output, spec.commandLine().getOut(), root::stdoutFailure, format, false, err)) {
      RecordWriter writer = out.writer(null);
      SyncDelivery delivery =
          (records, checkpoint) -> {
            for (AuditLog log : records) {
              writer.write(log);
              oddities.record(log);
            }
            out.flushAndSync(); // the checkpoint never covers what was not written
            checkpoint.save(this.checkpoint);
            written[0] += records.size();
            written[1]++;
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
      } else if (once) {
        err.println(onceSummary(written[0], written[1], requests.count()));
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    return ExitCode.OK;
  }

  /**
   * The one stderr line that ends {@code follow --once} over the user's log: {@code cf-audit-logs:
   * follow --once: R records written (P pages delivered, Q requests); checkpoint saved to FILE}. A
   * delivery is a page's new records, written and covered by a checkpoint save; requests count
   * every HTTP exchange, retries included.
   */
  private String onceSummary(long records, long deliveries, long requests) {
    return "cf-audit-logs: follow --once: "
        + records
        + (records == 1 ? " record" : " records")
        + " written ("
        + deliveries
        + (deliveries == 1 ? " page" : " pages")
        + " delivered, "
        + requests
        + (requests == 1 ? " request" : " requests")
        + "); checkpoint saved to "
        + checkpoint;
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
        + HumanDuration.of(wait)
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
      refuseAccountCheckpoints(); // a file of several accounts' entries says so
      throw new Failures.CliException(ExitCode.USAGE, e.getMessage(), e);
    } catch (IOException e) {
      throw new Failures.CliException(
          ExitCode.USAGE,
          "checkpoint " + checkpoint + " cannot be read (" + e.getMessage() + ")",
          e);
    }
    if (!cp.scope().equals(AuditLogScope.user().key())) {
      refuseAccountCheckpoints();
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

  /** Refuses the checkpoint when it holds accounts' positions (this run follows the user's). */
  private void refuseAccountCheckpoints() {
    SyncCheckpoints cps;
    try {
      cps = SyncCheckpoints.load(checkpoint).orElseGet(SyncCheckpoints::empty);
    } catch (IOException | RuntimeException e) {
      return; // not a checkpoint of accounts: the caller says what is wrong with it
    }
    requireScopeKind(cps.scopes(), AuditLogScope.user());
  }

  /**
   * Where follow writes: stdout, or a file appended to and synced. Records are written by the
   * {@link RecordWriter}s it hands out, all into the same place; the CSV header (or nothing, for
   * JSONL) is written once when the output opens, unless the file already holds records.
   */
  abstract static class FollowOutput implements AutoCloseable {
    private final String format;

    FollowOutput(String format) {
      this.format = format;
    }

    /** Where records go. */
    abstract Appendable sink();

    abstract void flushAndSync() throws IOException;

    /**
     * A writer of records into this output; for CSV with {@code accountId} non-null, with an {@code
     * account_id} column holding it.
     */
    RecordWriter writer(@Nullable String accountId) {
      return accountId != null && format.equals("csv")
          ? new CsvWriter(sink(), accountId)
          : RecordWriter.of(format, sink(), 0);
    }

    /**
     * @param accountColumn whether CSV rows carry an {@code account_id} column
     */
    static FollowOutput open(
        @Nullable Path file,
        PrintWriter stdout,
        Supplier<Failures.CliException> stdoutFailure,
        String format,
        boolean accountColumn,
        PrintWriter err)
        throws IOException {
      FollowOutput out =
          file == null
              ? new ToStdout(stdout, stdoutFailure, format)
              : new AppendFile(file, format, err);
      if (file == null || ((AppendFile) out).file.wasEmpty()) {
        out.writer(accountColumn ? "" : null).begin();
      }
      return out;
    }

    @Override
    public void close() throws IOException {}
  }

  private static final class ToStdout extends FollowOutput {
    private final PrintWriter out;
    private final Supplier<Failures.CliException> failure;

    ToStdout(PrintWriter out, Supplier<Failures.CliException> failure, String format) {
      super(format);
      this.out = out;
      this.failure = failure;
    }

    @Override
    Appendable sink() {
      return out;
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
    final AppendOnlyFile file;

    AppendFile(Path path, String format, PrintWriter err) throws IOException {
      super(format);
      this.file =
          AppendOnlyFile.open(
              path,
              RecordEnds.of(format),
              repair -> {
                err.println("follow: " + repair);
                err.flush();
              });
    }

    @Override
    Appendable sink() {
      return file.writer();
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
