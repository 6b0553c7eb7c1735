package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogCursor;
import dev.cfauditlogs.AuditLogPager;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.AuditLogsClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export}: every matching record, streamed. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Export every matching record, streamed with constant memory.",
      "",
      "Every record that exists when the export starts, and still exists"
          + " when its part is read, is written exactly once, whatever this"
          + " machine's clock says and whatever is written or deleted (retention)"
          + " meanwhile: pages follow the records' own times, not page numbers."
          + " Records are written as the API sent them (jsonl, json) or flattened"
          + " to fixed columns plus a last column 'extra' holding every other"
          + " field as JSON (csv, safe to open in a spreadsheet). A server clock"
          + " more than a minute off this machine's is reported on stderr."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cf-audit-logs export --since 2026-01-01 > audit.jsonl",
      "  cf-audit-logs export --format csv --output audit.csv --progress",
      "  cf-audit-logs export --actor-ip 198.51.100.0/24 --direction asc \\",
      "      --concurrency 4",
      "  cf-audit-logs export --account-id ID1 --account-id ID2 --output-dir logs/",
      "  cf-audit-logs export --account-id ID1 --account-id ID2 --format csv \\",
      "      > accounts.csv",
      "",
      "With --output FILE the records go to FILE.partial, renamed to FILE"
          + " only when complete; with --output-dir DIR each account's records go"
          + " to DIR/<account_id>.<format> the same way. Several accounts are read"
          + " at once by one client, within one rate budget. An account that"
          + " cannot be read is named on stderr and the others finish; a summary"
          + " line follows and the exit code is the worst failure's (3 for a"
          + " permission problem)."
    })
final class ExportCommand implements Callable<Integer> {
  private static final Set<String> FORMATS = Set.of("jsonl", "json", "csv");

  @CommandLine.ParentCommand RootCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin FilterOptions filters;
  @Mixin AccountOptions accounts;
  @Mixin ConnectionOptions connection;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "jsonl",
      description = "jsonl, json or csv (default ${DEFAULT-VALUE}).")
  String format = "jsonl";

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write to FILE instead of stdout; - is stdout.")
  @Nullable Path output;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      description =
          "Write each log to its own file DIR/<account_id>.<format> (DIR/user.<format> without"
              + " --account-id); DIR is created if missing.")
  @Nullable Path outputDir;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "" + AuditLogPager.DEFAULT_CONCURRENCY,
      description =
          "Requests in flight at most: 1 = one at a time, up to 16. When the server says how"
              + " many records there are, that many pages are fetched together (each checked,"
              + " written in order); otherwise the next page is fetched while one is written."
              + " Always within the rate limit (default ${DEFAULT-VALUE}).")
  int concurrency = AuditLogPager.DEFAULT_CONCURRENCY;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show a progress line on stderr (default: only when stderr is a terminal).")
  @Nullable Boolean progress;

  @Override
  public Integer call() throws IOException {
    if (!FORMATS.contains(format)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--format must be jsonl, json or csv but was '" + format + "'");
    }
    output = OutputPaths.fileOrStdout(output);
    List<AuditLogScope> scopes = accounts.scopesFor(output, outputDir, format);
    AuditLogQuery query = filters.query().build();
    if (output != null) {
      OutputPaths.requireWritableFile("--output", output, false);
    }
    PrintWriter err = spec.commandLine().getErr();
    if (accounts.given() || outputDir != null) {
      return accountExport(query, scopes, err);
    }
    try (AuditLogsClient client = connection.client(root.env(), err)) {
      Exporter exporter =
          new Exporter(
              client.paginate(query).withConcurrency(concurrency),
              format,
              new Progress(err, progress != null ? progress : Terminal.interactive()));
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        try {
          exporter.run(out, out::checkError);
        } catch (Failures.CliException e) {
          throw stdoutFailure(e, out);
        }
        exporter.oddities().print(err);
        return ExitCode.OK;
      }
      try (OutputFile file = new OutputFile(output)) {
        Writer writer = file.writer();
        try {
          exporter.run(writer, () -> false);
        } catch (RuntimeException | IOException e) {
          err.println("cf-audit-logs: the partial output is in " + file.partial());
          throw e;
        }
        file.commit();
      }
      exporter.oddities().print(err);
      return ExitCode.OK;
    }
  }

  /**
   * What an export to standard output ends with when {@code e} stopped it: when {@code out} could
   * not be written, the reader having closed it (exit 0) or another write failure (exit 5), with
   * the records written before; else {@code e}. The one owner of these words for the single log and
   * the accounts' export.
   */
  private Failures.CliException stdoutFailure(Failures.CliException e, PrintWriter out) {
    if (!out.checkError()) {
      return e;
    }
    return root.stdoutFailure(
        e instanceof OutputBroken broken ? OptionalLong.of(broken.records) : OptionalLong.empty());
  }

  /**
   * The output an export writes to could no longer be written, found after {@link #records} records
   * had been written to it (the exit code and words are the caller's: {@link
   * #stdoutFailure(Failures.CliException, PrintWriter)}).
   */
  static final class OutputBroken extends Failures.CliException {
    private static final long serialVersionUID = 1L;

    /** Records written to the output before it was found broken. */
    final long records;

    OutputBroken(long records, String message) {
      super(ExitCode.FAILURE, message);
      this.records = records;
    }
  }

  /** Export of the scopes named by {@code --account-id}, or to {@code --output-dir}. */
  private int accountExport(AuditLogQuery query, List<AuditLogScope> scopes, PrintWriter err)
      throws IOException {
    try (AuditLogsClient client = connection.client(root.env(), err)) {
      AccountExport export =
          new AccountExport(
              client,
              query,
              scopes,
              format,
              concurrency,
              err,
              progress != null ? progress : Terminal.interactive(),
              connection.verbose);
      if (outputDir != null) {
        return export.toDirectory(outputDir);
      }
      boolean accountColumn = accounts.given();
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        try {
          return export.toOne(out, out::checkError, accountColumn);
        } catch (Failures.CliException e) {
          throw stdoutFailure(e, out);
        }
      }
      Path empty = null;
      int code;
      try (OutputFile file = new OutputFile(output)) {
        try {
          code = export.toOne(file.writer(), () -> false, accountColumn);
        } catch (RuntimeException | IOException e) {
          err.println("cf-audit-logs: the partial output is in " + file.partial());
          throw e;
        }
        if (export.anyFailed() && export.written() == 0) {
          empty = file.partial(); // removed once closed: it would hold no record
          err.println("cf-audit-logs: " + output + " was not written: no record was read");
        } else if (export.anyFailed()) {
          file.writer().flush();
          err.println(
              "cf-audit-logs: "
                  + output
                  + " is not complete, so it was not written; the other accounts' records are in "
                  + file.partial());
        } else {
          file.commit();
        }
      }
      if (empty != null) {
        Files.deleteIfExists(empty);
      }
      return code;
    }
  }

  /** Streams one iteration into a writer. */
  static final class Exporter {
    private final dev.cfauditlogs.AuditLogPager pager;
    private final String format;
    private final Progress progress;
    private final OddityReport oddities = new OddityReport();
    private Runnable onFirstAnswer = () -> {};
    private volatile boolean answered;

    Exporter(dev.cfauditlogs.AuditLogPager pager, String format, Progress progress) {
      this.pager = pager;
      this.format = format;
      this.progress = progress;
    }

    /** Runs {@code then} once the first page was answered (not when the request failed). */
    Exporter onFirstAnswer(Runnable then) {
      this.onFirstAnswer = then;
      return this;
    }

    /** Whether the first page was answered: before, nothing was written. */
    boolean answered() {
      return answered;
    }

    /** What was delivered that did not match the API document, for the summary at the end. */
    OddityReport oddities() {
      return oddities;
    }

    long run(Appendable out, java.util.function.BooleanSupplier broken) throws IOException {
      return run(RecordWriter.of(format, out, 0), true, out, broken);
    }

    /**
     * Streams into {@code writer}, which writes to {@code out}; {@code frame}: whether this run
     * begins and ends the writer's output (false when it shares the output with other runs).
     */
    long run(
        RecordWriter writer,
        boolean frame,
        Appendable out,
        java.util.function.BooleanSupplier broken)
        throws IOException {
      long count = 0;
      if (frame) {
        writer.begin();
      }
      try (AuditLogCursor cursor = pager.iterator()) {
        cursor.hasNext(); // the first page (a failure throws)
        answered = true;
        onFirstAnswer.run();
        while (cursor.hasNext()) {
          AuditLog log = cursor.next();
          writer.write(log);
          oddities.record(log);
          count++;
          if ((count & 1023) == 0) {
            if (broken.getAsBoolean()) {
              throw new OutputBroken(
                  count, "the output was closed after " + count + " records (broken pipe?)");
            }
            progress.update(count, cursor.totalCount());
          }
        }
        if (frame) {
          writer.end();
        }
        if (out instanceof java.io.Flushable flushable) {
          flushable.flush();
        }
        if (broken.getAsBoolean()) {
          throw new OutputBroken(count, "could not write all of the output");
        }
        progress.finish(count, cursor.totalCount());
        oddities.skipped(cursor.skippedCount(), cursor.skipped());
      }
      return count;
    }
  }
}
