package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.AuditLogsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * {@code export --account-id} (or {@code --output-dir}): every scope exported by ONE client, so
 * within one rate budget, at most {@link #PARALLEL_SCOPES} scopes at a time. A scope that fails
 * (its account unreadable, missing, ...) is named on stderr and does not stop the others; the run
 * ends with one summary line and the worst failure's exit code ({@link ScopeFailures}). A failure
 * that is not the API's (the output cannot be written) ends the whole run as it does without
 * accounts.
 *
 * <p>The credentials are every scope's: the other scopes start only once the first scope's first
 * page was answered (one request's wait), so that credentials Cloudflare refuses are tried once,
 * not once an account; after a failure of the credentials no further scope is started.
 */
final class AccountExport {
  /**
   * Scopes exported at the same time, sharing {@code --concurrency} between them. The client's
   * pacer keeps the total within the rate limit whatever this is.
   */
  static final int PARALLEL_SCOPES = 4;

  private final AuditLogsClient client;
  private final AuditLogQuery query;
  private final List<AuditLogScope> scopes;
  private final String format;
  private final int concurrency;
  private final PrintWriter err;
  private final boolean progress;
  private final ScopeFailures failures;
  private long written;

  /** Rows written to the one CSV output of several scopes; guarded by its lock. */
  private long rows;

  AccountExport(
      AuditLogsClient client,
      AuditLogQuery query,
      List<AuditLogScope> scopes,
      String format,
      int concurrency,
      PrintWriter err,
      boolean progress,
      boolean verbose) {
    this.client = client;
    this.query = query;
    this.scopes = scopes;
    this.format = format;
    this.concurrency = concurrency;
    this.err = err;
    this.progress = progress && scopes.size() == 1; // one line cannot show several logs
    this.failures = new ScopeFailures("export", err, verbose);
  }

  /**
   * The requests in flight for one scope: {@code --concurrency} shared by the scopes exported at
   * once, so that the total in flight (and the pages held in memory) stays within it.
   */
  private int concurrencyPerScope() {
    return Math.max(1, concurrency / Math.min(scopes.size(), PARALLEL_SCOPES));
  }

  private ExportCommand.Exporter exporter(AuditLogScope scope, Runnable answered) {
    return new ExportCommand.Exporter(
            client
                .paginate(query.toBuilder().scope(scope).build())
                .withConcurrency(concurrencyPerScope()),
            format,
            new Progress(err, progress))
        .onFirstAnswer(answered);
  }

  /** The file {@code --output-dir} gives {@code scope}: {@code DIR/<account_id>.<format>}. */
  static Path fileOf(Path dir, AuditLogScope scope, String format) {
    return dir.resolve(AccountOptions.fileStem(scope) + "." + format);
  }

  /**
   * One file a scope in {@code dir} (created if missing), each written to {@code FILE.partial} and
   * renamed when that scope is complete. A scope that fails before its first page was answered
   * leaves no {@code .partial}: it would hold nothing.
   */
  int toDirectory(Path dir) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new Failures.CliException(
          ExitCode.USAGE, "--output-dir " + dir + " cannot be created (" + e + ")", e);
    }
    long records =
        runAll(
            (scope, answered) -> {
              ExportCommand.Exporter exporter = exporter(scope, answered);
              OutputFile file = new OutputFile(fileOf(dir, scope, format));
              boolean empty = false;
              try (file) {
                long count;
                try {
                  count = exporter.run(file.writer(), () -> false);
                } catch (AuditLogsException e) {
                  empty = !exporter.answered();
                  if (!empty) {
                    say("cf-audit-logs: " + scope + ": the partial output is in " + file.partial());
                  }
                  throw e;
                } catch (RuntimeException | IOException e) {
                  say("cf-audit-logs: " + scope + ": the partial output is in " + file.partial());
                  throw e;
                }
                file.commit();
                printOddities(exporter);
                return count;
              } finally {
                if (empty) {
                  Files.deleteIfExists(file.partial());
                }
              }
            });
    return failures.summarize(scopes.size(), records, "exported to " + dir);
  }

  /**
   * Every scope into one output ({@code out}), as CSV with an {@code account_id} column, or — for a
   * single scope — in any format, the records as sent.
   *
   * @param accountColumn whether CSV gets the {@code account_id} column
   * @param broken whether {@code out} can no longer be written
   * @return the exit code
   */
  int toOne(Writer out, BooleanSupplier broken, boolean accountColumn) throws IOException {
    long records;
    if (scopes.size() == 1 && !(accountColumn && format.equals("csv"))) {
      AuditLogScope scope = scopes.get(0);
      records = runAll((s, answered) -> runOne(exporter(scope, answered), out, broken));
    } else {
      if (!format.equals("csv")) {
        throw new IllegalStateException("several logs in one output are CSV only");
      }
      Object lock = new Object();
      new CsvWriter(out, "").begin();
      try {
        records =
            runAll(
                (scope, answered) -> {
                  RecordWriter writer =
                      locked(new CsvWriter(out, scope.accountId().orElse("")), lock);
                  ExportCommand.Exporter exporter = exporter(scope, answered);
                  long count = exporter.run(writer, false, out, broken);
                  printOddities(exporter);
                  return count;
                });
      } catch (ExportCommand.OutputBroken e) { // one scope found it: every scope's rows count
        synchronized (lock) {
          throw new ExportCommand.OutputBroken(rows, e.getMessage());
        }
      }
    }
    written = records;
    return failures.summarize(scopes.size(), records, "exported");
  }

  private long runOne(ExportCommand.Exporter exporter, Writer out, BooleanSupplier broken)
      throws IOException {
    long count = exporter.run(out, broken);
    printOddities(exporter);
    return count;
  }

  /** The records {@link #toOne} wrote. */
  long written() {
    return written;
  }

  /** Whether a scope failed: the caller keeps a single output as a partial file then. */
  boolean anyFailed() {
    return failures.count() > 0;
  }

  private void printOddities(ExportCommand.Exporter exporter) {
    synchronized (err) {
      exporter.oddities().print(err);
    }
  }

  private void say(String line) {
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }

  /** One scope's export; returns the records written. */
  @FunctionalInterface
  interface ScopeTask {
    /**
     * @param answered to run once the scope's first page was answered (the exporter runs it)
     */
    long export(AuditLogScope scope, Runnable answered) throws IOException;
  }

  /**
   * Runs {@code task} for every scope, {@link #PARALLEL_SCOPES} at a time, the others only after
   * the first scope's first page was answered or it failed; an API failure is that scope's (a
   * failure of the credentials also stops the scopes not yet started), anything else ends the run
   * (the other scopes are interrupted) and is thrown.
   */
  private long runAll(ScopeTask task) throws IOException {
    CountDownLatch firstAnswered = new CountDownLatch(1);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(scopes.size(), PARALLEL_SCOPES),
            r -> {
              Thread t = new Thread(r, "cf-audit-logs-export");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (AuditLogScope scope : scopes) {
        boolean first = results.isEmpty();
        results.add(
            pool.submit(
                () -> {
                  if (!first) {
                    firstAnswered.await();
                  }
                  if (failures.credentialsFailed()) {
                    failures.notTried(scope);
                    return 0L;
                  }
                  try {
                    return task.export(scope, first ? firstAnswered::countDown : () -> {});
                  } catch (AuditLogsException e) {
                    failures.failed(scope, e); // before the others look at the credentials
                    return 0L;
                  } finally {
                    if (first) {
                      firstAnswered.countDown();
                    }
                  }
                }));
      }
      long records = 0;
      for (Future<Long> result : results) {
        records += get(result);
      }
      return records;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long get(Future<Long> result) throws IOException {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failures.CliException(ExitCode.FAILURE, "interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * {@code writer}, each record written whole while holding {@code lock}, and counted in {@link
   * #rows}.
   */
  private RecordWriter locked(RecordWriter writer, Object lock) {
    return new RecordWriter() {
      @Override
      public void begin() throws IOException {
        synchronized (lock) {
          writer.begin();
        }
      }

      @Override
      public void write(AuditLog log) throws IOException {
        synchronized (lock) {
          writer.write(log);
          rows++;
        }
      }

      @Override
      public void end() throws IOException {
        synchronized (lock) {
          writer.end();
        }
      }
    };
  }
}
