package dev.cfauditlogs.cli;

import com.squareup.moshi.JsonWriter;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import okio.Buffer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code emulator}: the testkit emulator in the foreground. */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the built-in emulator of the API on 127.0.0.1 until interrupted.",
      "",
      "The first stdout line is one JSON object with base_url, api_token, email and",
      "api_key (the emulator's own throwaway credentials); a hint follows on stderr."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cf-audit-logs emulator --port 8787 --records 5000",
      "  cf-audit-logs emulator --fault-rate 0.2 --faults RATE_LIMITED,SERVER_ERROR",
      "  cf-audit-logs emulator --pagination IGNORES_PAGE --no-result-info"
    })
final class EmulatorCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin EmulatorOptions options;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "Port on 127.0.0.1; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--port must be between 0 and 65535 but was " + port);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    AuditLogEmulator emulator = options.builder(port, EmulatorOptions.EMULATOR_RECORDS).start();
    try {
      Thread hook =
          new Thread(
              () -> {
                emulator.close();
                stopped.countDown();
              },
              "cf-audit-logs-emulator-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      PrintWriter out = spec.commandLine().getOut();
      out.println(connectionLine(emulator));
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "Emulator serving "
              + emulator.records().size()
              + " records at "
              + emulator.baseUrl()
              + " — try in another shell:");
      err.println(
          "  CLOUDFLARE_BASE_URL="
              + emulator.baseUrl()
              + " CLOUDFLARE_API_TOKEN=<api_token above> cf-audit-logs list");
      err.println("Press Ctrl-C to stop.");
      err.flush();
      stopped.await();
    } finally {
      emulator.close();
    }
    return ExitCode.OK;
  }

  static String connectionLine(AuditLogEmulator emulator) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.beginObject();
      json.name("base_url").value(emulator.baseUrl());
      json.name("api_token").value(emulator.apiToken());
      json.name("email").value(emulator.email());
      json.name("api_key").value(emulator.apiKey());
      json.endObject();
    }
    return buffer.readUtf8();
  }
}
