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
import java.util.Set;
import java.util.concurrent.Callable;
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
      "a line torn by the kill is removed before appending. Records arriving late (up to",
      "--lookback behind the newest seen) are still picked up."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cf-audit-logs follow --checkpoint audit.ckpt >> audit.jsonl",
      "  cf-audit-logs follow --checkpoint audit.ckpt --once --since 2026-01-01",
      "  cf-audit-logs follow --checkpoint audit.ckpt --output audit.jsonl --interval 5m"
    })
final class FollowCommand implements Callable<Integer> {
  private static final Set<String> FORMATS = Set.of("jsonl", "csv");
  private static final int MAX_PASSES = Integer.MAX_VALUE;

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

  /** What each pass delivered that did not match the API document; printed after the pass. */
  private final OddityReport oddities = new OddityReport();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!FORMATS.contains(format)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--format must be jsonl or csv but was '" + format + "'");
    }
    if (filters.direction != null && !filters.direction.equalsIgnoreCase("asc")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "follow always reads oldest first; leave out --direction");
    }
    String fingerprint = fingerprint();
    filters.query().build(); // refuse bad filters before anything else happens
    try (AuditLogsClient client = connection.client(root.env());
        FollowOutput out = FollowOutput.open(output, spec.commandLine().getOut(), format)) {
      for (int pass = 0; pass < MAX_PASSES; pass++) {
        long written = pass(client, out, fingerprint);
        oddities.print(spec.commandLine().getErr());
        if (Terminal.interactive()) {
          spec.commandLine().getErr().println("follow: " + written + " new records");
        }
        if (once) {
          break;
        }
        Thread.sleep(interval.toMillis());
      }
    }
    return ExitCode.OK;
  }

  private long pass(AuditLogsClient client, FollowOutput out, String fingerprint)
      throws IOException {
    Checkpoint cp = Checkpoint.read(checkpoint, fingerprint);
    if (!cp.filters().equals(fingerprint)) {
      throw new Failures.CliException(
          ExitCode.USAGE,
          "checkpoint "
              + checkpoint
              + " was made for other filters ("
              + cp.filters()
              + "); use another checkpoint file for these filters");
    }
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
    for (AuditLogPage page : client.paginate(query).withPrefetch(1).pages()) {
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

    static FollowOutput open(@Nullable Path file, PrintWriter stdout, String format)
        throws IOException {
      return file == null ? new ToStdout(stdout, format) : new AppendFile(file, format);
    }

    @Override
    public void close() throws IOException {}
  }

  private static final class ToStdout extends FollowOutput {
    private final PrintWriter out;
    private final RecordWriter writer;

    ToStdout(PrintWriter out, String format) throws IOException {
      this.out = out;
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
        throw new Failures.CliException(
            ExitCode.FAILURE,
            "could not write to standard output; the checkpoint was not advanced");
      }
    }
  }

  private static final class AppendFile extends FollowOutput {
    private final AppendOnlyFile file;
    private final RecordWriter writer;

    AppendFile(Path path, String format) throws IOException {
      this.file = AppendOnlyFile.open(path);
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
