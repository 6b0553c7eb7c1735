package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.AuditLogsClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code list}: one page. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print one page of audit logs (newest first unless --direction asc).",
      "",
      "When more pages exist, stderr says how many (or that more may exist)"
          + " and that the export command fetches them all."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cf-audit-logs list",
      "  cf-audit-logs list --since 2026-01-01 --action-type login --format json",
      "  cf-audit-logs list --page 2 --per-page 50 --format csv > page2.csv",
      "  cf-audit-logs list --account-id 023e105f4ecef8ad9ca31a8372d0c353"
    })
final class ListCommand implements Callable<Integer> {
  private static final Set<String> FORMATS = Set.of("table", "json", "jsonl", "csv");

  @CommandLine.ParentCommand RootCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin FilterOptions filters;
  @Mixin AccountOptions accounts;
  @Mixin ConnectionOptions connection;

  @Option(names = "--page", paramLabel = "N", description = "Which page, from 1 (default 1).")
  @Nullable Integer page;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json, jsonl or csv (default ${DEFAULT-VALUE}).")
  String format = "table";

  @Option(
      names = "--wide",
      description = {
        "table: leave out and cut no column (for pipes). Otherwise the table"
            + " fits COLUMNS, else the terminal's width, else 120: WHEN and ID are"
            + " never cut, the other columns are cut or left out (stderr names those"
            + " left out)."
      })
  boolean wide;

  /** The width the table fits, once known (0 before). */
  private int tableWidth;

  /** The width the table fits: none with --wide, else the terminal's (read once). */
  private int tableWidth() {
    if (tableWidth == 0) {
      tableWidth = wide ? TableWriter.UNLIMITED : Terminal.width(root.env());
    }
    return tableWidth;
  }

  @Override
  public Integer call() throws IOException {
    if (!FORMATS.contains(format)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--format must be table, json, jsonl or csv but was '" + format + "'");
    }
    List<AuditLogScope> scopes = accounts.scopes();
    if (scopes.size() > 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "list shows one page of one log, but --account-id was given "
              + scopes.size()
              + " times; give one account, or use 'cf-audit-logs export' for several");
    }
    AuditLogQuery.Builder q = filters.query().scope(scopes.get(0));
    if (page != null) {
      q.page(page);
    }
    AuditLogQuery query = q.build();
    PrintWriter out = spec.commandLine().getOut();
    AuditLogPage result;
    try (AuditLogsClient client = connection.client(root.env())) {
      result = client.list(query);
    }
    RecordWriter writer =
        accounts.given() && format.equals("csv")
            ? new CsvWriter(out, scopes.get(0).accountId().orElseThrow())
            : RecordWriter.of(
                format, out, format.equals("table") ? tableWidth() : TableWriter.UNLIMITED);
    writer.begin();
    OddityReport oddities = new OddityReport();
    for (AuditLog log : result.records()) {
      writer.write(log);
      oddities.record(log);
    }
    oddities.skipped(result);
    writer.end();
    out.flush();
    if (out.checkError()) {
      throw root.stdoutFailure();
    }
    if (Terminal.interactive()) {
      spec.commandLine()
          .getErr()
          .println(
              "page "
                  + result.page()
                  + (result.totalPages().isPresent() ? " of " + result.totalPages().getAsInt() : "")
                  + ", "
                  + result.records().size()
                  + " records"
                  + (result.totalCount().isPresent()
                      ? " (" + result.totalCount().getAsLong() + " in all)"
                      : ""));
    }
    if (writer instanceof TableWriter table && !table.hidden().isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "list: "
                  + String.join(", ", table.hidden())
                  + " left out to keep WHEN and ID whole in "
                  + tableWidth()
                  + " columns; --wide shows every column");
    }
    oddities.print(spec.commandLine().getErr());
    MorePages.note(result).ifPresent(spec.commandLine().getErr()::println);
    return ExitCode.OK;
  }
}
