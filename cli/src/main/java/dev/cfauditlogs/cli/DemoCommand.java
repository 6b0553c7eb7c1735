package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code demo}: an export against an in-process emulator, no account needed. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Export sample data from a built-in emulator: no Cloudflare account needed.",
      "",
      "Starts the emulator with sample data on 127.0.0.1 and exports every"
          + " record from it through the same client, pagination and formats as a"
          + " real export."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cf-audit-logs demo",
      "  cf-audit-logs demo --format csv --records 500 > sample.csv",
      "  cf-audit-logs demo --fault-rate 0.3      # the export still gets every record"
    })
final class DemoCommand implements Callable<Integer> {
  private static final Set<String> FORMATS = Set.of("jsonl", "json", "csv");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin EmulatorOptions options;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "jsonl",
      description = "jsonl, json or csv (default ${DEFAULT-VALUE}).")
  String format = "jsonl";

  @Override
  public Integer call() throws IOException {
    if (!FORMATS.contains(format)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--format must be jsonl, json or csv but was '" + format + "'");
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try (AuditLogEmulator emulator = options.builder(0, EmulatorOptions.DEMO_RECORDS).start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .maxRetries(6)
                .build()) {
      err.println(
          "cf-audit-logs demo: exporting from a built-in emulator at "
              + emulator.baseUrl()
              + " (sample data, no Cloudflare account)");
      err.flush();
      long count =
          new ExportCommand.Exporter(
                  client.paginate(AuditLogQuery.builder().perPage(10).build()),
                  format,
                  new Progress(err, false))
              .run(out, out::checkError);
      err.println(
          "cf-audit-logs demo: "
              + count
              + " records exported in "
              + emulator.requestCount()
              + " requests. Next: 'cf-audit-logs export --help', or set CLOUDFLARE_API_TOKEN and run"
              + " 'cf-audit-logs list'.");
    }
    return ExitCode.OK;
  }
}
